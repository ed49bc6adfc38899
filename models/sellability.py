"""The one place that decides whether a product may be sold.

A product is sellable only while it and its supplier are certified and its certificate's
`valid_until` is today or later in Asia/Shanghai. Search, orders and card redemption all ask here.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import cast

from tortoise.expressions import Q

from models.clock import today_shanghai
from models.storage.id_chunks import chunks
from models.tables.catalog import CertStatus, Product, Supplier


def sellable(product_status: CertStatus, supplier_status: CertStatus, valid_until: date | None,
             today: date | None = None) -> bool:
    """The rule itself, over the three facts it depends on."""
    today = today or today_shanghai()
    return (
        product_status == CertStatus.CERTIFIED
        and supplier_status == CertStatus.CERTIFIED
        and valid_until is not None
        and valid_until >= today
    )


def is_sellable(product: Product, supplier: Supplier, today: date | None = None) -> bool:
    return sellable(product.cert_status, supplier.cert_status, product.valid_until, today)


def sellable_q(today: date | None = None) -> Q:
    """The same rule as `is_sellable`, as a query filter on Product."""
    return Q(
        cert_status=CertStatus.CERTIFIED,
        supplier__cert_status=CertStatus.CERTIFIED,
        valid_until__gte=today or today_shanghai(),
    )


# The same rule for hand-written queries over `product p JOIN supplier s ON s.id = p.supplier_id`.
SELLABLE_SQL = "p.cert_status = ? AND s.cert_status = ? AND p.valid_until >= ?"


def sellable_sql_values(today: date | None = None) -> list[object]:
    """The values of SELLABLE_SQL's placeholders, in order."""
    return [CertStatus.CERTIFIED.value, CertStatus.CERTIFIED.value, today or today_shanghai()]


async def sellable_skus(skus: Sequence[str], today: date | None = None, chunk: int = 500) -> set[str]:
    """Which of `skus` may be sold today, asked of the database: one query per `chunk` skus (never one IN list
    longer than `chunk`, whatever the engine's parameter limit)."""
    today = today or today_shanghai()
    found: set[str] = set()
    for part in chunks(skus, chunk):
        found.update(cast(list[str],
                          await Product.filter(sellable_q(today), sku__in=part).values_list("sku", flat=True)))
    return found
