from __future__ import annotations

from pydantic import BaseModel, Field

from api.schemas.cards import CardNo, mask
from api.schemas.common import BigIntId, IntId, PageQuery, Strict
from api.schemas.orders import LineIn
from models.clock import shanghai_iso
from models.services.basket import MAX_LINES
from models.services.redemption_requests import RequestView
from models.tables.redemption_requests import RequestState


class RedemptionRequestIn(Strict):
    merchant_code: str = Field(min_length=1, max_length=128, description="the text of the counter's QR code")
    items: list[LineIn] = Field(min_length=1, max_length=MAX_LINES)
    idempotency_key: str = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")


class CardRequestPath(BaseModel):
    card_no: str = CardNo
    id: BigIntId


class RequestItemOut(BaseModel):
    sku: str
    name: str
    unit: str
    qty: int
    price_fen: int
    amount_fen: int


class RedemptionRequestOut(BaseModel):
    id: int
    state: RequestState = Field(description="pending, confirmed, rejected or expired (pending past expires_at)")
    card_no_masked: str
    merchant_id: int
    merchant_name: str
    items: list[RequestItemOut]
    total_fen: int
    created_at: str
    expires_at: str
    decided_at: str | None
    redemption_id: int | None = Field(description="once confirmed")
    balance_after_fen: int | None = Field(description="the card's balance right after the debit, once confirmed")
    reason_code: str = Field(description="when rejected: merchant_rejected, or why the debit was refused "
                                         "(card_insufficient_balance, card_frozen, product_not_certified …)")
    reason: str

    @classmethod
    def of(cls, v: RequestView) -> RedemptionRequestOut:
        r = v.request
        return cls(
            id=r.id, state=v.state, card_no_masked=mask(v.card_no), merchant_id=r.merchant_id,
            merchant_name=v.merchant_name, items=[RequestItemOut(**line) for line in r.items], total_fen=r.total_fen,
            created_at=shanghai_iso(r.created_at), expires_at=shanghai_iso(r.expires_at),
            decided_at=shanghai_iso(r.decided_at), redemption_id=r.redemption_id,
            balance_after_fen=r.balance_after_fen, reason_code=r.reason_code, reason=r.reason,
        )


class RedemptionRequestPage(BaseModel):
    items: list[RedemptionRequestOut]
    total: int


class RedemptionRequestQuery(PageQuery):
    state: RequestState | None = None


class CounterCodeOut(BaseModel):
    merchant_id: int
    merchant_name: str
    key_version: int
    code: str = Field(description="AXM.<merchant_id>.<key_version>.<mac>: what the counter's QR code says")


class RequestIdPath(BaseModel):
    id: BigIntId


class MerchantPath(BaseModel):
    id: IntId
