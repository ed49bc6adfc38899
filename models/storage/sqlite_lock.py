"""Who has the SQLite database open: a lock file beside it (`aixin.sqlite3.lock`), held with `flock`.

Every server process, and every command that opens the database (`main.py _with_database`), holds a *shared* lock
on it while the database is open; `restore` takes it *exclusively* and without waiting, so it is refused while any of
them runs (409 `database_in_use`), and a server started during a restore refuses to start (503
`database_restoring`). The kernel drops a process's locks when it ends, `kill -9` included, so a crash never leaves a
stale lock behind (a pid file would). PostgreSQL and `:memory:` databases take no lock.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from tortoise.backends.base.config_generator import expand_db_url

from models.errors import Conflict, Unavailable


def sqlite_path(database_url: str) -> Path | None:
    """The database file of a `sqlite://PATH` URL; None for PostgreSQL or an in-memory database."""
    if not database_url.startswith("sqlite"):
        return None
    path = str(expand_db_url(database_url)["credentials"]["file_path"])
    return None if path in ("", ":memory:") else Path(path)


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


class DatabaseLock:
    """A held lock; `release()` (or the end of the process) gives it back."""

    def __init__(self, fd: int | None) -> None:
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the last descriptor of the open file releases the flock
            self._fd = None


def hold(database_url: str, exclusive: bool = False) -> DatabaseLock:
    """Take the lock without waiting: shared (serving, a command) or exclusive (restore)."""
    path = sqlite_path(database_url)
    if path is None:
        return DatabaseLock(None)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        if exclusive:
            raise Conflict("database_in_use",
                           "数据库正被服务器或其他命令使用：请先停止它们（例如 systemctl stop aixin）再恢复",
                           lock_file=str(lock_path(path))) from None
        raise Unavailable("database_restoring", "正在恢复数据库，请在恢复完成后再启动",
                          lock_file=str(lock_path(path))) from None
    return DatabaseLock(fd)


@contextlib.contextmanager
def held(database_url: str, exclusive: bool = False) -> Iterator[None]:
    lock = hold(database_url, exclusive)
    try:
        yield
    finally:
        lock.release()
