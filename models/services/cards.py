"""A holder's love cards: claiming, listing, pay codes, freezing, expiry, and reconciling the ledger.

Pay codes (docs/pay-codes.md): a code is bound to the holder it was issued to and spends only while that holder
still holds the card; every act that changes who may spend the card or whether it may spend (giving, claiming,
freezing, unfreezing, closing, expiring) voids all codes out, in the same conditional UPDATE (`void_codes`).
"""
from __future__ import annotations

from datetime import date, datetime

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from models.clock import now_utc, today_shanghai
from models.codes.card_codes import CardCodes, PayCode
from models.errors import Conflict, NotFound
from models.services import card_ledger
from models.storage import sql
from models.tables.cards import ActivityKind, Card, CardActivity, CardStatus
from models.tables.users import Role, User


def void_codes() -> dict[str, F]:
    """The UPDATE assignments that void every pay code a card has out: the debit takes only counters above
    spent_counter, and voided_counter lets a refusal say `pay_code_voided` rather than `pay_code_used`."""
    return {"spent_counter": F("pay_counter"), "voided_counter": F("pay_counter")}


# The next counter, handed out only while the card is active and still held by the one asking.
_NEXT_COUNTER = ("UPDATE card SET pay_counter = pay_counter + 1 WHERE card_no = ? AND holder_id = ? AND status = ? "
                 "RETURNING pay_counter")


def _not_found(card_no: str) -> NotFound:
    return NotFound("card_not_found", "爱心卡不存在", card_no=card_no)


async def holder_card(user: User, card_no: str) -> Card:
    """The user's own card; anyone else's is simply not found."""
    card = await Card.get_or_none(card_no=card_no, holder_id=user.id)
    if card is None:
        raise _not_found(card_no)
    return card


async def any_card(card_no: str) -> Card:
    card = await Card.get_or_none(card_no=card_no)
    if card is None:
        raise _not_found(card_no)
    return card


async def visible_card(user: User, card_no: str) -> Card:
    """Holders see their own cards; administrators see every card."""
    return await (any_card(card_no) if user.role == Role.ADMIN else holder_card(user, card_no))


async def list_cards(user: User) -> list[Card]:
    return await Card.filter(holder_id=user.id).order_by("-id")


async def ledger(card: Card, limit: int = 200) -> list[CardActivity]:
    return await CardActivity.filter(card_id=card.id).order_by("-id").limit(limit)


async def claim(user: User, code: str, codes: CardCodes) -> Card:
    """Bind the card named by a printed QR to `user`, once; the same user again changes nothing."""
    card = await any_card(codes.read_printed(code))
    if card.status in (CardStatus.EXPIRED, CardStatus.CLOSED):
        raise card_ledger.state_error(card)
    await Card.filter(id=card.id, holder_id=None).update(holder_id=user.id, claimed_at=now_utc(), **void_codes())
    await card.refresh_from_db()
    if card.holder_id != user.id:
        raise Conflict("card_already_claimed", "这张爱心卡已被他人领取", card_no=card.card_no)
    return card


async def give_away(user: User, card_no: str, codes: CardCodes) -> str:
    """Let go of a card as a gift: it becomes a bearer card until someone claims it with the returned code; the
    pay codes the giver opened die with the gift."""
    card = await holder_card(user, card_no)
    if card.status in (CardStatus.EXPIRED, CardStatus.CLOSED):
        raise card_ledger.state_error(card)
    given = await Card.filter(id=card.id, holder_id=user.id).update(holder_id=None, claimed_at=None, **void_codes())
    if not given:
        raise _not_found(card_no)
    return codes.printed(card.card_no)


async def new_pay_code(user: User, card_no: str, codes: CardCodes, now: datetime | None = None) -> PayCode:
    """A fresh 60-second pay code for the holder's active card, bound to that holder.

    One conditional UPDATE takes the counter, so a gift or a freeze either comes first (and nothing is handed
    out) or after (and voids this code too); the code also names its holder, and the debit checks it."""
    async with in_transaction() as conn:
        taken = await sql.query(conn, _NEXT_COUNTER, [card_no, user.id, CardStatus.ACTIVE.value])
    if not taken:
        card = await holder_card(user, card_no)  # someone else's, or no longer this user's: not found
        if card.status == CardStatus.ACTIVE:  # it changed back under us: only a retry can tell
            raise Conflict("card_busy", "爱心卡正在处理另一笔交易，请重试")
        raise card_ledger.state_error(card)
    return codes.pay_code(card_no, user.id, int(taken[0]["pay_counter"]), now or now_utc())


async def set_frozen(actor: User, card: Card, frozen: bool, reason: str = "") -> Card:
    """Freeze (reported lost) or unfreeze; only an active card freezes and only a frozen one thaws. Either way every
    pay code out is void (a lost phone's codes do not come back to life when the card thaws)."""
    src, dst = (CardStatus.ACTIVE, CardStatus.FROZEN) if frozen else (CardStatus.FROZEN, CardStatus.ACTIVE)
    kind = ActivityKind.FREEZE if frozen else ActivityKind.UNFREEZE
    async with in_transaction() as conn:
        if not await Card.filter(id=card.id, status=src).using_db(conn).update(status=dst, **void_codes()):
            await card.refresh_from_db(using_db=conn)
            raise Conflict("invalid_card_state", f"爱心卡当前状态为 {card.status.value}", card_status=card.status.value)
        await card.refresh_from_db(using_db=conn)
        await card_ledger.append(conn, card.id, kind, 0, card.balance_fen, actor, note=reason[:255])
    return card


async def expire_due(today: date | None = None, limit: int = 500) -> int:
    """Cards past their expiry date (end of day, Shanghai) expire: the remaining balance goes to an expire activity."""
    today = today or today_shanghai()
    due = await Card.filter(status__in=[CardStatus.ACTIVE, CardStatus.FROZEN], expires_at__lt=today).limit(limit)
    expired = 0
    for card in due:
        async with in_transaction() as conn:
            moved = await Card.filter(id=card.id, status=card.status, balance_fen=card.balance_fen).using_db(
                conn).update(status=CardStatus.EXPIRED, balance_fen=0, **void_codes())
            if moved:
                await card_ledger.append(conn, card.id, ActivityKind.EXPIRE, -card.balance_fen, 0, note="到期")
                expired += 1
    return expired


_MISMATCHES = """
SELECT c.card_no, c.balance_fen, COALESCE(s.total, 0) AS ledger_fen
FROM card c LEFT JOIN (SELECT card_id, SUM(amount_fen) AS total FROM card_activity GROUP BY card_id) s
  ON s.card_id = c.id
WHERE c.balance_fen <> COALESCE(s.total, 0) OR c.balance_fen < 0
ORDER BY c.id LIMIT 1000
"""


async def reconcile() -> list[dict]:
    """Cards whose balance differs from the sum of their ledger, or is negative (first 1000). Empty: all is well.

    One set-based query, so it stays quick over hundreds of thousands of cards.
    """
    rows = await sql.query(sql.db(), _MISMATCHES, [])
    return [{"card_no": r["card_no"], "balance_fen": int(r["balance_fen"]), "ledger_fen": int(r["ledger_fen"])}
            for r in rows]
