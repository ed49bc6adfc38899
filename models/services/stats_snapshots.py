"""The account's statement straight from the line snapshots (`order_line`, `redemption_line`), no rollup.

`direct_statistics` (models/services/stats.py) runs it: the reference the rollup is tested against, and the
naive query of the benchmark.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from models.services.stats_lines import online_args as stats_online_args
from models.services.stats_lines import online_lines
from models.services.stats_rollup import utc_bound
from models.services.stats_types import MERCHANT, ONLINE, GroupBy, StatsFilter


@dataclass(frozen=True)
class LineKey:
    """How one grouping reads its key from an order line (`l`, order `o`) and a redemption line (`l`, `r`, `m`)."""

    online: str
    merchant: str
    online_label: str | None = None  # shown key when it differs from the grouping value
    merchant_label: str | None = None
    coded: bool = False  # the grouping value is an id worth returning as `code`


_CITY = "CASE WHEN l.origin_city = '' THEN l.origin_province ELSE l.origin_city END"
_LINE_KEYS = {
    GroupBy.PROVINCE: LineKey("l.origin_province", "l.origin_province"),
    GroupBy.CITY: LineKey(_CITY, _CITY),
    GroupBy.COUNTY: LineKey("l.origin_code", "l.origin_code", "l.origin_county", "l.origin_county", coded=True),
    GroupBy.SUPPLIER: LineKey("l.supplier_id", "l.supplier_id", "l.supplier_name", "l.supplier_name", coded=True),
    GroupBy.CATEGORY: LineKey("l.category", "l.category"),
    GroupBy.CHANNEL: LineKey(f"'{ONLINE}'", f"'{MERCHANT}'"),
    GroupBy.MERCHANT: LineKey("0", "r.merchant_id", f"'{ONLINE}'", "m.name", coded=True),
}


def line_key(group: GroupBy | None, sqlite: bool) -> LineKey:
    if group is None:  # the total: one group
        return LineKey("0", "0")
    if group in _LINE_KEYS:
        return _LINE_KEYS[group]
    if sqlite:  # datetimes are ISO text in UTC, dates ISO text
        if group is GroupBy.DAY:
            return LineKey("date(o.paid_at, '+8 hours')", "r.business_date")
        return LineKey("strftime('%Y-%m', o.paid_at, '+8 hours')", "substr(r.business_date, 1, 7)")
    local = "(o.paid_at AT TIME ZONE 'Asia/Shanghai')"
    fmt = "YYYY-MM-DD" if group is GroupBy.DAY else "YYYY-MM"
    return LineKey(f"to_char({local}, '{fmt}')", f"to_char(r.business_date, '{fmt}')")


# ---------------------------------------------------------------------------------------------- SQL

# The order lines the account counts (stats_lines: two branches, a refunded order's shipped parcels in the second).
_ONLINE = ("{k_on} AS k, {label_on} AS label, l.order_id AS doc, l.supplier_id AS sup, l.households_lifted AS hh, "
           "l.amount_fen AS amount, l.qty AS qty, CASE WHEN l.poverty_county THEN l.amount_fen ELSE 0 END AS pov")
_FACTS = """
{online}
UNION ALL
SELECT {k_me} AS k, {label_me} AS label, -l.redemption_id AS doc, l.supplier_id AS sup, l.households_lifted AS hh,
       l.amount_fen AS amount, l.qty AS qty, CASE WHEN l.poverty_county THEN l.amount_fen ELSE 0 END AS pov
FROM redemption_line l JOIN redemption r ON r.id = l.redemption_id{merchant_join}
WHERE r.status = ?{merchant_where}
"""

# Households count each supplier once per row: the largest number its snapshots in the row show.
_AGGREGATE = """
WITH facts AS ({facts}),
sums AS (
  SELECT k, MAX(label) AS label, SUM(amount) AS amount, SUM(qty) AS qty, SUM(pov) AS pov,
         COUNT(DISTINCT doc) AS docs
  FROM facts GROUP BY k
),
per_supplier AS (SELECT k, sup, MAX(hh) AS hh FROM facts GROUP BY k, sup),
supplier_sums AS (SELECT k, COUNT(*) AS suppliers, SUM(hh) AS hh FROM per_supplier GROUP BY k)
SELECT s.k AS k, s.label AS label, s.amount AS amount, s.qty AS qty, s.pov AS pov, s.docs AS docs,
       p.suppliers AS suppliers, p.hh AS hh
FROM sums s JOIN supplier_sums p ON p.k = s.k
"""


def snapshot_statement(f: StatsFilter, group: GroupBy | None, sqlite: bool) -> tuple[str, list[Any]]:
    key = line_key(group, sqlite)
    online_where, merchant_where, online_args, merchant_args = "", "", [], []
    if f.date_from is not None:
        online_where += " AND o.paid_at >= ?"
        online_args.append(utc_bound(f.date_from))
        merchant_where += " AND r.business_date >= ?"
        merchant_args.append(f.date_from)
    if f.date_to is not None:
        online_where += " AND o.paid_at < ?"
        online_args.append(utc_bound(f.date_to + timedelta(days=1)))
        merchant_where += " AND r.business_date <= ?"
        merchant_args.append(f.date_to)
    if f.poverty_only:
        online_where += " AND l.poverty_county"
        merchant_where += " AND l.poverty_county"
    if f.region is not None:  # an official's region: goods whose origin county is in it
        region_where, region_args = f.region.sql("l.origin_code")
        online_where += region_where
        merchant_where += region_where
        online_args += region_args
        merchant_args += region_args
    online = online_lines(_ONLINE.format(k_on=key.online, label_on=key.online_label or key.online), online_where)
    facts = _FACTS.format(
        online=online, k_me=key.merchant, label_me=key.merchant_label or key.merchant, merchant_where=merchant_where,
        merchant_join=" JOIN merchant m ON m.id = r.merchant_id" if group is GroupBy.MERCHANT else "",
    )
    if not sqlite:  # the two branches must agree on types: text labels everywhere
        facts = facts.replace(" AS label,", "::text AS label,")
    args = [*stats_online_args(online_args), "completed", *merchant_args]
    return _AGGREGATE.format(facts=facts), args
