"""A transaction given as a list of statements, run in one trip to the database engine where that helps.

Tortoise's SQLite transaction makes a trip to aiosqlite's thread and back through the event loop's queue for
BEGIN, for each statement and for COMMIT, and holds SQLite's only connection all the while: every other
request waits for all of those trips. `run_batch` runs the same statements under the same connection lock in a
single call into that thread. On PostgreSQL (a connection per transaction, no such wait) the statements run in an
ordinary transaction, one after the other.

A statement may use a value returned by an earlier one (`Ref`: the order id an INSERT … RETURNING gave), and may
be required to change a row (`must_change`: a conditional UPDATE such as taking stock); if it does not, the
transaction is rolled back and `Refused` names it, so the caller can say why in the domain's terms.
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
    """A value from an earlier statement of the batch: `column` of the first row statement `index` returned."""

    index: int
    column: str


@dataclass(frozen=True)
class Statement:
    sql: str  # `?` placeholders, as everywhere in models/sql.py
    values: Sequence[Any]
    # It must change (or, with RETURNING, return) a row, or the batch is refused. For an INSERT say RETURNING:
    # Tortoise counts PostgreSQL's "INSERT 0 1" as no row.
    must_change: bool = False


class Refused(Exception):
    """Statement `index` (a `must_change` one) changed nothing; nothing of the batch was written."""

    def __init__(self, index: int) -> None:
        super().__init__(f"statement {index} of the batch changed no row")
        self.index = index


def _values(values: Sequence[Any], results: list[Rows]) -> list[Any]:
    return [results[v.index][0][v.column] if isinstance(v, Ref) else v for v in values]


async def run_batch(client: BaseDBAsyncClient, statements: Sequence[Statement]) -> list[Rows]:
    """Run `statements` in one transaction of their own; the rows each returned (an empty list when none).

    Raises `Refused`, or Tortoise's IntegrityError (a unique index), after rolling everything back.
    """
    if client.capabilities.dialect == "sqlite":
        return await _on_sqlite(client, statements)
    results: list[Rows] = []
    async with in_transaction(client.connection_name) as conn:
        for i, st in enumerate(statements):
            text, values = for_dialect(conn, st.sql), _values(st.values, results)
            if "RETURNING" in st.sql:  # Tortoise's execute_query drops what a write returns
                rows, changed = await conn.execute_query_dict(text, values), 0
            else:
                changed, rows = await conn.execute_query(text, values)
            if st.must_change and not changed and not rows:
                raise Refused(i)
            results.append([dict(r) for r in rows])
    return results


async def _on_sqlite(client: BaseDBAsyncClient, statements: Sequence[Statement]) -> list[Rows]:
    async with client.acquire_connection() as connection:  # Tortoise's lock: nothing else runs in between
        try:
            return await connection._execute(_run_in_thread, connection._conn, statements)
        except sqlite3.IntegrityError as exc:
            raise IntegrityError(exc) from exc
        except sqlite3.OperationalError as exc:
            raise OperationalError(exc) from exc


def _run_in_thread(db: sqlite3.Connection, statements: Sequence[Statement]) -> list[Rows]:
    """Runs in aiosqlite's thread, on a connection in autocommit mode (Tortoise opens it so)."""
    results: list[Rows] = []
    db.execute("BEGIN")
    try:
        for i, st in enumerate(statements):
            cursor = db.execute(st.sql, _values(st.values, results))
            names = [d[0] for d in cursor.description] if cursor.description else []
            rows = [dict(zip(names, row)) for row in cursor.fetchall()]
            if st.must_change and cursor.rowcount < 1 and not rows:
                raise Refused(i)
            results.append(rows)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return results
