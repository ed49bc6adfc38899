"""The card ledger: every balance or status change of a card is one appended activity."""
from __future__ import annotations

from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F

from models.cards import ActivityKind, Card, CardActivity, CardStatus
from models.errors import Conflict
from models.users import User


async def append(
    conn: BaseDBAsyncClient, card_id: int, kind: ActivityKind, amount_fen: int, balance_after_fen: int,
    actor: User | None = None, **refs: Any,
) -> CardActivity:
    return await CardActivity.create(
        card_id=card_id, kind=kind, amount_fen=amount_fen, balance_after_fen=balance_after_fen, actor=actor,
        using_db=conn, **refs,
    )


async def debit(conn: BaseDBAsyncClient, card: Card, amount_fen: int) -> int:
    """Take `amount_fen` from an active card with a conditional UPDATE; returns the balance after."""
    taken = await Card.filter(id=card.id, status=CardStatus.ACTIVE, balance_fen__gte=amount_fen).using_db(conn).update(
        balance_fen=F("balance_fen") - amount_fen)
    if not taken:
        raise await refusal(conn, card, amount_fen)
    return (await Card.filter(id=card.id).using_db(conn).values_list("balance_fen", flat=True))[0]


async def refusal(conn: BaseDBAsyncClient, card: Card, amount_fen: int) -> Conflict:
    """Why a conditional debit of `card` took nothing: its state, or its balance."""
    await card.refresh_from_db(using_db=conn)
    if card.status != CardStatus.ACTIVE:
        return state_error(card)
    return Conflict("card_insufficient_balance", "爱心卡余额不足", balance_fen=card.balance_fen, amount_fen=amount_fen)


async def credit(conn: BaseDBAsyncClient, card_id: int, amount_fen: int) -> int:
    """Give money back (void, refund); returns the balance after."""
    await Card.filter(id=card_id).using_db(conn).update(balance_fen=F("balance_fen") + amount_fen)
    return (await Card.filter(id=card_id).using_db(conn).values_list("balance_fen", flat=True))[0]


STATE_ERRORS = {
    CardStatus.INACTIVE: ("card_inactive", "爱心卡尚未激活"),
    CardStatus.FROZEN: ("card_frozen", "爱心卡已冻结"),
    CardStatus.EXPIRED: ("card_expired", "爱心卡已过期"),
    CardStatus.CLOSED: ("card_closed", "爱心卡已注销"),
}


def state_error(card: Card) -> Conflict:
    code, message = STATE_ERRORS[card.status]
    return Conflict(code, message, card_status=card.status.value)


async def refund_to_card(conn: BaseDBAsyncClient, order_id: int, actor: User | None) -> None:
    """If a love card paid this order, give the money back to that card."""
    spent = await CardActivity.filter(order_id=order_id, kind=ActivityKind.REDEEM).using_db(conn).first()
    if spent is not None:
        balance = await credit(conn, spent.card_id, -spent.amount_fen)
        await append(conn, spent.card_id, ActivityKind.REFUND, -spent.amount_fen, balance, actor, order_id=order_id)
