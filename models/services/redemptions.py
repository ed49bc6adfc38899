"""Merchant redemption of love cards: certified products only, idempotent, never below zero, voidable the same day.

Two ways in share ONE debit (models/services/redemption_debit.py): the clerk scanning a holder's code (`redeem`), and
the clerk confirming a request the holder made by scanning the counter's code (models/services/redemption_requests.py).
Both go through the same certified-only pricing (`certified_lines`), the same conditional debit, the same
redemption, lines and ledger rows, and the same (merchant, idempotency key) unique index.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models import metrics
from models.clock import now_utc, today_shanghai
from models.codes.card_codes import CardCodes
from models.errors import AppError, Conflict, Invalid, NotFound
from models.services import card_ledger, settlements, stats_marks
from models.services.basket import LineRequest, merge_lines
from models.services.cards import any_card
from models.services.redemption_debit import (  # noqa: F401 (check_spendable: for holder requests too)
    Debit,
    Receipt,
    check_active_merchant,
    check_pay_code,
    check_spendable,
    run_debit,
)
from models.snapshots import Selling, sellable_now
from models.tables.cards import ActivityKind, Card, Redemption, RedemptionLine, RedemptionStatus
from models.tables.merchants import Merchant
from models.tables.users import User


@dataclass(frozen=True)
class CardPreview:
    card_no: str
    balance_fen: int
    status: str
    expires_at: str
    needs_pay_code: bool


def request_hash(code: str, merged: dict[str, int]) -> str:
    """What an idempotency key is bound to: the code presented and the merged items."""
    return hashlib.sha256(json.dumps([code.strip(), sorted(merged.items())]).encode()).hexdigest()


async def staff_merchant(staff: User) -> Merchant:
    """The clerk's own merchant, which must be active to accept cards."""
    return await check_active_merchant(staff.merchant_id)


async def preview(staff: User, code: str, codes: CardCodes, now: datetime | None = None) -> CardPreview:
    """What the counter shows of a scanned code's card; a pay code that would not spend (voided by a gift, a claim,
    a freeze or a close, or used) shows nothing of the card (409 `pay_code_voided`, `pay_code_used`)."""
    await staff_merchant(staff)
    scanned = codes.read(code, now or now_utc())
    card = await any_card(scanned.card_no)
    if scanned.counter is not None:
        check_pay_code(card, scanned.counter, scanned.holder_id)
    return CardPreview(card.card_no, card.balance_fen, card.status.value, card.expires_at.isoformat(),
                       needs_pay_code=card.holder_id is not None)


def _not_certified(sku: str, name: str | None) -> Exception:
    return Invalid("product_not_certified", "爱心卡只能购买在有效期内的认定扶贫产品", sku=sku)


async def certified_lines(merged: dict[str, int], db: Any = None) -> list[tuple[Selling, int]]:
    """The products to redeem, each a sellable certified product today (422 `product_not_certified` otherwise)."""
    return await sellable_now(merged, _not_certified, db)


def total_fen(wanted: list[tuple[Selling, int]]) -> int:
    return sum(selling.price_fen * qty for selling, qty in wanted)


async def redeem(staff: User, code: str, items: list[LineRequest], idempotency_key: str, codes: CardCodes,
                 now: datetime | None = None) -> Receipt:
    """Debit the card for certified items. The same key with the same request returns the first result, even
    when the code has expired or the card could no longer pay (so a retry after a lost answer is safe).

    The hot path reads only the products before writing: the merchant, the key and the card are checked by the
    debit's own statements (models/services/redemption_debit.py), and looked at only when it is refused."""
    merged = merge_lines(items)
    digest = request_hash(code, merged)

    async def priced(db: Any) -> Debit:
        wanted = await certified_lines(merged, db)
        assert staff.merchant_id is not None  # admitted as merchant staff, so attached to a merchant
        return Debit(staff, staff.merchant_id, scanned.card_no, wanted, idempotency_key, digest, scanned.counter,
                     scanned.holder_id)

    try:
        scanned = codes.read(code, now or now_utc())
        return await run_debit(priced)
    except (AppError, IntegrityError) as refusal:  # IntegrityError: the key was used before, or just now
        return await _replay_or(refusal, staff, idempotency_key, digest)


async def _replay_or(refusal: Exception, staff: User, key: str, digest: str) -> Receipt:
    """The first redemption under `key` if there is one (a retry is answered with it), else `refusal` is raised."""
    earlier = await _replay(await staff_merchant(staff), key, digest)
    if earlier is None:
        raise refusal
    return earlier


async def _replay(merchant: Merchant, key: str, digest: str) -> Receipt | None:
    earlier = await Redemption.get_or_none(merchant_id=merchant.id, idempotency_key=key)
    if earlier is None:
        return None
    if earlier.request_hash != digest:
        raise Invalid("idempotency_key_reused", "该幂等键已用于另一笔不同的核销", idempotency_key=key)
    return await receipt(earlier)


async def receipt(redemption: Redemption) -> Receipt:
    """The receipt of a stored redemption: the card as it is now and the lines as sold."""
    card = await Card.get(id=redemption.card_id)
    lines = await RedemptionLine.filter(redemption_id=redemption.id).order_by("id")
    return Receipt(redemption, card.card_no, lines, card.balance_fen)


async def own_redemption(staff: User, redemption_id: int) -> Redemption:
    """One of this merchant's redemptions; another merchant's is not found."""
    found = await Redemption.get_or_none(id=redemption_id, merchant_id=staff.merchant_id)
    if found is None:
        raise NotFound("redemption_not_found", "核销记录不存在", redemption_id=redemption_id)
    return found


async def void(staff: User, redemption_id: int, reason: str = "", now: datetime | None = None) -> Redemption:
    """Credit a redemption back, by the same merchant, on the same business day (Asia/Shanghai), unless that day
    has been settled (409 `settlement_closed`; checked again after the row lock, see settlements.close)."""
    now = now or now_utc()
    redemption = await own_redemption(staff, redemption_id)
    await settlements.ensure_open(redemption.merchant_id, redemption.business_date)
    if redemption.business_date != today_shanghai(now):
        raise Conflict("void_window_passed", "只能撤销当天的核销")
    async with in_transaction() as conn:
        moved = await Redemption.filter(id=redemption.id, status=RedemptionStatus.COMPLETED).using_db(conn).update(
            status=RedemptionStatus.VOIDED, voided_at=now)
        if not moved:
            raise Conflict("already_voided", "该核销已撤销")
        await settlements.ensure_open(redemption.merchant_id, redemption.business_date, conn)
        await card_ledger.give_back(conn, redemption.card_id, ActivityKind.VOID, redemption.amount_fen, staff,
                                    note=reason[:255], merchant_id=redemption.merchant_id, redemption=redemption)
        await stats_marks.mark_closed_day(conn, redemption.business_date)  # committing after midnight: a closed day
    metrics.voided(redemption.amount_fen)
    await redemption.refresh_from_db()
    return redemption


async def list_redemptions(staff: User, business_date, offset: int, limit: int) -> tuple[list[Redemption], int]:
    query = Redemption.filter(merchant_id=staff.merchant_id)
    if business_date is not None:
        query = query.filter(business_date=business_date)
    rows = await query.order_by("-id").offset(offset).limit(limit).prefetch_related("lines", "card")
    return rows, await query.count()
