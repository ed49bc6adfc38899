from __future__ import annotations

from pydantic import BaseModel, Field


class SearchQuery(BaseModel):
    q: str = Field("", max_length=100)
    province: str | None = Field(None, max_length=32)
    category: str | None = Field(None, max_length=32)
    page: int = Field(1, ge=1, le=1000)
    page_size: int = Field(20, ge=1, le=100)


class SkuPath(BaseModel):
    sku: str = Field(min_length=1, max_length=64)


class OriginOut(BaseModel):
    code: str
    province: str
    city: str
    county: str
    poverty_county: bool


class SupplierBrief(BaseModel):
    id: int
    name: str
    type: str
    households_lifted: int


class CertificateOut(BaseModel):
    cert_no: str | None
    valid_until: str | None


class ProductOut(BaseModel):
    sku: str
    name: str
    brand: str
    category: str
    price_fen: int
    unit: str
    stock: int
    origin: OriginOut
    supplier: SupplierBrief
    tags: list[str]
    certificate: CertificateOut


class ProductPage(BaseModel):
    items: list[ProductOut]
    total: int
