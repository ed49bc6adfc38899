"""Merchant redemption of love cards: certified products only, idempotent, never below zero, voidable the same day.

Two ways in share ONE debit (`debit`): the clerk scanning a holder's code (`redeem`), and the clerk
confirming a request the holder made by scanning the counter's code (models/services/redemption_requests.py).
Both go through the same certified-only pricing (`certified_lines`), the same conditional debit, the same
redemption, lines and ledger rows, and the same (merchant, idempotency key) unique index.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models import sql
from models.card_codes import CardCodes
from models.cards import ActivityKind, Card, CardStatus, Redemption, RedemptionLine, RedemptionStatus
from models.clock import now_utc, today_shanghai
from models.errors import Conflict, Forbidden, Invalid, NotFound
from models.merchants import Merchant
from models.services import card_ledger, settlements
from models.services.cards import any_card
from models.services.orders import LineRequest, merge_lines
from models.snapshots import Selling, sellable_now
from models.users import User


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
    merchant = await Merchant.get_or_none(id=staff.merchant_id)
    if merchant is None or not merchant.active:
        raise Forbidden("merchant_inactive", "商户未启用，不能受理爱心卡")
    return merchant


async def preview(staff: User, code: str, codes: CardCodes, now: datetime | None = None) -> CardPreview:
    await staff_merchant(staff)
    card_no, _ = codes.read(code, now or now_utc())
    card = await any_card(card_no)
    return CardPreview(card.card_no, card.balance_fen, card.status.value, card.expires_at.isoformat(),
                       needs_pay_code=card.holder_id is not None)


def _not_certified(sku: str, name: str | None) -> Exception:
    return Invalid("product_not_certified", "爱心卡只能购买在有效期内的认定扶贫产品", sku=sku)


async def certified_lines(merged: dict[str, int]) -> list[tuple[Selling, int]]:
    """The products to redeem, each a sellable certified product today (422 `product_not_certified` otherwise)."""
    return await sellable_now(merged, _not_certified)


def total_fen(wanted: list[tuple[Selling, int]]) -> int:
    return sum(selling.price_fen * qty for selling, qty in wanted)


def check_spendable(card: Card) -> None:
    """An active card within its date; otherwise the card's own state error (409)."""
    if card.status == CardStatus.ACTIVE and card.expires_at < today_shanghai():
        raise Conflict("card_expired", "爱心卡已过期")
    if card.status != CardStatus.ACTIVE:
        raise card_ledger.state_error(card)


def _usable(card: Card, counter: int | None) -> None:
    if card.holder_id is not None and counter is None:
        raise Conflict("pay_code_required", "已领取的爱心卡须出示付款码，不能使用卡面二维码")
    check_spendable(card)


@dataclass(frozen=True)
class Receipt:
    """What the counter shows after a redemption: the redemption, its card and lines, the balance now."""

    redemption: Redemption
    card_no: str
    lines: list[RedemptionLine]
    balance_fen: int


async def redeem(staff: User, code: str, items: list[LineRequest], idempotency_key: str, codes: CardCodes,
                 now: datetime | None = None) -> Receipt:
    """Debit the card for certified items. The same key with the same request returns the first result."""
    merchant = await staff_merchant(staff)
    merged = merge_lines(items)
    digest = request_hash(code, merged)
    earlier = await _replay(merchant, idempotency_key, digest)
    if earlier is not None:
        return earlier
    card_no, counter = codes.read(code, now or now_utc())
    wanted = await certified_lines(merged)
    card = await any_card(card_no)
    _usable(card, counter)
    try:
        async with in_transaction() as conn:
            return await debit(conn, Debit(staff, merchant, card, wanted, idempotency_key, digest, counter=counter))
    except IntegrityError:  # the same key raced in from another request: answer with the winner
        return await _replay(merchant, idempotency_key, digest)


async def _replay(merchant: Merchant, key: str, digest: str) -> Receipt | None:
    earlier = await Redemption.get_or_none(merchant_id=merchant.id, idempotency_key=key)
    if earlier is None:
        return None
    if earlier.request_hash != digest:
        raise Invalid("idempotency_key_reused", "该幂等键已用于另一笔不同的核销", idempotency_key=key)
    return await receipt(earlier)


# Redeeming is the counter's busiest write: its statements are hand-written (see models/sql.py).
_SPEND_PAY_CODE = "UPDATE card SET spent_counter = ? WHERE id = ? AND spent_counter < ? AND pay_counter >= ?"
_DEBIT = ("UPDATE card SET balance_fen = balance_fen - ? WHERE id = ? AND status = ? AND balance_fen >= ? "
          "RETURNING balance_fen")
_DEBIT_HELD = ("UPDATE card SET balance_fen = balance_fen - ? WHERE id = ? AND status = ? AND balance_fen >= ? "
               "AND holder_id = ? RETURNING balance_fen")
_INSERT_REDEMPTION = (
    "INSERT INTO redemption (merchant_id, card_id, staff_id, amount_fen, status, idempotency_key, request_hash, "
    "business_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"
)
_INSERT_LINES = "INSERT INTO redemption_line (redemption_id, {columns}) VALUES {rows}"
_INSERT_ACTIVITY = (
    "INSERT INTO card_activity (card_id, kind, amount_fen, balance_after_fen, actor_id, merchant_id, redemption_id, "
    "idempotency_key, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?)"
)


@dataclass(frozen=True)
class Debit:
    """One redemption to write. `counter`: the pay code to spend with it (a scanned pay code); `holder_id`: the
    card must still be held by this user (a holder's request), so a card given away meanwhile is not debited."""

    staff: User
    merchant: Merchant
    card: Card
    wanted: list[tuple[Selling, int]]
    idempotency_key: str
    request_hash: str
    counter: int | None = None
    holder_id: int | None = None


async def debit(conn: BaseDBAsyncClient, d: Debit) -> Receipt:
    """THE redemption debit, inside the caller's transaction `conn`: spend the pay code (if any), debit the card
    with a conditional UPDATE, write the redemption, its lines and the ledger row.

    A second redemption under the same (merchant, idempotency key) fails on the unique index (IntegrityError):
    the caller answers with the first one.
    """
    snapshots = [p.snapshot(q) for p, q in d.wanted]
    total = sum(snap["amount_fen"] for snap in snapshots)
    card, now, today = d.card, now_utc(), today_shanghai()
    if d.counter is not None and not await sql.execute(conn, _SPEND_PAY_CODE, [d.counter, card.id, d.counter, d.counter]):
        raise Conflict("pay_code_used", "付款码已使用，请刷新后重试")
    if d.holder_id is None:
        debited = await sql.query(conn, _DEBIT, [total, card.id, CardStatus.ACTIVE.value, total])
    else:
        debited = await sql.query(conn, _DEBIT_HELD, [total, card.id, CardStatus.ACTIVE.value, total, d.holder_id])
    if not debited:
        raise await _refusal(conn, card, total, d.holder_id)
    balance = int(debited[0]["balance_fen"])
    [row] = await sql.query(conn, _INSERT_REDEMPTION, [
        d.merchant.id, card.id, d.staff.id, total, RedemptionStatus.COMPLETED.value, d.idempotency_key,
        d.request_hash, today, now])
    columns = list(snapshots[0])
    await sql.execute(conn, _INSERT_LINES.format(columns=", ".join(columns), rows=sql.rows_of(len(columns) + 1, len(snapshots))),
                      [v for snap in snapshots for v in (row["id"], *snap.values())])
    await sql.execute(conn, _INSERT_ACTIVITY, [card.id, ActivityKind.REDEEM.value, -total, balance, d.staff.id,
                                               d.merchant.id, row["id"], d.idempotency_key, now])
    redemption = Redemption._init_from_db(
        id=row["id"], merchant_id=d.merchant.id, card_id=card.id, staff_id=d.staff.id, amount_fen=total,
        status=RedemptionStatus.COMPLETED.value, idempotency_key=d.idempotency_key, request_hash=d.request_hash,
        business_date=today, created_at=now, voided_at=None,
    )
    lines = [RedemptionLine._init_from_db(id=None, redemption_id=row["id"], **snap) for snap in snapshots]
    return Receipt(redemption, card.card_no, lines, balance)


async def _refusal(conn: BaseDBAsyncClient, card: Card, total: int, holder_id: int | None) -> Conflict:
    """Why the conditional debit took nothing: the card's state, its holder, or its balance."""
    refusal = await card_ledger.refusal(conn, card, total)  # re-reads the card
    if holder_id is not None and card.holder_id != holder_id and refusal.code == "card_insufficient_balance":
        return Conflict("card_holder_changed", "这张爱心卡已不在您名下", card_no=card.card_no)
    return refusal


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
    await redemption.refresh_from_db()
    return redemption


async def list_redemptions(staff: User, business_date, offset: int, limit: int) -> tuple[list[Redemption], int]:
    query = Redemption.filter(merchant_id=staff.merchant_id)
    if business_date is not None:
        query = query.filter(business_date=business_date)
    rows = await query.order_by("-id").offset(offset).limit(limit).prefetch_related("lines", "card")
    return rows, await query.count()
