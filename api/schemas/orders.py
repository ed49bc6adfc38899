from __future__ import annotations

from pydantic import BaseModel, Field

from api.schemas.common import IntId, PageQuery, Strict
from models.clock import shanghai_iso
from models.services.basket import MAX_QTY
from models.tables.orders import Fulfilment, FulfilmentState, Order, OrderLine, OrderStatus


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


class ReshipIn(Strict):
    address_id: IntId  # one of my saved addresses


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


class ParcelLineOut(BaseModel):
    sku: str
    name: str
    qty: int
    unit: str


class FulfilmentOut(BaseModel):
    """One supplier's parcel of a paid goods order."""

    supplier: str = Field(description="the supplier's name as sold")
    state: str = Field(description="pending (to ship), shipped, or refunded (covered by a refund)")
    carrier: str | None
    tracking_no: str | None
    shipped_at: str | None
    lines: list[ParcelLineOut]

    @classmethod
    def of(cls, part: Fulfilment, lines: list[OrderLine]) -> FulfilmentOut:
        own = [line for line in lines if line.supplier_id == part.supplier_id]
        return cls(
            supplier=own[0].supplier_name if own else "", state=part.state.value, carrier=part.carrier,
            tracking_no=part.tracking_no, shipped_at=shanghai_iso(part.shipped_at) if part.shipped_at else None,
            lines=[ParcelLineOut(sku=x.sku, name=x.name, qty=x.qty, unit=x.unit) for x in own],
        )


def _refunded_fen(order: Order, lines: list[OrderLine], parts: list[Fulfilment]) -> int | None:
    """What a refunded order gave back: the lines of the parcels it covered (all of an order without parcels)."""
    if order.status not in (OrderStatus.REFUNDING, OrderStatus.REFUNDED):
        return None
    if not parts:
        return order.total_fen
    covered = {p.supplier_id for p in parts if p.state == FulfilmentState.REFUNDED}
    return sum(line.amount_fen for line in lines if line.supplier_id in covered)


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
    fulfilments: list[FulfilmentOut] = Field(
        default_factory=list, description="a paid goods order's parcels, one per supplier (none before payment)")
    partly_shipped: bool = Field(False, description="paid, some parcels shipped and some still to ship")
    refunded_fen: int | None = Field(None, description="a refunded order: the amount given back (the lines of the "
                                                       "parcels the refund covered)")

    @classmethod
    def of(cls, order: Order, lines: list[OrderLine], parts: list[Fulfilment] | None = None) -> OrderOut:
        parts = parts or []
        states = {p.state for p in parts}
        return cls(
            order_no=order.order_no, kind=order.kind.value, status=order.status.value, total_fen=order.total_fen,
            items=[LineOut.of(line) for line in lines], created_at=shanghai_iso(order.created_at),
            pay_deadline=shanghai_iso(order.pay_deadline) if order.status == OrderStatus.PENDING_PAYMENT else None,
            shipping=order.shipping, carrier=order.carrier, tracking_no=order.tracking_no, note=order.note,
            fulfilments=[FulfilmentOut.of(p, lines) for p in parts],
            partly_shipped=order.status == OrderStatus.PAID and {FulfilmentState.SHIPPED, FulfilmentState.PENDING}
            <= states,
            refunded_fen=_refunded_fen(order, lines, parts),
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
