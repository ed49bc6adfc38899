"""Stock: changed only by conditional UPDATEs, each recorded in the stock ledger (`stock_movement`), so a product's
stock is always the sum of its movements (`reconcile` checks it).

The movements: `opening` (a new product's first stock, from the admin form or a catalogue import), `reserve` and
`release` (orders), `adjust` (an administrator's stock count, with who did it). A catalogue import never changes
the stock of a product that exists: that would undo the sales since (docs/catalog-import.md).
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F

from models.clock import now_utc
from models.errors import Conflict
from models.snapshots import Selling
from models.storage import sql
from models.storage.sql_batch import Statement
from models.tables.catalog import Product
from models.tables.orders import Order, OrderLine, StockMovement
from models.tables.users import User

OPENING, RESERVE, RELEASE, ADJUST = "opening", "reserve", "release", "adjust"

_TAKE = "UPDATE product SET stock = stock - ? WHERE id = ? AND stock >= ?"
_LEDGER = "INSERT INTO stock_movement (product_id, order_id, delta, reason, created_at) VALUES {rows}"


def take_statements(wanted: list[tuple[Selling, int]]) -> list[Statement]:
    """The statements that take stock for every line, each a conditional UPDATE that must change its row, for a
    batch (models/storage/sql_batch.py). If the batch is refused at one of them, `out_of_stock(wanted, k)` says which
    product (k: the refused statement's position among these).

    Lines are taken in product-id order so two orders over the same products cannot deadlock on PostgreSQL.
    """
    return [Statement(_TAKE, [qty, p.product_id, qty], must_change=True) for p, qty in _in_id_order(wanted)]


def ledger_statement(order_id: Any, wanted: list[tuple[Selling, int]], at: datetime) -> Statement:
    """The stock ledger's entries for the stock taken for order `order_id` (a value or a `Ref`)."""
    ordered = _in_id_order(wanted)
    values = [v for p, qty in ordered for v in (p.product_id, order_id, -qty, RESERVE, at)]
    return Statement(_LEDGER.format(rows=sql.rows_of(5, len(ordered))), values)


def out_of_stock(wanted: list[tuple[Selling, int]], k: int) -> Conflict:
    product, qty = _in_id_order(wanted)[k]
    return Conflict("out_of_stock", f"「{product.name}」库存不足", sku=product.sku, requested=qty)


def _in_id_order(wanted: list[tuple[Selling, int]]) -> list[tuple[Selling, int]]:
    return sorted(wanted, key=lambda pair: pair[0].product_id)


async def release(conn: BaseDBAsyncClient, order: Order, suppliers: frozenset[int] | None = None) -> None:
    """Give an order's stock back (cancelled, or refunded before shipping): every line, or only the lines of
    `suppliers` (a refund after some parcels left: the lines that never left)."""
    query = OrderLine.filter(order_id=order.id).using_db(conn)
    if suppliers is not None:
        query = query.filter(supplier_id__in=sorted(suppliers))
    lines = await query.order_by("product_id")
    for line in lines:
        await Product.filter(id=line.product_id).using_db(conn).update(stock=F("stock") + line.qty)
        await StockMovement.create(product_id=line.product_id, order=order, delta=line.qty, reason=RELEASE,
                                   using_db=conn)


_OPENING = "INSERT INTO stock_movement (product_id, delta, reason, actor_id, created_at) VALUES {rows}"


async def open_stock(conn: BaseDBAsyncClient, opened: list[tuple[int, int]], actor: User | None) -> None:
    """The opening movements of new products, `opened` as (product id, stock): one INSERT; none for no stock."""
    rows = [(product_id, qty) for product_id, qty in opened if qty]
    if not rows:
        return
    at, actor_id = now_utc(), actor.id if actor else None
    values = [v for product_id, qty in rows for v in (product_id, qty, OPENING, actor_id, at)]
    await sql.execute(conn, _OPENING.format(rows=sql.rows_of(5, len(rows))), values)


_SET = "UPDATE product SET stock = ? WHERE id = ? AND stock = ?"


async def adjust(conn: BaseDBAsyncClient, product: Product, stock: int, expected: int | None,
                 actor: User | None) -> None:
    """An administrator sets the stock on hand: the difference is an `adjust` movement with who did it.

    `expected`: the stock the administrator saw; if it has changed since (a sale), nothing is written and the
    answer is 409 `stock_changed` with the stock now, so a count taken before a sale never silently undoes it.
    The UPDATE is conditional on the stock read, inside the caller's transaction, which also locks the row.
    """
    if expected is not None and expected != product.stock:
        raise _changed(product.sku, product.stock)
    delta = stock - product.stock
    if not delta:
        return
    if not await sql.execute(conn, _SET, [stock, product.id, product.stock]):
        now = cast(list[int], await Product.filter(id=product.id).using_db(conn).values_list("stock", flat=True))
        raise _changed(product.sku, now[0] if now else None)
    await StockMovement.create(product_id=product.id, delta=delta, reason=ADJUST, actor_id=actor.id if actor else None,
                               using_db=conn)
    product.stock = stock


def _changed(sku: str, stock: int | None) -> Conflict:
    return Conflict("stock_changed", "库存已变化，请刷新后按当前库存重新填写", sku=sku, stock=stock)


_MISMATCHES = """
SELECT p.sku, p.stock, COALESCE(s.total, 0) AS ledger
FROM product p LEFT JOIN (SELECT product_id, SUM(delta) AS total FROM stock_movement GROUP BY product_id) s
  ON s.product_id = p.id
WHERE p.stock <> COALESCE(s.total, 0) OR p.stock < 0
ORDER BY p.id LIMIT 1000
"""


async def reconcile() -> list[dict[str, Any]]:
    """Products whose stock differs from the sum of their stock movements, or is negative (first 1000); empty
    when all is well. One set-based query, quick over hundreds of thousands of products."""
    rows = await sql.query(sql.db(), _MISMATCHES, [])
    return [{"sku": r["sku"], "stock": int(r["stock"]), "ledger": int(r["ledger"])} for r in rows]
