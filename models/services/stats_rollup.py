"""The daily rollup behind the statistics: figures per Shanghai day, grouping and key, computed from the line
snapshots and kept fresh before every statistics query.

Aggregating a year of lines on every request is too slow (SQLite sorts 1M rows in about 4 s for one GROUP
BY), so each day is aggregated once into `stats_day` (amount, quantity, poverty amount, distinct orders — an
order or redemption belongs to exactly one day, so these add up over days — and the day's own distinct
suppliers and households) and `stats_day_supplier` (which suppliers each key had that day, to count suppliers
and households over any range exactly). `stats_day_state` says which days are computed. Whole months that
are over are folded from their days into `stats_month` and `stats_month_supplier` (`stats_month_state`), so a
year reads twelve month rows per key instead of 365 day rows; a month is folded again when one of its days is.

Only closed days (before today, Asia/Shanghai) are stored; the statistics add today's figures live from the
snapshots (a day of lines aggregates in milliseconds). The rollup runs in the background (models/services/
stats_background.py, one worker at a time under a lease), never inside a statistics request. A closed day is
(re)computed, all groupings at once, in one transaction, when:

* it was never computed (yesterday only once SETTLE_MS past midnight: a write begun before midnight commits);
* it was computed before it was over plus SETTLE_MS (late commits);
* a write landed in it after it was over (models/services/stats_marks.py): a late payment notification, a
  refund of an older order, a void committing after midnight. The recompute consumes the marks it saw before
  reading the day, so a mark committed meanwhile makes the next round compute the day again.

Nothing else changes a past day: snapshots never change. `python main.py stats-rollup` computes the whole
history ahead (the background would do it too, a day per transaction).
"""
from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from models.clock import SHANGHAI, today_shanghai
from models.services import stats_lines, stats_marks
from models.storage import sql
from models.tables.orders import OrderKind, OrderStatus

BOUGHT = (OrderStatus.PAID.value, OrderStatus.SHIPPED.value, OrderStatus.COMPLETED.value)
SETTLE_MS = 60_000  # a day is rolled up once it has been over this long (writes begun before midnight commit)
CHUNK_DAYS = 31  # days per transaction of a bulk build (the CLI); while serving, one day at a time
LOCK_KEY = 832_006  # PostgreSQL advisory lock: one recompute at a time

# grouping → (key, label) over the facts table; labels of merchants are resolved when read.
DIMS: dict[str, tuple[str, str]] = {
    "province": ("province", "province"),
    "city": ("city", "city"),
    "county": ("county_code", "county"),
    "supplier": ("CAST(sup AS TEXT)", "supname"),
    "category": ("category", "category"),
    "channel": ("channel", "channel"),
    "merchant": ("CAST(merchant_id AS TEXT)", "''"),
    "day": ("day", "day"),
}
# groupings whose suppliers over a range need the per-day supplier sets (day and supplier rows do not)
PAIR_DIMS = ("province", "city", "county", "category", "channel", "merchant")
SCOPES = (0, 1)  # 0: all goods, 1: from poverty counties only


def _sqlite(conn: BaseDBAsyncClient) -> bool:
    return conn.capabilities.dialect == "sqlite"


def _now_ms() -> int:
    return int(time.time() * 1000)


def utc_bound(day: date) -> datetime:
    """Shanghai midnight starting `day`, in UTC (SQLite compares the stored UTC text, so the offset must match)."""
    return datetime.combine(day, clock_time(0), tzinfo=SHANGHAI).astimezone(UTC)


def _days(lo: date, hi: date) -> list[date]:
    return [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]


# ------------------------------------------------------------------------------------------------ facts

def facts_sql(sqlite: bool) -> str:
    """One narrow row per line of the days [?, ?] (UTC bounds for orders, Shanghai dates for redemptions): the
    order lines the account counts (stats_lines: a refunded order's shipped parcels too), completed redemptions."""
    if sqlite:
        online_day, merchant_day = "date(o.paid_at, '+8 hours')", "r.business_date"
    else:
        online_day = "to_char(o.paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')"
        merchant_day = "to_char(r.business_date, 'YYYY-MM-DD')"
    common = ("l.supplier_id AS sup, l.supplier_name AS supname, l.households_lifted AS hh, l.amount_fen AS amount, "
              "l.qty AS qty, CASE WHEN l.poverty_county THEN 1 ELSE 0 END AS pov, l.origin_province AS province, "
              "CASE WHEN l.origin_city = '' THEN l.origin_province ELSE l.origin_city END AS city, "
              "l.origin_code AS county_code, l.origin_county AS county, l.category AS category")
    online = stats_lines.online_lines(f"{online_day} AS day, 'online' AS channel, 0 AS merchant_id, "
                                      f"l.order_id AS doc, {common}", " AND o.paid_at >= ? AND o.paid_at < ?")
    return (
        f"{online} UNION ALL SELECT {merchant_day} AS day, 'merchant' AS channel, r.merchant_id AS merchant_id, "
        f"-r.id AS doc, {common} "
        "FROM redemption r JOIN redemption_line l ON l.redemption_id = r.id "
        "WHERE r.status = ? AND r.business_date >= ? AND r.business_date <= ?"
    )


def facts_args(lo: date, hi: date) -> list[Any]:
    return [*stats_lines.online_args([utc_bound(lo), utc_bound(hi + timedelta(days=1))]), "completed", lo, hi]


_INSERT_DAY = """
INSERT INTO stats_day (dim, scope, k, day, label, amount_fen, qty, poverty_fen, docs, suppliers, households)
SELECT ?, ?, a.k, a.day, a.label, a.amount, a.qty, a.pov, a.docs, p.suppliers, p.hh
FROM (SELECT day, {k} AS k, MAX({label}) AS label, SUM(amount) AS amount, SUM(qty) AS qty,
             SUM(CASE WHEN pov = 1 THEN amount ELSE 0 END) AS pov, COUNT(DISTINCT doc) AS docs
      FROM stats_facts{where} GROUP BY day, {k}) a
JOIN (SELECT day, k, COUNT(*) AS suppliers, SUM(hh) AS hh
      FROM (SELECT day, {k} AS k, sup, MAX(hh) AS hh FROM stats_facts{where} GROUP BY day, {k}, sup) s
      GROUP BY day, k) p ON p.day = a.day AND p.k = a.k
ORDER BY a.k, a.day
"""
_INSERT_PAIRS = """
INSERT INTO stats_day_supplier (dim, scope, k, supplier_id, day, households)
SELECT ?, ?, {k}, sup, day, MAX(hh) FROM stats_facts{where} GROUP BY day, {k}, sup ORDER BY {k}, sup, day
"""


async def _recompute(conn: BaseDBAsyncClient, lo: date, hi: date, signature: str) -> None:
    """Days lo..hi from the snapshots, every grouping and scope; the caller holds the transaction. The marks of
    these days (stats_marks) read before the lines are consumed: their writes were committed, so they are seen."""
    sqlite = _sqlite(conn)
    if not sqlite:
        await conn.execute_query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY])
        await conn.execute_script("SET LOCAL plan_cache_mode = force_custom_plan")  # see stats._analytic
    span = [lo.isoformat(), hi.isoformat()]
    for table in ("stats_day", "stats_day_supplier", "stats_day_state"):  # first: on SQLite, the write lock
        await sql.execute(conn, f"DELETE FROM {table} WHERE day >= ? AND day <= ?", span)
    marks = [[r["day"], r["mark"]] for r in await sql.query(
        conn, "SELECT day, mark FROM stats_dirty WHERE day >= ? AND day <= ?", span)]
    if sqlite:
        await conn.execute_script("DROP TABLE IF EXISTS temp.stats_facts")
        create = "CREATE TEMP TABLE stats_facts AS "
    else:
        create = "CREATE TEMP TABLE stats_facts ON COMMIT DROP AS "
    await sql.execute(conn, create + facts_sql(sqlite), facts_args(lo, hi))
    for scope in SCOPES:
        where = " WHERE pov = 1" if scope else ""
        for dim, (k, label) in DIMS.items():
            await sql.execute(conn, _INSERT_DAY.format(k=k, label=label, where=where), [dim, scope])
            if dim in PAIR_DIMS:
                await sql.execute(conn, _INSERT_PAIRS.format(k=k, where=where), [dim, scope])
    if sqlite:
        await conn.execute_script("DROP TABLE temp.stats_facts")
    now = _now_ms()
    rows = [[d.isoformat(), now, signature] for d in _days(lo, hi)]
    await conn.execute_many(sql.for_dialect(conn, "INSERT INTO stats_day_state (day, computed_at, signature) "
                                                  "VALUES (?, ?, ?)"), rows)
    if marks:
        await conn.execute_many(sql.for_dialect(conn, "DELETE FROM stats_dirty WHERE day = ? AND mark = ?"), marks)


# ------------------------------------------------------------------------------------------------ freshness

async def _signature(conn: BaseDBAsyncClient) -> str:
    """Where the order events and the card ledger stood when a day was computed (kept for diagnosis)."""
    [row] = await sql.query(conn, "SELECT (SELECT MAX(id) FROM order_event) AS e, "
                                  "(SELECT MAX(id) FROM card_activity) AS a", [])
    return f"{row['e'] or 0}:{row['a'] or 0}"


async def first_day(conn: BaseDBAsyncClient) -> date | None:
    """The first day anything was paid or redeemed, refunded and voided included (their days still change)."""
    ever_paid = [*BOUGHT, OrderStatus.REFUNDING.value, OrderStatus.REFUNDED.value]
    # one MIN per status: each is a single index seek, where an IN list makes the database read every entry
    per_status = " UNION ALL ".join(['SELECT MIN(paid_at) AS t FROM "order" WHERE kind = ? AND status = ?'] * 5)
    [row] = await sql.query(conn, f"SELECT MIN(t) AS paid FROM ({per_status}) s",
                            [a for status in ever_paid for a in (OrderKind.GOODS.value, status)])
    per_status = " UNION ALL ".join(["SELECT MIN(business_date) AS d FROM redemption WHERE status = ?"] * 2)
    [red] = await sql.query(conn, f"SELECT MIN(d) AS day FROM ({per_status}) s", ["completed", "voided"])
    days = []
    if row["paid"] is not None:
        days.append(today_shanghai(sql.timestamp(row["paid"])))
    if red["day"] is not None:
        days.append(red["day"] if isinstance(red["day"], date) else date.fromisoformat(red["day"]))
    return min(days) if days else None


async def computed(conn: BaseDBAsyncClient, lo: date, hi: date) -> dict[date, int]:
    """When each computed day of lo..hi was computed (Unix ms)."""
    rows = await sql.query(conn, "SELECT day, computed_at FROM stats_day_state WHERE day >= ? AND day <= ?",
                           [lo.isoformat(), hi.isoformat()])
    return {date.fromisoformat(r["day"]): int(r["computed_at"]) for r in rows}


def settled_ms(day: date) -> int:
    """When `day` is over and its late commits are in: Shanghai midnight after it plus SETTLE_MS."""
    return int(utc_bound(day + timedelta(days=1)).timestamp() * 1000) + SETTLE_MS


async def stale_days(conn: BaseDBAsyncClient, lo: date, hi: date, states: dict[date, int]) -> set[date]:
    """Closed days of lo..hi whose rollup is not exact: never computed, computed before they had settled, or
    written to since (a mark). `states`: `computed(conn, lo, hi)`."""
    stale = {d for d in _days(lo, hi) if d not in states or states[d] < settled_ms(d)}
    return stale | await stats_marks.marked_days(conn, lo, hi)


def _runs(days: list[date], chunk_days: int) -> list[tuple[date, date]]:
    """Consecutive days as (first, last) runs of at most `chunk_days`."""
    runs: list[tuple[date, date]] = []
    for d in sorted(days):
        if runs and (d - runs[-1][1]).days == 1 and (d - runs[-1][0]).days < chunk_days:
            runs[-1] = (runs[-1][0], d)
        else:
            runs.append((d, d))
    return runs


def runs(days: list[date] | set[date]) -> list[tuple[date, date]]:
    """Consecutive days as (first, last) runs, however long."""
    return _runs(sorted(days), 1 << 30)


async def refresh(lo: date | None, hi: date | None, conn: BaseDBAsyncClient | None = None, chunk_days: int = 1,
                  keep: Callable[[], Awaitable[bool]] | None = None) -> int:
    """Make the rollup exact for the settled closed days of lo..hi (open ends: from the first sale); returns the
    number of days recomputed. Today is never stored, nor yesterday in its first SETTLE_MS: the statistics read
    those live. `chunk_days`: days per transaction (1 while serving: SQLite has one connection; more for a bulk
    build). `keep`: asked before each transaction (the background's lease); False stops the work there."""
    conn = conn or sql.db()
    today = today_shanghai()
    hi = min(hi or today, today - timedelta(days=1))
    first = await first_day(conn)
    if first is None:
        return 0
    lo = max(lo or first, first)  # nothing was sold before the first sale
    if lo > hi:
        return 0
    now = _now_ms()
    dirty = {d for d in await stale_days(conn, lo, hi, await computed(conn, lo, hi)) if settled_ms(d) <= now}
    signature = await _signature(conn)
    done = 0
    for start, last in _runs(sorted(dirty), chunk_days):
        if keep is not None and not await keep():
            return done
        async with in_transaction() as tx:
            await _recompute(tx, start, last, signature)
        done += (last - start).days + 1
    for month in await _stale_months(conn, lo, hi, today, first):
        if keep is not None and not await keep():
            break
        async with in_transaction() as tx:
            await _recompute_month(tx, month)
    return done


# ------------------------------------------------------------------------------------------------ months

def month_bounds(month: str) -> tuple[str, str]:
    """First and last day of `month` (YYYY-MM) as YYYY-MM-DD text."""
    first = date.fromisoformat(f"{month}-01")
    following = (first + timedelta(days=32)).replace(day=1)
    return first.isoformat(), (following - timedelta(days=1)).isoformat()


async def _stale_months(conn: BaseDBAsyncClient, lo: date, hi: date, today: date, first: date) -> list[str]:
    """Whole months of lo..hi, over before today's month, with every day computed since the first sale, whose
    month rows are missing or older than one of their days."""
    start, end = lo.replace(day=1).isoformat(), month_bounds(hi.isoformat()[:7])[1]
    days = await sql.query(conn, "SELECT substr(day, 1, 7) AS m, COUNT(*) AS n, MAX(computed_at) AS c "
                                 "FROM stats_day_state WHERE day >= ? AND day <= ? GROUP BY substr(day, 1, 7)",
                           [start, end])
    months = {r["month"]: int(r["computed_at"]) for r in await sql.query(
        conn, "SELECT month, computed_at FROM stats_month_state WHERE month >= ? AND month <= ?", [start[:7], end[:7]])}
    stale = []
    for row in days:
        month, first_of_month = row["m"], date.fromisoformat(f"{row['m']}-01")
        if month >= today.isoformat()[:7]:
            continue
        last = date.fromisoformat(month_bounds(month)[1])
        expected = (last - max(first, first_of_month)).days + 1
        if int(row["n"]) >= expected and months.get(month, -1) < int(row["c"]):
            stale.append(month)
    return stale


async def _recompute_month(conn: BaseDBAsyncClient, month: str) -> None:
    """A whole month's rows from its days: the sums add up; supplier sets are unions (largest households)."""
    if not _sqlite(conn):
        await conn.execute_query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY])
        await conn.execute_script("SET LOCAL plan_cache_mode = force_custom_plan")
    first, last = month_bounds(month)
    for table in ("stats_month", "stats_month_supplier", "stats_month_state"):
        await sql.execute(conn, f"DELETE FROM {table} WHERE month = ?", [month])
    await sql.execute(conn, "INSERT INTO stats_month (dim, scope, k, month, label, amount_fen, qty, poverty_fen, docs, "
                            "households) SELECT dim, scope, k, ?, MAX(label), SUM(amount_fen), SUM(qty), "
                            "SUM(poverty_fen), "
                            "SUM(docs), MAX(households) FROM stats_day WHERE day >= ? AND day <= ? AND dim <> 'day' "
                            "GROUP BY dim, scope, k ORDER BY dim, scope, k", [month, first, last])
    await sql.execute(conn, "INSERT INTO stats_month_supplier (dim, scope, k, supplier_id, month, households) "
                            "SELECT dim, scope, k, supplier_id, ?, MAX(households) FROM stats_day_supplier "
                            "WHERE day >= ? AND day <= ? GROUP BY dim, scope, k, supplier_id "
                            "ORDER BY dim, scope, k, supplier_id", [month, first, last])
    await sql.execute(conn, "INSERT INTO stats_month_state (month, computed_at) VALUES (?, ?)", [month, _now_ms()])


async def rebuild(chunk_days: int = CHUNK_DAYS) -> int:
    """Forget which days are computed and compute them all again (after a data repair, say)."""
    conn = sql.db()
    await sql.execute(conn, "DELETE FROM stats_day_state", [])
    await sql.execute(conn, "DELETE FROM stats_month_state", [])
    return await refresh(None, None, conn, chunk_days)
