"""`serve --workers 2`: GET /metrics, answered by either worker, counts the requests both workers served
(prometheus-client's multi-process mode, in a fresh folder under VAR_DIR that serve removes when it ends)."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.support.observability import parse, value

ROOT = Path(__file__).resolve().parent.parent
DEADLINE = 90.0  # seconds: starting two workers on a busy 2-core machine takes a while
ROUTE = "/api/v1/products"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Connection": "close"})
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()
    except (urllib.error.URLError, OSError):
        return 0, {}, b""


@pytest.mark.skipif(sys.platform != "linux", reason="SO_REUSEPORT spreads connections over the workers on Linux")
def test_metrics_of_two_workers(tmp_path, database_url):
    port, var = free_port(), tmp_path / "var"
    env = {"PATH": os.environ["PATH"], "DATABASE_URL": database_url, "SECRET_KEY": "serve-test-secret-key-123",
           "LOG_LEVEL": "WARNING", "VAR_DIR": str(var)}
    (var / "metrics" / "serve-999999999").mkdir(parents=True)  # left by a serve that was killed: removed at start
    with open(tmp_path / "serve.log", "wb") as log:
        parent = subprocess.Popen([sys.executable, "main.py", "serve", "--workers", "2", "--port", str(port)],
                                  cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + DEADLINE
        while len(worker_pids(scrape(port, wait=True))) < 2:  # each worker writes its gauges when it starts
            assert parent.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "the workers did not start: " + (tmp_path / "serve.log").read_text()
            time.sleep(0.3)
        assert [f.name for f in (var / "metrics").iterdir()] == [f"serve-{parent.pid}"]
        before = parse(scrape(port))
        for _ in range(REQUESTS):  # a new connection each time: the kernel spreads them over both workers
            status, _, body = get(port, f"{ROUTE}?page_size=1")
            assert status == 200, body
        after = parse(scrape(port))
        label = {"route": ROUTE, "method": "GET", "status": "200"}
        moved = value(after, "aixin_http_requests_total", **label) - value(before, "aixin_http_requests_total", **label)
        assert moved == REQUESTS
        assert value(after, "aixin_http_request_duration_seconds_count", route=ROUTE) >= REQUESTS
    finally:
        stop(parent)
    assert not (var / "metrics" / f"serve-{parent.pid}").exists(), "serve removes its metrics folder when it ends"


REQUESTS = 40


def scrape(port: int, wait: bool = False) -> str:
    status, _, body = get(port, "/metrics")
    assert status == 200 or (wait and status == 0), body
    return body.decode()


def worker_pids(text: str) -> set[str]:
    """The workers whose own gauges the scrape shows (the pid label of multi-process mode)."""
    if not text:
        return set()
    return {s.labels["pid"] for family in text_string_to_metric_families(text) for s in family.samples
            if s.name == "aixin_search_index_products"}


def stop(parent: subprocess.Popen) -> None:
    """SIGTERM: serve stops its workers and cleans up; SIGKILL only if it does not end in time."""
    if parent.poll() is None:
        parent.send_signal(signal.SIGTERM)
        try:
            parent.wait(timeout=30)
        except subprocess.TimeoutExpired:
            parent.kill()
            parent.wait()
