from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from api.schemas.common import BigIntId, Day, PageQuery, Strict
from api.schemas.orders import LineIn
from models.clock import shanghai_iso
from models.printing import mask_card_no as mask
from models.services.basket import MAX_LINES
from models.tables.cards import Card, CardActivity, Redemption

CardNo = Field(pattern=r"^\d{16}$")


class CardPath(BaseModel):
    card_no: str = CardNo


class PurchaseIn(Strict):
    face_value_fen: int = Field(gt=0, strict=True)
    quantity: int = Field(1, ge=1, le=100, strict=True)


class CodeIn(Strict):
    code: str = Field(min_length=1, max_length=128)


class CardOut(BaseModel):
    card_no: str
    face_value_fen: int
    balance_fen: int
    status: str
    expires_at: dt.date

    @classmethod
    def of(cls, card: Card) -> CardOut:
        return cls(card_no=card.card_no, face_value_fen=card.face_value_fen, balance_fen=card.balance_fen,
                   status=card.status.value, expires_at=card.expires_at)


class CardList(BaseModel):
    items: list[CardOut]


class ActivityOut(BaseModel):
    kind: str
    amount_fen: int
    balance_after_fen: int
    merchant_id: int | None
    order_id: int | None
    created_at: str

    @classmethod
    def of(cls, a: CardActivity) -> ActivityOut:
        return cls(kind=a.kind.value, amount_fen=a.amount_fen, balance_after_fen=a.balance_after_fen,
                   merchant_id=a.merchant_id, order_id=a.order_id, created_at=shanghai_iso(a.created_at))


class CardDetail(CardOut):
    ledger: list[ActivityOut]


class ClaimCodeOut(BaseModel):
    claim_code: str


class PayCodeOut(BaseModel):
    code: str
    expires_at: str
    qr_png_url: str


class FreezeIn(Strict):
    reason: str = Field("", max_length=255)


class RedeemIn(Strict):
    code: str = Field(min_length=1, max_length=128)
    items: list[LineIn] = Field(min_length=1, max_length=MAX_LINES)
    idempotency_key: str = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")


class PreviewOut(BaseModel):
    card_no_masked: str
    balance_fen: int
    status: str
    expires_at: str
    needs_pay_code: bool


class RedemptionLineOut(BaseModel):
    sku: str
    name: str
    qty: int
    price_fen: int
    amount_fen: int
    origin_county: str


class RedemptionOut(BaseModel):
    id: int
    card_no_masked: str
    amount_fen: int
    status: str
    business_date: dt.date
    created_at: str
    items: list[RedemptionLineOut]
    balance_after_fen: int | None = None

    @classmethod
    def of(cls, r: Redemption, card_no: str, lines: list, balance: int | None = None) -> RedemptionOut:
        return cls(
            id=r.id, card_no_masked=mask(card_no), amount_fen=r.amount_fen, status=r.status.value,
            business_date=r.business_date, created_at=shanghai_iso(r.created_at), balance_after_fen=balance,
            items=[RedemptionLineOut(sku=x.sku, name=x.name, qty=x.qty, price_fen=x.price_fen,
                                     amount_fen=x.amount_fen, origin_county=x.origin_county) for x in lines],
        )


class RedemptionPage(BaseModel):
    items: list[RedemptionOut]
    total: int


class RedemptionQuery(PageQuery):
    date: Day | None = None


class RedemptionPath(BaseModel):
    id: BigIntId


class VoidIn(Strict):
    reason: str = Field("", max_length=255)

