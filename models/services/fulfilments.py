"""Fulfilment per supplier: a paid goods order is shipped in parts, one parcel per supplier (docs/suppliers.md).

* **Opened** with the payment: `open_parts` runs in the transaction that marks a goods order paid (every payment
  path goes through `payments.mark_paid`), one `pending` fulfilment per supplier of its lines.
* **Shipped** by the supplier (`ship_part`) or, all at once, by an administrator (`ship_all`): a conditional
  UPDATE `pending → shipped`, so of two racing ships exactly one wins. Both lock the order row first (the same
  order as a refund, so a ship and a refund never deadlock); when no part is left pending the order moves
  `paid → shipped`. While some parts have shipped and others not, the order stays `paid` and shows
  `partly_shipped` (derived, `shipping_progress`).
* **Refunded**: a refund covers the parts not shipped (`cover_refund`, `pending → refunded`), or every part
  when the order had fully shipped (a return, as before: the money back, no stock). `refund_scope` then says
  what the refund gives back: the amount of the covered parts' lines, and the suppliers whose stock comes back
  (parts that never left).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from models.clock import now_utc
from models.errors import Conflict, NotFound
from models.services import audit, order_states
from models.tables.orders import Fulfilment, FulfilmentState, Order, OrderLine
from models.tables.orders import OrderStatus as S
from models.tables.users import User


async def open_parts(conn: BaseDBAsyncClient, order: Order) -> None:
    """One pending fulfilment per supplier of the order's lines, in the caller's (payment's) transaction."""
    suppliers = await OrderLine.filter(order_id=order.id).using_db(conn).distinct().values_list("supplier_id",
                                                                                               flat=True)
    now = now_utc()
    await Fulfilment.bulk_create([Fulfilment(order_id=order.id, supplier_id=s, state=FulfilmentState.PENDING,
                                             created_at=now) for s in sorted(set(suppliers))], using_db=conn)


def _not_found(fulfilment_id: int) -> NotFound:
    return NotFound("fulfilment_not_found", "发货单不存在", fulfilment_id=fulfilment_id)


async def ship_part(actor: User, supplier_id: int | None, fulfilment_id: int, carrier: str,
                    tracking_no: str) -> Fulfilment:
    """Ship one part (a supplier's own: another supplier's is not found; None: any, for administrators).

    Once only: a second ship answers 409 `fulfilment_not_pending` (already shipped or refunded). Audited as
    `fulfilment.ship`; the last part to ship moves the order to `shipped`."""
    async with in_transaction() as conn:
        part = await Fulfilment.filter(id=fulfilment_id).using_db(conn).first()
        if part is None or (supplier_id is not None and part.supplier_id != supplier_id):
            raise _not_found(fulfilment_id)
        order = await Order.select_for_update().using_db(conn).get(id=part.order_id)
        now = now_utc()
        moved = await Fulfilment.filter(id=part.id, state=FulfilmentState.PENDING).using_db(conn).update(
            state=FulfilmentState.SHIPPED, carrier=carrier, tracking_no=tracking_no, shipped_at=now)
        if not moved or order.status != S.PAID:
            await part.refresh_from_db(using_db=conn)
            raise Conflict("fulfilment_not_pending", "该包裹已发货或已退款，不能再发货", fulfilment_id=part.id,
                           state=part.state.value)
        after = {"state": FulfilmentState.SHIPPED.value, "carrier": carrier, "tracking_no": tracking_no,
                 "order_no": order.order_no}
        await audit.record(actor, "fulfilment.ship", "fulfilment", part.id, {"state": part.state.value}, after, conn)
        if not await Fulfilment.filter(order_id=order.id, state=FulfilmentState.PENDING).using_db(conn).exists():
            single = await Fulfilment.filter(order_id=order.id).using_db(conn).count() == 1
            await order_states.transition(
                conn, order, S.SHIPPED, actor, f"{carrier} {tracking_no}", shipped_at=now,
                carrier=carrier if single else None, tracking_no=tracking_no if single else None)
    part.update_from_dict({"state": FulfilmentState.SHIPPED, "carrier": carrier, "tracking_no": tracking_no,
                           "shipped_at": now})
    return part


async def ship_all(admin: User, order: Order, carrier: str, tracking_no: str) -> Order:
    """The administrator ships what is left of an order as one parcel: every pending part, one carrier and number."""
    async with in_transaction() as conn:
        locked = await Order.select_for_update().using_db(conn).get(id=order.id)
        now = now_utc()
        await order_states.transition(conn, locked, S.SHIPPED, admin, f"{carrier} {tracking_no}",
                                      carrier=carrier, tracking_no=tracking_no, shipped_at=now)
        await Fulfilment.filter(order_id=locked.id, state=FulfilmentState.PENDING).using_db(conn).update(
            state=FulfilmentState.SHIPPED, carrier=carrier, tracking_no=tracking_no, shipped_at=now)
    return locked


async def cover_refund(conn: BaseDBAsyncClient, order: Order, was: S) -> None:
    """Mark the parts a refund covers, in the refund's transaction (the order row is already held by its
    transition): the pending ones; every one when the order had fully shipped (`was` shipped)."""
    parts = Fulfilment.filter(order_id=order.id).using_db(conn)
    if was != S.SHIPPED:
        parts = parts.filter(state=FulfilmentState.PENDING)
    await parts.update(state=FulfilmentState.REFUNDED)


@dataclass(frozen=True)
class RefundScope:
    amount_fen: int  # what goes back to the payer
    released_suppliers: frozenset[int] | None  # whose lines' stock comes back (None: every line)


async def refund_scope(conn: BaseDBAsyncClient, order: Order) -> RefundScope:
    """What a refund of `order` gives back, from its parts as `cover_refund` left them. An order without parts
    (refunded before fulfilments existed) is given back whole, its stock only if it never shipped."""
    parts = await Fulfilment.filter(order_id=order.id).using_db(conn)
    if not parts:
        return RefundScope(order.total_fen, None if order.shipped_at is None else frozenset())
    covered = {p.supplier_id for p in parts if p.state == FulfilmentState.REFUNDED}
    lines = await OrderLine.filter(order_id=order.id, supplier_id__in=sorted(covered)).using_db(conn)
    released = {p.supplier_id for p in parts if p.state == FulfilmentState.REFUNDED and p.shipped_at is None}
    return RefundScope(sum(line.amount_fen for line in lines), frozenset(released))


async def parts_of(order_ids: Iterable[int]) -> dict[int, list[Fulfilment]]:
    """The fulfilments of a page of orders (a bounded list: one page), by order id, in supplier order."""
    ids = sorted(set(order_ids))
    found: dict[int, list[Fulfilment]] = {i: [] for i in ids}
    if ids:
        for part in await Fulfilment.filter(order_id__in=ids).order_by("order_id", "id"):
            found[part.order_id].append(part)
    return found
