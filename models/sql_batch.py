"""A transaction given as a list of statements, run in one trip to the database engine where that helps.

Tortoise's SQLite transaction makes a trip to aiosqlite's thread and back through the event loop's queue for
BEGIN, for each statement and for COMMIT, and holds SQLite's only connection all the while: every other
request waits for all of those trips. On SQLite, `run_batch` instead hands its statements to the connection's
group committer (models/sql_group.py), which writes every batch waiting at that moment in one call into that
thread and one COMMIT: each batch under a savepoint of its own, so each is still all or nothing and answered
only once it is durable. On PostgreSQL (a connection per transaction, and a server that groups commits itself)
the statements run in an ordinary transaction, one after the other.

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
from tortoise.exceptions import IntegrityError, OperationalError
from tortoise.transactions import in_transaction

from models.sql import for_dialect

Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class Ref:
    """A value from an earlier statement of the batch: `column` of the first row that statement returned.
    `target`: the statement's position in the batch, or its name."""

    target: int | str
    column: str


@dataclass(frozen=True)
class Statement:
    sql: str  # `?` placeholders, as everywhere in models/sql.py
    values: Sequence[Any]
    # It must change (or, with RETURNING, return) a row, or the batch is refused. For an INSERT say RETURNING:
    # Tortoise counts PostgreSQL's "INSERT 0 1" as no row.
    must_change: bool = False
    name: str = ""  # how a `Ref` or a `Refused` may name it


class Refused(Exception):
    """Statement `index` (a `must_change` one, called `name`) changed nothing; nothing of the batch was written."""

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
    if client.capabilities.dialect == "sqlite":
        from models.sql_group import group_committer

        return await group_committer(client).run(statements)
    results = Results()
    async with in_transaction(client.connection_name) as conn:
        for i, st in enumerate(statements):
            text, values = for_dialect(conn, st.sql), results.values(st.values)
            if "RETURNING" in st.sql:  # Tortoise's execute_query drops what a write returns
                rows, changed = await conn.execute_query_dict(text, values), 0
            else:
                changed, rows = await conn.execute_query(text, values)
            if st.must_change and not changed and not rows:
                raise Refused(i, st.name)
            results.add(st, [dict(r) for r in rows])
    return results.rows


def run_on_sqlite(db: sqlite3.Connection, statements: Sequence[Statement]) -> list[Rows]:
    """The statements on `db`, inside a transaction (or savepoint) the caller opened and closes."""
    results = Results()
    for i, st in enumerate(statements):
        cursor = db.execute(st.sql, results.values(st.values))
        names = [d[0] for d in cursor.description] if cursor.description else []
        rows = [dict(zip(names, row)) for row in cursor.fetchall()]
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
