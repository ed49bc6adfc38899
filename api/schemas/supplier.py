"""The supplier's desk: parcels to ship, own products and stock, own sales (api/handlers/supplier.py)."""
from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from api.schemas.common import BigIntId, Day, PageQuery, Strict
from models.clock import shanghai_iso
from models.sellability import is_sellable
from models.services.supplier_desk import Parcel
from models.services.supplier_sales import SalesRow, SupplierSales
from models.tables.catalog import Product
from models.tables.orders import FulfilmentState


class FulfilmentQuery(PageQuery):
    state: FulfilmentState | None = Field(None, description="pending (to ship), shipped or refunded")


class FulfilmentPath(BaseModel):
    id: BigIntId


class ExportQuery(BaseModel):
    state: FulfilmentState = FulfilmentState.PENDING
    format: Literal["csv", "xlsx"] = "csv"


class ParcelShipIn(Strict):
    carrier: str = Field(min_length=1, max_length=32, description="快递公司, e.g. 顺丰")
    tracking_no: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9-]+$")


class ParcelLine(BaseModel):
    sku: str
    name: str
    qty: int
    unit: str
    amount_fen: int


class ParcelOut(BaseModel):
    id: int
    order_no: str
    state: str
    lines: list[ParcelLine]
    amount_fen: int = Field(description="the parcel's lines as sold")
    address: dict | None = Field(description="the shipping address as ordered (name, phone, province, city, county, "
                                             "detail)")
    note: str
    paid_at: str | None
    carrier: str | None
    tracking_no: str | None
    shipped_at: str | None

    @classmethod
    def of(cls, p: Parcel) -> ParcelOut:
        lines = [ParcelLine(sku=x.sku, name=x.name, qty=x.qty, unit=x.unit, amount_fen=x.amount_fen) for x in p.lines]
        return cls(
            id=p.part.id, order_no=p.order.order_no, state=p.part.state.value, lines=lines,
            amount_fen=sum(x.amount_fen for x in lines), address=p.order.shipping, note=p.order.note,
            paid_at=shanghai_iso(p.order.paid_at), carrier=p.part.carrier, tracking_no=p.part.tracking_no,
            shipped_at=shanghai_iso(p.part.shipped_at),
        )


class ParcelPage(BaseModel):
    items: list[ParcelOut]
    total: int


class OwnProductQuery(PageQuery):
    q: str | None = Field(None, max_length=64, description="part of the name or sku")


class OwnProductOut(BaseModel):
    sku: str
    name: str
    unit: str
    price_fen: int
    stock: int
    cert_status: str
    valid_until: date | None
    sellable: bool

    @classmethod
    def of(cls, p: Product) -> OwnProductOut:
        return cls(sku=p.sku, name=p.name, unit=p.unit, price_fen=p.price_fen, stock=p.stock,
                   cert_status=p.cert_status.value, valid_until=p.valid_until,
                   sellable=is_sellable(p, p.supplier))


class OwnProductPage(BaseModel):
    items: list[OwnProductOut]
    total: int


class SkuPath(BaseModel):
    sku: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")


class StockIn(Strict):
    stock: int = Field(ge=0, le=100_000_000, strict=True, description="the stock on hand: the difference is written "
                       "to the stock ledger as an adjustment by this person")
    expected_stock: int | None = Field(None, ge=0, le=100_000_000, strict=True, description="the stock shown when "
                                       "counting: if it has changed since (a sale), 409 stock_changed")


class SalesQuery(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_: Day | None = Field(None, alias="from", description="a Shanghai date; default 29 days before `to`")
    to: Day | None = Field(None, description="a Shanghai date; default today")


class SalesRowOut(BaseModel):
    key: str = Field(description="a day YYYY-MM-DD, or a sku")
    name: str
    amount_fen: int
    quantity: int
    orders: int

    @classmethod
    def of(cls, r: SalesRow) -> SalesRowOut:
        return cls(key=r.key, name=r.name, amount_fen=r.amount_fen, quantity=r.quantity, orders=r.orders)


class SalesOut(BaseModel):
    from_: date = Field(serialization_alias="from")
    to: date
    amount_fen: int
    quantity: int
    orders: int
    households: int = Field(description="poor households the supplier's sales count for (its snapshot figure)")
    by_day: list[SalesRowOut]
    by_product: list[SalesRowOut]

    @classmethod
    def of(cls, s: SupplierSales) -> SalesOut:
        return cls(from_=s.date_from, to=s.date_to, amount_fen=s.amount_fen, quantity=s.quantity, orders=s.orders,
                   households=s.households, by_day=[SalesRowOut.of(r) for r in s.by_day],
                   by_product=[SalesRowOut.of(r) for r in s.by_product])


class SupplierStaffOut(BaseModel):
    id: int
    username: str
    supplier_id: int
