"""Paying orders: a payment per attempt, confirmed exactly once per provider transaction."""
from __future__ import annotations

import logging
import secrets
from datetime import datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models.clock import now_utc
from models.errors import Conflict, Invalid, NotFound
from models.orders import Order, OrderStatus
from models.payments import Payment, PaymentMethod, PaymentNotification, PaymentStatus
from models.services import order_states
from models.services.orders import order_for
from models.users import User

log = logging.getLogger(__name__)

ACCEPTED, DUPLICATE, NOT_PAYABLE = "accepted", "duplicate", "paid_after_close"


def new_trade_no() -> str:
    return "AXP" + secrets.token_hex(12).upper()


async def start_payment(user: User, order_no: str, method: PaymentMethod) -> tuple[Order, Payment]:
    """A payment attempt for the user's unpaid order (the same pending attempt is reused on retry)."""
    order = await order_for(user, order_no)
    if order.status != OrderStatus.PENDING_PAYMENT:
        raise Conflict("order_not_payable", "订单当前状态不能支付", order_no=order_no, status=order.status.value)
    if order.pay_deadline is not None and order.pay_deadline <= now_utc():
        raise Conflict("payment_deadline_passed", "订单已超过支付期限", order_no=order_no)
    existing = await Payment.filter(order_id=order.id, method=method, status=PaymentStatus.PENDING).first()
    if existing is not None and existing.amount_fen == order.total_fen:
        return order, existing
    payment = await Payment.create(order=order, method=method, out_trade_no=new_trade_no(), amount_fen=order.total_fen)
    return order, payment


async def confirm_payment(out_trade_no: str, transaction_id: str, amount_fen: int, paid_at: datetime) -> str:
    """Record a provider's success notification; `duplicate` when that transaction was recorded before.

    The amount must equal what we asked for. If the order was closed in the meantime (timed out),
    the money is recorded against it and the outcome says so, for a refund: it is not lost.
    """
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
        order = await Order.get(id=payment.order_id).using_db(conn)
        try:
            await order_states.transition(conn, order, OrderStatus.PAID, None, f"{payment.method.value} {transaction_id}",
                                          paid_at=paid_at)
        except Conflict:
            log.warning("payment %s arrived for order %s in state %s: needs a refund", transaction_id,
                        order.order_no, order.status.value)
            return NOT_PAYABLE
    return ACCEPTED


async def keep_notification(provider: str, headers: dict[str, Any], body: str, outcome: str,
                            transaction_id: str | None) -> None:
    await PaymentNotification.create(provider=provider, headers=headers, body=body, outcome=outcome[:32],
                                     transaction_id=transaction_id)
