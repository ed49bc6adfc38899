"""Stock: reserved and released only by conditional UPDATEs, each recorded in the stock ledger."""
from __future__ import annotations

from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F

from models import sql
from models.catalog import Product
from models.errors import Conflict
from models.orders import Order, OrderLine, StockMovement
from models.snapshots import Selling

_TAKE = "UPDATE product SET stock = stock - ? WHERE id = ? AND stock >= ?"
_LEDGER = "INSERT INTO stock_movement (product_id, order_id, delta, reason, created_at) VALUES {rows}"


async def reserve(conn: BaseDBAsyncClient, order_id: int, wanted: list[tuple[Selling, int]], at: datetime) -> None:
    """Take stock for every line or raise `out_of_stock` (the caller's transaction then undoes the rest).

    Lines are taken in product-id order so two orders over the same products cannot deadlock on PostgreSQL.
    Ordering is the hot path, so this is hand-written SQL: one conditional UPDATE per product and one
    INSERT for the whole ledger entry, where the ORM spent more time building statements than running them.
    """
    for product, qty in sorted(wanted, key=lambda pair: pair[0].product_id):
        if not await sql.execute(conn, _TAKE, [qty, product.product_id, qty]):
            raise Conflict("out_of_stock", f"「{product.name}」库存不足", sku=product.sku, requested=qty)
    values = [v for p, qty in wanted for v in (p.product_id, order_id, -qty, "reserve", at)]
    await sql.execute(conn, _LEDGER.format(rows=sql.rows_of(5, len(wanted))), values)


async def release(conn: BaseDBAsyncClient, order: Order) -> None:
    """Give an order's stock back (cancelled, or refunded before shipping)."""
    lines = await OrderLine.filter(order_id=order.id).using_db(conn).order_by("product_id")
    for line in lines:
        await Product.filter(id=line.product_id).using_db(conn).update(stock=F("stock") + line.qty)
        await StockMovement.create(product_id=line.product_id, order=order, delta=line.qty, reason="release", using_db=conn)
