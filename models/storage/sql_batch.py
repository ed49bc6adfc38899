"""A transaction given as a list of statements, run in one trip to the database engine where that helps.

Tortoise's SQLite transaction makes a trip to aiosqlite's thread and back through the event loop's queue for
BEGIN, for each statement and for COMMIT, and holds SQLite's only connection all the while: every other
request waits for all of those trips. On SQLite, `run_batch` instead hands its statements to the connection's
group committer (models/storage/sql_group.py), which writes every batch waiting at that moment in one call into that
thread and one COMMIT: each batch under a savepoint of its own, so each is still all or nothing and answered
only once it is durable. On PostgreSQL (a connection per transaction, and a server that groups commits itself)
the statements run in an ordinary transaction on the pooled asyncpg connection itself, one after the other, a
run of `fusable` statements sent as one.

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

import asyncpg
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError, OperationalError

from models.storage.sql import numbered

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
    # It neither returns rows, nor must change one, nor reads what the statements of its run write but through a
    # `Ref` (an INSERT into a table of its own, say): on PostgreSQL it is sent with the statement before it, as one
    # (see `_fused`), saving a round trip.
    fusable: bool = False


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

    On PostgreSQL the reads and the statements share one pooled connection and one transaction (reads take no
    locks, so holding it open while the statements are built costs nothing), which saves a trip through the pool
    for every read. On SQLite `b.db` is the client itself: reads must not hold its only connection, or the group
    committer (models/storage/sql_group.py) would wait for them.
    """

    def __init__(self, client: BaseDBAsyncClient) -> None:
        self._client = client
        self._sqlite = client.capabilities.dialect == "sqlite"
        self.db: Any = client
        self._held: Any = None
        self._transaction: Any = None

    async def __aenter__(self) -> Batch:
        if not self._sqlite:
            self._held = self._client.acquire_connection()
            self.db = await self._held.__aenter__()
            self._transaction = self.db.transaction()
            await self._transaction.start()
        return self

    async def run(self, statements: Sequence[Statement]) -> list[Rows]:
        """Write `statements` all or nothing; their rows. On PostgreSQL the transaction is committed here."""
        if self._sqlite:
            from models.storage.sql_group import group_committer

            return await group_committer(self._client).run(statements)
        rows = await _on_postgres(self.db, statements)
        transaction, self._transaction = self._transaction, None  # a failed COMMIT ends the transaction too
        await transaction.commit()
        return rows

    async def __aexit__(self, kind: Any, exc: BaseException | None, tb: Any) -> None:
        if self._held is None:
            return
        try:
            if self._transaction is not None and not self.db.is_closed():  # an error, or no run at all
                await self._transaction.rollback()
        finally:
            await self._held.__aexit__(None, None, None)
        if isinstance(exc, asyncpg.IntegrityConstraintViolationError):
            raise IntegrityError(exc) from exc
        if isinstance(exc, (asyncpg.SyntaxOrAccessError, asyncpg.DataError)):
            raise OperationalError(exc) from exc


async def _on_postgres(connection: Any, statements: Sequence[Statement]) -> list[Rows]:
    """The statements on a pooled asyncpg connection, used directly, inside its transaction: the batch is the hot
    path, and Tortoise's wrapper around each statement cost more Python than the statement itself."""
    results = Results()
    for i, run in _runs(statements):
        st = run[0] if len(run) == 1 else _fused(i, run)
        values = results.values(st.values)
        if "RETURNING" in st.sql:
            rows = [dict(r) for r in await connection.fetch(numbered(st.sql), *values)]
            changed = len(rows)
        else:
            rows, changed = [], _count(await connection.execute(numbered(st.sql), *values))
        if st.must_change and not changed:
            raise Refused(i, st.name)
        results.add(run[0], rows)
        for member in run[1:]:
            results.add(member, [])
    return results.rows


def _runs(statements: Sequence[Statement]) -> list[tuple[int, list[Statement]]]:
    """The statements as runs to send, with the index of each run's first statement: a fusable statement joins the
    run before it, unless that run's first statement must change a row and returns none (its count would be lost)."""
    runs: list[tuple[int, list[Statement]]] = []
    for i, st in enumerate(statements):
        head = runs[-1][1][0] if runs else None
        if st.fusable and head is not None and ("RETURNING" in head.sql or not head.must_change):
            runs[-1][1].append(st)
        else:
            runs.append((i, [st]))
    return runs


def _fused(first: int, run: list[Statement]) -> Statement:
    """The run as one statement, `WITH f0 AS (first), f1 AS (second), … SELECT * FROM f0`: PostgreSQL runs every
    data-modifying part of a WITH once, to completion; the rows are those of the run's first statement. A `Ref`
    to a statement of the same run becomes a subquery on its part, the others stay parameters."""
    at: dict[int | str, int] = {**{first + k: k for k in range(len(run))}, **{st.name: k for k, st in enumerate(run) if st.name}}
    parts, values = [], []
    for k, st in enumerate(run):
        pieces = st.sql.split("?")
        text = pieces[0]
        for value, piece in zip(st.values, pieces[1:], strict=False):
            if isinstance(value, Ref) and value.target in at:
                text += f'(SELECT "{value.column}" FROM f{at[value.target]})' + piece
            else:
                text += "?" + piece
                values.append(value)
        parts.append(f"f{k} AS ({text})")
    final = "SELECT * FROM f0" if "RETURNING" in run[0].sql else "SELECT 1 AS fused WHERE false"
    return Statement(f"WITH {', '.join(parts)} {final}", values, run[0].must_change)


def _count(status: str) -> int:
    """The rows a command changed, from its status ("UPDATE 1", "INSERT 0 1")."""
    last = status.rpartition(" ")[2]
    return int(last) if last.isdigit() else 0


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
