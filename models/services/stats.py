"""The poverty-alleviation account (消费扶贫台账): where every yuan of goods was bought, by one dimension.

Two channels of goods bought:

* `online`: goods orders (kind `goods`) that are paid, shipped or completed, whatever paid them
  (WeChat Pay or a love card), dated by their payment in Asia/Shanghai. A refunded order counts only the
  lines of the parcels that had shipped before the refund (paid for and delivered); the lines the refund
  covered are left out, so the figures are net of refunds (stats_lines.py).
* `merchant`: love-card redemptions at counters, pavilions and zones, dated by their business day
  (Asia/Shanghai); a voided redemption is left out, so the figures are net of voids.

Card sales (orders of kind `card`) and 以购代捐 batch activations are money subscribed, not goods
bought yet: they appear only as `subscribed_fen` of the total, never in `amount_fen` (the goods they pay
for are counted when redeemed). Every figure comes from the line snapshots (`order_line`,
`redemption_line`), so editing or revoking a product or a supplier never changes history.

The aggregation runs in the database: `statistics` reads the daily rollup (models/services/stats_rollup.py,
brought up to date first; its statements: stats_rollup_query.py), `direct_statistics` aggregates the snapshots
themselves (stats_snapshots.py; the reference the rollup is tested against). bench/stats_bench.py times both over
a million order lines and a million redemptions. The request and answer types: stats_types.py.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from models.clock import today_shanghai
from models.errors import Invalid
from models.services import stats_fresh
from models.services.stats_rollup import utc_bound
from models.services.stats_rollup_query import Part, Span, merchant_names, rollup_statement
from models.services.stats_snapshots import line_key, snapshot_statement
from models.services.stats_types import (
    BOUGHT,
    MAX_DAYS,
    MERCHANT,
    ONLINE,
    Figures,
    GroupBy,
    StatsFilter,
    StatsResult,
    StatsRow,
    StatsTotal,
)
from models.storage import sql
from models.tables.orders import OrderKind

__all__ = [
    "BOUGHT", "MAX_DAYS", "MERCHANT", "ONLINE", "Figures", "GroupBy", "StatsFilter", "StatsResult", "StatsRow",
    "StatsTotal", "direct_statistics", "statistics",
]


def _figures(row: dict[str, Any]) -> dict[str, int]:
    return {
        "amount_fen": int(row["amount"] or 0), "orders": int(row["docs"] or 0), "quantity": int(row["qty"] or 0),
        "suppliers": int(row["suppliers"] or 0), "households": int(row["hh"] or 0), "poverty_fen": int(row["pov"] or 0),
    }


_SUBSCRIBED_CARDS = (
    'SELECT COALESCE(SUM(total_fen), 0) AS fen FROM "order" WHERE kind = ? AND status IN (?, ?, ?){where}')
_SUBSCRIBED_BATCHES = (
    "SELECT COALESCE(SUM(face_value_fen * issued), 0) AS fen FROM card_batch WHERE activated_at IS NOT NULL{where}")


async def _subscribed(conn: BaseDBAsyncClient, f: StatsFilter) -> int:
    """认购额: love cards sold (paid card orders) plus 以购代捐 batches activated in the range. Money on cards
    belongs to no region until it is spent: 0 in an official's account."""
    if f.region is not None:
        return 0
    bounds: list[Any] = []
    cards_where, batches_where = "", ""
    if f.date_from is not None:
        cards_where += " AND paid_at >= ?"
        batches_where += " AND activated_at >= ?"
        bounds.append(utc_bound(f.date_from))
    if f.date_to is not None:
        cards_where += " AND paid_at < ?"
        batches_where += " AND activated_at < ?"
        bounds.append(utc_bound(f.date_to + timedelta(days=1)))
    [cards] = await sql.query(conn, _SUBSCRIBED_CARDS.format(where=cards_where),
                              [OrderKind.CARD.value, *BOUGHT, *bounds])
    [batches] = await sql.query(conn, _SUBSCRIBED_BATCHES.format(where=batches_where), bounds)
    return int(cards["fen"]) + int(batches["fen"])


def _check(f: StatsFilter) -> None:
    if f.date_from and f.date_to:
        if f.date_from > f.date_to:
            raise Invalid("invalid_date_range", "开始日期不能晚于结束日期", date_from=f.date_from.isoformat(),
                          date_to=f.date_to.isoformat())
        if (f.date_to - f.date_from).days > MAX_DAYS:
            raise Invalid("date_range_too_long", "日期范围过长", max_days=MAX_DAYS)


def _sort_key(group: GroupBy, row: StatsRow) -> tuple[Any, ...]:
    """Dates in calendar order, everything else biggest amount first."""
    if group in (GroupBy.DAY, GroupBy.MONTH):
        return (row.key,)
    return (-row.amount_fen, row.key)


async def direct_statistics(f: StatsFilter, conn: BaseDBAsyncClient | None = None) -> StatsResult:
    """The account for `f` straight from the line snapshots (no rollup): the reference the rollup is tested
    against, and the naive query of the benchmark."""
    _check(f)
    conn = conn or sql.db()
    sqlite = conn.capabilities.dialect == "sqlite"
    statement, args = snapshot_statement(f, f.group_by, sqlite)
    rows = await sql.query(conn, statement, args)
    result = StatsResult(filter=f)
    coded = line_key(f.group_by, sqlite).coded
    for row in rows:
        code = str(row["k"]) if coded and str(row["k"]) != "0" else None  # merchant 0: the online channel
        result.rows.append(StatsRow(key=str(row["label"]), code=code, **_figures(row)))
    result.rows.sort(key=lambda r: _sort_key(f.group_by, r))
    statement, args = snapshot_statement(f, None, sqlite)
    total = await sql.query(conn, statement, args)
    result.total = StatsTotal(subscribed_fen=await _subscribed(conn, f), **(_figures(total[0]) if total else {}))
    return result


async def _analytic(conn: BaseDBAsyncClient, statements: list[Part]) -> list[list[dict[str, Any]]]:
    """Run the statements with plans made for their values. PostgreSQL switches a prepared statement to a generic
    plan after five runs, and for these (the grouping and the dates decide which index is worth it) a generic
    plan is 10-100 times slower; SQLite plans every statement anew anyway."""
    if conn.capabilities.dialect == "sqlite":
        return [await sql.query(conn, s.text, s.args) for s in statements]
    async with in_transaction() as tx:
        await tx.execute_script("SET LOCAL plan_cache_mode = force_custom_plan")
        return [await sql.query(tx, s.text, s.args) for s in statements]


async def statistics(f: StatsFilter, conn: BaseDBAsyncClient | None = None) -> StatsResult:
    """The account for `f`: one row per group plus the total (its own distinct orders and suppliers).

    Closed days come from the daily rollup as the background left it (never computed here); today, and the
    closed days the rollup does not have right yet when they are few, are aggregated live from their line
    snapshots in the same statement; more of those are named in `stale_days` (models/services/stats_fresh.py).

    An official's account (`f.region`) is aggregated from the line snapshots of their region, in one statement
    that filters by the lines' origin code (the rollup has no region): exact, with no stale days."""
    if f.region is not None:
        return await direct_statistics(f, conn)
    _check(f)
    conn = conn or sql.db()
    sqlite = conn.capabilities.dialect == "sqlite"
    today = today_shanghai()
    fresh = await stats_fresh.freshness(conn, f.date_from, f.date_to, today)
    span = Span(f, today, fresh.months, fresh.live)
    grouped = rollup_statement(f, f.group_by, sqlite, span)
    if f.group_by is GroupBy.MERCHANT:
        grouped = merchant_names(grouped)
    rows, total = await _analytic(conn, [grouped, rollup_statement(f, None, sqlite, span)])
    result = StatsResult(filter=f, stale_days=list(fresh.stale))
    coded = f.group_by in (GroupBy.COUNTY, GroupBy.SUPPLIER, GroupBy.MERCHANT)
    for row in rows:
        if row["amount"] is None:  # a key with no sales (an empty aggregate)
            continue
        code = str(row["k"]) if coded and str(row["k"]) != "0" else None  # merchant 0: the online channel
        result.rows.append(StatsRow(key=str(row["label"]), code=code, **_figures(row)))
    result.rows.sort(key=lambda r: _sort_key(f.group_by, r))
    result.total = StatsTotal(subscribed_fen=await _subscribed(conn, f), **(_figures(total[0]) if total else {}))
    return result
