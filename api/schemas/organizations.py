"""以购代捐 organizations: the list, and the report of one (its batches and where the money went). Money is fen."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from api.schemas.card_batches import CardBatchReport
from api.schemas.common import IntId
from models.clock import shanghai_iso
from models.services.organization_report import OrganizationReport


class OrganizationOut(BaseModel):
    organization: str
    batches: int
    cards: int = Field(description="cards ordered over all its batches")


class OrganizationList(BaseModel):
    items: list[OrganizationOut]


class OrganizationReportQuery(BaseModel):
    organization: str = Field(min_length=1, max_length=128, description="the organization's name, as on its batches")
    batch_id: IntId | None = Field(None, description="only this one of its batches")
    format: Literal["json", "csv"] = Field("json", description="csv: the report as a file (UTF-8 with BOM, for Excel)")


class BatchLine(CardBatchReport):
    id: int
    state: str
    face_value_fen: int
    count: int
    created_at: str
    activated_at: str | None


class CountySpending(BaseModel):
    origin_code: str
    province: str
    city: str
    county: str
    poverty_county: bool
    counter_fen: int = Field(description="redeemed at counters and pavilions, net of voids")
    online_fen: int = Field(description="online orders paid with the cards, net of refunds")
    amount_fen: int


class ProvinceSpending(BaseModel):
    province: str
    counter_fen: int
    online_fen: int
    amount_fen: int
    poverty_county_fen: int = Field(description="the part spent on products of the 832 poverty counties")


class OrganizationReportOut(BaseModel):
    organization: str
    batches: list[BatchLine]
    issued: int
    activated: int
    claimed: int = Field(description="cards bound to a holder")
    activated_fen: int = Field(description="money made spendable by activation (ledger)")
    spent_fen: int = Field(description="spent, net of voids and refunds (ledger)")
    expired_fen: int = Field(description="balances taken back at expiry (ledger)")
    closed_fen: int = Field(description="balances taken off cards an administrator closed (ledger)")
    adjusted_fen: int = Field(description="administrators' balance corrections, signed (ledger); outstanding = "
                                          "activated + adjusted − spent − expired − closed")
    outstanding_fen: int = Field(description="balance left on the cards")
    by_province: list[ProvinceSpending]
    by_county: list[CountySpending] = Field(description="where the spending went, from the line snapshots")
    untraced_fen: int = Field(description="ledger spending linked to no redemption or order (manual adjustments)")
    region: str | None = Field(None, description="an official's report: their region's name; only the spending "
                                                 "traced to its counties is reported (batches and ledger empty)")

    @classmethod
    def of(cls, r: OrganizationReport) -> OrganizationReportOut:
        batches = [BatchLine(**{**b, "created_at": shanghai_iso(b["created_at"]),
                                "activated_at": shanghai_iso(b["activated_at"])}) for b in r.batches]
        return cls(
            organization=r.organization, batches=batches, issued=r.issued, activated=r.activated, claimed=r.claimed,
            activated_fen=r.activated_fen, spent_fen=r.spent_fen, expired_fen=r.expired_fen,
            closed_fen=r.closed_fen, adjusted_fen=r.adjusted_fen,
            outstanding_fen=r.outstanding_fen, by_province=[ProvinceSpending(**p) for p in r.by_province],
            by_county=[CountySpending(**c) for c in r.by_county], untraced_fen=r.untraced_fen,
            region=r.region.name if r.region is not None else None,
        )
