"""Hand-written SQL for the few hot paths where the ORM's per-statement cost outweighs the database's.

Queries are written once with `?` placeholders (SQLite's style); `for_dialect` turns them into `$1, $2, …`
for PostgreSQL. The queries given here are our own constants, so a `?` is always a placeholder.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.connection import get_connection


def db() -> BaseDBAsyncClient:
    """The app's database (Tortoise's "default" connection of the active context): where every hand-written
    query of models/ runs unless it is given a transaction."""
    return get_connection("default")


@lru_cache(maxsize=256)
def numbered(sql: str) -> str:
    parts = sql.split("?")
    return parts[0] + "".join(f"${i}{part}" for i, part in enumerate(parts[1:], start=1))


def for_dialect(conn: BaseDBAsyncClient, sql: str) -> str:
    """`sql` with its `?` placeholders as `conn`'s database expects them."""
    return sql if conn.capabilities.dialect == "sqlite" else numbered(sql)


def marks(count: int) -> str:
    """`?, ?, …`: `count` placeholders, for an IN list."""
    return ", ".join("?" * count)


def rows_of(width: int, count: int) -> str:
    """`(?, ?), (?, ?), …`: the VALUES of a multi-row INSERT of `count` rows of `width` columns."""
    return ", ".join([f"({marks(width)})"] * count)


async def query(conn: BaseDBAsyncClient, sql: str, values: Sequence[Any]) -> list[dict[str, Any]]:
    """The rows `sql` returns (a SELECT, or a write with RETURNING); `conn`: a Tortoise client or transaction."""
    return await conn.execute_query_dict(for_dialect(conn, sql), list(values))


async def execute(conn: BaseDBAsyncClient, sql: str, values: Sequence[Any]) -> int:
    """Run an INSERT, UPDATE or DELETE; the number of rows it changed. Not for an INSERT's count on PostgreSQL:
    Tortoise reads "INSERT 0 1" as 0 there, so an INSERT whose success matters says RETURNING and uses `query`."""
    changed, _ = await conn.execute_query(for_dialect(conn, sql), list(values))
    return changed


def timestamp(value: Any) -> datetime:
    """A timestamp as a hand-written query reads it back: ISO text from SQLite (read with the C parser), a datetime
    from PostgreSQL."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value
