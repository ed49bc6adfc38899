"""Test setup that no API offers, written straight into the end-to-end server's database (SQLite or PostgreSQL):
e.g. a redemption moved to yesterday, so a browser test can close a business day that is over."""
from __future__ import annotations

import asyncio
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from datetime import date


async def _postgres(url: str, statement: str, args: list[object]) -> None:
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        numbered = statement
        for n in range(1, len(args) + 1):
            numbered = numbered.replace("?", f"${n}", 1)
        await conn.execute(numbered, *args)
    finally:
        await conn.close()


def execute(database_url: str, statement: str, args: list[object]) -> None:
    """One statement with `?` placeholders, committed."""
    if database_url.startswith("sqlite://"):
        with closing(sqlite3.connect(database_url.removeprefix("sqlite://"), timeout=30)) as conn, conn:
            conn.execute(statement, [a.isoformat() if isinstance(a, date) else a for a in args])
        return
    with ThreadPoolExecutor(1) as pool:  # a thread of its own: pytest-asyncio may have a loop running here
        pool.submit(asyncio.run, _postgres(database_url, statement, args)).result()


def move_redemption_to(database_url: str, redemption_id: int, day: date) -> None:
    """Let a redemption belong to business day `day` (what settlements count by)."""
    execute(database_url, "UPDATE redemption SET business_date = ? WHERE id = ?", [day, redemption_id])
