"""Placing orders and moving them through their life: cancel, ship, confirm receipt, refund, time-out."""
from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models.addresses import Address
from models.clock import now_utc, today_shanghai
from models.errors import Conflict, Invalid, NotFound
from models.orders import Order, OrderEvent, OrderKind, OrderLine, OrderStatus as S
from models.services import card_ledger, order_states, stock
from models.services.audit import actor_label
from models.snapshots import sellable_now
from models.users import User

log = logging.getLogger(__name__)
MAX_QTY = 999
MAX_LINES = 50


@dataclass(frozen=True)
class LineRequest:
    sku: str
    qty: int


def new_order_no() -> str:
    """Date plus 12 random digits: sortable by day for people, not guessable or enumerable."""
    return f"{today_shanghai():%Y%m%d}{secrets.randbelow(10**12):012d}"


def merge_lines(items: list[LineRequest]) -> dict[str, int]:
    """Quantities by sku, each within 1..MAX_QTY, at most MAX_LINES skus."""
    if not items or len(items) > MAX_LINES:
        raise Invalid("invalid_items", f"订单应包含 1 到 {MAX_LINES} 种商品")
    merged: dict[str, int] = {}
    for item in items:
        merged[item.sku] = merged.get(item.sku, 0) + item.qty
    for sku, qty in merged.items():
        if not 1 <= qty <= MAX_QTY:
            raise Invalid("invalid_quantity", f"每种商品数量应在 1 到 {MAX_QTY} 之间", sku=sku, qty=qty)
    return merged


def _not_sellable(sku: str, name: str | None) -> Exception:
    if name is None:
        return NotFound("product_not_found", "商品不存在", sku=sku)
    return Invalid("product_not_sellable", f"「{name}」当前不可销售（未认定、已撤销或认定已过期）", sku=sku)


async def _shipping_address(user: User, address_id: int | None) -> dict[str, Any]:
    query = Address.filter(user_id=user.id)
    address = await (query.filter(id=address_id) if address_id is not None else query.filter(is_default=True)).first()
    if address is None:
        if address_id is not None:
            raise NotFound("address_not_found", "收货地址不存在", address_id=address_id)
        raise Invalid("address_required", "请先添加收货地址")
    return {
        "name": address.name, "phone": address.phone, "region_code": address.region_id,
        "province": address.province, "city": address.city, "county": address.county, "detail": address.detail,
    }


async def place_order(
    user: User, items: list[LineRequest], address_id: int | None, note: str, pay_timeout: timedelta
) -> tuple[Order, list[OrderLine]]:
    """A goods order in `pending_payment` with its lines, its stock reserved; all lines or nothing."""
    wanted = await sellable_now(merge_lines(items), _not_sellable)
    shipping = await _shipping_address(user, address_id)
    total = sum(p.price_fen * qty for p, qty in wanted)
    for attempt in range(3):
        try:
            async with in_transaction() as conn:
                order = await Order.create(
                    order_no=new_order_no(), user=user, kind=OrderKind.GOODS, total_fen=total, shipping=shipping,
                    note=note, pay_deadline=now_utc() + pay_timeout, using_db=conn,
                )
                lines = [OrderLine(order=order, **p.snapshot(qty)) for p, qty in wanted]
                await OrderLine.bulk_create(lines, using_db=conn)
                await stock.reserve(conn, order, wanted)
                await OrderEvent.create(order=order, actor=user, actor_label=actor_label(user), from_status=None,
                                        to_status=S.PENDING_PAYMENT.value, reason="下单", using_db=conn)
            return order, lines
        except IntegrityError:  # an order number collision: astronomically rare, try a fresh number
            log.warning("order number collision, attempt %d", attempt + 1)
    raise RuntimeError("could not allocate an order number")


async def order_for(user: User | None, order_no: str) -> Order:
    """An order visible to `user` (None: any, for administrators); someone else's order is simply not found."""
    query = Order.filter(order_no=order_no)
    order = await (query if user is None else query.filter(user_id=user.id)).first()
    if order is None:
        raise NotFound("order_not_found", "订单不存在", order_no=order_no)
    return order


async def list_orders(user: User, status: S | None, offset: int, limit: int) -> tuple[list[Order], int]:
    query = Order.filter(user_id=user.id)
    if status is not None:
        query = query.filter(status=status)
    orders = await query.order_by("-created_at", "-id").offset(offset).limit(limit).prefetch_related("lines")
    return orders, await query.count()


async def _move(user: User | None, order_no: str, to: S, actor: User | None, reason: str, **changes: Any) -> Order:
    order = await order_for(user, order_no)
    async with in_transaction() as conn:
        await order_states.transition(conn, order, to, actor, reason, **changes)
        if to == S.CANCELLED or (to == S.REFUNDED and order.shipped_at is None):
            await stock.release(conn, order)
        if to == S.REFUNDED:
            await card_ledger.refund_to_card(conn, order.id, actor)
    return order


async def cancel_by_user(user: User, order_no: str) -> Order:
    return await _move(user, order_no, S.CANCELLED, user, "用户取消")


async def cancel_by_admin(admin: User, order_no: str, reason: str) -> Order:
    return await _move(None, order_no, S.CANCELLED, admin, reason)


async def confirm_receipt(user: User, order_no: str) -> Order:
    return await _move(user, order_no, S.COMPLETED, user, "确认收货")


async def ship(admin: User, order_no: str, carrier: str, tracking_no: str) -> Order:
    return await _move(None, order_no, S.SHIPPED, admin, f"{carrier} {tracking_no}",
                       carrier=carrier, tracking_no=tracking_no, shipped_at=now_utc())


async def refund(admin: User, order_no: str, reason: str) -> Order:
    """Refund a paid or shipped order: `refunding`, then `refunded` once the money is back.

    The payment providers we have settle refunds at once, so both steps happen here; stock comes
    back only if the goods never left.
    """
    found = await order_for(None, order_no)
    if found.kind == OrderKind.CARD:
        raise Conflict("card_order_not_refundable", "爱心卡订单不能直接退款，请先注销未使用的卡", order_no=order_no)
    order = await _move(None, order_no, S.REFUNDING, admin, reason)
    return await _move(None, order.order_no, S.REFUNDED, admin, reason)


async def expire_unpaid(limit: int = 100) -> int:
    """Cancel orders whose payment deadline passed. Safe with many workers: each order is cancelled once."""
    due = await Order.filter(status=S.PENDING_PAYMENT, pay_deadline__lt=now_utc()).order_by("pay_deadline").limit(limit)
    cancelled = 0
    for order in due:
        try:
            async with in_transaction() as conn:
                await order_states.transition(conn, order, S.CANCELLED, None, "超时未支付")
                await stock.release(conn, order)
            cancelled += 1
        except Conflict:  # another worker (or the payment) got there first
            continue
    return cancelled
