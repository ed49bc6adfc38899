from __future__ import annotations

from pydantic import BaseModel, Field

from api.schemas.common import IntId, PageQuery, Strict
from models.clock import shanghai_iso
from models.services.basket import MAX_QTY
from models.tables.orders import Order, OrderLine, OrderStatus


class LineIn(Strict):
    sku: str = Field(min_length=1, max_length=64)
    qty: int = Field(ge=1, le=MAX_QTY, strict=True)


class OrderIn(Strict):
    items: list[LineIn] = Field(min_length=1, max_length=50)
    address_id: IntId | None = None
    note: str = Field("", max_length=200)


class OrderQuery(PageQuery):
    status: OrderStatus | None = None


class OrderNoPath(BaseModel):
    order_no: str = Field(pattern=r"^\d{8,32}$")


class ShipIn(Strict):
    carrier: str = Field(min_length=1, max_length=32)
    tracking_no: str = Field(min_length=1, max_length=64)


class LineOut(BaseModel):
    sku: str
    name: str
    qty: int
    price_fen: int
    unit: str
    amount_fen: int
    origin_county: str
    poverty_county: bool

    @classmethod
    def of(cls, line: OrderLine) -> LineOut:
        return cls(sku=line.sku, name=line.name, qty=line.qty, price_fen=line.price_fen, unit=line.unit,
                   amount_fen=line.amount_fen, origin_county=line.origin_county, poverty_county=line.poverty_county)


class OrderOut(BaseModel):
    order_no: str
    kind: str
    status: str
    total_fen: int
    items: list[LineOut]
    created_at: str
    pay_deadline: str | None
    shipping: dict | None
    carrier: str | None
    tracking_no: str | None
    note: str

    @classmethod
    def of(cls, order: Order, lines: list[OrderLine]) -> OrderOut:
        return cls(
            order_no=order.order_no, kind=order.kind.value, status=order.status.value, total_fen=order.total_fen,
            items=[LineOut.of(line) for line in lines], created_at=shanghai_iso(order.created_at),
            pay_deadline=shanghai_iso(order.pay_deadline) if order.status == OrderStatus.PENDING_PAYMENT else None,
            shipping=order.shipping, carrier=order.carrier, tracking_no=order.tracking_no, note=order.note,
        )


class OrderPage(BaseModel):
    items: list[OrderOut]
    total: int


class PayIn(Strict):
    method: str = Field(pattern=r"^[a-z_]{1,16}$", description="wechat or card")
    card_no: str | None = Field(None, pattern=r"^\d{16}$", description="method card: one of my love cards")


class PayOut(BaseModel):
    order_no: str
    method: str
    status: str
    request_payment: dict | None = Field(None, description="the parameters for wx.requestPayment")
