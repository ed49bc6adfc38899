from __future__ import annotations

from pydantic import BaseModel, Field

from api.schemas.common import Strict

MAX_MESSAGE_CHARS = 1000


class ChatIn(Strict):
    message: str = Field(max_length=MAX_MESSAGE_CHARS)


class ChatProduct(BaseModel):
    sku: str
    name: str
    price_fen: int
    unit: str
    origin: str
    stock: int


class ChatSlots(BaseModel):
    sku: str | None
    qty: int | None
    amount_fen: int | None


class ChatOrderLine(BaseModel):
    sku: str
    qty: int


class ChatOrder(BaseModel):
    order_no: str
    kind: str
    status: str
    total_fen: int
    items: list[ChatOrderLine]


class ChatOut(BaseModel):
    reply: str
    intent: str
    products: list[ChatProduct]
    slots: ChatSlots
    order: ChatOrder | None
    suggestions: list[str]
