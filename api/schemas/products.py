from __future__ import annotations

from pydantic import BaseModel, Field

MAX_PRICE_FEN = 10**12  # far above any price; bounds a client's 10**30 before it reaches numpy
PRICE_FIELDS = ("min_price_fen", "max_price_fen")


class SearchQuery(BaseModel):
    q: str = Field("", max_length=100)
    province: str | None = Field(None, max_length=32)
    category: str | None = Field(None, max_length=32)
    page: int = Field(1, ge=1, le=1000)
    page_size: int = Field(20, ge=1, le=100)
    # The price of one pack in fen, both ends inclusive (min_price_fen=0&max_price_fen=10000: 100元 or less). A bad
    # bound is a 400 (api/handlers/products.py), as a client reading a price filter from its own form can act on.
    min_price_fen: int | None = Field(None, ge=0, le=MAX_PRICE_FEN)
    max_price_fen: int | None = Field(None, ge=0, le=MAX_PRICE_FEN)


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
