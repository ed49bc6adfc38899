"""The card ledger: every balance or status change of a card is one appended activity."""
from __future__ import annotations

from typing import Any, cast

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F

from models.errors import Conflict
from models.storage import sql
from models.tables.cards import ActivityKind, Card, CardActivity, CardStatus
from models.tables.users import User


async def append(
    conn: BaseDBAsyncClient, card_id: int, kind: ActivityKind, amount_fen: int, balance_after_fen: int,
    actor: User | None = None, **refs: Any,
) -> CardActivity:
    return await CardActivity.create(
        card_id=card_id, kind=kind, amount_fen=amount_fen, balance_after_fen=balance_after_fen,
        actor_id=actor.id if actor else None, using_db=conn, **refs,
    )


async def debit(conn: BaseDBAsyncClient, card: Card, amount_fen: int, holder_id: int | None = None) -> int:
    """Take `amount_fen` from an active card with a conditional UPDATE, which with `holder_id` also requires the
    card to be still held by that user (a card given away meanwhile is not debited); returns the balance after."""
    held = {} if holder_id is None else {"holder_id": holder_id}
    taken = await Card.filter(id=card.id, status=CardStatus.ACTIVE, balance_fen__gte=amount_fen, **held).using_db(
        conn).update(balance_fen=F("balance_fen") - amount_fen)
    if not taken:
        raise await refusal(conn, card, amount_fen, holder_id=holder_id)
    balances = cast(list[int], await Card.filter(id=card.id).using_db(conn).values_list("balance_fen", flat=True))
    return balances[0]


async def refusal(conn: BaseDBAsyncClient, card: Card, amount_fen: int,
                  allowed: tuple[CardStatus, ...] = (CardStatus.ACTIVE,), holder_id: int | None = None) -> Conflict:
    """Why a conditional debit of `card` took nothing: its holder (not `holder_id`, when given), its state (not one
    of `allowed`), or its balance."""
    await card.refresh_from_db(using_db=conn)
    if holder_id is not None and card.holder_id != holder_id:
        return Conflict("card_holder_changed", "这张爱心卡已不在您名下", card_no=card.card_no)
    if card.status not in allowed:
        return state_error(card)
    return Conflict("card_insufficient_balance", "爱心卡余额不足", balance_fen=card.balance_fen, amount_fen=amount_fen)


# A credit of any card, and what its status is under the row lock this UPDATE now holds.
_CREDIT_ANY = "UPDATE card SET balance_fen = balance_fen + ? WHERE id = ? RETURNING balance_fen, status"
# The same money out again of a closed or expired card (still locked by the credit above, so still as read).
_FORWARD = "UPDATE card SET balance_fen = balance_fen - ? WHERE id = ? AND status = ? RETURNING balance_fen"

# A closed or expired card holds no money: what comes back to one leaves through the kind that emptied it.
TERMINAL = {CardStatus.CLOSED: ActivityKind.CLOSE, CardStatus.EXPIRED: ActivityKind.EXPIRE}
_SOURCE = {ActivityKind.VOID: "撤销核销", ActivityKind.REFUND: "订单退款"}
_DEAD = {CardStatus.CLOSED: "已注销", CardStatus.EXPIRED: "已过期"}
# The forwarding row keeps the trail (which redemption or order the money came from), not the merchant.
_TRAIL = ("redemption", "redemption_id", "order", "order_id")


async def give_back(
    conn: BaseDBAsyncClient, card_id: int, kind: ActivityKind, amount_fen: int, actor: User | None = None,
    note: str = "", **refs: Any,
) -> int:
    """Give `amount_fen` back to a card (`kind`: a void or a refund) inside the caller's transaction; returns
    the balance after.

    The money always enters through a `kind` activity, so the card's ledger shows where it came from. A closed
    or expired card must hold no money and can never spend it again, so on such a card the same amount leaves
    at once, in the same transaction, through a second activity of the kind that emptied it (`close` or
    `expire`) with a note saying why: its balance is 0 again and reports count it like the first close or
    expiry. A frozen card keeps the money (it may be unfrozen); an active card past its date but not yet swept
    keeps it too, and the expiry sweep takes it with the rest.
    """
    [row] = await sql.query(conn, _CREDIT_ANY, [amount_fen, card_id])
    balance, status = int(row["balance_fen"]), CardStatus(row["status"])
    await append(conn, card_id, kind, amount_fen, balance, actor, note=note, **refs)
    terminal = TERMINAL.get(status)
    if terminal is None:
        return balance
    [row] = await sql.query(conn, _FORWARD, [amount_fen, card_id, status.value])
    balance = int(row["balance_fen"])
    trail = {key: value for key, value in refs.items() if key in _TRAIL}
    await append(conn, card_id, terminal, -amount_fen, balance, actor,
                 note=f"{_SOURCE.get(kind, kind.value)}退回{_DEAD[status]}卡，随即转出", **trail)
    return balance


STATE_ERRORS = {
    CardStatus.INACTIVE: ("card_inactive", "爱心卡尚未激活"),
    CardStatus.FROZEN: ("card_frozen", "爱心卡已冻结"),
    CardStatus.EXPIRED: ("card_expired", "爱心卡已过期"),
    CardStatus.CLOSED: ("card_closed", "爱心卡已注销"),
}


def state_error(card: Card) -> Conflict:
    code, message = STATE_ERRORS[card.status]
    return Conflict(code, message, card_status=card.status.value)


async def refund_to_card(conn: BaseDBAsyncClient, order_id: int, actor: User | None,
                         amount_fen: int | None = None) -> None:
    """If a love card paid this order, give the money back to that card (see `give_back`): all it paid, or
    `amount_fen` of it (a refund of the parcels not shipped)."""
    spent = await CardActivity.filter(order_id=order_id, kind=ActivityKind.REDEEM).using_db(conn).first()
    if spent is None:
        return
    back = -spent.amount_fen if amount_fen is None else min(amount_fen, -spent.amount_fen)
    if back > 0:
        await give_back(conn, spent.card_id, ActivityKind.REFUND, back, actor, order_id=order_id)
