"""A placed goods order sent to another address before any of it has shipped (地址写错了 after ordering).

The order keeps the address as it was when ordering (`order.shipping`); the consumer may point it at one of their
saved addresses while it is unpaid or paid and no supplier has shipped a parcel. One conditional UPDATE decides it,
so a supplier shipping at the same moment either ships to the new address or the change is refused, never half.
"""
from __future__ import annotations

import orjson
from tortoise.transactions import in_transaction

from models.errors import Conflict
from models.places.phones import phone_digits
from models.services.audit import actor_label
from models.services.orders import order_for, shipping_address
from models.storage import sql
from models.tables.orders import Fulfilment, FulfilmentState, Order, OrderEvent, OrderKind
from models.tables.orders import OrderStatus as S
from models.tables.users import User

RESHIPPABLE = (S.PENDING_PAYMENT, S.PAID)
REASON = "改收货地址"
_AT_MOST = 20  # open orders of one consumer looked at: more are not listed in a chat anyway

_RESHIP = (
    'UPDATE "order" SET shipping = ?, ship_phone = ? WHERE id = ? AND status IN (?, ?) '
    "AND NOT EXISTS (SELECT 1 FROM fulfilment f WHERE f.order_id = ? AND f.state <> ?)"
)


async def reshippable(user: User) -> list[Order]:
    """The user's goods orders whose address may still change, newest first."""
    found = await Order.filter(user_id=user.id, kind=OrderKind.GOODS, status__in=RESHIPPABLE) \
        .order_by("-created_at", "-id").limit(_AT_MOST)
    shipped = set(await Fulfilment.filter(order_id__in=[o.id for o in found])
                  .exclude(state=FulfilmentState.PENDING).values_list("order_id", flat=True))
    return [o for o in found if o.id not in shipped]


async def reship(user: User, order_no: str, address_id: int) -> Order:
    """Send the order to the user's saved address `address_id`: 409 `order_not_reshippable` once any of it has
    shipped (or it is cancelled, refunded, a card order); 404 for another's order or address."""
    order = await order_for(user, order_no)
    async with in_transaction() as conn:
        shipping = await shipping_address(user, address_id, conn)
        changed = order.kind == OrderKind.GOODS and await sql.execute(conn, _RESHIP, [
            orjson.dumps(shipping).decode(), phone_digits(shipping["phone"]), order.id,
            RESHIPPABLE[0].value, RESHIPPABLE[1].value, order.id, FulfilmentState.PENDING.value])
        if not changed:
            raise Conflict("order_not_reshippable", "订单已发货或已结束，不能再改收货地址", order_no=order_no,
                           status=order.status.value)
        await order.refresh_from_db(using_db=conn)
        await OrderEvent.create(order=order, actor_id=user.id, actor_label=actor_label(user),
                                from_status=order.status.value, to_status=order.status.value, reason=REASON,
                                using_db=conn)
    return order
