"""Buying love cards: an order of kind `card`, paid like any order; the cards are made once it is paid."""
from __future__ import annotations

from datetime import timedelta

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from models import metrics
from models.clock import now_utc, today_shanghai
from models.errors import Invalid
from models.services.audit import actor_label
from models.services.card_numbers import allocate_serials, card_no_for
from models.services.orders import new_order_no
from models.tables.cards import ActivityKind, Card, CardActivity, CardStatus
from models.tables.orders import Order, OrderEvent, OrderKind, OrderStatus
from models.tables.users import User

MAX_CARDS_PER_ORDER = 100
MAX_CARD_ORDERS_AT_ONCE = 10  # cards bought at once past one order's limit (purchase_card_orders): 1000 at most
CARD_VALIDITY = timedelta(days=365)


def check_face_value(face_value_fen: int, allowed_faces: tuple[int, ...]) -> None:
    """Only the configured face values are sold (422 `invalid_face_value`)."""
    if face_value_fen not in allowed_faces:
        raise Invalid("invalid_face_value", "不支持该面值", allowed=list(allowed_faces))


async def purchase_cards(user: User, face_value_fen: int, quantity: int, allowed_faces: tuple[int, ...],
                         pay_timeout: timedelta) -> Order:
    check_face_value(face_value_fen, allowed_faces)
    if not 1 <= quantity <= MAX_CARDS_PER_ORDER:
        raise Invalid("invalid_quantity", f"每单可购买 1 到 {MAX_CARDS_PER_ORDER} 张")
    async with in_transaction() as conn:
        order = await _create(conn, user, face_value_fen, quantity, pay_timeout)
    metrics.order_placed(OrderKind.CARD.value)
    return order


def orders_for(quantity: int) -> list[int]:
    """How many cards each order holds when `quantity` cards are bought at once: as many full orders of
    MAX_CARDS_PER_ORDER as fit, then the rest (300 → [100, 100, 100], 250 → [100, 100, 50]); [] when the count is
    below one or would take more than MAX_CARD_ORDERS_AT_ONCE orders."""
    if quantity < 1 or quantity > MAX_CARDS_PER_ORDER * MAX_CARD_ORDERS_AT_ONCE:
        return []
    full, rest = divmod(quantity, MAX_CARDS_PER_ORDER)
    return [MAX_CARDS_PER_ORDER] * full + ([rest] if rest else [])


async def purchase_card_orders(user: User, face_value_fen: int, quantity: int, allowed_faces: tuple[int, ...],
                               pay_timeout: timedelta) -> list[Order]:
    """`quantity` cards of one face value bought at once (a union buying one for each of 300 members): one order
    per MAX_CARDS_PER_ORDER cards (`orders_for`), all placed or none, each paid on its own. 422 `invalid_quantity`
    past MAX_CARD_ORDERS_AT_ONCE orders."""
    check_face_value(face_value_fen, allowed_faces)
    parts = orders_for(quantity)
    if not parts:
        most = MAX_CARDS_PER_ORDER * MAX_CARD_ORDERS_AT_ONCE
        raise Invalid("invalid_quantity", f"每单最多 {MAX_CARDS_PER_ORDER} 张，一次最多 {most} 张")
    async with in_transaction() as conn:
        placed = [await _create(conn, user, face_value_fen, count, pay_timeout) for count in parts]
    for _ in placed:
        metrics.order_placed(OrderKind.CARD.value)
    return placed


async def _create(conn: BaseDBAsyncClient, user: User, face_value_fen: int, quantity: int,
                  pay_timeout: timedelta) -> Order:
    order = await Order.create(
        order_no=new_order_no(), user_id=user.id, kind=OrderKind.CARD, total_fen=face_value_fen * quantity,
        card_face_value_fen=face_value_fen, card_quantity=quantity, pay_deadline=now_utc() + pay_timeout,
        using_db=conn,
    )
    await OrderEvent.create(order=order, actor_id=user.id, actor_label=actor_label(user), from_status=None,
                            to_status=OrderStatus.PENDING_PAYMENT.value, reason="购买爱心卡", using_db=conn)
    return order


async def deliver_cards(conn: BaseDBAsyncClient, order: Order) -> list[Card]:
    """Make a paid card order's cards: active, held by the buyer, each with its activate activity."""
    count = order.card_quantity
    assert count is not None  # a card order always says how many cards
    first = await allocate_serials(count, conn)
    expires = today_shanghai() + CARD_VALIDITY
    face = order.card_face_value_fen
    cards = [
        Card(card_no=card_no_for(first + i), face_value_fen=face, balance_fen=face, status=CardStatus.ACTIVE,
             holder_id=order.user_id, purchaser_id=order.user_id, order=order, expires_at=expires, claimed_at=now_utc())
        for i in range(count)
    ]
    await Card.bulk_create(cards, using_db=conn)
    made = await Card.filter(order_id=order.id).using_db(conn).order_by("id")
    await CardActivity.bulk_create(
        [CardActivity(card_id=c.id, kind=ActivityKind.ACTIVATE, amount_fen=face, balance_after_fen=face,
                      order=order, note="购卡") for c in made],
        using_db=conn,
    )
    return made
