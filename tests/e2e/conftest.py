"""End-to-end fixtures: the real server (`python main.py serve`, demo data) in its own process, on the engine the
run tests (`--db`), driven by Debian's Chromium through Playwright. No browser is downloaded.

Every test gets a fresh browser context and page; when it ends, a screenshot of the page is saved in
`E2E_SCREENSHOTS` (default `var/e2e-screenshots/`), named after the test.
"""
from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.support.pages import ScriptErrors

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(os.environ.get("E2E_SCREENSHOTS", ROOT / "var" / "e2e-screenshots"))
# Chromium as the machine's probe runs it: no sandbox (root), no GPU, and no calls home on a closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SECRET_KEY = "e2e-secret-key-not-for-production"
ADMIN = ("admin", "aixin-admin-demo")
CLERK = ("clerk", "aixin-clerk-demo")


def _unavailable(reason: str) -> None:
    """In CI a missing browser is a failure, never a silent skip."""
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _fresh_postgres_database(url: str, name: str) -> str:
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="package")
def e2e_database_url(db_engine: str, database_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database of its own: the unit tests empty theirs before each test."""
    if db_engine == "sqlite":
        return f"sqlite://{tmp_path_factory.mktemp('e2e-db') / 'e2e.sqlite3'}"
    with ThreadPoolExecutor(1) as pool:  # a thread of its own: pytest-asyncio may have a loop running here
        return pool.submit(asyncio.run, _fresh_postgres_database(database_url, "aixin_e2e")).result()


@dataclass
class Server:
    url: str
    process: subprocess.Popen


def _wait_until_up(url: str, process: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the server did not answer within {seconds} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="package")
def server(e2e_database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`python main.py migrate` then `serve`, with demo data, exactly as an operator runs them."""
    workdir = tmp_path_factory.mktemp("e2e-server")
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": e2e_database_url, "DEMO": "1", "SECRET_KEY": SECRET_KEY,
           "SEARCH_REFRESH_SECONDS": "0.3", "LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1"}
    main = str(ROOT / "main.py")
    subprocess.run([sys.executable, main, "migrate"], cwd=workdir, env=env, check=True, capture_output=True)
    log = workdir / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, main, "serve", "--port", str(port)], cwd=workdir, env=env,
                                   stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process, log)
        yield Server(url=url, process=process)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    if not Path(CHROMIUM).exists():
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any, server: Server, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh context (no stored logins) at desktop size; its screenshot is saved when the test ends."""
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 860}, locale="zh-CN",
                                  timezone_id="Asia/Shanghai")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    try:
        yield tab
    finally:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        try:
            tab.screenshot(path=str(SCREENSHOTS / f"{request.node.name}.png"), full_page=True)
        finally:
            context.close()


class Api:
    """The HTTP API as a test's setup uses it (the browser tests check what the pages show)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def call(self, method: str, path: str, token: str | None = None, body: Any = None) -> Any:
        import json

        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base_url + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", f"Bearer {token}")
        with urllib.request.urlopen(req, timeout=30) as reply:
            raw = reply.read()
            return json.loads(raw) if reply.headers.get_content_type() == "application/json" else raw

    def staff_token(self, username: str, password: str) -> str:
        return self.call("POST", "/api/v1/auth/staff", body={"username": username, "password": password})["token"]

    def consumer_token(self, name: str) -> str:
        return self.call("POST", "/api/v1/auth/wechat", body={"code": f"dev:{name}"})["token"]


@pytest.fixture
def api(server: Server) -> Api:
    return Api(server.url)


def login_staff(page: Any, path: str, username: str, password: str) -> None:
    """Open a staff page and log in through its form."""
    page.goto(path)
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()


@pytest.fixture
def script_errors(page: Any) -> Iterator[ScriptErrors]:
    """The page's script never throws nor logs an error while a test drives it; a refusal the test provokes on
    purpose is allowed (`script_errors.allow_refusal(409)`)."""
    errors = ScriptErrors()
    page.on("pageerror", lambda error: errors.seen.append(str(error)))
    page.on("console", lambda message: errors.seen.append(message.text) if message.type == "error" else None)
    yield errors
    assert errors.unexpected() == []
