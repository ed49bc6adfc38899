"""Writes that land in a closed day of the statistics mark that day for recomputation, in their own transaction.

The daily rollup (models/services/stats_rollup.py) stores every day before today (Asia/Shanghai) once it is over.
Most writes only touch today, which the statistics read live; a few change a day that is already over:

* a payment whose provider time is yesterday (WeChat Pay retries a notification for hours),
* a refund of an order paid on an earlier day (the lines it covers leave the account of its payment day; the
  parcels that had shipped stay),
* a void that began before midnight and commits after it.

Those insert a row into `stats_dirty` (day, a random mark, when) in the caller's transaction: the mark is there
exactly when the change is. Inserting never waits for anyone (no row is updated, a random mark never collides).
The background rollup recomputes a marked day and deletes the marks it saw before reading the day's lines
(so a mark committed during a recompute survives it and makes the next round compute the day again); the
statistics treat a marked day as not rolled up until then (models/services/stats_fresh.py).

Writes dated today cost nothing here: the check is a date comparison.
"""
from __future__ import annotations

import secrets
import time
from datetime import date, datetime

from tortoise.backends.base.client import BaseDBAsyncClient

from models.clock import today_shanghai
from models.storage import sql
from models.tables.orders import Order, OrderKind, OrderStatus

# statuses the account counts whole; leaving them (a refund) takes the lines the refund covered out (stats_lines)
COUNTED = frozenset({OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.COMPLETED})
_MARK = "INSERT INTO stats_dirty (day, mark, marked_at) VALUES (?, ?, ?)"


async def mark_closed_day(conn: BaseDBAsyncClient, day: date) -> bool:
    """Inside the caller's transaction: if `day` is over (before today, Asia/Shanghai), mark it for recomputation."""
    if day >= today_shanghai():
        return False
    await sql.execute(conn, _MARK, [day.isoformat(), secrets.token_hex(8), int(time.time() * 1000)])
    return True


async def order_moved(conn: BaseDBAsyncClient, order: Order, to: OrderStatus, paid_at: datetime | None) -> None:
    """A goods order entering or leaving the counted statuses changes the account of its payment day."""
    if order.kind != OrderKind.GOODS or paid_at is None or (order.status in COUNTED) == (to in COUNTED):
        return
    await mark_closed_day(conn, today_shanghai(paid_at))


async def marked_days(conn: BaseDBAsyncClient, lo: date, hi: date) -> set[date]:
    """Days of lo..hi with a mark not yet consumed by a recompute."""
    rows = await sql.query(conn, "SELECT DISTINCT day FROM stats_dirty WHERE day >= ? AND day <= ?",
                           [lo.isoformat(), hi.isoformat()])
    return {date.fromisoformat(r["day"]) for r in rows}
