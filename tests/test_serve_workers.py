"""`serve --workers N`: the workers end when their parent dies, even by kill -9 (issue 14), so a restart never
shares the port with workers running the old code."""
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

ROOT = Path(__file__).resolve().parent.parent
DEADLINE = 60.0  # seconds: generous; starting two workers on a busy 2-core machine takes a few


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid: int) -> set[int]:
    """Live processes whose parent is `pid` (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and alive(int(entry.name)) and _stat(int(entry.name))[1] == pid:
            found.add(int(entry.name))
    return found


def _stat(pid: int) -> tuple[str, int]:
    """(state, parent pid) of a process; ("X", 0) once it is gone."""
    try:
        text = (Path("/proc") / str(pid) / "stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return "X", 0
    fields = text[text.rindex(")") + 2:].split()
    return fields[0], int(fields[1])


def alive(pid: int) -> bool:
    return _stat(pid)[0] not in ("X", "Z")  # a zombie has exited, only waiting to be reaped


def answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError):
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_workers_exit_when_the_parent_is_killed(tmp_path):
    port = free_port()
    env = {"PATH": os.environ["PATH"], "DATABASE_URL": f"sqlite://{tmp_path / 'serve.sqlite3'}",
           "SECRET_KEY": "serve-test-secret-key-123", "LOG_LEVEL": "WARNING"}
    with open(tmp_path / "serve.log", "wb") as log:
        parent = subprocess.Popen([sys.executable, "main.py", "serve", "--workers", "2", "--port", str(port)],
                                  cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + DEADLINE
        while not (answers(port) and len(workers := children(parent.pid)) >= 2):
            assert parent.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "the server did not start: " + (tmp_path / "serve.log").read_text()
            time.sleep(0.2)
        parent.kill()  # SIGKILL: the parent cannot pass anything on
        parent.wait()
        deadline = time.monotonic() + DEADLINE
        while any(alive(pid) for pid in workers) or answers(port):
            assert time.monotonic() < deadline, f"workers still running: {[p for p in workers if alive(p)]}"
            time.sleep(0.2)
    finally:
        for pid in [parent.pid, *workers]:  # only what this test started
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        if parent.poll() is None:
            parent.wait()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_the_watchdog_alone_ends_an_orphan():
    """Where the kernel's parent-death signal is not to be had, the watchdog thread notices the new parent."""
    child = ("import sys, threading, time; from api.parent_watch import _watch; "
             "threading.Thread(target=_watch, args=(int(sys.argv[1]), 0.1, 5.0), daemon=True).start(); time.sleep(600)")
    middle = ("import os, subprocess, sys, time; "
              f"p = subprocess.Popen([sys.executable, '-c', {child!r}, str(os.getpid())]); print(p.pid, flush=True); "
              "time.sleep(600)")
    parent = subprocess.Popen([sys.executable, "-c", middle], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                              start_new_session=True)
    orphan = 0
    try:
        orphan = int(parent.stdout.readline())
        assert alive(orphan)
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + DEADLINE
        while alive(orphan):
            assert time.monotonic() < deadline, "the orphan kept running"
            time.sleep(0.1)
    finally:
        parent.stdout.close()
        if orphan and alive(orphan):
            os.kill(orphan, signal.SIGKILL)
        if parent.poll() is None:
            parent.kill()
            parent.wait()
