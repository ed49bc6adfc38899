"""`main.py serve` as a separate process, as an operator runs it: started on a free port, waited for, stopped."""
from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.support.cli import ROOT

START_SECONDS = 90.0  # generous: a busy 2-core machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str, headers: dict[str, str] | None = None, timeout: float = 5) -> tuple[int, Any]:
    """(status, JSON body) of a GET; (0, None) when nothing answers."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")
    except (urllib.error.URLError, OSError):
        return 0, None


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_ready(self, seconds: float = START_SECONDS) -> None:
        deadline = time.monotonic() + seconds
        while get(self.port, "/readyz")[0] != 200:
            assert self.process.poll() is None, f"the server exited: {self.output()}"
            assert time.monotonic() < deadline, f"the server never got ready: {self.output()}"
            time.sleep(0.2)

    def signal(self, signum: int) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signum)

    def stop(self, seconds: float = 60) -> int:
        """SIGTERM, then wait; SIGKILL if it does not end in time (the test then fails on the exit code)."""
        self.signal(signal.SIGTERM)
        try:
            return self.process.wait(seconds)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return -9


def start(database_url: str, folder: Path, name: str, **settings: str) -> Server:
    """`main.py serve` on a free port over `database_url`; keyword arguments are more environment variables."""
    port = free_port()
    env = {"PATH": os.environ["PATH"], "DATABASE_URL": database_url, "SECRET_KEY": "serve-test-secret-key-123",
           "VAR_DIR": str(folder / f"var-{name}"), "LOG_LEVEL": "WARNING", "WECHAT_API_BASE": "http://127.0.0.1:9",
           **settings}
    log = folder / f"{name}.log"
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "main.py", "serve", "--port", str(port)], cwd=ROOT, env=env,
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    return Server(process, port, log)


def call(port: int, method: str, path: str, body: Any = None, token: str | None = None,
         timeout: float = 30) -> tuple[int, Any]:
    """(status, JSON body) of a request with a JSON body and an optional bearer token."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def staff_login(port: int, username: str, password: str) -> str:
    status, body = call(port, "POST", "/api/v1/auth/staff", {"username": username, "password": password})
    assert status == 200, body
    return body["token"]


def consumer_login(port: int, name: str) -> str:
    status, body = call(port, "POST", "/api/v1/auth/wechat", {"code": f"dev:{name}"})
    assert status == 200, body
    return body["token"]


def wait_for(check: Any, seconds: float, what: str, every: float = 0.05) -> float:
    """Poll `check()` until it is true; returns the seconds it took."""
    started = time.monotonic()
    while not check():
        assert time.monotonic() - started < seconds, f"{what}: not within {seconds} s"
        time.sleep(every)
    return time.monotonic() - started


async def sql_rows(database_url: str, text: str) -> list[tuple]:
    """Rows of one read, straight from the database (what no API shows: a lease)."""
    if database_url.startswith("sqlite"):
        import sqlite3

        db = sqlite3.connect(database_url.removeprefix("sqlite://"))
        try:
            return db.execute(text).fetchall()
        finally:
            db.close()
    import asyncpg

    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        return [tuple(r) for r in await conn.fetch(text)]
    finally:
        await conn.close()


@contextlib.asynccontextmanager
async def writes_blocked(database_url: str, table: str = "app_user") -> AsyncIterator[None]:
    """Hold the database's write lock (SQLite) or an exclusive lock on `table` (PostgreSQL): a request that writes
    there waits until the block ends (a slow request, as under a long import)."""
    if database_url.startswith("sqlite"):
        import sqlite3

        db = sqlite3.connect(database_url.removeprefix("sqlite://"), isolation_level=None)
        db.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            db.execute("ROLLBACK")
            db.close()
        return
    import asyncpg

    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        async with conn.transaction():
            await conn.execute(f'LOCK TABLE "{table}" IN EXCLUSIVE MODE')
            yield
    finally:
        await conn.close()
