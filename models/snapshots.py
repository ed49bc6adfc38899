"""A product as it was sold: kept on order lines and redemption lines so history never changes with the catalogue.

Reading what is about to be sold is the hot path of ordering and redeeming, so it is one hand-written
query (product, supplier and origin region chain) instead of an ORM query with three joins, which costs
several times more to build than to run.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from tortoise import fields
from tortoise.models import Model

from models.clock import today_shanghai
from models.sellability import sellable
from models.storage import sql
from models.tables.catalog import CertStatus


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


_SELLING = """
SELECT p.id, p.sku, p.name, p.unit, p.category, p.price_fen, p.cert_status, p.valid_until, p.supplier_id,
       s.name AS supplier_name, s.households_lifted, s.cert_status AS supplier_status,
       o.code AS origin_code, o.name AS origin_county, o.poverty_county,
       c.name AS parent_name, c.level AS parent_level, g.name AS grand_name
FROM product p
JOIN supplier s ON s.id = p.supplier_id
JOIN region o ON o.code = p.origin_id
LEFT JOIN region c ON c.code = o.parent_id
LEFT JOIN region g ON g.code = c.parent_id
WHERE p.sku IN ({marks})
"""


@dataclass(frozen=True)
class Selling:
    """A product about to be sold: enough to check the sellability rule and to take the snapshot."""

    row: dict[str, Any]

    @property
    def sku(self) -> str:
        return self.row["sku"]

    @property
    def product_id(self) -> int:
        return self.row["id"]

    @property
    def name(self) -> str:
        return self.row["name"]

    @property
    def price_fen(self) -> int:
        return int(self.row["price_fen"])

    def sellable(self, today: date) -> bool:
        valid = self.row["valid_until"]
        valid = date.fromisoformat(valid) if isinstance(valid, str) else valid
        return sellable(CertStatus(self.row["cert_status"]), CertStatus(self.row["supplier_status"]), valid, today)

    def snapshot(self, qty: int) -> dict[str, Any]:
        r = self.row
        if r["parent_level"] == "province":  # a county directly under its province
            province, city = r["parent_name"], ""
        else:
            province, city = r["grand_name"] or "", r["parent_name"] or ""
        return {
            "product_id": r["id"], "sku": r["sku"], "name": r["name"], "unit": r["unit"], "category": r["category"],
            "price_fen": self.price_fen, "qty": qty, "amount_fen": self.price_fen * qty,
            "supplier_id": r["supplier_id"], "supplier_name": r["supplier_name"],
            "households_lifted": r["households_lifted"], "origin_code": r["origin_code"], "origin_province": province,
            "origin_city": city, "origin_county": r["origin_county"], "poverty_county": bool(r["poverty_county"]),
        }


async def sellable_now(merged: dict[str, int], refuse: Callable[[str, str | None], Exception],
                       db: Any = None) -> list[tuple[Selling, int]]:
    """The products for `merged` (sku → qty), each sellable today; `refuse(sku, name)` builds the error otherwise.
    `db`: where to read (a batch's connection, models/storage/sql_batch.py), by default the products' own."""
    skus = list(merged)
    rows = await sql.query(db or sql.db(), _SELLING.format(marks=sql.marks(len(skus))), skus)
    found = {r["sku"]: Selling(r) for r in rows}
    today = today_shanghai()
    for sku in skus:
        if sku not in found or not found[sku].sellable(today):
            raise refuse(sku, found[sku].name if sku in found else None)
    return [(found[sku], qty) for sku, qty in merged.items()]
