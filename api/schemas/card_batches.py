"""以购代捐 card batches: what an administrator sends and reads back. Money is integer fen."""
from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from api.schemas.common import Day, PageQuery, Strict
from api.schemas.names import Name
from models.clock import shanghai_iso
from models.tables.cards import Card, CardBatch


class CardBatchIn(Strict):
    organization: Name = Field(min_length=1, max_length=128, description="the buying organization (认购单位)")
    face_value_fen: int = Field(strict=True, description="one of the configured face values (CARD_FACE_VALUES)")
    count: int = Field(strict=True, description="1 to 1,000,000 cards")
    expires_at: Day = Field(description="last day the cards can be used (Asia/Shanghai); after today")
    note: str = Field("", max_length=255)


class CardBatchReport(BaseModel):
    issued: int
    activated: int
    claimed: int = Field(description="cards bound to a holder")
    spent_fen: int = Field(description="redeemed, net of voids and refunds")
    outstanding_fen: int = Field(description="balance left on the batch's cards")


class CardBatchOut(BaseModel):
    id: int
    organization: str
    face_value_fen: int
    count: int
    done: int = Field(description="cards issued so far")
    total: int
    state: str = Field(description="issuing → issued → active; failed (see error)")
    expires_at: dt.date
    note: str
    print_full_card_no: bool = Field(False, description="printed faces show the full card number (default: masked)")
    error: str | None
    created_at: str
    activated_at: str | None
    report: CardBatchReport | None = Field(None, description="only on the single-batch endpoints")

    @classmethod
    def of(cls, b: CardBatch, report: dict[str, int] | None = None) -> CardBatchOut:
        return cls(
            id=b.id, organization=b.organization, face_value_fen=b.face_value_fen, count=b.count, done=b.issued,
            total=b.count, state=b.state.value, expires_at=b.expires_at, note=b.note, error=b.error,
            print_full_card_no=b.print_full_card_no,
            created_at=shanghai_iso(b.created_at), activated_at=shanghai_iso(b.activated_at),
            report=CardBatchReport(**report) if report is not None else None,
        )


class CardBatchPage(BaseModel):
    items: list[CardBatchOut]
    total: int


class BatchCardsQuery(PageQuery):
    page_size: int = Field(100, ge=1, le=1000)


class BatchCardOut(BaseModel):
    card_no: str
    qr: str = Field(description="the text of the printed QR code (AX1.<card_no>.<mac>)")
    status: str
    balance_fen: int

    @classmethod
    def of(cls, card: Card, qr: str) -> BatchCardOut:
        return cls(card_no=card.card_no, qr=qr, status=card.status.value, balance_fen=card.balance_fen)


class BatchCardPage(BaseModel):
    items: list[BatchCardOut]
    total: int
