"""A supplier's own sales (docs/suppliers.md): online goods orders, from the line snapshots, by day and by product.

What counts: the supplier's parcels that were paid and not refunded (`fulfilment.state` pending or shipped), dated
by the order's payment in Asia/Shanghai; so the shipped parcels of an order refunded afterwards for its other parts
still count, and a refunded parcel never does. `households`: the poor households the supplier's sales count for,
its largest snapshot figure in the range (the national account's rule, docs/domain.md *Statistics*). The rows are
found from the supplier's fulfilments (indexed by supplier), then the orders and lines by their keys.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from models.clock import today_shanghai
from models.errors import Invalid
from models.services.stats_rollup import utc_bound
from models.services.stats_snapshots import line_key
from models.services.stats_types import GroupBy
from models.storage import sql
from models.tables.orders import FulfilmentState

MAX_DAYS = 366

_FROM = """
FROM fulfilment f
JOIN "order" o ON o.id = f.order_id
JOIN order_line l ON l.order_id = f.order_id AND l.supplier_id = f.supplier_id
WHERE f.supplier_id = ? AND f.state IN (?, ?) AND o.paid_at >= ? AND o.paid_at < ?
"""
# By product (and day: an order has one payment day, so a product's distinct orders add up over days) …
_BY_PRODUCT = ("SELECT {day} AS day, l.sku AS sku, MAX(l.name) AS name, MAX(l.unit) AS unit, SUM(l.qty) AS qty, "
               "SUM(l.amount_fen) AS amount, COUNT(DISTINCT l.order_id) AS orders, MAX(l.households_lifted) AS hh"
               + _FROM + "GROUP BY {day}, l.sku")
# … and by day alone, for each day's distinct orders (an order of two products is one order that day).
_BY_DAY = "SELECT {day} AS day, COUNT(DISTINCT l.order_id) AS orders" + _FROM + "GROUP BY {day}"


@dataclass
class SalesRow:
    key: str
    amount_fen: int = 0
    quantity: int = 0
    orders: int = 0
    name: str = ""


@dataclass
class SupplierSales:
    date_from: date
    date_to: date
    amount_fen: int = 0
    quantity: int = 0
    orders: int = 0
    households: int = 0
    by_day: list[SalesRow] = field(default_factory=list)
    by_product: list[SalesRow] = field(default_factory=list)


def _range(date_from: date | None, date_to: date | None) -> tuple[date, date]:
    hi = date_to or today_shanghai()
    lo = date_from or hi - timedelta(days=29)
    if lo > hi:
        raise Invalid("invalid_date_range", "开始日期不能晚于结束日期",
                      date_from=lo.isoformat(), date_to=hi.isoformat())
    if (hi - lo).days >= MAX_DAYS:
        raise Invalid("date_range_too_long", f"一次最多查询 {MAX_DAYS} 天", max_days=MAX_DAYS)
    return lo, hi


async def sales(supplier_id: int, date_from: date | None, date_to: date | None) -> SupplierSales:
    """The supplier's sales over Shanghai days [from, to] (default: the last 30 days up to today)."""
    lo, hi = _range(date_from, date_to)
    conn = sql.db()
    day = line_key(GroupBy.DAY, conn.capabilities.dialect == "sqlite").online
    values = [supplier_id, FulfilmentState.PENDING.value, FulfilmentState.SHIPPED.value,
              utc_bound(lo), utc_bound(hi + timedelta(days=1))]
    by_product = await sql.query(conn, _BY_PRODUCT.format(day=day), values)
    by_day = await sql.query(conn, _BY_DAY.format(day=day), values)
    return _summed(SupplierSales(lo, hi), by_product, {str(r["day"]): int(r["orders"] or 0) for r in by_day})


def _summed(result: SupplierSales, rows: list[dict[str, Any]], day_orders: dict[str, int]) -> SupplierSales:
    days: dict[str, SalesRow] = {}
    goods: dict[str, SalesRow] = {}
    for r in rows:
        amount, qty = int(r["amount"] or 0), int(r["qty"] or 0)
        day = days.setdefault(str(r["day"]), SalesRow(key=str(r["day"]), orders=day_orders.get(str(r["day"]), 0)))
        product = goods.setdefault(r["sku"], SalesRow(key=r["sku"], name=f"{r['name']}（{r['unit']}）"))
        for row in (day, product):
            row.amount_fen += amount
            row.quantity += qty
        product.orders += int(r["orders"] or 0)
        result.households = max(result.households, int(r["hh"] or 0))
        result.amount_fen += amount
        result.quantity += qty
    result.orders = sum(day_orders.values())
    result.by_day = sorted(days.values(), key=lambda x: x.key)
    result.by_product = sorted(goods.values(), key=lambda x: (-x.amount_fen, x.key))
    return result
