from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from api.schemas.common import Day, IntId, PageQuery, Patch, Strict, left_out
from api.schemas.names import Name
from models.services.audit_log import AuditFilter
from models.tables.catalog import CertStatus, Product, Supplier, SupplierType

Sku = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_REGION: dict[str, Any] = {"pattern": r"^\d{6}$", "description": "county-level division code"}


class SupplierIn(Strict):
    name: Name = Field(min_length=1, max_length=128)
    type: SupplierType
    region_code: str | None = Field(None, **_REGION)
    households_lifted: int = Field(0, ge=0, le=10_000_000)


class SupplierPatch(Patch):
    name: Name = left_out(min_length=1, max_length=128)
    type: SupplierType = left_out()
    region_code: str | None = Field(None, **_REGION)
    households_lifted: int = left_out(ge=0, le=10_000_000)


class SupplierCertifyIn(Strict):
    cert_no: str | None = Field(None, max_length=64)


class ProductFields(Strict):
    name: Name = Field(min_length=1, max_length=128)
    brand: Name = Field("", max_length=64)
    category: Name = Field(min_length=1, max_length=32)
    unit: Name = Field(min_length=1, max_length=16)
    price_fen: int = Field(ge=1, le=100_000_000)
    stock: int = Field(0, ge=0, le=100_000_000)
    tags: list[Name] = Field(default_factory=list, max_length=20)
    aliases: list[Name] = Field(default_factory=list, max_length=20)


class ProductIn(ProductFields):
    sku: str = Sku
    supplier_id: IntId
    origin_code: str = Field(**_REGION)


class ProductPatch(Patch):
    name: Name = left_out(min_length=1, max_length=128)
    brand: Name = left_out(max_length=64)
    category: Name = left_out(min_length=1, max_length=32)
    unit: Name = left_out(min_length=1, max_length=16)
    price_fen: int = left_out(ge=1, le=100_000_000)
    stock: int = left_out(ge=0, le=100_000_000, description="the stock on hand: the difference is written "
                       "to the stock ledger as an adjustment by this administrator")
    expected_stock: int = left_out(ge=0, le=100_000_000, description="the stock the administrator saw: if "
                                       "it has changed since (a sale), 409 stock_changed and nothing is written")
    supplier_id: IntId = left_out()
    origin_code: str = left_out(**_REGION)
    tags: list[Name] = left_out(max_length=20)
    aliases: list[Name] = left_out(max_length=20)


class ProductCertifyIn(Strict):
    cert_no: str = Field(min_length=1, max_length=64)
    valid_until: Day


class ProductRecertifyIn(Strict):
    valid_until: Day = Field(description="a day after today (Asia/Shanghai)")
    cert_no: str | None = Field(None, min_length=1, max_length=64, description="left out: the former number")


class StatusQuery(PageQuery):
    status: CertStatus | None = None


class ProductStatusQuery(StatusQuery):
    q: str | None = Field(default=None, max_length=100, description="part of the name or the sku")


class IdPath(BaseModel):
    """The id of a row of an IntField table (address, supplier, merchant, card batch)."""

    id: IntId


class SupplierOut(BaseModel):
    id: int
    name: str
    type: str
    region_code: str | None
    households_lifted: int
    cert_status: str
    cert_no: str | None
    revoked_reason: str | None

    @classmethod
    def of(cls, s: Supplier) -> SupplierOut:
        return cls(
            id=s.id, name=s.name, type=s.type.value, region_code=s.region_id, households_lifted=s.households_lifted,
            cert_status=s.cert_status.value, cert_no=s.cert_no, revoked_reason=s.revoked_reason,
        )


class AdminProductOut(BaseModel):
    sku: str
    name: str
    brand: str
    category: str
    unit: str
    price_fen: int
    stock: int
    supplier_id: int
    supplier_name: str
    origin_code: str
    origin_county: str
    tags: list[str]
    aliases: list[str]
    cert_status: str
    cert_no: str | None
    valid_until: date | None
    revoked_reason: str | None
    sellable: bool

    @classmethod
    def of(cls, p: Product, sellable: bool) -> AdminProductOut:
        return cls(
            sku=p.sku, name=p.name, brand=p.brand, category=p.category, unit=p.unit, price_fen=p.price_fen,
            stock=p.stock, supplier_id=p.supplier_id, supplier_name=p.supplier.name, origin_code=p.origin_id,
            origin_county=p.origin.name, tags=p.tags, aliases=p.aliases, cert_status=p.cert_status.value,
            cert_no=p.cert_no, valid_until=p.valid_until, revoked_reason=p.revoked_reason, sellable=sellable,
        )


class SupplierPage(BaseModel):
    items: list[SupplierOut]
    total: int


class AdminProductPage(BaseModel):
    items: list[AdminProductOut]
    total: int


class RowError(BaseModel):
    line: int
    sku: str | None
    field: str | None
    reason: str


class FormerOrigin(BaseModel):
    line: int
    sku: str
    written: str = Field(description="the former name or code as the file wrote it (米林县, 540422)")
    code: str = Field(description="today's county code it was mapped to (540481)")
    name: str = Field(description="today's county name (米林市)")


class ImportOut(BaseModel):
    rows: int
    products_created: int
    products_updated: int
    products_unchanged: int
    suppliers_created: int
    suppliers_updated: int
    stock_left_unchanged: int = Field(description="rows of existing products whose stock differs from the file: "
                                      "left as it is (stock changes only by sales, refunds and adjustments)")
    mapped_from_former: list[FormerOrigin] = Field(default_factory=list, description=(
        "rows whose origin was written with a former name or code of a renamed county, mapped to today's"))


class AuditOut(BaseModel):
    id: int
    actor: str
    action: str
    entity_type: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    created_at: str


class AuditQuery(PageQuery):
    model_config = ConfigDict(populate_by_name=True)

    actor: str | None = Field(None, max_length=128, description="who: the staff username as the trail keeps it")
    action: str | None = Field(None, max_length=64, pattern=r"^[a-z_]+(\.[a-z_]+|\.\*)?$",
                               description='one action ("product.revoke") or a family ("product.*")')
    entity_type: str | None = Field(None, max_length=32, description="product, supplier, card, card_batch …")
    entity_id: str | None = Field(None, max_length=64, description="the object's key: a sku, an id, a card number")
    from_: Day | None = Field(None, alias="from", description="first day, Asia/Shanghai, inclusive")
    to: Day | None = Field(None, description="last day, Asia/Shanghai, inclusive")

    def to_filter(self) -> AuditFilter:
        return AuditFilter(actor=self.actor, action=self.action, entity_type=self.entity_type,
                           entity_id=self.entity_id, date_from=self.from_, date_to=self.to)


class AuditPage(BaseModel):
    items: list[AuditOut]
    total: int
