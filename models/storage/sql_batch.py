"""A transaction given as a list of statements, written all or nothing (public APIs only).

On SQLite `run_batch` hands its statements to the app's group committer (models/storage/sql_group.py), whose
writer thread (models/storage/sqlite_writer.py, its own `sqlite3` connection) writes every batch waiting at that
moment in one transaction and one COMMIT: each batch under a savepoint of its own, so each is still all or nothing
and answered only once it is durable (docs/decisions/0005); without a committer (`:memory:`, a command-line
tool) the batch is an ordinary `in_transaction()`. On
PostgreSQL (a connection per transaction, and a server that groups commits itself) the statements run one after
the other in an ordinary `in_transaction()` (docs/decisions/0002).

A statement may use a value returned by an earlier one (`Ref`: the order id an INSERT … RETURNING gave, by the
earlier statement's position or name), and may be required to change a row (`must_change`: a conditional
UPDATE such as taking stock); if it does not, the batch is rolled back and `Refused` names it, so the caller can
say why in the domain's terms.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.connection import get_connection
from tortoise.exceptions import IntegrityError, OperationalError
from tortoise.transactions import in_transaction

from models.storage.sql import for_dialect

Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class Ref:
    """A value from an earlier statement of the batch: `column` of the first row that statement returned.
    `target`: the statement's position in the batch, or its name."""

    target: int | str
    column: str


@dataclass(frozen=True)
class Statement:
    sql: str  # `?` placeholders, as everywhere in models/storage/sql.py
    values: Sequence[Any]
    # It must change (or, with RETURNING, return) a row, or the batch is refused. For an INSERT say RETURNING:
    # Tortoise counts PostgreSQL's "INSERT 0 1" as no row.
    must_change: bool = False
    name: str = ""  # how a `Ref` or a `Refused` may name it


class Refused(Exception):
    """Statement `index` (a `must_change` one, called `name`) changed nothing; nothing of the batch was written.

    Internal control flow, not an AppError (models/errors.py): every caller turns it into the kind of error that
    explains it (out of stock, card refused …), so it never reaches HTTP."""

    def __init__(self, index: int, name: str = "") -> None:
        super().__init__(f"statement {index} {name} of the batch changed no row".replace("  ", " "))
        self.index = index
        self.name = name


class Results:
    """The rows each statement of a batch returned so far, by position and by name."""

    def __init__(self) -> None:
        self.rows: list[Rows] = []
        self._named: dict[str, Rows] = {}

    def add(self, statement: Statement, rows: Rows) -> None:
        self.rows.append(rows)
        if statement.name:
            self._named[statement.name] = rows

    def values(self, values: Sequence[Any]) -> list[Any]:
        """`values` with every `Ref` replaced by what it refers to."""
        return [self._resolve(v) if isinstance(v, Ref) else v for v in values]

    def _resolve(self, ref: Ref) -> Any:
        rows = self.rows[ref.target] if isinstance(ref.target, int) else self._named[ref.target]
        return rows[0][ref.column]


async def run_batch(client: BaseDBAsyncClient, statements: Sequence[Statement]) -> list[Rows]:
    """Run `statements` in one transaction of their own (`client`: the connection, not a transaction); the rows
    each returned (an empty list when none).

    Raises `Refused`, or Tortoise's IntegrityError (a unique index), after rolling everything back.
    """
    async with Batch(client) as batch:
        return await batch.run(statements)


class Batch:
    """A batch with the reads it is built from: `async with Batch(client) as b`, read through `b.db` (with
    models/storage/sql.py `query`), then `await b.run(statements)` once.

    On PostgreSQL the reads and the statements share one transaction (`in_transaction`, committed when the block
    ends), which saves a trip through the pool for every read. On SQLite `b.db` is the client itself: reads must
    not hold its only connection, or the group committer (models/storage/sql_group.py) would wait for them.
    """

    def __init__(self, client: BaseDBAsyncClient) -> None:
        self._client = client
        self._grouped = client.capabilities.dialect == "sqlite"
        self.db: BaseDBAsyncClient = client
        self._transaction: Any = None

    async def __aenter__(self) -> Batch:
        if not self._grouped:
            self._transaction = in_transaction(self._client.connection_name)
            self.db = await self._transaction.__aenter__()
        return self

    async def run(self, statements: Sequence[Statement]) -> list[Rows]:
        """Write `statements` all or nothing; their rows. On PostgreSQL the transaction commits when the block
        ends."""
        if self._grouped:
            return await _run_on_sqlite_client(self._client, statements)
        return await run_statements(self.db, statements)

    async def __aexit__(self, kind: Any, exc: BaseException | None, tb: Any) -> None:
        if self._transaction is not None:
            await self._transaction.__aexit__(kind, exc, tb)


async def _run_on_sqlite_client(client: BaseDBAsyncClient, statements: Sequence[Statement]) -> list[Rows]:
    """The group commit's writer when the app runs one and `client` is its connection (not a transaction this task
    is in: the writer would wait for that transaction's lock); otherwise an ordinary transaction (a savepoint
    inside the caller's)."""
    from models.storage.sql_group import group_committer

    committer = group_committer(client)
    if committer is not None and get_connection(client.connection_name) is client:
        return await committer.run(statements)
    async with in_transaction(client.connection_name) as conn:
        return await run_statements(conn, statements)


async def run_statements(conn: BaseDBAsyncClient, statements: Sequence[Statement]) -> list[Rows]:
    """The statements one after the other through Tortoise's public client `conn` (a transaction, or a savepoint
    in one, that the caller opened and closes); their rows."""
    results = Results()
    for i, st in enumerate(statements):
        values = results.values(st.values)
        if "RETURNING" in st.sql:
            rows = await conn.execute_query_dict(for_dialect(conn, st.sql), values)
            changed = len(rows)
        else:
            rows, (changed, _) = [], await conn.execute_query(for_dialect(conn, st.sql), values)
        if st.must_change and not changed:
            raise Refused(i, st.name)
        results.add(st, rows)
    return results.rows


def run_on_sqlite(db: sqlite3.Connection, statements: Sequence[Statement]) -> list[Rows]:
    """The statements on `db`, inside a transaction (or savepoint) the caller opened and closes."""
    results = Results()
    for i, st in enumerate(statements):
        cursor = db.execute(st.sql, results.values(st.values))
        names = [d[0] for d in cursor.description] if cursor.description else []
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        if st.must_change and cursor.rowcount < 1 and not rows:
            raise Refused(i, st.name)
        results.add(st, rows)
    return results.rows


def as_tortoise_error(exc: BaseException) -> BaseException:
    """sqlite3's errors as Tortoise raises them, so callers catch one kind whatever the engine."""
    if isinstance(exc, sqlite3.IntegrityError):
        return IntegrityError(exc)
    if isinstance(exc, sqlite3.OperationalError):
        return OperationalError(exc)
    return exc
