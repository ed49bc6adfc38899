"""A supplier's own desk: its parcels to ship, its products and their stock (docs/suppliers.md).

Every read and write is scoped to the caller's supplier: another supplier's fulfilment or sku is simply not found
(404), like another consumer's order. Shipping is `fulfilments.ship_part`; the sales figures are
models/services/supplier_sales.py.
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import orjson
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from models.clock import now_utc
from models.errors import Forbidden, NotFound
from models.services import audit, stock
from models.storage import sql
from models.tables.catalog import Product
from models.tables.orders import Fulfilment, FulfilmentState, Order, OrderLine
from models.tables.users import User


def supplier_of(user: User) -> int:
    """The supplier a supplier's staff member acts for (the role check admitted only supplier staff)."""
    if user.supplier_id is None:
        raise Forbidden("no_supplier", "该账号未关联供应商")
    return user.supplier_id


@dataclass(frozen=True)
class Parcel:
    """A fulfilment as its supplier sees it: the order it belongs to and its own lines."""

    part: Fulfilment
    order: Order
    lines: list[OrderLine]


async def parcels(supplier_id: int, state: FulfilmentState | None, offset: int,
                  limit: int) -> tuple[list[Parcel], int]:
    """The supplier's fulfilments (pending ones oldest first: the next to ship on top; others newest first)."""
    query = Fulfilment.filter(supplier_id=supplier_id)
    if state is not None:
        query = query.filter(state=state)
    total = await query.count()
    parts = await query.order_by("id" if state == FulfilmentState.PENDING else "-id").offset(offset).limit(limit) \
        .select_related("order")
    return [Parcel(p, p.order, lines) for p, lines in zip(parts, await _lines(parts), strict=True)], total


async def parcel(supplier_id: int, fulfilment_id: int) -> Parcel:
    part = await Fulfilment.filter(id=fulfilment_id, supplier_id=supplier_id).select_related("order").first()
    if part is None:
        raise NotFound("fulfilment_not_found", "发货单不存在", fulfilment_id=fulfilment_id)
    [lines] = await _lines([part])
    return Parcel(part, part.order, lines)


async def _lines(parts: list[Fulfilment]) -> list[list[OrderLine]]:
    """Each part's lines: the order's lines of the part's supplier (one query for a page of parts)."""
    if not parts:
        return []
    rows = await OrderLine.filter(order_id__in=[p.order_id for p in parts],
                                  supplier_id=parts[0].supplier_id).order_by("id")
    by_order: dict[int, list[OrderLine]] = {}
    for line in rows:
        by_order.setdefault(line.order_id, []).append(line)
    return [by_order.get(p.order_id, []) for p in parts]


_EXPORT = (
    'SELECT f.id, o.order_no, o.paid_at, o.shipping, o.note, f.state, f.carrier, f.tracking_no, f.shipped_at, '
    'l.sku, l.name, l.qty, l.unit, l.amount_fen '
    'FROM fulfilment f JOIN "order" o ON o.id = f.order_id '
    'JOIN order_line l ON l.order_id = f.order_id AND l.supplier_id = f.supplier_id '
    'WHERE f.supplier_id = ? AND f.state = ? AND f.id > ? AND f.id <= ? ORDER BY f.id, l.id'
)
_NEXT_IDS = "SELECT id FROM fulfilment WHERE supplier_id = ? AND state = ? AND id > ? ORDER BY id LIMIT ?"


async def export_rows(supplier_id: int, state: FulfilmentState, chunk: int = 500) -> AsyncIterator[dict[str, Any]]:
    """Every line of the supplier's parcels in `state`, parcel by parcel, read a chunk of parcels at a time (by id,
    never an id list): one row per line with the order's number, payment time, address and note."""
    after = 0
    while True:
        ids = await sql.query(sql.db(), _NEXT_IDS, [supplier_id, state.value, after, chunk])
        if not ids:
            return
        last = int(ids[-1]["id"])
        for row in await sql.query(sql.db(), _EXPORT, [supplier_id, state.value, after, last]):
            shipping = row["shipping"]
            yield {**row, "shipping": orjson.loads(shipping) if isinstance(shipping, (str, bytes)) else shipping}
        after = last


async def products(supplier_id: int, text: str | None, offset: int, limit: int) -> tuple[list[Product], int]:
    """The supplier's own products, whatever their certification (by sku)."""
    query = Product.filter(supplier_id=supplier_id)
    if text and text.strip():
        query = query.filter(Q(name__icontains=text.strip()) | Q(sku__icontains=text.strip()))
    total = await query.count()
    return await query.order_by("sku").offset(offset).limit(limit).select_related("supplier"), total


async def set_stock(actor: User, supplier_id: int, sku: str, new_stock: int, expected: int | None) -> Product:
    """The supplier counts its own stock: the difference is an `adjust` movement by this person (with
    `expected_stock`, 409 `stock_changed` if a sale came in between), audited `product.stock`; another
    supplier's sku is not found."""
    async with in_transaction() as conn:
        product = await Product.select_for_update().using_db(conn).get_or_none(sku=sku, supplier_id=supplier_id)
        if product is None:
            raise NotFound("product_not_found", "商品不存在", sku=sku)
        before = product.stock
        await stock.adjust(conn, product, new_stock, expected, actor)
        if product.stock != before:
            await Product.filter(id=product.id).using_db(conn).update(updated_at=now_utc())  # the search follows
            await audit.record(actor, "product.stock", "product", sku, {"stock": before}, {"stock": product.stock},
                               conn)
    await product.fetch_related("supplier")
    return product
