"""Placing orders and moving them through their life: cancel, ship, confirm receipt, refund, time-out."""
from __future__ import annotations

import logging
import secrets
from datetime import datetime, timedelta
from typing import Any

import orjson
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models import metrics
from models.clock import now_utc, today_shanghai
from models.errors import Conflict, Invalid, NotFound
from models.places.phones import phone_digits
from models.services import card_ledger, fulfilments, order_states, stock
from models.services.audit import actor_label
from models.services.basket import LineRequest, merge_lines
from models.snapshots import Selling, sellable_now
from models.storage import sql
from models.storage.sql_batch import Batch, Ref, Refused, Statement
from models.tables.orders import Order, OrderKind, OrderLine
from models.tables.orders import OrderStatus as S
from models.tables.users import User

log = logging.getLogger(__name__)


def new_order_no() -> str:
    """Date plus 12 random digits: sortable by day for people, not guessable or enumerable."""
    return f"{today_shanghai():%Y%m%d}{secrets.randbelow(10**12):012d}"


def _not_sellable(sku: str, name: str | None) -> Exception:
    if name is None:
        return NotFound("product_not_found", "商品不存在", sku=sku)
    return Invalid("product_not_sellable", f"「{name}」当前不可销售（未认定、已撤销或认定已过期）", sku=sku)


_ADDRESS_BY_ID = "SELECT * FROM address WHERE user_id = ? AND id = ? LIMIT 1"
_DEFAULT_ADDRESS = "SELECT * FROM address WHERE user_id = ? AND is_default = ? LIMIT 1"


async def shipping_address(user: User, address_id: int | None, db: Any) -> dict[str, Any]:
    """The address to ship to, as it is now. Read for every order, so one hand-written query."""
    if address_id is not None:
        rows = await sql.query(db, _ADDRESS_BY_ID, [user.id, address_id])
    else:
        rows = await sql.query(db, _DEFAULT_ADDRESS, [user.id, True])
    if not rows:
        if address_id is not None:
            raise NotFound("address_not_found", "收货地址不存在", address_id=address_id)
        raise Invalid("address_required", "请先添加收货地址")
    a = rows[0]
    return {
        "name": a["name"], "phone": a["phone"], "region_code": a["region_id"],
        "province": a["province"], "city": a["city"], "county": a["county"], "detail": a["detail"],
    }


# Placing an order is the busiest write, so its statements are hand-written: through the ORM each
# create, bulk_create and update cost several times more Python than the database spends running it.
_INSERT_ORDER = 'INSERT INTO "order" ({columns}) VALUES ({marks}) RETURNING id'
_INSERT_LINES = "INSERT INTO order_line (order_id, {columns}) VALUES {rows}"
_INSERT_EVENT = (
    "INSERT INTO order_event (order_id, actor_id, actor_label, from_status, to_status, reason, created_at) "
    "VALUES (?, ?, ?, NULL, ?, ?, ?)"
)


def _order_statements(row: dict[str, Any], user: User, wanted: list[tuple[Selling, int]],
                      snapshots: list[dict[str, Any]], now: datetime) -> list[Statement]:
    """The stock first (an out-of-stock order stops there), then the order, its stock ledger, its lines and its
    first event, as one batch; the statements after the order refer to its id through a `Ref`."""
    order_id = Ref("order", "id")
    values = [orjson.dumps(v).decode() if k == "shipping" else v for k, v in row.items()]  # a JSON column
    columns = list(snapshots[0])
    lines = [v for snap in snapshots for v in (order_id, *snap.values())]
    return [
        *stock.take_statements(wanted),
        Statement(_INSERT_ORDER.format(columns=", ".join(row), marks=sql.marks(len(row))), values, name="order"),
        stock.ledger_statement(order_id, wanted, now),
        Statement(_INSERT_LINES.format(columns=", ".join(columns), rows=sql.rows_of(len(columns) + 1, len(snapshots))),
                  lines),
        Statement(_INSERT_EVENT, [order_id, user.id, actor_label(user), S.PENDING_PAYMENT.value, "下单", now]),
    ]


async def place_order(
    user: User, items: list[LineRequest], address_id: int | None, note: str, pay_timeout: timedelta
) -> tuple[Order, list[OrderLine]]:
    """A goods order in `pending_payment` with its lines, its stock reserved; all lines or nothing."""
    merged = merge_lines(items)
    for attempt in range(3):
        try:
            return await _place(user, merged, address_id, note, pay_timeout)
        except IntegrityError:  # an order number collision: astronomically rare, try a fresh number
            log.warning("order number collision, attempt %d", attempt + 1)
    raise RuntimeError("could not allocate an order number")


async def _place(user: User, merged: dict[str, int], address_id: int | None, note: str,
                 pay_timeout: timedelta) -> tuple[Order, list[OrderLine]]:
    """One attempt: the products and the address are read in the batch that writes the order (on PostgreSQL, one
    connection and one transaction for all of it)."""
    async with Batch(sql.db()) as batch:
        wanted = await sellable_now(merged, _not_sellable, batch.db)
        shipping = await shipping_address(user, address_id, batch.db)
        snapshots = [p.snapshot(qty) for p, qty in wanted]
        now = now_utc()
        row = {
            "order_no": new_order_no(), "user_id": user.id, "kind": OrderKind.GOODS.value,
            "status": S.PENDING_PAYMENT.value, "total_fen": sum(snap["amount_fen"] for snap in snapshots),
            "shipping": shipping, "ship_phone": phone_digits(shipping["phone"]),
            "note": note, "pay_deadline": now + pay_timeout, "created_at": now,
        }
        try:
            results = await batch.run(_order_statements(row, user, wanted, snapshots, now))
        except Refused as refused:  # the stock statements come first
            raise stock.out_of_stock(wanted, refused.index) from None
    metrics.order_placed(OrderKind.GOODS.value)
    [inserted] = results[len(wanted)]
    order = Order(**row, id=inserted["id"])
    return order, [OrderLine(order_id=order.id, **snap) for snap in snapshots]


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


async def recent_orders(user: User, limit: int) -> list[Order]:
    """The user's latest orders without their lines or a count: what a status answer needs, in one query."""
    return await Order.filter(user_id=user.id).order_by("-created_at", "-id").limit(limit)


async def _move(user: User | None, order_no: str, to: S, actor: User | None, reason: str, **changes: Any) -> Order:
    order = await order_for(user, order_no)
    async with in_transaction() as conn:
        await order_states.transition(conn, order, to, actor, reason, **changes)
        if to == S.CANCELLED:
            await stock.release(conn, order)
    if to == S.CANCELLED:
        metrics.order_cancelled("user" if user is not None else "admin")
    return order


async def cancel_by_user(user: User, order_no: str) -> Order:
    return await _move(user, order_no, S.CANCELLED, user, "用户取消")


async def cancel_by_admin(admin: User, order_no: str, reason: str) -> Order:
    return await _move(None, order_no, S.CANCELLED, admin, reason)


async def confirm_receipt(user: User, order_no: str) -> Order:
    return await _move(user, order_no, S.COMPLETED, user, "确认收货")


async def ship(admin: User, order_no: str, carrier: str, tracking_no: str) -> Order:
    """The administrator ships every part not yet shipped, under one carrier and number (models/services/
    fulfilments.py: suppliers ship their own parts)."""
    return await fulfilments.ship_all(admin, await order_for(None, order_no), carrier, tracking_no)


async def refund(admin: User, order_no: str, reason: str) -> Order:
    """Refund a paid or shipped order: `refunding`, then `refunded` once the money is back.

    The payment providers we have settle refunds at once, so both steps happen here. A refund covers the parcels
    not yet shipped (all of them before any shipment), or the whole order once it has fully shipped (a return);
    the amount of the covered lines goes back (to the love card that paid, if one did), and the stock of the
    parcels that never left comes back (models/services/fulfilments.py, docs/suppliers.md).

    One transaction for both steps: if anything fails on the way, the order stays as it was (not `refunding`
    with its parcels covered and no money back, which no later refund could finish) and the refund can be redone.
    """
    found = await order_for(None, order_no)
    if found.kind == OrderKind.CARD:
        raise Conflict("card_order_not_refundable", "爱心卡订单不能直接退款，请先注销未使用的卡", order_no=order_no)
    async with in_transaction() as conn:
        order = await Order.select_for_update().using_db(conn).get(id=found.id)
        was = order.status
        await order_states.transition(conn, order, S.REFUNDING, admin, reason)
        await fulfilments.cover_refund(conn, order, was)
        await order_states.transition(conn, order, S.REFUNDED, admin, reason)
        scope = await fulfilments.refund_scope(conn, order)
        await stock.release(conn, order, scope.released_suppliers)
        await card_ledger.refund_to_card(conn, order.id, admin, scope.amount_fen)
    return order


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
            metrics.order_cancelled("timeout")
        except Conflict:  # another worker (or the payment) got there first
            continue
    return cancelled
