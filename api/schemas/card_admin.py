"""Administrators' corrections of a love card: close it, adjust its balance. Money is integer fen."""
from __future__ import annotations

from pydantic import BaseModel, Field, field_validator

from api.schemas.cards import CardOut
from api.schemas.common import Strict
from models.clock import shanghai_iso
from models.services.card_admin import Adjustment

MAX_ADJUST_FEN = 100_000_000  # ¥1,000,000 either way: far above any face value, far below an overflow


class CloseIn(Strict):
    reason: str = Field(min_length=1, max_length=255,
                        description="why the card is closed (kept in the ledger and audit)")


class AdjustIn(Strict):
    amount_fen: int = Field(strict=True, ge=-MAX_ADJUST_FEN, le=MAX_ADJUST_FEN,
                            description="non-zero: + credits the card, − debits it (never below a zero balance)")
    reason: str = Field(min_length=1, max_length=255)
    idempotency_key: str = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$",
                                 description="the same key and body return the first adjustment")

    @field_validator("amount_fen")
    @classmethod
    def _non_zero(cls, value: int) -> int:
        if value == 0:
            raise ValueError("amount_fen must not be 0")
        return value


class AdjustmentOut(BaseModel):
    card_no: str
    amount_fen: int
    balance_after_fen: int = Field(description="the balance right after this adjustment")
    reason: str
    idempotency_key: str
    created_at: str
    card: CardOut = Field(description="the card as it is now")

    @classmethod
    def of(cls, a: Adjustment) -> AdjustmentOut:
        act = a.activity
        return cls(card_no=a.card.card_no, amount_fen=act.amount_fen, balance_after_fen=act.balance_after_fen,
                   reason=act.note, idempotency_key=act.idempotency_key or "", created_at=shanghai_iso(act.created_at),
                   card=CardOut.of(a.card))
