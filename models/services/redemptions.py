"""Merchant redemption of love cards: certified products only, idempotent, never below zero, voidable the same day."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models.card_codes import CardCodes
from models.cards import ActivityKind, Card, CardStatus, Redemption, RedemptionLine, RedemptionStatus
from models.clock import now_utc, today_shanghai
from models.errors import Conflict, Forbidden, Invalid, NotFound
from models.merchants import Merchant
from models.services import card_ledger
from models.services.cards import any_card
from models.services.orders import LineRequest, merge_lines
from models.snapshots import sellable_now
from models.users import User


@dataclass(frozen=True)
class CardPreview:
    card_no: str
    balance_fen: int
    status: str
    expires_at: str
    needs_pay_code: bool


def _request_hash(code: str, merged: dict[str, int]) -> str:
    return hashlib.sha256(json.dumps([code.strip(), sorted(merged.items())]).encode()).hexdigest()


async def _merchant(staff: User) -> Merchant:
    merchant = await Merchant.get_or_none(id=staff.merchant_id)
    if merchant is None or not merchant.active:
        raise Forbidden("merchant_inactive", "商户未启用，不能受理爱心卡")
    return merchant


async def preview(staff: User, code: str, codes: CardCodes, now: datetime | None = None) -> CardPreview:
    await _merchant(staff)
    card_no, _ = codes.read(code, now or now_utc())
    card = await any_card(card_no)
    return CardPreview(card.card_no, card.balance_fen, card.status.value, card.expires_at.isoformat(),
                       needs_pay_code=card.holder_id is not None)


def _not_certified(sku: str, name: str | None) -> Exception:
    return Invalid("product_not_certified", "爱心卡只能购买在有效期内的认定扶贫产品", sku=sku)


def _usable(card: Card, counter: int | None) -> None:
    if card.holder_id is not None and counter is None:
        raise Conflict("pay_code_required", "已领取的爱心卡须出示付款码，不能使用卡面二维码")
    if card.status == CardStatus.ACTIVE and card.expires_at < today_shanghai():
        raise Conflict("card_expired", "爱心卡已过期")
    if card.status != CardStatus.ACTIVE:
        raise card_ledger.state_error(card)


async def redeem(staff: User, code: str, items: list[LineRequest], idempotency_key: str, codes: CardCodes,
                 now: datetime | None = None) -> Redemption:
    """Debit the card for certified items. The same key with the same request returns the first result."""
    merchant = await _merchant(staff)
    merged = merge_lines(items)
    digest = _request_hash(code, merged)
    earlier = await _replay(merchant, idempotency_key, digest)
    if earlier is not None:
        return earlier
    card_no, counter = codes.read(code, now or now_utc())
    wanted = await sellable_now(merged, _not_certified)
    card = await any_card(card_no)
    _usable(card, counter)
    total = sum(p.price_fen * qty for p, qty in wanted)
    try:
        return await _debit(staff, merchant, card, counter, wanted, total, idempotency_key, digest)
    except IntegrityError:  # the same key raced in from another request: answer with the winner
        return await _replay(merchant, idempotency_key, digest)


async def _replay(merchant: Merchant, key: str, digest: str) -> Redemption | None:
    earlier = await Redemption.get_or_none(merchant_id=merchant.id, idempotency_key=key)
    if earlier is not None and earlier.request_hash != digest:
        raise Invalid("idempotency_key_reused", "该幂等键已用于另一笔不同的核销", idempotency_key=key)
    return earlier


async def _debit(staff, merchant, card, counter, wanted, total, key, digest) -> Redemption:
    async with in_transaction() as conn:
        if counter is not None:
            fresh = await Card.filter(id=card.id, spent_counter__lt=counter, pay_counter__gte=counter).using_db(conn).update(
                spent_counter=counter)
            if not fresh:
                raise Conflict("pay_code_used", "付款码已使用，请刷新后重试")
        balance = await card_ledger.debit(conn, card, total)
        redemption = await Redemption.create(
            merchant=merchant, card=card, staff=staff, amount_fen=total, idempotency_key=key, request_hash=digest,
            business_date=today_shanghai(), using_db=conn,
        )
        await RedemptionLine.bulk_create([RedemptionLine(redemption=redemption, **p.snapshot(q)) for p, q in wanted],
                                         using_db=conn)
        await card_ledger.append(conn, card.id, ActivityKind.REDEEM, -total, balance, staff, merchant=merchant,
                                 redemption=redemption, idempotency_key=key)
    return redemption


async def receipt(redemption: Redemption) -> tuple[Card, list[RedemptionLine]]:
    """What a receipt shows: the card as it is now and the lines as sold."""
    card = await Card.get(id=redemption.card_id)
    return card, await RedemptionLine.filter(redemption_id=redemption.id).order_by("id")


async def own_redemption(staff: User, redemption_id: int) -> Redemption:
    """One of this merchant's redemptions; another merchant's is not found."""
    found = await Redemption.get_or_none(id=redemption_id, merchant_id=staff.merchant_id)
    if found is None:
        raise NotFound("redemption_not_found", "核销记录不存在", redemption_id=redemption_id)
    return found


async def void(staff: User, redemption_id: int, reason: str = "") -> Redemption:
    """Credit a redemption back, by the same merchant, on the same business day (Asia/Shanghai)."""
    redemption = await own_redemption(staff, redemption_id)
    if redemption.business_date != today_shanghai():
        raise Conflict("void_window_passed", "只能撤销当天的核销")
    async with in_transaction() as conn:
        moved = await Redemption.filter(id=redemption.id, status=RedemptionStatus.COMPLETED).using_db(conn).update(
            status=RedemptionStatus.VOIDED, voided_at=now_utc())
        if not moved:
            raise Conflict("already_voided", "该核销已撤销")
        balance = await card_ledger.credit(conn, redemption.card_id, redemption.amount_fen)
        await card_ledger.append(conn, redemption.card_id, ActivityKind.VOID, redemption.amount_fen, balance, staff,
                                 merchant_id=redemption.merchant_id, redemption=redemption, note=reason[:255])
    await redemption.refresh_from_db()
    return redemption


async def list_redemptions(staff: User, business_date, offset: int, limit: int) -> tuple[list[Redemption], int]:
    query = Redemption.filter(merchant_id=staff.merchant_id)
    if business_date is not None:
        query = query.filter(business_date=business_date)
    rows = await query.order_by("-id").offset(offset).limit(limit).prefetch_related("lines", "card")
    return rows, await query.count()
