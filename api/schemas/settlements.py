"""Merchant settlement (商户日结): queries, the close request, and what is read back. Money is integer fen."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from api.schemas.common import Day, IntId, Strict
from models.clock import shanghai_iso
from models.services.settlements import Settlement


class SettlementQuery(BaseModel):
    date: Day | None = Field(None, description="business day (Asia/Shanghai), YYYY-MM-DD; default today")
    format: Literal["json", "csv", "xlsx"] = Field(
        "json", description="csv: UTF-8 with BOM, for Excel; xlsx: a workbook")


class AdminSettlementQuery(SettlementQuery):
    merchant_id: IntId | None = None


class CloseIn(Strict):
    merchant_id: IntId = Field(strict=True)
    date: Day = Field(description="the business day to close; it must be over in Shanghai (from 00:05 the next day)")


class ProductLine(BaseModel):
    sku: str
    name: str = Field(description="the name as sold (line snapshot)")
    qty: int
    amount_fen: int


class CountyLine(BaseModel):
    origin_code: str
    province: str
    city: str
    county: str
    poverty_county: bool
    qty: int
    amount_fen: int


class SettlementOut(BaseModel):
    merchant_id: int
    merchant_name: str
    date: dt.date
    redemption_count: int = Field(description="redemptions of the day, voided ones included")
    redemption_fen: int
    void_count: int
    void_fen: int
    net_fen: int = Field(description="redemption_fen - void_fen")
    by_product: list[ProductLine] = Field(description="lines of the redemptions that stand (net of voids)")
    by_county: list[CountyLine] = Field(description="the same by origin county, biggest first")
    closed: bool
    closed_at: str | None
    closed_by: str | None

    @classmethod
    def of(cls, s: Settlement) -> SettlementOut:
        return cls(
            merchant_id=s.merchant_id, merchant_name=s.merchant_name, date=s.business_date,
            redemption_count=s.redemption_count, redemption_fen=s.redemption_fen, void_count=s.void_count,
            void_fen=s.void_fen, net_fen=s.net_fen, by_product=[ProductLine(**p) for p in s.by_product],
            by_county=[CountyLine(**c) for c in s.by_county], closed=s.closed, closed_at=shanghai_iso(s.closed_at),
            closed_by=s.closed_by,
        )


class SettlementList(BaseModel):
    date: dt.date
    items: list[SettlementOut] = Field(description="one per merchant with activity that day (or a closed settlement)")
    net_fen: int = Field(description="sum over the items")
