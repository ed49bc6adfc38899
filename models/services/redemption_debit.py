"""THE redemption debit, shared by the clerk's scan and the holder's request: one conditional UPDATE of the card,
the redemption, its lines and the ledger row, written as one batch (models/storage/sql_batch.py).

Everything a redemption needs of the card is a condition of that one UPDATE, matched by card number: the card
is active and within its date, holds the amount, is still held by the requesting holder or by the holder the
pay code was issued to (or is a bearer card when its printed QR was scanned), the pay code's counter is fresh
(and is spent by the same UPDATE; giving, claiming, freezing, unfreezing and closing void the codes out, see
docs/pay-codes.md), and the merchant is active. So the hot path reads nothing before writing, and nothing can
change between a check and the debit. Only when the UPDATE takes nothing is the card read again
(`why_refused`), to say why.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from models import metrics
from models.clock import now_utc, today_shanghai
from models.errors import Conflict, Forbidden
from models.services import card_ledger
from models.services.cards import any_card
from models.snapshots import Selling
from models.storage import sql
from models.storage.sql_batch import Batch, Ref, Refused, Statement
from models.tables.cards import ActivityKind, Card, CardStatus, Redemption, RedemptionLine, RedemptionStatus
from models.tables.merchants import Merchant
from models.tables.users import User

_DEBIT = (
    "UPDATE card SET balance_fen = balance_fen - ?, spent_counter = {spent} "
    "WHERE card_no = ? AND status = ? AND expires_at >= ? AND balance_fen >= ? AND {who} "
    "AND EXISTS (SELECT 1 FROM merchant WHERE id = ? AND active) RETURNING id, balance_fen"
)
# Who may spend: a fresh pay code (spent by this UPDATE) of the holder it was issued to, the holder who asked, or
# anyone holding a bearer card.
_PAY_CODE = _DEBIT.format(spent="?", who="spent_counter < ? AND pay_counter >= ? AND holder_id = ?")
_HOLDER = _DEBIT.format(spent="spent_counter", who="holder_id = ?")
_BEARER = _DEBIT.format(spent="spent_counter", who="holder_id IS NULL")

_INSERT_REDEMPTION = (
    "INSERT INTO redemption (merchant_id, card_id, staff_id, amount_fen, status, idempotency_key, request_hash, "
    "business_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"
)
_INSERT_LINES = "INSERT INTO redemption_line (redemption_id, {columns}) VALUES {rows}"
_INSERT_ACTIVITY = (
    "INSERT INTO card_activity (card_id, kind, amount_fen, balance_after_fen, actor_id, merchant_id, redemption_id, "
    "idempotency_key, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?)"
)
CARD_ID, BALANCE, REDEMPTION_ID = Ref("debit", "id"), Ref("debit", "balance_fen"), Ref("redemption", "id")


@dataclass(frozen=True)
class Debit:
    """One redemption to write. `counter`: the scanned pay code's counter (None for a printed QR, or a holder's
    request); `holder_id`: the card must still be held by this user, the holder who asked (a holder's request) or
    the one the pay code was issued to, so a card given away meanwhile is not debited."""

    staff: User
    merchant_id: int
    card_no: str
    wanted: list[tuple[Selling, int]]
    idempotency_key: str
    request_hash: str
    counter: int | None = None
    holder_id: int | None = None


@dataclass(frozen=True)
class Receipt:
    """What the counter shows after a redemption: the redemption, its card and lines, the balance now."""

    redemption: Redemption
    card_no: str
    lines: list[RedemptionLine]
    balance_fen: int


@dataclass(frozen=True)
class Written:
    """A debit's statements and what the receipt will say once they are written."""

    statements: list[Statement]
    redemption: dict
    lines: list[dict]


def debit_statements(d: Debit) -> Written:
    """The statements of the debit `d` (the first, named "debit", must change the card), ready to be run alone or
    inside a larger batch; later statements of that batch may refer to CARD_ID, BALANCE and REDEMPTION_ID."""
    snapshots = [p.snapshot(q) for p, q in d.wanted]
    total = sum(snap["amount_fen"] for snap in snapshots)
    now, today, active = now_utc(), today_shanghai(), CardStatus.ACTIVE.value
    checks = [d.card_no, active, today, total]
    if d.counter is not None:
        debit = Statement(_PAY_CODE, [total, d.counter, *checks, d.counter, d.counter, d.holder_id,
                                             d.merchant_id], True, "debit")
    elif d.holder_id is not None:
        debit = Statement(_HOLDER, [total, *checks, d.holder_id, d.merchant_id], True, "debit")
    else:
        debit = Statement(_BEARER, [total, *checks, d.merchant_id], True, "debit")
    redemption = {
        "merchant_id": d.merchant_id, "card_id": CARD_ID, "staff_id": d.staff.id, "amount_fen": total,
        "status": RedemptionStatus.COMPLETED.value, "idempotency_key": d.idempotency_key,
        "request_hash": d.request_hash, "business_date": today, "created_at": now,
    }
    columns = list(snapshots[0])
    return Written([
        debit,
        Statement(_INSERT_REDEMPTION, list(redemption.values()), name="redemption"),
        Statement(_INSERT_LINES.format(columns=", ".join(columns), rows=sql.rows_of(len(columns) + 1, len(snapshots))),
                  [v for snap in snapshots for v in (REDEMPTION_ID, *snap.values())]),
        Statement(_INSERT_ACTIVITY, [CARD_ID, ActivityKind.REDEEM.value, -total, BALANCE, d.staff.id, d.merchant_id,
                                     REDEMPTION_ID, d.idempotency_key, now]),
    ], redemption, snapshots)


async def run_debit(make: Callable[[Any], Awaitable[Debit]], before: Sequence[Statement] = (),
                    after: Sequence[Statement] = ()) -> Receipt:
    """Write the debit that `make(db)` prices (reading the products through `db`, the batch's own connection on
    PostgreSQL) with the caller's `before` and `after` statements, as one batch; its receipt.

    Raises `why_refused` when the card UPDATE takes nothing (asked once the batch's connection is given back, so
    a refusal never holds two), `Refused` when one of the caller's statements does, and IntegrityError when
    (merchant, idempotency key) is taken: the caller answers with the first redemption.
    """
    try:
        async with Batch(sql.db()) as batch:
            d = await make(batch.db)
            written = debit_statements(d)
            results = await batch.run([*before, *written.statements, *after])
    except Refused as refused:
        if refused.name != "debit":
            raise
        raise await why_refused(d, int(written.redemption["amount_fen"])) from None
    card_row, [row] = results[len(before)][0], results[len(before) + 1]
    redemption = Redemption(**{**written.redemption, "id": row["id"], "card_id": card_row["id"]})
    lines = [RedemptionLine(redemption_id=row["id"], **snap) for snap in written.lines]
    via = "pay_code" if d.counter is not None else "request" if before else "holder" if d.holder_id else "qr"
    metrics.redeemed(via, redemption.amount_fen)
    return Receipt(redemption, d.card_no, lines, int(card_row["balance_fen"]))


async def check_active_merchant(merchant_id: int | None) -> Merchant:
    """The clerk's own merchant, which must be active to accept cards."""
    merchant = await Merchant.get_or_none(id=merchant_id) if merchant_id is not None else None
    if merchant is None or not merchant.active:
        raise Forbidden("merchant_inactive", "商户未启用，不能受理爱心卡")
    return merchant


def check_spendable(card: Card) -> None:
    """An active card within its date; otherwise the card's own state error (409)."""
    if card.status == CardStatus.ACTIVE and card.expires_at < today_shanghai():
        raise Conflict("card_expired", "爱心卡已过期")
    if card.status != CardStatus.ACTIVE:
        raise card_ledger.state_error(card)


def check_pay_code(card: Card, counter: int, holder_id: int | None) -> None:
    """A pay code spends once, only while the holder it was issued to still holds the card, and only if no gift,
    claim, freeze, unfreeze or close voided it since it was opened (409 `pay_code_voided`, `pay_code_used`)."""
    if card.holder_id != holder_id or counter <= card.voided_counter:
        raise Conflict("pay_code_voided", "付款码已失效（爱心卡已转赠、冻结或注销），请持卡人重新出示付款码",
                       card_no=card.card_no)
    if not card.spent_counter < counter <= card.pay_counter:
        raise Conflict("pay_code_used", "付款码已使用，请刷新后重试")


def check_usable(card: Card, counter: int | None) -> None:
    """A claimed card spends only with a pay code (a photo of its printed QR no longer does); and it must be
    spendable."""
    if card.holder_id is not None and counter is None:
        raise Conflict("pay_code_required", "已领取的爱心卡须出示付款码，不能使用卡面二维码")
    check_spendable(card)


async def why_refused(d: Debit, total: int) -> Exception:
    """Why the card UPDATE of `d` took nothing, from the card as it is now: the card's state or date, the code
    presented (and the holder it was issued to), the holder who asked, its balance, or else the merchant (both
    callers have checked it before the batch, so it is asked last, when nothing about the card explains the
    refusal)."""
    card = await any_card(d.card_no)
    if d.counter is None and d.holder_id is None:  # a printed QR: a claimed card needs a pay code
        check_usable(card, None)
    check_spendable(card)  # an inactive, frozen, closed or expired card stops here
    if d.counter is not None:
        check_pay_code(card, d.counter, d.holder_id)
    elif d.holder_id is not None and card.holder_id != d.holder_id:
        return Conflict("card_holder_changed", "这张爱心卡已不在您名下", card_no=card.card_no)
    if card.balance_fen < total:
        return Conflict("card_insufficient_balance", "爱心卡余额不足", balance_fen=card.balance_fen, amount_fen=total)
    await check_active_merchant(d.merchant_id)
    return Conflict("card_busy", "爱心卡正在处理另一笔交易，请重试")
