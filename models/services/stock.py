"""Stock: reserved and released only by conditional UPDATEs, each recorded in the stock ledger."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F

from models import sql
from models.catalog import Product
from models.errors import Conflict
from models.orders import Order, OrderLine, StockMovement
from models.snapshots import Selling
from models.sql_batch import Statement

_TAKE = "UPDATE product SET stock = stock - ? WHERE id = ? AND stock >= ?"
_LEDGER = "INSERT INTO stock_movement (product_id, order_id, delta, reason, created_at) VALUES {rows}"


def take_statements(wanted: list[tuple[Selling, int]]) -> list[Statement]:
    """The statements that take stock for every line, each a conditional UPDATE that must change its row, for a
    batch (models/sql_batch.py). If the batch is refused at one of them, `out_of_stock(wanted, k)` says which
    product (k: the refused statement's position among these).

    Lines are taken in product-id order so two orders over the same products cannot deadlock on PostgreSQL.
    """
    return [Statement(_TAKE, [qty, p.product_id, qty], must_change=True) for p, qty in _in_id_order(wanted)]


def ledger_statement(order_id: Any, wanted: list[tuple[Selling, int]], at: datetime) -> Statement:
    """The stock ledger's entries for the stock taken for order `order_id` (a value or a `Ref`)."""
    ordered = _in_id_order(wanted)
    values = [v for p, qty in ordered for v in (p.product_id, order_id, -qty, "reserve", at)]
    return Statement(_LEDGER.format(rows=sql.rows_of(5, len(ordered))), values, fusable=True)


def out_of_stock(wanted: list[tuple[Selling, int]], k: int) -> Conflict:
    product, qty = _in_id_order(wanted)[k]
    return Conflict("out_of_stock", f"「{product.name}」库存不足", sku=product.sku, requested=qty)


def _in_id_order(wanted: list[tuple[Selling, int]]) -> list[tuple[Selling, int]]:
    return sorted(wanted, key=lambda pair: pair[0].product_id)


async def release(conn: BaseDBAsyncClient, order: Order) -> None:
    """Give an order's stock back (cancelled, or refunded before shipping)."""
    lines = await OrderLine.filter(order_id=order.id).using_db(conn).order_by("product_id")
    for line in lines:
        await Product.filter(id=line.product_id).using_db(conn).update(stock=F("stock") + line.qty)
        await StockMovement.create(product_id=line.product_id, order=order, delta=line.qty, reason="release", using_db=conn)
