"""What a statistics request reads from the rollup, and what it aggregates live, without ever waiting for the rollup.

The rollup (models/services/stats_rollup.py) is brought up to date in the background (stats_background.py); a
request only reads it. The closed days of the request's range whose rollup is not exact — never computed (a
new day just after midnight, a database whose history was never rolled up), computed before they had settled,
or marked by a late write (a payment notification dated yesterday, a refund of an older order, a void
committing after midnight) — are *stale*:

* when they hold at most LIVE_BUDGET orders and redemptions (counted with a bounded query) in at most
  MAX_LIVE_RUNS runs of consecutive days, they are aggregated live from the snapshots with today, and the
  rollup's rows for them are left out: the answer is exact (a day at a year's scale is ~4,000 orders and
  redemptions, 0.05 s);
* otherwise the request reads the rollup as it stands (a stale day counts what it counted when computed,
  nothing if never computed) and names those days in `stale_days`, until the background has computed them.

Whole months are read from the month tables only when folded from the days as they are now (the month computed
no earlier than any of its days) and holding no day computed live.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient

from models.services import stats_lines, stats_rollup
from models.storage import sql
from models.tables.orders import OrderKind

LIVE_BUDGET = 20_000  # orders and redemptions in stale days a request aggregates live, at most
MAX_LIVE_RUNS = 8  # runs of consecutive stale days aggregated live, at most (one facts query each)

# orders with lines in the account (a refunded order's shipped parcels too: stats_lines), at most the budget
_ORDERS = ('SELECT COUNT(*) AS n FROM (SELECT 1 FROM "order" WHERE kind = ? AND status IN (?, ?, ?, ?, ?) '
           "AND paid_at >= ? AND paid_at < ? LIMIT ?) x")
_REDEMPTIONS = ("SELECT COUNT(*) AS n FROM (SELECT 1 FROM redemption WHERE status = ? AND business_date >= ? "
                "AND business_date <= ? LIMIT ?) x")

Run = tuple[date, date]


@dataclass(frozen=True)
class Freshness:
    live: tuple[Run, ...] = ()  # closed days aggregated live (their rollup rows are left out)
    stale: tuple[date, ...] = ()  # closed days read from a rollup that is not exact
    months: tuple[tuple[str, str], ...] = ()  # runs of whole months (YYYY-MM) read from the month tables


async def _within_budget(conn: BaseDBAsyncClient, runs: list[Run]) -> bool:
    """Whether the orders and redemptions of `runs` are at most LIVE_BUDGET (each count stops past the budget)."""
    seen = 0
    for lo, hi in runs:
        bounds = [stats_rollup.utc_bound(lo), stats_rollup.utc_bound(hi + timedelta(days=1))]
        [orders] = await sql.query(conn, _ORDERS, [OrderKind.GOODS.value, *stats_lines.ACCOUNTED, *bounds,
                                                   LIVE_BUDGET - seen + 1])
        seen += int(orders["n"])
        if seen > LIVE_BUDGET:
            return False
        [redemptions] = await sql.query(conn, _REDEMPTIONS, ["completed", lo, hi, LIVE_BUDGET - seen + 1])
        seen += int(redemptions["n"])
        if seen > LIVE_BUDGET:
            return False
    return True


def _month_of(day: date) -> str:
    return day.isoformat()[:7]


def _next_month(month: str) -> str:
    return _month_of(date.fromisoformat(f"{month}-01") + timedelta(days=32))


def _whole_months(date_from: date | None, date_to: date | None, today: date) -> tuple[str | None, str]:
    """First and last month wholly inside the range and over before today's month (first None: open)."""
    lo = None
    if date_from is not None:
        lo = _month_of(date_from) if date_from.day == 1 else _next_month(_month_of(date_from))
    hi = min(date_to or today, today)
    month_end = stats_rollup.month_bounds(_month_of(hi))[1] == hi.isoformat()
    last_whole = hi if month_end else hi.replace(day=1) - timedelta(days=1)
    return lo, min(_month_of(last_whole), _month_of(today.replace(day=1) - timedelta(days=1)))


async def _months(conn: BaseDBAsyncClient, date_from: date | None, date_to: date | None, today: date,
                  states: dict[date, int], live: set[date]) -> tuple[tuple[str, str], ...]:
    """Runs of whole months of the range the month tables hold as their days are now, and with no live day."""
    lo, hi = _whole_months(date_from, date_to, today)
    where, args = "month <= ?", [hi]
    if lo is not None:
        where += " AND month >= ?"
        args.append(lo)
    rows = await sql.query(conn, f"SELECT month, computed_at FROM stats_month_state WHERE {where} ORDER BY month", args)
    newest: dict[str, int] = {}
    for day, at in states.items():
        newest[_month_of(day)] = max(at, newest.get(_month_of(day), 0))
    blocked = {_month_of(d) for d in live}
    runs: list[tuple[str, str]] = []
    for row in rows:
        month = row["month"]
        if month in blocked or int(row["computed_at"]) < newest.get(month, 0):
            continue
        if runs and _next_month(runs[-1][1]) == month:
            runs[-1] = (runs[-1][0], month)
        else:
            runs.append((month, month))
    return tuple(runs)


async def freshness(conn: BaseDBAsyncClient, date_from: date | None, date_to: date | None, today: date) -> Freshness:
    """How a request over date_from..date_to (inclusive, open ends) reads the closed days: see the module."""
    yesterday = today - timedelta(days=1)
    hi = min(date_to or yesterday, yesterday)
    first = await stats_rollup.first_day(conn)
    states: dict[date, int] = {}
    stale: set[date] = set()
    if first is not None and max(date_from or first, first) <= hi:
        lo = max(date_from or first, first)
        states = await stats_rollup.computed(conn, lo, hi)
        stale = await stats_rollup.stale_days(conn, lo, hi, states)
    runs = stats_rollup.runs(stale)
    live = bool(stale) and len(runs) <= MAX_LIVE_RUNS and await _within_budget(conn, runs)
    months = await _months(conn, date_from, date_to, today, states, stale if live else set())
    return Freshness(tuple(runs) if live else (), () if live else tuple(sorted(stale)), months)
