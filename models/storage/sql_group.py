"""Group commit on SQLite: the batches (models/storage/sql_batch.py) waiting to be written are written together, in
one transaction and one COMMIT, by the writer thread (models/storage/sqlite_writer.py) on its own connection.

Why: with `synchronous=FULL` every COMMIT waits for the disk (fsync), and SQLite has one writer; orders and
redemptions from 32 clients queued behind each other's fsync. PostgreSQL does the same thing inside its server
(a WAL flush covers every commit waiting for it).

What each batch keeps: it runs under a SAVEPOINT of its own, so a refused batch (`Refused`) or one that breaks
a unique index is rolled back alone and the others go on; batches run one after the other (serially, so each
sees the ones before it as committed data); and no caller hears of success before the COMMIT that made its batch
durable has returned. A failure of BEGIN or COMMIT itself fails every batch of that group, none of it written.

Two connections, one file: while a group is written, the committer holds Tortoise's connection (its public
`acquire_connection()`, the lock every Tortoise statement and transaction takes), so no Tortoise transaction is
open while the writer holds SQLite's write lock. A Tortoise transaction that reads and then writes can therefore
never find the writer's commit between its read and its write (SQLite would refuse its write at once, "database is
locked", without waiting: a read transaction is never upgraded through the busy handler). Other processes (an
import from the command line) are waited for by both connections' busy timeout.

The committer lives on the Tortoise client it serves, from `group_commit` (a `cleanup_ctx` resource) to its end:
no module-level state. Without one (`:memory:`, a command-line tool), a batch is an ordinary transaction.
"""
from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Sequence
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.context import TortoiseContext

from models.storage.database import sqlite_connection
from models.storage.db_clock import timed
from models.storage.sql_batch import Rows, Statement, as_tortoise_error
from models.storage.sqlite_writer import SqliteWriter, sqlite_pragmas

MAX_GROUP = 64  # batches per transaction: bounds how long one group holds the connections
ATTRIBUTE = "aixin_group_committer"  # ours, on Tortoise's client object

Waiting = tuple[Sequence[Statement], "asyncio.Future[list[Rows]]"]


def group_committer(client: BaseDBAsyncClient) -> GroupCommitter | None:
    """The committer serving this SQLite client, while its app runs; None otherwise."""
    committer = getattr(client, ATTRIBUTE, None)
    return committer if isinstance(committer, GroupCommitter) and committer.running else None


@contextlib.asynccontextmanager
async def group_commit(ctx: TortoiseContext, database_url: str) -> AsyncIterator[GroupCommitter | None]:
    """While the block runs, SQLite batches on `ctx`'s database are group-committed by a writer thread of their
    own; the thread and its connection end with the block. Nothing on PostgreSQL or an in-memory SQLite."""
    if not database_url.startswith("sqlite"):
        yield None
        return
    credentials: dict[str, Any] = sqlite_connection(database_url)["credentials"]
    path = str(credentials.get("file_path", ""))
    if path in ("", ":memory:") or path.startswith("file::memory:"):
        yield None
        return
    client = ctx.db()
    writer = SqliteWriter(path, sqlite_pragmas(credentials))
    await writer.start()
    committer = GroupCommitter(client, writer)
    setattr(client, ATTRIBUTE, committer)
    try:
        yield committer
    finally:
        await committer.close()
        if getattr(client, ATTRIBUTE, None) is committer:
            delattr(client, ATTRIBUTE)


class GroupCommitter:
    def __init__(self, client: BaseDBAsyncClient, writer: SqliteWriter) -> None:
        self._client = client
        self.writer = writer
        self._waiting: list[Waiting] = []
        self._flushing: asyncio.Future[None] | None = None  # the one task waiting for the connection, if any
        self.running = True
        self.groups = 0  # groups written (or failed) so far: how many COMMITs the batches shared

    async def run(self, statements: Sequence[Statement]) -> list[Rows]:
        """Write `statements` as one all-or-nothing batch with whatever else is waiting; their rows."""
        done: asyncio.Future[list[Rows]] = asyncio.get_running_loop().create_future()
        self._waiting.append((statements, done))
        if self._flushing is None:
            self._flushing = asyncio.ensure_future(self._flush())
        with timed():  # the request's database time (models/storage/db_clock.py)
            return await done

    async def close(self) -> None:
        """No new batch is taken; those waiting are written; then the writer ends."""
        self.running = False
        while (flushing := self._flushing) is not None:
            await asyncio.wait([flushing])  # its outcome went to its batches
            if self._flushing is flushing:  # it ended without taking its group (cancelled with the loop)
                self._flushing = None
        await self.writer.close()

    def _take(self) -> list[Waiting]:
        """The next group; a new flush is scheduled for batches arriving from now on (or left over)."""
        group, self._waiting = self._waiting[:MAX_GROUP], self._waiting[MAX_GROUP:]
        self._flushing = asyncio.ensure_future(self._flush()) if self._waiting else None
        return group

    async def _flush(self) -> None:
        group: list[Waiting] = []
        try:
            async with self._client.acquire_connection():  # Tortoise's lock: none of its statements meanwhile
                group = self._take()
                self.groups += 1
                outcomes = await _unless_written(self.writer.submit([s for s, _ in group]))
        except BaseException as exc:  # the group as a whole failed (or the connection could not be had)
            group = group or self._take()
            outcomes = [exc] * len(group)
            if not isinstance(exc, Exception):
                _settle(group, outcomes)
                raise
        _settle(group, outcomes)


async def _unless_written(written: asyncio.Future[list[Any]]) -> list[Any]:
    """Await the writer; if this task is cancelled meanwhile, still wait for the group to be written (the lock on
    Tortoise's connection must not be given back while the writer writes), then let the cancellation through."""
    try:
        return await asyncio.shield(written)
    except asyncio.CancelledError:
        with contextlib.suppress(BaseException):
            await written
        raise


def _settle(group: list[Waiting], outcomes: list[Any]) -> None:
    for (_, done), outcome in zip(group, outcomes, strict=False):
        if done.done():  # its request went away; the batch was written (or not) all the same
            continue
        if isinstance(outcome, asyncio.CancelledError):
            done.cancel()
        elif isinstance(outcome, BaseException):
            done.set_exception(as_tortoise_error(outcome))
        else:
            done.set_result(outcome)
