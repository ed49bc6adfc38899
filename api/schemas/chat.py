from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from api.schemas.common import Strict

MAX_MESSAGE_CHARS = 1000


class ChatIn(Strict):
    # The length is the message as sent, spaces included (what the document's maxLength says); stripped after.
    model_config = ConfigDict(str_strip_whitespace=False)

    message: Annotated[str, Field(max_length=MAX_MESSAGE_CHARS), AfterValidator(str.strip)]


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
    unit: str | None = None  # the pack word of the chosen product (袋, 箱 …), 张 for cards
    total_qty_text: str | None = None  # what the quantity amounts to, e.g. 共5kg


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
