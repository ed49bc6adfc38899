"""The administrator's order desk: finding orders, and one order with its payments and history."""
from __future__ import annotations

from pydantic import BaseModel, Field

from api.schemas.common import PageQuery
from api.schemas.orders import OrderOut
from models.clock import shanghai_iso
from models.tables.orders import OrderEvent, OrderStatus
from models.tables.payments import Payment


class AdminOrderQuery(PageQuery):
    phone: str | None = Field(None, min_length=1, max_length=32,
                              description="the phone of the shipping address; only its digits count (+86 too)")
    status: OrderStatus | None = None


class AdminOrderPage(BaseModel):
    items: list[OrderOut]
    total: int


class PaymentOut(BaseModel):
    method: str = Field(description="wechat or card")
    out_trade_no: str
    amount_fen: int
    status: str = Field(description="pending or succeeded")
    transaction_id: str | None
    created_at: str
    succeeded_at: str | None

    @classmethod
    def of(cls, p: Payment) -> PaymentOut:
        return cls(method=p.method.value, out_trade_no=p.out_trade_no, amount_fen=p.amount_fen, status=p.status.value,
                   transaction_id=p.transaction_id, created_at=shanghai_iso(p.created_at) or "",
                   succeeded_at=shanghai_iso(p.succeeded_at))


class OrderEventOut(BaseModel):
    actor: str
    from_status: str | None
    to_status: str
    reason: str
    created_at: str

    @classmethod
    def of(cls, e: OrderEvent) -> OrderEventOut:
        return cls(actor=e.actor_label, from_status=e.from_status, to_status=e.to_status, reason=e.reason,
                   created_at=shanghai_iso(e.created_at) or "")


class AdminOrderDetail(BaseModel):
    order: OrderOut
    payments: list[PaymentOut]
    events: list[OrderEventOut] = Field(description="every change of state, oldest first")
