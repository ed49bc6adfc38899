"""The order state machine: the one function through which every order changes state."""
from __future__ import annotations

from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from models.errors import Conflict
from models.services import stats_marks
from models.services.audit import actor_label
from models.tables.orders import Order, OrderEvent
from models.tables.orders import OrderStatus as S
from models.tables.users import User

ALLOWED: dict[S, frozenset[S]] = {
    S.PENDING_PAYMENT: frozenset({S.PAID, S.CANCELLED}),
    S.PAID: frozenset({S.SHIPPED, S.REFUNDING}),
    S.SHIPPED: frozenset({S.COMPLETED, S.REFUNDING}),
    S.REFUNDING: frozenset({S.REFUNDED}),
    S.COMPLETED: frozenset(),
    S.CANCELLED: frozenset(),
    S.REFUNDED: frozenset(),
}


def invalid(order: Order, to: S) -> Conflict:
    return Conflict(
        "invalid_transition", f"订单当前状态为 {order.status.value}，不能变为 {to.value}",
        order_no=order.order_no, status=order.status.value, to=to.value,
    )


async def transition(
    conn: BaseDBAsyncClient, order: Order, to: S, actor: User | None, reason: str = "", **changes: Any
) -> Order:
    """Move `order` to `to` if allowed, with a conditional UPDATE so that of two racing callers exactly one wins.

    The caller holds the transaction; the event row lands in it with the change.
    """
    if to not in ALLOWED[order.status]:
        raise invalid(order, to)
    moved = await Order.filter(id=order.id, status=order.status).using_db(conn).update(status=to, **changes)
    if not moved:
        await order.refresh_from_db(using_db=conn)
        raise invalid(order, to)
    await stats_marks.order_moved(conn, order, to, changes.get("paid_at", order.paid_at))  # a closed day's account
    await OrderEvent.create(
        order=order, actor_id=actor.id if actor else None, actor_label=actor_label(actor),
        from_status=order.status.value, to_status=to.value, reason=reason, using_db=conn,
    )
    order.update_from_dict({"status": to, **changes})
    return order
