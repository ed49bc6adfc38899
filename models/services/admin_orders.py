"""The administrator's order desk: finding orders (by the phone in their shipping address, by status) and reading
an order's payments and history. Shipping, refunding and cancelling are models/services/orders.py."""
from __future__ import annotations

from models.errors import Invalid
from models.places.phones import phone_digits
from models.services.orders import order_for
from models.tables.orders import Order, OrderEvent, OrderLine
from models.tables.orders import OrderStatus as S
from models.tables.payments import Payment


def _phone_to_find(phone: str) -> str:
    digits = phone_digits(phone)
    if not 7 <= len(digits) <= 16:
        raise Invalid("invalid_phone", "请输入完整的手机号（只看其中的数字）", phone=phone)
    return digits


async def find_orders(phone: str | None, status: S | None, offset: int, limit: int) -> tuple[list[Order], int]:
    """Orders whose shipping address has this phone (digits only), or every order; newest first, with lines."""
    query = Order.all()
    if phone is not None:
        query = query.filter(ship_phone=_phone_to_find(phone))
    if status is not None:
        query = query.filter(status=status)
    rows = await query.order_by("-id").offset(offset).limit(limit).prefetch_related("lines")
    return rows, await query.count()


async def order_record(order_no: str) -> tuple[Order, list[OrderLine], list[Payment], list[OrderEvent]]:
    """An order with its lines, its payments and its history of states (each oldest first)."""
    order = await order_for(None, order_no)
    lines = await OrderLine.filter(order_id=order.id).order_by("id")
    payments = await Payment.filter(order_id=order.id).order_by("id")
    events = await OrderEvent.filter(order_id=order.id).order_by("id")
    return order, lines, payments, events
