"""The SQLite group commit's writer: a thread of its own with its own standard-library `sqlite3` connection to the
database file, fed by a queue (docs/decisions/0005).

Each job on the queue is a group of batches (models/storage/sql_batch.py `Statement` lists). The thread takes every
job waiting, writes all their batches in one `BEGIN IMMEDIATE` … `COMMIT`, each batch under a SAVEPOINT of its own
(a refused batch, a broken unique index or a failed statement is rolled back alone, and that batch's outcome is
its exception), and answers each job on its event loop (`loop.call_soon_threadsafe`) only once the COMMIT has
returned. A failure of BEGIN or COMMIT fails every batch of that transaction, none of it written.

The connection: `isolation_level=None` (we say BEGIN and COMMIT ourselves), WAL, `synchronous=FULL`, a busy timeout,
foreign keys on, and whatever pragmas the database URL gives Tortoise's own connection (`sqlite_pragmas`).
Opened and closed by the app (`models.storage.sql_group.group_commit`, a `cleanup_ctx` resource).
"""
from __future__ import annotations

import asyncio
import contextlib
import queue
import sqlite3
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from models.storage.sql_batch import Refused, Statement, run_on_sqlite

# Every pragma Tortoise's SqliteClient is given is a pragma, but for these (models/storage/database.py).
_NOT_PRAGMAS = ("file_path", "connection_name", "fetch_inserted", "install_regexp_functions")

Outcome = Any  # a batch's rows (list of rows per statement), or the exception that rolled it back
Group = Sequence[Sequence[Statement]]


@dataclass
class _Job:
    batches: Group
    loop: asyncio.AbstractEventLoop
    done: asyncio.Future[list[Outcome]]


def sqlite_pragmas(credentials: Mapping[str, Any]) -> dict[str, Any]:
    """The pragmas of Tortoise's connection (its credentials from the URL), for a connection of our own."""
    pragmas = {k: v for k, v in credentials.items() if k not in _NOT_PRAGMAS}
    pragmas.setdefault("foreign_keys", "ON")  # Tortoise's client turns them on by itself
    return pragmas


class SqliteWriter:
    """`await writer.start()`, then `await writer.submit(group)` from the event loop; `await writer.close()`."""

    def __init__(self, path: str, pragmas: Mapping[str, Any]) -> None:
        self.path = path
        self.pragmas = dict(pragmas)
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._closed: asyncio.Future[None] | None = None

    async def start(self) -> None:
        """Open the connection in the writer's thread; raises what opening it raised."""
        loop = asyncio.get_running_loop()
        opened: asyncio.Future[None] = loop.create_future()
        self._closed = loop.create_future()
        self._thread = threading.Thread(target=self._serve, args=(loop, opened, self._closed),
                                        name=f"sqlite-writer {self.path}", daemon=True)
        self._thread.start()
        await opened

    def submit(self, batches: Group) -> asyncio.Future[list[Outcome]]:
        """Queue `batches` to be written in one transaction with whatever else is waiting; the future of each
        batch's rows or exception (an exception of its own if the transaction failed as a whole)."""
        if self._thread is None or self._closed is None or self._closed.done():
            raise RuntimeError("the SQLite writer is not running")
        loop = asyncio.get_running_loop()
        done: asyncio.Future[list[Outcome]] = loop.create_future()
        self._jobs.put(_Job(batches, loop, done))
        return done

    async def close(self) -> None:
        """Finish the jobs already queued, close the connection, end the thread."""
        if self._thread is None or self._closed is None:
            return
        if not self._closed.done():
            self._jobs.put(None)
            await asyncio.shield(self._closed)
        self._thread.join()  # it has returned from _serve already: at most a moment
        self._thread = None

    def _serve(self, loop: asyncio.AbstractEventLoop, opened: asyncio.Future[None],
               closed: asyncio.Future[None]) -> None:
        """The writer's thread: the connection lives and dies here."""
        try:
            db = self._connect()
        except BaseException as exc:
            _answer(loop, opened, exc)
            _answer(loop, closed, None)
            return
        _answer(loop, opened, None)
        try:
            while (jobs := self._take()) is not None:
                self._run(db, jobs)
        finally:
            db.close()
            _answer(loop, closed, None)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None)
        try:
            for pragma, value in self.pragmas.items():
                db.execute(f"PRAGMA {pragma}={value}").close()
        except BaseException:
            db.close()
            raise
        return db

    def _take(self) -> list[_Job] | None:
        """Every job waiting (waiting for the first one); None once `close` asked, after the jobs before it."""
        first = self._jobs.get()
        if first is None:
            return None
        jobs = [first]
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return jobs
            if job is None:
                self._jobs.put(None)  # stop after this round
                return jobs
            jobs.append(job)

    def _run(self, db: sqlite3.Connection, jobs: list[_Job]) -> None:
        try:
            outcomes = write_group(db, [batch for job in jobs for batch in job.batches])
        except BaseException as exc:  # BEGIN or COMMIT failed: nothing of the round was written
            for job in jobs:
                _answer(job.loop, job.done, exc)
            return
        start = 0
        for job in jobs:
            _answer(job.loop, job.done, outcomes[start:start + len(job.batches)])
            start += len(job.batches)


def write_group(db: sqlite3.Connection, batches: Sequence[Sequence[Statement]]) -> list[Outcome]:
    """Runs in the writer's thread, on a connection in autocommit mode: each batch's rows, or the exception that
    rolled that batch back to its savepoint. IMMEDIATE: the write lock is taken (waiting up to the busy timeout)
    before anything is read, so no other connection's commit can come between a batch's reads and its writes."""
    outcomes: list[Outcome] = []
    db.execute("BEGIN IMMEDIATE")
    try:
        for statements in batches:
            db.execute("SAVEPOINT batch")
            try:
                outcomes.append(run_on_sqlite(db, statements))
            except (Refused, sqlite3.Error) as exc:
                db.execute("ROLLBACK TO batch")
                outcomes.append(exc)
            db.execute("RELEASE batch")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return outcomes


def _answer(loop: asyncio.AbstractEventLoop, future: asyncio.Future[Any], outcome: Any) -> None:
    """Settle `future` on its own loop from the writer's thread (an exception outcome is raised there)."""
    def settle() -> None:
        if future.done():  # its awaiter went away; what was written stays written
            return
        if isinstance(outcome, BaseException):
            future.set_exception(outcome)
        else:
            future.set_result(outcome)

    with contextlib.suppress(RuntimeError):  # the loop is closed: nobody is left to answer
        loop.call_soon_threadsafe(settle)
