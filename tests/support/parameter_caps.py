"""The engines' caps on bound parameters per statement, for the tests that drive queries past them.

PostgreSQL (asyncpg and its wire protocol) takes 32,767. SQLite's own source sets 32,766 since 3.32, but builds may
raise it (Debian's Python is built with 250,000): driving a query past that took minutes of the suite (250,000 rows
built and read) for the same proof. `sqlite_capped` lowers the cap of every SQLite connection opened while it is in
force to the upstream default, through the standard library's public `Connection.setlimit`, so the same proof costs
about a seventh of the rows: a query with one parameter per row past the cap fails with "too many SQL variables".
"""
from __future__ import annotations

import sqlite3
from typing import Any

import pytest

POSTGRES_CAP = 32_767
SQLITE_DEFAULT_CAP = 32_766  # SQLITE_MAX_VARIABLE_NUMBER in SQLite's source since 3.32.0


def sqlite_capped(monkeypatch: pytest.MonkeyPatch, cap: int = SQLITE_DEFAULT_CAP) -> int:
    """Every SQLite connection opened from now on (the app's, aiosqlite's and the writer's: all go through
    `sqlite3.connect`) takes at most `cap` parameters per statement. Call it before the app starts."""
    connect = sqlite3.connect

    def capped(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)
        conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, cap)
        return conn

    monkeypatch.setattr(sqlite3, "connect", capped)
    return cap


def engine_cap(engine: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """The cap the test's engine enforces: PostgreSQL's own, or SQLite's lowered to its upstream default."""
    return POSTGRES_CAP if engine == "postgres" else sqlite_capped(monkeypatch)


async def refuses_past(conn: Any, cap: int) -> bool:
    """Whether the connection refuses a statement of `cap` + 1 parameters (and takes one of `cap`): the cap in force."""
    from models.storage import sql

    def asking(n: int) -> str:
        return "SELECT 1 WHERE 1 IN (" + ", ".join(["?"] * n) + ")"

    await sql.execute(conn, asking(cap), list(range(cap)))
    try:
        await sql.execute(conn, asking(cap + 1), list(range(cap + 1)))
    except Exception:  # "too many SQL variables" / "the number of query arguments cannot exceed 32767"
        return True
    return False
