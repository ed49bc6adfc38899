"""Group commit on SQLite: the batches (models/storage/sql_batch.py) that are waiting for SQLite's only connection are
written together, in one transaction, in one call into aiosqlite's thread.

Why: with `synchronous=FULL` every COMMIT waits for the disk (fsync), and SQLite has one writer; orders and
redemptions from 32 clients queued behind each other's fsync, each also paying trips through the event loop.
PostgreSQL does the same thing inside its server (a WAL flush covers every commit waiting for it).

What each batch keeps: it runs under a SAVEPOINT of its own, so a refused batch (`Refused`) or one that breaks
a unique index is rolled back alone and the others go on; batches run one after the other (serially, so each
sees the ones before it as committed data); and no caller hears of success before the COMMIT that made its batch
durable has returned. A failure of BEGIN or COMMIT itself fails every batch of that group, none of it written.
"""
from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Sequence
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from models.storage.sql_batch import Refused, Rows, Statement, as_tortoise_error, run_on_sqlite

MAX_GROUP = 64  # batches per transaction: bounds how long one group holds the connection
_ATTRIBUTE = "_aixin_group_committer"

Waiting = tuple[Sequence[Statement], "asyncio.Future[list[Rows]]"]


def group_committer(client: BaseDBAsyncClient) -> GroupCommitter:
    """The committer of this SQLite client. It lives on the client object, so it is opened and closed with the
    app's database (no module-level state) and every request on that database shares it."""
    committer = client.__dict__.get(_ATTRIBUTE)
    if committer is None:
        committer = GroupCommitter(client)
        setattr(client, _ATTRIBUTE, committer)
    return committer


class GroupCommitter:
    def __init__(self, client: BaseDBAsyncClient) -> None:
        self._client = client
        self._waiting: list[Waiting] = []
        self._flushing: asyncio.Task[None] | None = None  # the one task waiting for the connection, if any

    async def run(self, statements: Sequence[Statement]) -> list[Rows]:
        """Write `statements` as one all-or-nothing batch with whatever else is waiting; their rows."""
        done: asyncio.Future[list[Rows]] = asyncio.get_running_loop().create_future()
        self._waiting.append((statements, done))
        if self._flushing is None:
            self._flushing = asyncio.ensure_future(self._flush())
        return await done

    def _take(self) -> list[Waiting]:
        """The next group; a new flush is scheduled for batches arriving from now on (or left over)."""
        group, self._waiting = self._waiting[:MAX_GROUP], self._waiting[MAX_GROUP:]
        self._flushing = asyncio.ensure_future(self._flush()) if self._waiting else None
        return group

    async def _flush(self) -> None:
        group: list[Waiting] = []
        try:
            async with self._client.acquire_connection() as connection:  # Tortoise's lock: nothing runs between
                group = self._take()
                outcomes = await connection._execute(_write_group, connection._conn, [s for s, _ in group])
        except BaseException as exc:  # the group as a whole failed (or the connection could not be had)
            group = group or self._take()
            outcomes = [exc] * len(group)
            if not isinstance(exc, Exception):
                _settle(group, outcomes)
                raise
        _settle(group, outcomes)


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


def _write_group(db: sqlite3.Connection, batches: list[Sequence[Statement]]) -> list[Any]:
    """Runs in aiosqlite's thread, on a connection in autocommit mode (Tortoise opens it so): each batch's rows,
    or the exception that rolled that batch back to its savepoint."""
    outcomes: list[Any] = []
    db.execute("BEGIN")
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
