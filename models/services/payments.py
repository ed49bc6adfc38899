"""Paying orders: a payment per attempt, confirmed exactly once per provider transaction."""
from __future__ import annotations

import logging
import secrets
from datetime import UTC, datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models import metrics
from models.clock import now_utc, today_shanghai
from models.errors import Conflict, Invalid, NotFound
from models.sellability import is_sellable
from models.services import card_ledger, fulfilments, order_states
from models.services.card_purchase import deliver_cards
from models.services.cards import holder_card
from models.services.orders import order_for
from models.tables.cards import ActivityKind
from models.tables.orders import Order, OrderKind, OrderLine, OrderStatus
from models.tables.payments import Payment, PaymentMethod, PaymentNotification, PaymentStatus
from models.tables.users import User

log = logging.getLogger(__name__)

ACCEPTED, DUPLICATE, NOT_PAYABLE = "accepted", "duplicate", "paid_after_close"


def new_trade_no() -> str:
    return "AXP" + secrets.token_hex(12).upper()


def check_payable(order: Order) -> None:
    """Whatever pays it, an order is paid only while it waits for payment and before its pay deadline (409
    `order_not_payable`, `payment_deadline_passed`; the sweep that closes it may not have run yet)."""
    if order.status != OrderStatus.PENDING_PAYMENT:
        raise Conflict("order_not_payable", "订单当前状态不能支付", order_no=order.order_no, status=order.status.value)
    if order.pay_deadline is not None and order.pay_deadline <= now_utc():
        raise Conflict("payment_deadline_passed", "订单已超过支付期限", order_no=order.order_no)


async def start_payment(user: User, order_no: str, method: PaymentMethod) -> tuple[Order, Payment]:
    """A payment attempt for the user's unpaid order (the same pending attempt is reused on retry)."""
    order = await order_for(user, order_no)
    check_payable(order)
    existing = await Payment.filter(order_id=order.id, method=method, status=PaymentStatus.PENDING).first()
    if existing is not None and existing.amount_fen == order.total_fen:
        return order, existing
    payment = await Payment.create(order=order, method=method, out_trade_no=new_trade_no(), amount_fen=order.total_fen)
    return order, payment


async def confirm_payment(out_trade_no: str, transaction_id: str, amount_fen: int, paid_at: datetime) -> str:
    """Record a provider's success notification; `duplicate` when that transaction was recorded before.

    The amount must equal what we asked for. If the order was closed in the meantime (timed out),
    the money is recorded against it and the outcome says so, for a refund: it is not lost. `paid_at` is stored
    in UTC whatever offset the provider gave it (WeChat says +08:00; SQLite compares the stored text).
    """
    paid_at = paid_at.astimezone(UTC)
    async with in_transaction() as conn:
        payment = await Payment.filter(out_trade_no=out_trade_no).using_db(conn).first()
        if payment is None:
            raise NotFound("payment_not_found", "没有这笔支付", out_trade_no=out_trade_no)
        if payment.status == PaymentStatus.SUCCEEDED:
            if payment.transaction_id == transaction_id:
                return DUPLICATE
            raise Conflict("payment_already_settled", "这笔支付已由另一笔交易完成", out_trade_no=out_trade_no)
        if amount_fen != payment.amount_fen:
            raise Invalid("amount_mismatch", "支付金额与订单金额不符", expected=payment.amount_fen, got=amount_fen)
        try:
            won = await Payment.filter(id=payment.id, status=PaymentStatus.PENDING).using_db(conn).update(
                status=PaymentStatus.SUCCEEDED, transaction_id=transaction_id, succeeded_at=paid_at)
        except IntegrityError:
            raise Conflict("transaction_reused", "该交易号已用于另一笔支付", transaction_id=transaction_id) from None
        if not won:
            return DUPLICATE
        order = await Order.get(id=payment.order_id, using_db=conn)
        try:
            await mark_paid(conn, order, None, f"{payment.method.value} {transaction_id}", paid_at)
        except Conflict:
            log.warning("payment %s arrived for order %s in state %s: needs a refund", transaction_id,
                        order.order_no, order.status.value)
            return NOT_PAYABLE
    metrics.order_paid(order.kind.value, payment.method.value)
    if order.kind == OrderKind.CARD:  # the cards were made, active, by mark_paid
        metrics.cards_issued("purchase", order.card_quantity or 0)
        metrics.cards_activated("purchase", order.card_quantity or 0)
    return ACCEPTED


async def mark_paid(conn: BaseDBAsyncClient, order: Order, actor: User | None, reason: str, paid_at: datetime) -> None:
    """The order is paid: move it, and deliver what needs no shipping (love cards) or open the parts each supplier
    ships (goods)."""
    await order_states.transition(conn, order, OrderStatus.PAID, actor, reason, paid_at=paid_at)
    if order.kind == OrderKind.CARD:
        await deliver_cards(conn, order)
    else:  # goods: one fulfilment per supplier, shipped by each (models/services/fulfilments.py)
        await fulfilments.open_parts(conn, order)


async def pay_with_card(user: User, order_no: str, card_no: str) -> Order:
    """Pay the user's goods order with the user's own card: certified products only, one ledger, one transaction.

    Like WeChat Pay, only an order waiting for payment and within its pay deadline; the debit is conditional on
    the user still holding the card (a card given away meanwhile is not debited)."""
    order = await order_for(user, order_no)
    if order.kind != OrderKind.GOODS:
        raise Invalid("card_cannot_buy_cards", "爱心卡只能购买认定扶贫产品，不能购买爱心卡")
    check_payable(order)
    card = await holder_card(user, card_no)
    for line in await OrderLine.filter(order_id=order.id).select_related("product__supplier"):
        if not is_sellable(line.product, line.product.supplier):
            raise Invalid("product_not_certified", "爱心卡只能购买在有效期内的认定扶贫产品", sku=line.sku)
    if card.expires_at < today_shanghai():
        raise Conflict("card_expired", "爱心卡已过期")
    async with in_transaction() as conn:
        balance = await card_ledger.debit(conn, card, order.total_fen, user.id)
        await Payment.create(order=order, method=PaymentMethod.CARD, out_trade_no=new_trade_no(),
                             amount_fen=order.total_fen, status=PaymentStatus.SUCCEEDED, succeeded_at=now_utc(),
                             using_db=conn)
        await mark_paid(conn, order, user, f"爱心卡 {card.card_no}", now_utc())
        await card_ledger.append(conn, card.id, ActivityKind.REDEEM, -order.total_fen, balance, user, order=order)
    metrics.order_paid(order.kind.value, PaymentMethod.CARD.value)
    return order


async def keep_notification(provider: str, headers: dict[str, Any], body: str, outcome: str,
                            transaction_id: str | None) -> None:
    await PaymentNotification.create(provider=provider, headers=headers, body=body, outcome=outcome[:32],
                                     transaction_id=transaction_id)
    metrics.pay_notification(outcome)
