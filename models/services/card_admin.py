"""Administrators' corrections of love cards: close a card for good, adjust its balance by a signed amount.

Both keep the ledger's rule (models/services/card_ledger.py): the balance changes only by a conditional UPDATE
inside the transaction that appends the activity, so a card's balance always equals the sum of its ledger and
`python main.py reconcile` holds. Both are audited (entity `card`, id the card number) with the actor and reason.

Only cards that hold the holder's money are corrected: `active` and `frozen` (a lost card is frozen, then
closed; a correction need not wait for it to thaw). `inactive` batch cards belong to their batch until it is
activated (closing one would make the set-based activation miss a card), and `expired` or `closed` cards
already gave their balance up to their own ledger entry.
"""
from __future__ import annotations

from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models.errors import Conflict, Invalid
from models.services import audit, card_ledger
from models.services.cards import any_card
from models.storage import sql
from models.tables.cards import ActivityKind, Card, CardActivity, CardStatus
from models.tables.users import User

CORRECTABLE = (CardStatus.ACTIVE, CardStatus.FROZEN)
CLOSE_ATTEMPTS = 5

# Like the expiry sweep: the card moves only if it is still exactly as read (status and balance); every pay code
# out is voided with it (docs/pay-codes.md).
_CLOSE = ("UPDATE card SET status = ?, balance_fen = 0, spent_counter = pay_counter, voided_counter = pay_counter "
          "WHERE id = ? AND status = ? AND balance_fen = ?")
# One statement decides and moves: still correctable, and never below zero.
_ADJUST = ("UPDATE card SET balance_fen = balance_fen + ? WHERE id = ? AND status IN (?, ?) AND balance_fen + ? >= 0 "
           "RETURNING balance_fen")


def _wrong_state(card: Card) -> Conflict:
    return Conflict("invalid_card_state", f"爱心卡当前状态为 {card.status.value}，只有使用中或已冻结的卡可以注销",
                    card_status=card.status.value)


async def close_card(actor: User, card_no: str, reason: str, label: str | None = None) -> Card:
    """Close a card for good: status `closed`, the remaining balance out through a `close` activity (−balance).

    Closing a closed card again changes nothing and returns it (a retried request is answered, not refused).
    The card is re-read and tried again when a redemption or freeze changed it between the read and the UPDATE.
    """
    for _ in range(CLOSE_ATTEMPTS):
        card = await any_card(card_no)
        if card.status == CardStatus.CLOSED:
            return card
        if card.status not in CORRECTABLE:
            raise _wrong_state(card)
        if await _close_as_read(actor, card, reason, label):
            await card.refresh_from_db()
            return card
    raise Conflict("card_busy", "爱心卡正在交易，请稍后重试", card_no=card_no)


async def _close_as_read(actor: User, card: Card, reason: str, label: str | None) -> bool:
    """One attempt: False (nothing written) when the card is no longer as read."""
    async with in_transaction() as conn:
        moved = await sql.execute(conn, _CLOSE, [CardStatus.CLOSED.value, card.id, card.status.value, card.balance_fen])
        if not moved:
            return False
        await card_ledger.append(conn, card.id, ActivityKind.CLOSE, -card.balance_fen, 0, actor, note=reason[:255])
        await audit.record(actor, "card.close", "card", card.card_no,
                           {"status": card.status.value, "balance_fen": card.balance_fen},
                           {"status": CardStatus.CLOSED.value, "balance_fen": 0, "reason": reason}, conn, label=label)
    return True


@dataclass(frozen=True)
class Adjustment:
    """An adjustment's ledger row and its card as it is now."""

    card: Card
    activity: CardActivity


async def adjust_balance(actor: User, card_no: str, amount_fen: int, reason: str, idempotency_key: str,
                         label: str | None = None) -> Adjustment:
    """Credit (+) or debit (−) an active or frozen card by `amount_fen`, never below zero; idempotent by key.

    The key names one adjustment: the same key with the same card, amount and reason returns the first
    adjustment and changes nothing; with anything else it is refused (422 `idempotency_key_reused`, as for
    redemptions). A partial unique index (migration 0008) settles two retries racing with one key.
    """
    if amount_fen == 0:
        raise Invalid("invalid_amount", "调整金额不能为 0")
    card = await any_card(card_no)
    earlier = await _replay(card, amount_fen, reason, idempotency_key)
    if earlier is not None:
        return earlier
    try:
        async with in_transaction() as conn:
            activity = await _adjust(conn, actor, card, amount_fen, reason, idempotency_key, label)
    except IntegrityError:  # the same key raced in from another request: answer with the winner
        earlier = await _replay(card, amount_fen, reason, idempotency_key)
        if earlier is None:
            raise
        return earlier
    await card.refresh_from_db()
    return Adjustment(card, activity)


async def _adjust(conn: BaseDBAsyncClient, actor: User, card: Card, amount_fen: int, reason: str, key: str,
                  label: str | None) -> CardActivity:
    moved = await sql.query(conn, _ADJUST, [amount_fen, card.id, *(s.value for s in CORRECTABLE), amount_fen])
    if not moved:
        raise await card_ledger.refusal(conn, card, amount_fen, allowed=CORRECTABLE)
    balance = int(moved[0]["balance_fen"])
    activity = await card_ledger.append(conn, card.id, ActivityKind.ADJUST, amount_fen, balance, actor,
                                        idempotency_key=key, note=reason[:255])
    await audit.record(actor, "card.adjust", "card", card.card_no, {"balance_fen": balance - amount_fen},
                       {"balance_fen": balance, "amount_fen": amount_fen, "reason": reason, "idempotency_key": key},
                       conn, label=label)
    return activity


async def _replay(card: Card, amount_fen: int, reason: str, key: str) -> Adjustment | None:
    earlier = await CardActivity.get_or_none(kind=ActivityKind.ADJUST, idempotency_key=key)
    if earlier is None:
        return None
    if (earlier.card_id, earlier.amount_fen, earlier.note) != (card.id, amount_fen, reason[:255]):
        raise Invalid("idempotency_key_reused", "该幂等键已用于另一笔不同的调整", idempotency_key=key)
    await card.refresh_from_db()
    return Adjustment(card, earlier)
