"""What one turn of the assistant answers: the `POST /api/v1/chat` contract.

This model is the contract itself: the dialogue returns it, and the HTTP schema (api/schemas/chat.py) and the
OpenAPI document are built from it, so there is no second description to keep in step.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import TypedDict

INTENTS = (
    "greet", "help", "search", "ask_price", "order", "confirm", "cancel", "order_status", "buy_card", "card_balance",
    "fallback", "ask_info", "recommend", "claim_card", "pay_order", "cancel_order", "change_address",
)
Intent = Literal[
    "greet", "help", "search", "ask_price", "order", "confirm", "cancel", "order_status", "buy_card", "card_balance",
    "fallback", "ask_info", "recommend", "claim_card", "pay_order", "cancel_order", "change_address",
]


class ChatProduct(TypedDict):
    sku: str
    name: str
    price_fen: int
    unit: str
    origin: str
    stock: int


class ChatSlots(TypedDict):
    """The draft after this turn."""

    sku: str | None
    qty: int | None  # packs of the chosen product, or cards
    amount_fen: int | None  # a love card's face value
    unit: str | None  # the pack word of the chosen product (袋, 箱 …), 张 for cards
    total_qty_text: str | None  # what the quantity amounts to, e.g. 共5kg


class ChatOrderLine(TypedDict):
    sku: str
    qty: int


class ChatOrder(TypedDict):
    order_no: str
    kind: str
    status: str
    total_fen: int
    items: list[ChatOrderLine]


def _no_slots() -> ChatSlots:
    return {"sku": None, "qty": None, "amount_fen": None, "unit": None, "total_qty_text": None}


class Reply(BaseModel):
    model_config = ConfigDict(title="ChatOut")

    reply: str
    intent: Intent
    products: list[ChatProduct] = Field(default_factory=list)  # ranked, best first
    slots: ChatSlots = Field(default_factory=_no_slots)
    order: ChatOrder | None = None  # set on the turn that placed an order
    suggestions: list[str] = Field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return self.model_dump()
