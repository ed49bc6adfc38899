"""The one place that decides whether a product may be sold.

A product is sellable only while it and its supplier are certified and its certificate's
`valid_until` is today or later in Asia/Shanghai. Search, orders and card redemption all ask here.
"""
from __future__ import annotations

from datetime import date

from tortoise.expressions import Q

from models.catalog import CertStatus, Product, Supplier
from models.clock import today_shanghai


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
