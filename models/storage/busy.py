"""Is this failure the database being busy (a lock held by someone else), so the same request may succeed in a
moment? SQLite: "database is locked" once its busy timeout has passed (another process, a CLI import say, holds
the one write lock). PostgreSQL: a lock wait that hit `lock_timeout`, a serialization failure or a deadlock.
The API answers these 503 `database_busy` with Retry-After (api/errors.py), never 500."""
from __future__ import annotations

import sqlite3

import asyncpg

_SQLITE_BUSY = ("database is locked", "database table is locked", "database is busy")
_POSTGRES_BUSY = (asyncpg.exceptions.LockNotAvailableError, asyncpg.exceptions.SerializationError,
                  asyncpg.exceptions.DeadlockDetectedError)


def is_database_busy(exc: BaseException) -> bool:
    """`exc`, or an error it wraps (Tortoise wraps the driver's error in its own), says the database is busy."""
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        err = stack.pop()
        if err is None or id(err) in seen:
            continue
        seen.add(id(err))
        if isinstance(err, sqlite3.OperationalError) and any(m in str(err) for m in _SQLITE_BUSY):
            return True
        if isinstance(err, _POSTGRES_BUSY):
            return True
        stack += [err.__cause__, err.__context__, *(a for a in err.args if isinstance(a, BaseException))]
    return False
