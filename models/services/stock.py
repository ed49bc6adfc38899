"""Stock: reserved and released only by conditional UPDATEs, each recorded in the stock ledger."""
from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F

from models.catalog import Product
from models.errors import Conflict
from models.orders import Order, OrderLine, StockMovement
from models.snapshots import Selling


async def reserve(conn: BaseDBAsyncClient, order: Order, wanted: list[tuple[Selling, int]]) -> None:
    """Take stock for every line or raise `out_of_stock` (the caller's transaction then undoes the rest).

    Lines are taken in product-id order so two orders over the same products cannot deadlock on PostgreSQL.
    """
    for product, qty in sorted(wanted, key=lambda pair: pair[0].product_id):
        taken = await Product.filter(id=product.product_id, stock__gte=qty).using_db(conn).update(stock=F("stock") - qty)
        if not taken:
            raise Conflict("out_of_stock", f"「{product.name}」库存不足", sku=product.sku, requested=qty)
    await StockMovement.bulk_create(
        [StockMovement(product_id=p.product_id, order=order, delta=-qty, reason="reserve") for p, qty in wanted],
        using_db=conn,
    )


async def release(conn: BaseDBAsyncClient, order: Order) -> None:
    """Give an order's stock back (cancelled, or refunded before shipping)."""
    lines = await OrderLine.filter(order_id=order.id).using_db(conn).order_by("product_id")
    for line in lines:
        await Product.filter(id=line.product_id).using_db(conn).update(stock=F("stock") + line.qty)
        await StockMovement.create(product_id=line.product_id, order=order, delta=line.qty, reason="release", using_db=conn)
