"""The statistics rollup, kept up to date in the background by one worker at a time.

Every worker runs `run_cycle` every STATS_ROLLUP_SECONDS (api/contexts.py). A round first takes the lease
`stats_lease` (one row: who holds it, until when) with a conditional UPDATE: only the worker that gets the row
changed works, the others skip the round. So with many workers or hosts a day is recomputed by one of them
only. The holder renews the lease before each day's transaction (a day takes seconds at a year's scale, the
lease lasts LEASE_MS) and stops if it lost it; it lets go at the end of the round, and a worker that died holding
it is replaced when the lease runs out.

A round closes the days that ended (once settled, see stats_rollup.SETTLE_MS), recomputes the days a late write
marked (models/services/stats_marks.py), and folds the months that are over. Statistics requests never wait
for it: they read the rollup and compute what it lacks live (models/services/stats_fresh.py).
"""
from __future__ import annotations

import time

from tortoise import get_connection
from tortoise.backends.base.client import BaseDBAsyncClient

from models.services import stats_rollup
from models.storage import sql

LEASE = "stats_rollup"
LEASE_MS = 120_000

_TAKE = ("UPDATE stats_lease SET holder = ?, until_ms = ? WHERE name = ? "
         "AND (holder = ? OR until_ms < ?)")
_FIRST = ("INSERT INTO stats_lease (name, holder, until_ms) VALUES (?, ?, ?) "
          "ON CONFLICT (name) DO NOTHING RETURNING name")


def _db() -> BaseDBAsyncClient:
    return get_connection("default")


async def claim(holder: str, conn: BaseDBAsyncClient | None = None) -> bool:
    """Take or renew the lease for `holder`; False while another holder's lease runs."""
    conn = conn or _db()
    now = int(time.time() * 1000)
    if await sql.execute(conn, _TAKE, [holder, now + LEASE_MS, LEASE, holder, now]):
        return True
    # no row yet (a new database): the first to insert it holds it; RETURNING says who did (PostgreSQL's
    # INSERT count is not readable, see sql.execute)
    return bool(await sql.query(conn, _FIRST, [LEASE, holder, now + LEASE_MS]))


async def release(holder: str, conn: BaseDBAsyncClient | None = None) -> None:
    await sql.execute(conn or _db(), "UPDATE stats_lease SET until_ms = 0 WHERE name = ? AND holder = ?",
                      [LEASE, holder])


async def run_cycle(holder: str) -> int | None:
    """One background round as `holder`: the number of days recomputed, or None if another worker holds the lease."""
    if not await claim(holder):
        return None
    try:
        return await stats_rollup.refresh(None, None, _db(), keep=lambda: claim(holder))
    finally:
        await release(holder)
