"""Backup and restore of the SQLite database with sqlite3's online backup API (docs/deploy.md, *Backups*).

`backup` copies a live database while servers write to it. It reads one snapshot: on a WAL database (the server
always uses WAL) a read transaction never blocks a writer, so the copy opens one and copies `PAGES_PER_STEP` pages
at a time inside it, pausing between steps; writers go on committing to the WAL (checkpoints wait for the copy to
end), and the copy is of one instant, so ledgers and balances agree in it. The copy is written beside the target
and renamed into place once complete and checked (`PRAGMA quick_check`).

`restore` puts a backup back under the database's exclusive lock (models/storage/sqlite_lock.py): refused while a
server or a command has the database open. The database it replaces is first saved beside it
(`aixin.sqlite3.before-restore-YYYYmmddTHHMMSS`). PostgreSQL: both refuse and point to pg_dump / PITR.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from models.errors import Invalid, NotFound
from models.storage.sqlite_lock import held, sqlite_path

PAGES_PER_STEP = 256  # 1 MiB at SQLite's default 4 KiB page
STEP_PAUSE_SECONDS = 0.001
BUSY_TIMEOUT_SECONDS = 5.0
POSTGRES_POINTER = ("PostgreSQL 不用本命令备份：请用 pg_dump（逻辑备份）或基础备份加 WAL 归档（时间点恢复，PITR），"
                    "见 docs/deploy.md 的「备份与恢复」")
Progress = Callable[[int, int], None]  # (pages copied, pages in all)


@dataclass(frozen=True)
class BackupDone:
    path: Path
    pages: int
    size_bytes: int
    seconds: float


@dataclass(frozen=True)
class RestoreDone:
    database: Path
    previous: Path | None  # where the replaced database was saved


def _database(database_url: str) -> Path:
    path = sqlite_path(database_url)
    if path is None:
        raise Invalid("backup_not_sqlite", POSTGRES_POINTER)
    if not path.exists():
        raise NotFound("database_not_found", f"找不到数据库文件：{path}")
    return path


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)


def _copy(source: sqlite3.Connection, target: Path, progress: Progress | None) -> int:
    """Copy `source` into a new file at `target` in steps; returns the pages copied."""
    copied = 0

    def step(status: int, remaining: int, total: int) -> None:
        nonlocal copied
        copied = total
        if progress:
            progress(total - remaining, total)

    wal = source.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    if wal:  # one snapshot for the whole copy; a WAL reader holds no writer back
        source.execute("BEGIN")
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
    dest = sqlite3.connect(target, isolation_level=None)
    try:
        source.backup(dest, pages=PAGES_PER_STEP, progress=step, sleep=STEP_PAUSE_SECONDS)
        dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        if dest.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise Invalid("backup_invalid", "备份文件校验失败")
    finally:
        dest.close()
        if wal:
            source.execute("COMMIT")
    return copied


def backup(database_url: str, target: Path, progress: Progress | None = None) -> BackupDone:
    """A consistent copy of the live database at `target` (replaced only once the copy is complete)."""
    started = time.perf_counter()
    path = _database(database_url)
    target = target.resolve()
    if target == path.resolve():
        raise Invalid("backup_target_is_database", "备份文件不能是数据库本身")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    source = _connect(path)
    try:
        pages = _copy(source, partial, progress)
        with open(partial, "rb") as f:
            os.fsync(f.fileno())
        os.replace(partial, target)
    finally:
        source.close()
        partial.unlink(missing_ok=True)
    return BackupDone(target, pages, target.stat().st_size, time.perf_counter() - started)


def check_backup(path: Path) -> None:
    """A restorable backup: an SQLite file of this application that passes `quick_check`."""
    if not path.is_file():
        raise NotFound("backup_not_found", f"找不到备份文件：{path}")
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            ok = db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            ours = db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'tortoise_migrations'").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise Invalid("backup_invalid", f"不是可用的 SQLite 备份：{exc}") from None
    if not ok or not ours:
        raise Invalid("backup_invalid", "备份文件校验失败，或不是本系统的数据库")


def restore(database_url: str, backup_file: Path) -> RestoreDone:
    """Put `backup_file` back as the database; refused while any process has the database open."""
    path = sqlite_path(database_url)
    if path is None:
        raise Invalid("backup_not_sqlite", POSTGRES_POINTER)
    backup_file = backup_file.resolve()
    check_backup(backup_file)
    with held(database_url, exclusive=True):
        previous = None
        if path.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            previous = path.with_name(f"{path.name}.before-restore-{stamp}")
            with contextlib.closing(_connect(path)) as current:
                _copy(current, previous, None)
        with contextlib.closing(sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)) as source, \
                contextlib.closing(_connect(path)) as dest:
            source.backup(dest)  # nobody else has the database open: one step
    return RestoreDone(path, previous)
