"""A product as people see it: the card shown in search results and on the detail page."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from models.errors import NotFound
from models.search import SearchDoc
from models.sellability import sellable
from models.tables.catalog import Product

CARD_FIELDS = (
    "sku", "name", "brand", "category", "unit", "price_fen", "stock", "aliases", "tags", "cert_no", "valid_until",
    "supplier__id", "supplier__name", "supplier__type", "supplier__households_lifted",
    "origin__code", "origin__name", "origin__poverty_county",
    "origin__parent__name", "origin__parent__level", "origin__parent__parent__name",
)


def _province_city(row: dict[str, Any]) -> tuple[str, str]:
    if row["origin__parent__level"] == "province":  # counties directly under a province (省直辖县)
        return row["origin__parent__name"], ""
    return row["origin__parent__parent__name"] or "", row["origin__parent__name"] or ""


def search_doc(row: dict[str, Any]) -> SearchDoc:
    province, city = _province_city(row)
    return SearchDoc(
        sku=row["sku"], name=row["name"], brand=row["brand"], category=row["category"],
        aliases=tuple(row["aliases"] or ()), tags=tuple(row["tags"] or ()),
        province=province, city=city, county=row["origin__name"], price_fen=row["price_fen"],
    )


def card(row: dict[str, Any]) -> dict[str, Any]:
    """What a search hit shows: enough to render a product card without another request."""
    province, city = _province_city(row)
    return {
        "sku": row["sku"], "name": row["name"], "brand": row["brand"], "category": row["category"],
        "price_fen": row["price_fen"], "unit": row["unit"], "stock": row["stock"],
        "origin": {
            "code": row["origin__code"], "province": province, "city": city, "county": row["origin__name"],
            "poverty_county": row["origin__poverty_county"],
        },
        "supplier": {
            "id": row["supplier__id"], "name": row["supplier__name"], "type": _value(row["supplier__type"]),
            "households_lifted": row["supplier__households_lifted"],
        },
        "tags": list(row["tags"] or ()),
        "certificate": {"cert_no": row["cert_no"], "valid_until": row["valid_until"].isoformat()},
    }


def _value(v: Any) -> Any:
    return getattr(v, "value", v)


async def sellable_card(sku: str, known: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """The card of a product that may be sold today, with its current stock; 404 for anything else.

    Sellability and stock are read fresh from the database (one light query); the rest of the card
    comes from `known` (this process's index) when it is there, so a detail page costs one small read.
    """
    state = await Product.filter(sku=sku).values("stock", "cert_status", "valid_until", "supplier__cert_status")
    if not state or not sellable(state[0]["cert_status"], state[0]["supplier__cert_status"], state[0]["valid_until"]):
        raise NotFound("product_not_found", "商品不存在或已下架", sku=sku)
    found = known.get(sku)
    if found is None:
        found = card((await Product.filter(sku=sku).values(*CARD_FIELDS))[0])
    return {**found, "stock": state[0]["stock"]}
