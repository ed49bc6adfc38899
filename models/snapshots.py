"""A product as it was sold: kept on order lines and redemption lines so history never changes with the catalogue."""
from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model

from models.catalog import Product


class ProductSnapshot(Model):
    sku = fields.CharField(max_length=64)
    name = fields.CharField(max_length=128)
    unit = fields.CharField(max_length=16)
    category = fields.CharField(max_length=32)
    price_fen = fields.BigIntField()
    qty = fields.IntField()
    amount_fen = fields.BigIntField()
    supplier_id = fields.IntField()
    supplier_name = fields.CharField(max_length=128)
    households_lifted = fields.IntField()
    origin_code = fields.CharField(max_length=12)
    origin_province = fields.CharField(max_length=64)
    origin_city = fields.CharField(max_length=64)
    origin_county = fields.CharField(max_length=64)
    poverty_county = fields.BooleanField()

    class Meta:
        abstract = True


def snapshot_of(product: Product, qty: int) -> dict[str, Any]:
    """The snapshot fields for `qty` of `product` (loaded with supplier and origin__parent__parent)."""
    origin = product.origin
    parent = origin.parent
    province, city = (parent, None) if parent.level.value == "province" else (parent.parent, parent)
    return {
        "product_id": product.id, "sku": product.sku, "name": product.name, "unit": product.unit,
        "category": product.category, "price_fen": product.price_fen, "qty": qty,
        "amount_fen": product.price_fen * qty, "supplier_id": product.supplier_id,
        "supplier_name": product.supplier.name, "households_lifted": product.supplier.households_lifted,
        "origin_code": origin.code, "origin_province": province.name, "origin_city": city.name if city else "",
        "origin_county": origin.name, "poverty_county": origin.poverty_county,
    }
