"""Certification applications: what suppliers send, what suppliers and officials read back."""
from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from api.schemas.catalog import Sku
from api.schemas.common import Day, IntId, PageQuery, Patch, Strict, left_out
from api.schemas.names import Name
from models.clock import shanghai_iso
from models.tables.catalog import Product
from models.tables.certification import (
    AppState,
    CertApplication,
    CertApplicationStep,
    CertDocument,
    HouseholdsMechanism,
)

_CODE: dict[str, Any] = {"pattern": r"^\d{6}$", "description": "the origin county's 6-digit code: wins over the names"}
_MECHANISM = ("how sales reach poor households (利益联结): employment 带动就业, produce_purchase 收购农产品, "
              "dividends 入股分红, other")


class ApplicationIn(Strict):
    sku: str = Sku
    name: Name = Field(min_length=1, max_length=128)
    brand: Name = Field("", max_length=64)
    category: Name = Field(min_length=1, max_length=32)
    unit: Name = Field(min_length=1, max_length=16)
    price_fen: int = Field(ge=1, le=100_000_000)
    stock: int = Field(0, ge=0, le=100_000_000, description="the opening stock of a new product (an existing "
                       "product keeps its stock)")
    origin_province: Name = Field("", max_length=64)
    origin_city: Name = Field("", max_length=64, description="empty for a county under no city")
    origin_county: Name = Field("", max_length=64)
    origin_code: str | None = Field(None, **_CODE)
    poor_households: int = Field(ge=0, le=10_000_000, description="poor households the product links to")
    households_mechanism: HouseholdsMechanism = Field(description=_MECHANISM)
    tags: list[Name] = Field(default_factory=list, max_length=20)
    aliases: list[Name] = Field(default_factory=list, max_length=20)


class ResubmitIn(Patch):
    """Corrections to a returned application (fields left out stay as they were; the sku cannot change)."""

    name: Name = left_out(min_length=1, max_length=128)
    brand: Name = left_out(max_length=64)
    category: Name = left_out(min_length=1, max_length=32)
    unit: Name = left_out(min_length=1, max_length=16)
    price_fen: int = left_out(ge=1, le=100_000_000)
    stock: int = left_out(ge=0, le=100_000_000)
    origin_province: Name = left_out(max_length=64)
    origin_city: Name = left_out(max_length=64)
    origin_county: Name = left_out(max_length=64)
    origin_code: str = left_out(**_CODE)
    poor_households: int = left_out(ge=0, le=10_000_000)
    households_mechanism: HouseholdsMechanism = left_out()
    tags: list[Name] = left_out(max_length=20)
    aliases: list[Name] = left_out(max_length=20)


class ApproveIn(Strict):
    cert_no: str | None = Field(None, min_length=1, max_length=64, description="required at province level")
    valid_until: Day | None = Field(None, description="required at province level: a day after today")


class ApplicationQuery(PageQuery):
    state: AppState | None = Field(None, description="left out: those waiting for the caller's step")


class OwnApplicationQuery(PageQuery):
    state: AppState | None = None


class ExpiringQuery(PageQuery):
    days: int = Field(60, ge=1, le=366, description="certificates ending within this many days from today")


class ApplicationPath(BaseModel):
    id: IntId


class DocumentPath(BaseModel):
    id: IntId
    doc_id: IntId


class DocumentOut(BaseModel):
    id: int
    content_type: str
    size_bytes: int
    label: str = Field(description="the uploaded file's name, to show only")
    created_at: str | None

    @classmethod
    def of(cls, d: CertDocument) -> DocumentOut:
        return cls(id=d.id, content_type=d.content_type, size_bytes=d.size_bytes, label=d.label,
                   created_at=shanghai_iso(d.created_at))


class StepOut(BaseModel):
    action: str = Field(description="submit, resubmit, approve, return, reject")
    level: str | None
    from_state: str | None
    to_state: str
    reason: str | None
    actor: str
    at: str | None

    @classmethod
    def of(cls, s: CertApplicationStep) -> StepOut:
        return cls(action=s.action, level=s.level, from_state=s.from_state, to_state=s.to_state, reason=s.reason,
                   actor=s.actor_label, at=shanghai_iso(s.created_at))


class ApplicationDraft(BaseModel):
    """The fields of POST /api/v1/supplier/applications, prefilled."""

    sku: str
    name: str
    brand: str
    category: str
    unit: str
    price_fen: int
    stock: int
    origin_province: str
    origin_city: str
    origin_county: str
    origin_code: str | None
    poor_households: int
    households_mechanism: str
    tags: list[str]
    aliases: list[str]


class ApplicationOut(ApplicationDraft):
    id: int
    supplier_id: int
    supplier_name: str | None = None
    applies_for_supplier: bool
    state: str
    reason: str | None
    cert_no: str | None
    valid_until: date | None
    created_at: str | None
    updated_at: str | None
    documents: list[DocumentOut]
    steps: list[StepOut]

    @classmethod
    def of(cls, a: CertApplication, origin: dict[str, str], supplier_name: str | None = None) -> ApplicationOut:
        return cls(
            id=a.id, supplier_id=a.supplier_id, supplier_name=supplier_name,
            applies_for_supplier=a.applies_for_supplier,
            sku=a.sku, name=a.name, brand=a.brand, category=a.category, unit=a.unit, price_fen=a.price_fen,
            stock=a.stock, poor_households=a.poor_households, households_mechanism=a.households_mechanism.value,
            tags=a.tags, aliases=a.aliases, state=a.state.value, reason=a.reason, cert_no=a.cert_no,
            valid_until=a.valid_until, created_at=shanghai_iso(a.created_at), updated_at=shanghai_iso(a.updated_at),
            documents=[DocumentOut.of(d) for d in sorted(a.documents, key=lambda d: d.id)],
            steps=[StepOut.of(s) for s in sorted(a.steps, key=lambda s: s.id)], **origin)


class ApplicationPage(BaseModel):
    items: list[ApplicationOut]
    total: int


class ExpiringOut(BaseModel):
    sku: str
    name: str
    supplier_id: int
    supplier_name: str
    origin_code: str
    cert_no: str | None
    valid_until: date
    days_left: int

    @classmethod
    def of(cls, p: Product, today: date) -> ExpiringOut:
        until = p.valid_until or today  # the query takes products with a date only
        return cls(sku=p.sku, name=p.name, supplier_id=p.supplier_id, supplier_name=p.supplier.name,
                   origin_code=p.origin_id, cert_no=p.cert_no, valid_until=until, days_left=(until - today).days)


class ExpiringPage(BaseModel):
    items: list[ExpiringOut]
    total: int
