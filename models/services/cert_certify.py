"""The province's step: the application's product becomes certified (created, or updated if the supplier already
sells it under that sku) and, for a supplier's first application, the supplier too. Runs inside the approval's
transaction, so the certificate, the catalogue and the audit trail land together or not at all. Every product
touched gets a fresh `updated_at`, which the search index of every worker follows (docs/search.md)."""
from __future__ import annotations

from datetime import date

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from models.clock import now_utc
from models.errors import Conflict
from models.services import audit, stock
from models.services.catalog import PRODUCT_FIELDS, SUPPLIER_FIELDS
from models.tables.catalog import CertStatus, Product, Supplier
from models.tables.certification import CertApplication
from models.tables.users import User

_DESCRIBED = ("name", "brand", "category", "unit", "price_fen", "tags", "aliases", "origin_id")


async def certify_product(conn: BaseDBAsyncClient, application: CertApplication, actor: User, cert_no: str,
                          valid_until: date) -> None:
    """Create or update the product as certified until `valid_until`. An existing product keeps its stock (stock
    changes only through its ledger); a new one opens with the stock the application declared."""
    now = now_utc()
    certified = {"cert_status": CertStatus.CERTIFIED, "cert_no": cert_no, "valid_until": valid_until,
                 "certified_at": now, "revoked_reason": None, "updated_at": now}
    described = {name: getattr(application, name) for name in _DESCRIBED}
    product = await Product.select_for_update().using_db(conn).get_or_none(sku=application.sku)
    if product is not None and product.supplier_id != application.supplier_id:
        raise Conflict("sku_taken", "该 SKU 已被其他供应商的产品使用", sku=application.sku)
    if product is None:
        try:
            product = await Product.create(sku=application.sku, supplier_id=application.supplier_id,
                                           stock=application.stock, using_db=conn, **described, **certified)
        except IntegrityError:
            raise Conflict("sku_taken", "该 SKU 已被其他供应商的产品使用", sku=application.sku) from None
        await stock.open_stock(conn, [(product.id, product.stock)], actor)
        before = None
    else:
        before = audit.snapshot(product, PRODUCT_FIELDS)
        product.update_from_dict({**described, **certified})
        await product.save(using_db=conn)
    await audit.record(actor, "product.certify", "product", product.sku, before,
                       {**audit.snapshot(product, PRODUCT_FIELDS), "application_id": application.id}, conn)
    if application.applies_for_supplier:
        await _certify_supplier(conn, application.supplier_id, actor, cert_no)


async def _certify_supplier(conn: BaseDBAsyncClient, supplier_id: int, actor: User, cert_no: str) -> None:
    supplier = await Supplier.select_for_update().using_db(conn).get(id=supplier_id)
    if supplier.cert_status == CertStatus.CERTIFIED:
        return
    before = audit.snapshot(supplier, SUPPLIER_FIELDS)
    supplier.update_from_dict({"cert_status": CertStatus.CERTIFIED, "cert_no": supplier.cert_no or cert_no,
                               "certified_at": now_utc(), "revoked_reason": None})
    await supplier.save(using_db=conn)
    await Product.filter(supplier_id=supplier_id).using_db(conn).update(updated_at=now_utc())
    await audit.record(actor, "supplier.certify", "supplier", supplier_id, before,
                       audit.snapshot(supplier, SUPPLIER_FIELDS), conn)
