"""Database time per request: a clock the request's task carries (a context variable), advanced by the database
layer through public hooks only.

* PostgreSQL: asyncpg's query logger (`Connection.add_query_logger`), installed on every pooled connection by the
  pool's `init`: every statement, inside a transaction or not, with the time asyncpg measured.
* SQLite: the statements Tortoise runs outside a transaction (`TimedSqliteClient`, models/storage/timed_sqlite.py),
  and the time a batch waits for the group commit to write it (models/storage/sql_group.py). Statements inside a
  Tortoise `in_transaction()` block are not timed there (no public hook; the hot writes are batches anyway).

The context variable is the clock's handle, not state: each request sets its own `DbClock` (api/observe.py) and
work outside a request (background jobs) has none, so nothing is recorded for it.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any


class DbClock:
    """Seconds spent in the database and statements run, for one request."""

    __slots__ = ("seconds", "statements")

    def __init__(self) -> None:
        self.seconds = 0.0
        self.statements = 0

    def add(self, seconds: float) -> None:
        self.seconds += seconds
        self.statements += 1


CLOCK: ContextVar[DbClock | None] = ContextVar("aixin_db_clock", default=None)


def start() -> DbClock:
    """A new clock for the current task (and the tasks it starts from now on)."""
    clock = DbClock()
    CLOCK.set(clock)
    return clock


@contextmanager
def timed() -> Iterator[None]:
    """Add the time of the block to the current request's clock, if any."""
    clock = CLOCK.get()
    if clock is None:
        yield
        return
    began = time.perf_counter()
    try:
        yield
    finally:
        clock.add(time.perf_counter() - began)


def _logged(record: Any) -> None:
    """asyncpg's query logger: called soon after each statement, in a copy of the caller's context."""
    clock = CLOCK.get()
    if clock is not None and record.elapsed is not None:
        clock.add(record.elapsed)


async def watch_connection(connection: Any) -> None:
    """The asyncpg pool's `init`: time every statement this connection runs."""
    connection.add_query_logger(_logged)
