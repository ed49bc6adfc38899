"""Holder-initiated redemption: the holder scans the counter's code and asks, a clerk confirms or rejects.

Asking debits nothing: it checks the card, prices certified items and the balance, and leaves a pending
request valid for REQUEST_TTL. Confirming moves the request pending → confirmed with a conditional UPDATE
and, in the same transaction, debits through the one redemption operation the counter's scan uses
(models/services/redemption_debit.py: same certified-only rule, same ledger, same idempotency index), so two clerks
confirming at once debit once and the loser answers with the winner's receipt. Whatever the card or the goods refuse at
confirm time (balance spent elsewhere meanwhile, card frozen or given away, product no longer certified,
price changed) ends the request as rejected with that reason, so the holder polling it learns why.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from models.clock import now_utc
from models.codes.merchant_codes import MerchantCodes
from models.errors import Conflict, Invalid, NotFound
from models.services import counter_codes, redemptions
from models.services.basket import LineRequest, merge_lines
from models.services.cards import holder_card
from models.services.redemption_debit import BALANCE, REDEMPTION_ID, run_debit
from models.storage.sql_batch import Refused, Statement
from models.tables.cards import Card, Redemption, RedemptionLine
from models.tables.merchants import Merchant
from models.tables.redemption_requests import RedemptionRequest, RequestState
from models.tables.users import User

REQUEST_TTL = timedelta(minutes=5)
MERCHANT_REJECTED = "merchant_rejected"


@dataclass(frozen=True)
class RequestView:
    """A request as people see it: a pending one past its time shows as expired even before it is stored so."""

    request: RedemptionRequest
    card_no: str
    merchant_name: str
    state: RequestState


def _state(req: RedemptionRequest, now: datetime) -> RequestState:
    if req.state == RequestState.PENDING and req.expires_at <= now:
        return RequestState.EXPIRED
    return req.state


async def _view(req: RedemptionRequest, now: datetime) -> RequestView:
    await req.fetch_related("card", "merchant")
    return RequestView(req, req.card.card_no, req.merchant.name, _state(req, now))


# --- the holder asks ------------------------------------------------------------------------------

async def create(user: User, card_no: str, merchant_code: str, items: list[LineRequest], idempotency_key: str,
                 codes: MerchantCodes, now: datetime | None = None) -> RequestView:
    """A pending request on the holder's own card at the merchant the scanned code names; nothing is debited.

    The same idempotency key with the same request returns the first request."""
    now = now or now_utc()
    card = await holder_card(user, card_no)
    merged = merge_lines(items)
    digest = redemptions.request_hash(merchant_code, merged)
    earlier = await _replay(card, idempotency_key, digest, now)
    if earlier is not None:
        return earlier
    merchant = await counter_codes.scanned_counter(merchant_code, codes)
    wanted = await redemptions.certified_lines(merged)
    total = redemptions.total_fen(wanted)
    redemptions.check_spendable(card)
    if card.balance_fen < total:
        raise Conflict("card_insufficient_balance", "爱心卡余额不足", balance_fen=card.balance_fen, amount_fen=total)
    lines = [{"sku": s.sku, "name": s.name, "unit": s.row["unit"], "qty": qty, "price_fen": s.price_fen,
              "amount_fen": s.price_fen * qty} for s, qty in wanted]
    try:
        req = await RedemptionRequest.create(
            card_id=card.id, holder_id=user.id, merchant_id=merchant.id, state=RequestState.PENDING, items=lines,
            total_fen=total, idempotency_key=idempotency_key, request_hash=digest, created_at=now,
            expires_at=now + REQUEST_TTL)
    except IntegrityError:  # the same key raced in from a retry: answer with the winner
        replayed = await _replay(card, idempotency_key, digest, now)
        if replayed is None:  # not a race on the key after all
            raise
        return replayed
    return await _view(req, now)


async def _replay(card: Card, key: str, digest: str, now: datetime) -> RequestView | None:
    earlier = await RedemptionRequest.get_or_none(card_id=card.id, idempotency_key=key)
    if earlier is None:
        return None
    if earlier.request_hash != digest:
        raise Invalid("idempotency_key_reused", "该幂等键已用于另一笔不同的请求", idempotency_key=key)
    return await _view(earlier, now)


async def for_holder(user: User, card_no: str, request_id: int, now: datetime | None = None) -> RequestView:
    """One of the holder's requests on their card, to follow its state; anyone else's is not found."""
    card = await holder_card(user, card_no)
    req = await RedemptionRequest.get_or_none(id=request_id, card_id=card.id, holder_id=user.id)
    if req is None:
        raise _not_found(request_id)
    return await _view(req, now or now_utc())


def _not_found(request_id: int) -> NotFound:
    return NotFound("redemption_request_not_found", "核销请求不存在", request_id=request_id)


# --- the merchant answers -------------------------------------------------------------------------

async def list_for_merchant(staff: User, state: RequestState | None, offset: int, limit: int,
                            now: datetime | None = None) -> tuple[list[RequestView], int]:
    """This merchant's requests, newest first; `state` as people see it (a pending one past its time is expired)."""
    now = now or now_utc()
    query = RedemptionRequest.filter(merchant_id=staff.merchant_id)
    if state == RequestState.PENDING:
        query = query.filter(state=RequestState.PENDING, expires_at__gt=now)
    elif state == RequestState.EXPIRED:
        query = query.filter(Q(state=RequestState.EXPIRED) | Q(state=RequestState.PENDING, expires_at__lte=now))
    elif state is not None:
        query = query.filter(state=state)
    rows = await query.order_by("-id").offset(offset).limit(limit).prefetch_related("card", "merchant")
    views = [RequestView(r, r.card.card_no, r.merchant.name, _state(r, now)) for r in rows]
    return views, await query.count()


async def _own(staff: User, request_id: int) -> RedemptionRequest:
    req = await RedemptionRequest.get_or_none(id=request_id, merchant_id=staff.merchant_id)
    if req is None:
        raise _not_found(request_id)
    return req


class _Taken(Exception):
    """The conditional UPDATE found the request no longer pending: someone else decided, or time ran out.

    Internal control flow, not an AppError (models/errors.py): `confirm` answers with the request's outcome instead."""


async def confirm(staff: User, request_id: int, now: datetime | None = None) -> redemptions.Receipt:
    """Debit the card for the request, once: a request already confirmed answers with its receipt."""
    now = now or now_utc()
    merchant = await redemptions.staff_merchant(staff)
    req = await _own(staff, request_id)
    if req.state == RequestState.CONFIRMED:
        return await _confirmed_receipt(req)
    await _check_open(req, now)
    try:
        return await _debit_pending(staff, merchant, req, now)
    except (_Taken, IntegrityError):  # another clerk's confirm (or a rejection, or the clock) got there first
        return await _outcome(await RedemptionRequest.get(id=req.id), now)
    except (Conflict, Invalid) as refusal:  # the card or the goods refuse now: the request ends with that reason
        await _close(req, RequestState.REJECTED, refusal.code, refusal.message, staff, now)
        raise


_TAKE_REQUEST = ("UPDATE redemption_request SET state = ?, staff_id = ?, decided_at = ? "
                 "WHERE id = ? AND state = ? AND expires_at > ?")
_RECORD_DEBIT = "UPDATE redemption_request SET redemption_id = ?, balance_after_fen = ? WHERE id = ?"


async def _debit_pending(staff: User, merchant: Merchant, req: RedemptionRequest, now: datetime) -> redemptions.Receipt:
    card = await Card.get(id=req.card_id)
    redemptions.check_spendable(card)

    async def priced(db: Any) -> redemptions.Debit:
        wanted = await redemptions.certified_lines({line["sku"]: line["qty"] for line in req.items}, db)
        total = redemptions.total_fen(wanted)
        if total != req.total_fen:
            raise Conflict("redemption_request_price_changed", "商品价格已变动，请顾客重新发起",
                           quoted_fen=req.total_fen, total_fen=total)
        return redemptions.Debit(staff, merchant.id, card.card_no, wanted, f"request-{req.id}", req.request_hash,
                                 holder_id=req.holder_id)

    take = Statement(_TAKE_REQUEST, [RequestState.CONFIRMED.value, staff.id, now, req.id, RequestState.PENDING.value,
                                     now], must_change=True, name="request")
    record = Statement(_RECORD_DEBIT, [REDEMPTION_ID, BALANCE, req.id])
    try:
        return await run_debit(priced, before=[take], after=[record])
    except Refused:  # the request is no longer pending and open: someone else decided it first
        raise _Taken() from None


async def _outcome(req: RedemptionRequest, now: datetime) -> redemptions.Receipt:
    """What a confirm that lost the race answers: the winner's receipt, or why it cannot be confirmed."""
    if req.state == RequestState.CONFIRMED:
        return await _confirmed_receipt(req)
    await _check_open(req, now)
    # Still pending and open although the conditional UPDATE missed it: only a retry can tell.
    raise Conflict("redemption_request_busy", "该请求正在处理，请稍后重试")


async def _confirmed_receipt(req: RedemptionRequest) -> redemptions.Receipt:
    """The same receipt the confirming clerk got: the redemption, its lines, the balance right after it."""
    redemption = await Redemption.get(id=req.redemption_id)
    card = await Card.get(id=req.card_id)
    lines = await RedemptionLine.filter(redemption_id=redemption.id).order_by("id")
    return redemptions.Receipt(redemption, card.card_no, lines, req.balance_after_fen)


async def _check_open(req: RedemptionRequest, now: datetime) -> None:
    """409 for a rejected or expired request (an expired one is stored as such on the way)."""
    if req.state == RequestState.REJECTED:
        raise Conflict("redemption_request_rejected", "该请求已被拒绝", reason_code=req.reason_code, reason=req.reason)
    if req.state == RequestState.EXPIRED or req.expires_at <= now:
        await RedemptionRequest.filter(id=req.id, state=RequestState.PENDING, expires_at__lte=now).update(
            state=RequestState.EXPIRED)
        raise Conflict("redemption_request_expired", "该请求已过期（5 分钟内有效），请顾客重新发起",
                       expires_at=req.expires_at.isoformat())


async def _close(req: RedemptionRequest, state: RequestState, code: str, reason: str, staff: User,
                 now: datetime) -> bool:
    """End a pending request (conditional on it still being pending); False if something else ended it first."""
    return bool(await RedemptionRequest.filter(id=req.id, state=RequestState.PENDING).update(
        state=state, reason_code=code, reason=reason[:255], staff_id=staff.id, decided_at=now))


async def reject(staff: User, request_id: int, reason: str, now: datetime | None = None) -> RequestView:
    """The clerk turns the request down with a reason; rejecting it again changes nothing."""
    now = now or now_utc()
    req = await _own(staff, request_id)
    if req.state == RequestState.PENDING:
        await _check_open(req, now)
        await _close(req, RequestState.REJECTED, MERCHANT_REJECTED, reason, staff, now)
        req = await RedemptionRequest.get(id=req.id)
    if req.state == RequestState.CONFIRMED:
        raise Conflict("redemption_request_confirmed", "该请求已确认扣款，如需退回请撤销该笔核销",
                       redemption_id=req.redemption_id)
    if req.state == RequestState.EXPIRED:
        await _check_open(req, now)  # raises redemption_request_expired
    return await _view(req, now)
