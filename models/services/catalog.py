"""Suppliers and products: create, edit, certify, revoke. Every change is audited in its own transaction."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from models.clock import now_utc, today_shanghai
from models.errors import Conflict, Invalid, NotFound
from models.services import audit, stock
from models.services.region_scope import RegionScope, within
from models.tables.catalog import CertStatus, Product, Supplier, SupplierType
from models.tables.regions import Region, RegionLevel
from models.tables.users import User

SUPPLIER_FIELDS = ("name", "type", "region_id", "households_lifted", "cert_status", "cert_no", "certified_at",
                   "revoked_reason")
PRODUCT_FIELDS = (
    "sku", "name", "brand", "category", "unit", "price_fen", "stock", "supplier_id", "origin_id", "tags",
    "aliases", "cert_status", "cert_no", "certified_at", "valid_until", "revoked_reason",
)
EDITABLE_SUPPLIER = {"name", "type", "region_code", "households_lifted"}
EDITABLE_PRODUCT = {"name", "brand", "category", "unit", "price_fen", "stock", "supplier_id", "origin_code", "tags",
                    "aliases"}


async def get_supplier(supplier_id: int) -> Supplier:
    supplier = await Supplier.get_or_none(id=supplier_id)
    if supplier is None:
        raise NotFound("supplier_not_found", "供应商不存在", supplier_id=supplier_id)
    return supplier


async def get_product(sku: str, scope: RegionScope | None = None) -> Product:
    """One product; for an official only one whose origin county is in their region (404 otherwise)."""
    product = await Product.get_or_none(within(scope, "origin_id"), sku=sku).select_related(
        "supplier", "origin__parent__parent")
    if product is None:
        raise NotFound("product_not_found", "商品不存在", sku=sku)
    return product


async def _county(code: str | None, required: bool = True) -> Region | None:
    if code is None and not required:
        return None
    region = await Region.get_or_none(code=code, level=RegionLevel.COUNTY) if code else None
    if region is None:
        raise Invalid("unknown_region", "产地必须是一个县级行政区划代码", region_code=code)
    return region


async def create_supplier(
    actor: User | None, *, name: str, type: SupplierType, region_code: str | None = None, households_lifted: int = 0
) -> Supplier:
    region = await _county(region_code, required=False)
    try:
        async with in_transaction() as conn:
            supplier = await Supplier.create(
                name=name, type=type, region=region, households_lifted=households_lifted, using_db=conn
            )
            await audit.record(actor, "supplier.create", "supplier", supplier.id, None,
                               audit.snapshot(supplier, SUPPLIER_FIELDS), conn)
    except IntegrityError:
        raise Conflict("supplier_exists", "同名供应商已存在", name=name) from None
    return supplier


async def update_supplier(actor: User | None, supplier_id: int, changes: dict[str, Any]) -> Supplier:
    _check_editable(changes, EDITABLE_SUPPLIER)
    if "region_code" in changes:
        changes["region"] = await _county(changes.pop("region_code"), required=False)
    return await _change_supplier(actor, supplier_id, "supplier.update", changes)


async def certify_supplier(actor: User | None, supplier_id: int, cert_no: str | None = None) -> Supplier:
    changes = {"cert_status": CertStatus.CERTIFIED, "cert_no": cert_no, "certified_at": now_utc(),
               "revoked_reason": None}
    return await _change_supplier(actor, supplier_id, "supplier.certify", changes)


async def revoke_supplier(actor: User | None, supplier_id: int, reason: str) -> Supplier:
    changes = {"cert_status": CertStatus.REVOKED, "revoked_reason": reason}
    return await _change_supplier(actor, supplier_id, "supplier.revoke", changes)


async def _change_supplier(actor: User | None, supplier_id: int, action: str, changes: dict[str, Any]) -> Supplier:
    """Apply, audit, and touch the supplier's products: their sellability may have changed with it."""
    try:
        async with in_transaction() as conn:
            supplier = await Supplier.select_for_update().using_db(conn).get_or_none(id=supplier_id)
            if supplier is None:
                raise NotFound("supplier_not_found", "供应商不存在", supplier_id=supplier_id)
            before = audit.snapshot(supplier, SUPPLIER_FIELDS)
            supplier.update_from_dict(changes)
            await supplier.save(using_db=conn)
            await Product.filter(supplier_id=supplier_id).using_db(conn).update(updated_at=now_utc())
            await audit.record(actor, action, "supplier", supplier_id, before,
                               audit.snapshot(supplier, SUPPLIER_FIELDS), conn)
    except IntegrityError:
        raise Conflict("supplier_exists", "同名供应商已存在", name=changes.get("name")) from None
    return supplier


async def create_product(actor: User | None, *, sku: str, supplier_id: int, origin_code: str, **fields: Any) -> Product:
    """A new product starts pending: it is not sellable until an administrator certifies it."""
    supplier = await get_supplier(supplier_id)
    origin = await _county(origin_code)
    try:
        async with in_transaction() as conn:
            product = await Product.create(
                sku=sku, supplier=supplier, origin=origin, updated_at=now_utc(), using_db=conn, **fields
            )
            await stock.open_stock(conn, [(product.id, product.stock)], actor)
            await audit.record(actor, "product.create", "product", sku, None, audit.snapshot(product, PRODUCT_FIELDS),
                               conn)
    except IntegrityError:
        raise Conflict("sku_exists", "该 SKU 已存在", sku=sku) from None
    return await get_product(sku)


async def update_product(actor: User | None, sku: str, changes: dict[str, Any]) -> Product:
    """`stock` is the stock on hand an administrator counted: the difference goes to the stock ledger as an
    adjustment (models/services/stock.py), refused with `stock_changed` if `expected_stock` is no longer so."""
    _check_editable(changes, EDITABLE_PRODUCT | {"expected_stock"})
    if "origin_code" in changes:
        changes["origin"] = await _county(changes.pop("origin_code"))
    if "supplier_id" in changes:
        changes["supplier"] = await get_supplier(changes.pop("supplier_id"))
    return await _change_product(actor, sku, "product.update", changes)


async def certify_product(actor: User | None, sku: str, cert_no: str, valid_until: date) -> Product:
    changes = {
        "cert_status": CertStatus.CERTIFIED, "cert_no": cert_no, "valid_until": valid_until,
        "certified_at": now_utc(), "revoked_reason": None,
    }
    return await _change_product(actor, sku, "product.certify", changes)


async def revoke_product(actor: User | None, sku: str, reason: str) -> Product:
    return await _change_product(actor, sku, "product.revoke",
                                 {"cert_status": CertStatus.REVOKED, "revoked_reason": reason})


async def recertify_product(actor: User | None, sku: str, valid_until: date, cert_no: str | None = None) -> Product:
    """A revoked (or rejected) product certified again until `valid_until`, a day after today, under its former
    certificate number unless a new one is given. Audited as `product.recertify`."""
    if valid_until <= today_shanghai():
        raise Invalid("invalid_valid_until", "有效期须晚于今天", valid_until=valid_until.isoformat())

    def check(product: Product) -> None:
        if product.cert_status != CertStatus.REVOKED:
            raise Conflict("product_not_revoked", "只有已撤销认定的产品可以重新认定", sku=sku,
                           cert_status=product.cert_status.value)
        if not (cert_no or product.cert_no):
            raise Invalid("cert_no_required", "该产品没有认定证书编号，请填写", sku=sku)

    changes: dict[str, Any] = {"cert_status": CertStatus.CERTIFIED, "valid_until": valid_until,
                               "certified_at": now_utc(), "revoked_reason": None}
    if cert_no:
        changes["cert_no"] = cert_no
    return await _change_product(actor, sku, "product.recertify", changes, check)


async def _change_product(actor: User | None, sku: str, action: str, changes: dict[str, Any],
                          check: Callable[[Product], None] | None = None) -> Product:
    """Apply `changes` (after `check` accepts the product as it is now, under its row lock), audit, touch."""
    async with in_transaction() as conn:
        product = await Product.select_for_update().using_db(conn).get_or_none(sku=sku)
        if product is None:
            raise NotFound("product_not_found", "商品不存在", sku=sku)
        if check is not None:
            check(product)
        before = audit.snapshot(product, PRODUCT_FIELDS)
        if "stock" in changes or "expected_stock" in changes:
            new_stock, expected = changes.pop("stock", product.stock), changes.pop("expected_stock", None)
            await stock.adjust(conn, product, new_stock, expected, actor)
        product.update_from_dict({**changes, "updated_at": now_utc()})
        await product.save(using_db=conn)
        await audit.record(actor, action, "product", sku, before, audit.snapshot(product, PRODUCT_FIELDS), conn)
    return await get_product(sku)


def _check_editable(changes: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise Invalid("field_not_editable", "这些字段不能通过编辑修改", fields=unknown)


async def list_products(status: CertStatus | None, offset: int, limit: int, text: str | None = None,
                        scope: RegionScope | None = None) -> tuple[list[Product], int]:
    """The administrator's view: every product whatever its state (or those whose name or sku holds `text`),
    newest change first; an official's: those whose origin county is in their region."""
    query = Product.filter(within(scope, "origin_id"))
    if status is not None:
        query = query.filter(cert_status=status)
    if text and text.strip():
        query = query.filter(Q(name__icontains=text.strip()) | Q(sku__icontains=text.strip()))
    total = await query.count()
    rows = await query.order_by("-updated_at", "sku").offset(offset).limit(limit).select_related(
        "supplier", "origin__parent__parent"
    )
    return rows, total


async def list_suppliers(status: CertStatus | None, offset: int, limit: int,
                         scope: RegionScope | None = None) -> tuple[list[Supplier], int]:
    """Suppliers by id; an official's: those whose county is in their region (a supplier of no county: none)."""
    query = Supplier.filter(within(scope, "region_id"))
    if status is not None:
        query = query.filter(cert_status=status)
    total = await query.count()
    return await query.order_by("id").offset(offset).limit(limit), total
