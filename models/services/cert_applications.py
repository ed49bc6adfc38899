"""A supplier's certification applications: apply, resubmit after a return, renew, list. One transaction each,
audited (`cert_application.*`), each step also a `cert_application_step` row (who, when, from which state)."""
from __future__ import annotations

from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from models.clock import now_utc
from models.errors import Conflict, Invalid, NotFound
from models.places.region_directory import Located, RegionDirectory, RegionNotFound
from models.services import audit
from models.services.region_scope import Reviewers
from models.tables.catalog import CertStatus, Product, Supplier
from models.tables.certification import PENDING, AppState, CertApplication, CertApplicationStep
from models.tables.users import User

APPLICATION_FIELDS = (
    "supplier_id", "applies_for_supplier", "sku", "name", "brand", "category", "unit", "price_fen", "stock", "tags",
    "aliases", "origin_id", "poor_households", "households_mechanism", "state", "reason", "cert_no", "valid_until",
)
PRODUCT_DATA = ("name", "brand", "category", "unit", "price_fen", "stock", "tags", "aliases", "poor_households",
                "households_mechanism")
ORIGIN_NAMES = ("origin_province", "origin_city", "origin_county", "origin_code")
OPEN = (*PENDING, AppState.RETURNED)


def _origin(directory: RegionDirectory, names: dict[str, Any]) -> Located:
    """The county by its code (wins when given) or by its province, city and county names; 422 `unknown_region`."""
    try:
        if names.get("origin_code"):
            return directory.by_code(names["origin_code"])
        return directory.locate(names.get("origin_province") or "", names.get("origin_city") or "",
                                names.get("origin_county") or "")
    except RegionNotFound as exc:
        raise Invalid("unknown_region", str(exc), part=exc.part) from None


def _placed(directory: RegionDirectory, data: dict[str, Any]) -> dict[str, Any]:
    """The application's columns from the request: the product's data, its county and the reviewing regions."""
    fields = {k: v for k, v in data.items() if k in PRODUCT_DATA}
    if any(data.get(k) for k in ORIGIN_NAMES):
        county = _origin(directory, data)
        reviewers = Reviewers.of(directory, county.code)
        fields |= {"origin_id": county.code, "city_code": reviewers.city_code,
                   "province_code": reviewers.province_code}
    return fields


async def record_step(conn: BaseDBAsyncClient, application: CertApplication, actor: User | None, action: str,
                      from_state: AppState | None, to_state: AppState, *, level: str | None = None,
                      reason: str | None = None) -> None:
    """The step row and its audit entry, in the caller's transaction."""
    await CertApplicationStep.create(
        application_id=application.id, action=action, level=level, from_state=from_state.value if from_state else None,
        to_state=to_state.value, reason=reason, actor_id=actor.id if actor else None,
        actor_label=audit.actor_label(actor), using_db=conn)
    after = {**audit.snapshot(application, APPLICATION_FIELDS), "state": to_state.value, "level": level}
    await audit.record(actor, f"cert_application.{action}", "cert_application", application.id,
                       {"state": from_state.value} if from_state else None, after, conn)


async def _check_sku(conn: BaseDBAsyncClient, supplier_id: int, sku: str) -> None:
    """The sku is new or this supplier's own, and no application for it is open."""
    product = await Product.filter(sku=sku).using_db(conn).first()
    if product is not None and product.supplier_id != supplier_id:
        raise Conflict("sku_taken", "该 SKU 已被其他供应商的产品使用", sku=sku)
    open_one = await CertApplication.filter(sku=sku, state__in=list(OPEN)).using_db(conn).first()
    if open_one is not None and open_one.supplier_id != supplier_id:
        raise Conflict("sku_taken", "该 SKU 已被其他供应商的产品使用", sku=sku)
    if open_one is not None:
        raise Conflict("application_open", "该产品已有一份正在办理的认定申请", sku=sku, application_id=open_one.id)


async def apply(actor: User, data: dict[str, Any], directory: RegionDirectory) -> CertApplication:
    """A new application (state `submitted`, for the county) from the caller's supplier. The supplier's first
    application while it is not certified also applies for the supplier."""
    supplier_id = _supplier_of(actor)
    fields = _placed(directory, data)
    if "origin_id" not in fields:
        raise Invalid("unknown_region", "请填写产地（省、市、县）", part="province")
    async with in_transaction() as conn:
        supplier = await Supplier.select_for_update().using_db(conn).get(id=supplier_id)
        await _check_sku(conn, supplier_id, data["sku"])
        application = await CertApplication.create(
            supplier_id=supplier_id, applies_for_supplier=supplier.cert_status != CertStatus.CERTIFIED,
            sku=data["sku"], state=AppState.SUBMITTED, created_by_id=actor.id, updated_at=now_utc(), using_db=conn,
            **fields)
        await record_step(conn, application, actor, "submit", None, AppState.SUBMITTED)
    return await own_application(actor, application.id)


async def resubmit(actor: User, application_id: int, changes: dict[str, Any],
                   directory: RegionDirectory) -> CertApplication:
    """A returned application, corrected (any field but the sku), goes back to the county as `submitted`."""
    application = await own_application(actor, application_id)
    fields = _placed(directory, changes)
    async with in_transaction() as conn:
        changed = await CertApplication.filter(id=application.id, state=AppState.RETURNED).using_db(conn).update(
            state=AppState.SUBMITTED, reason=None, updated_at=now_utc(), **fields)
        if not changed:
            raise Conflict("application_not_returned", "只有被退回的申请可以重新提交", application_id=application_id,
                           state=application.state.value)
        application.update_from_dict(fields)
        await record_step(conn, application, actor, "resubmit", AppState.RETURNED, AppState.SUBMITTED)
    return await own_application(actor, application_id)


async def renewal_draft(actor: User, application_id: int, directory: RegionDirectory) -> dict[str, Any]:
    """The fields of a new application for the same product, prefilled from a certified application and the
    product as it is now (price, name …); POSTed as it is (or corrected), it applies for a new certificate."""
    application = await own_application(actor, application_id)
    if application.state != AppState.CERTIFIED:
        raise Conflict("application_not_certified", "只有已认定的申请可以续期", application_id=application_id,
                       state=application.state.value)
    draft = {k: getattr(application, k) for k in ("sku", *PRODUCT_DATA)}
    product = await Product.get_or_none(sku=application.sku, supplier_id=application.supplier_id)
    if product is not None:
        draft |= {k: getattr(product, k) for k in ("name", "brand", "category", "unit", "price_fen", "stock", "tags",
                                                    "aliases")}
    return draft | origin_names(directory, product.origin_id if product else application.origin_id)


def origin_names(directory: RegionDirectory, county_code: str) -> dict[str, str]:
    """A county's code and its province, city (empty under no city) and county names, as an application has them."""
    county = directory.get(county_code)
    parent = directory.get(county.parent) if county and county.parent else None
    if county is None or parent is None:
        return {"origin_code": county_code, "origin_province": "", "origin_city": "", "origin_county": ""}
    under_city = parent.level == "city"
    province = directory.get(parent.parent) if under_city and parent.parent else parent
    return {"origin_code": county.code, "origin_province": province.name if province else "",
            "origin_city": parent.name if under_city else "", "origin_county": county.name}


def _supplier_of(actor: User) -> int:
    if actor.supplier_id is None:  # the role check lets only supplier staff here, and they always have one
        raise NotFound("supplier_not_found", "账号没有所属供应商")
    return actor.supplier_id


async def own_application(actor: User, application_id: int) -> CertApplication:
    """One of the caller's supplier's applications with its documents and steps; 404 for anyone else's."""
    application = await CertApplication.get_or_none(
        id=application_id, supplier_id=_supplier_of(actor)).prefetch_related("documents", "steps")
    if application is None:
        raise NotFound("application_not_found", "认定申请不存在", application_id=application_id)
    return application


async def list_own(actor: User, state: AppState | None, offset: int, limit: int) -> tuple[list[CertApplication], int]:
    query = CertApplication.filter(supplier_id=_supplier_of(actor))
    if state is not None:
        query = query.filter(state=state)
    total = await query.count()
    rows = await query.order_by("-updated_at", "-id").offset(offset).limit(limit).prefetch_related(
        "documents", "steps")
    return rows, total
