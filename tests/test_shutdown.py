"""Graceful shutdown of `main.py serve` (issue 19): on SIGTERM `/readyz` says 503 `shutting_down` while the worker
still serves for SHUTDOWN_DRAIN_SECONDS, then it stops accepting, a request in flight (waiting for the database)
finishes, a card batch's
issuing job gives its lease back (another worker resumes it at once), and the process exits 0. Both engines."""
from __future__ import annotations

import datetime
import signal
import socket
import time

from tests.support.cli import run_cli
from tests.support.servers import call, get, sql_rows, staff_login, start, wait_for, writes_blocked

# Long enough that the readiness checks and the login below are sent within it on a loaded two-core machine
# (at 1.5 s, with a load of 12, the login found the listener already closed).
DRAIN = 4.0


def login_request(port: int) -> socket.socket:
    """A login (which writes a new user) sent whole; its answer is read later."""
    body = b'{"code": "dev:zoe-in-flight"}'
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sock.sendall(b"POST /api/v1/auth/wechat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                 b"Content-Length: " + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
    return sock


def accepting(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def answer(sock: socket.socket) -> bytes:
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


async def test_sigterm_drains_finishes_the_request_in_flight_and_hands_the_batch_back(
        make_client, db_engine, database_url, tmp_path):
    url = f"sqlite://{tmp_path / 'stop.sqlite3'}" if db_engine == "sqlite" else database_url  # make_client: reset
    assert run_cli("migrate", database_url=url).returncode == 0
    assert run_cli("create-user", "--role", "admin", "--username", "boss", "--password", "correct horse 1",
                   database_url=url).returncode == 0
    server = start(url, tmp_path, "a", SHUTDOWN_DRAIN_SECONDS=str(DRAIN), SHUTDOWN_TIMEOUT_SECONDS="20")
    try:
        server.wait_ready()
        token = staff_login(server.port, "boss", "correct horse 1")
        expires = (datetime.date.today() + datetime.timedelta(days=300)).isoformat()
        status, batch = call(server.port, "POST", "/api/v1/admin/card-batches", {
            "organization": "某某集团", "face_value_fen": 20000, "count": 300_000, "expires_at": expires}, token)
        assert status == 202, batch
        path = f"/api/v1/admin/card-batches/{batch['id']}"
        wait_for(lambda: call(server.port, "GET", path, token=token)[1]["done"] > 0, 60, "issuing started")
        server.signal(signal.SIGTERM)
        stopped = time.monotonic()
        status, body = get(server.port, "/readyz")  # still serving during the drain, but not ready
        assert status == 503, body
        assert [r["code"] for r in body["error"]["details"]["reasons"]] == ["shutting_down"]
        assert get(server.port, "/healthz")[0] == 200
        async with writes_blocked(url):  # a login sent during the drain waits for the database meanwhile
            sock = login_request(server.port)
            wait_for(lambda: not accepting(server.port), 30, "the listener closed")
            assert time.monotonic() - stopped >= DRAIN - 0.1
        reply = answer(sock)  # the request in flight finishes after the listener closed
        sock.close()
        assert reply.startswith(b"HTTP/1.1 200"), reply[:300] + server.output()[-3000:].encode()
        assert b'"token"' in reply
        assert server.process.wait(30) == 0, server.output()
    finally:
        server.stop()
    rows = await sql_rows(url, f"SELECT state, issued, count, heartbeat_at FROM card_batch WHERE id = {batch['id']}")
    state, issued, count, heartbeat = rows[0]
    assert state == "issuing", rows
    assert 0 < issued < count, rows
    assert heartbeat is None  # the lease given back: the next worker's resume round takes it at once
