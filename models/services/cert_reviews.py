"""Officials review certification applications: their queue, approve, return, reject; certificates expiring in
their region. Who sees and acts on what: models/services/region_scope.py.

Every step is one transaction: a conditional UPDATE on the application's state (`WHERE id = ? AND state = ?`: of
two approvals of the same step only one changes the row, the other is answered 409 `application_not_waiting`),
the step row, the audit entry and, at the province, the product and supplier certified.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from models.clock import now_utc, today_shanghai
from models.errors import Conflict, Invalid, NotFound
from models.services.cert_applications import record_step
from models.services.cert_certify import certify_product
from models.services.region_scope import (
    RegionScope,
    applications_waiting,
    applications_within,
    region_scope,
    reviewer,
    within,
)
from models.tables.catalog import CertStatus, Product
from models.tables.certification import AppState, CertApplication
from models.tables.users import User


async def queue(actor: User, state: AppState | None, offset: int, limit: int) -> tuple[list[CertApplication], int]:
    """No state: the applications waiting for the caller's step (the admin: for anyone's). A state: the caller's
    region's applications in that state (the admin: the country's)."""
    scope = await region_scope(actor)
    query = CertApplication.filter(applications_waiting(scope)) if state is None else CertApplication.filter(
        applications_within(scope), state=state)
    total = await query.count()
    rows = await query.order_by("updated_at", "id").offset(offset).limit(limit).prefetch_related(
        "documents", "steps", "supplier")
    return rows, total


async def visible_application(actor: User, application_id: int) -> CertApplication:
    """An application of the caller's region with its documents, steps and supplier; 404 outside it."""
    scope = await region_scope(actor)
    application = await CertApplication.filter(applications_within(scope), id=application_id).first().prefetch_related(
        "documents", "steps", "supplier")
    if application is None:
        raise NotFound("application_not_found", "认定申请不存在", application_id=application_id)
    return application


async def _in_scope(conn: BaseDBAsyncClient, scope: RegionScope, application_id: int) -> CertApplication:
    application = await CertApplication.filter(scope.applications(), id=application_id).using_db(conn).first()
    if application is None:
        raise NotFound("application_not_found", "认定申请不存在", application_id=application_id)
    return application


async def _move(conn: BaseDBAsyncClient, application: CertApplication, from_state: AppState, to_state: AppState,
                **extra: Any) -> None:
    """The conditional UPDATE: 409 unless the application is (still) in `from_state`."""
    if application.state == from_state:
        changed = await CertApplication.filter(id=application.id, state=from_state).using_db(conn).update(
            state=to_state, updated_at=now_utc(), **extra)
        if changed:
            application.update_from_dict({"state": to_state, **extra})
            return
        fresh = await CertApplication.filter(id=application.id).using_db(conn).get()
        application.state = fresh.state
    raise Conflict("application_not_waiting", "该申请当前不在等待您这一级审核", application_id=application.id,
                   state=application.state.value)


def _certificate(cert_no: str | None, valid_until: date | None) -> tuple[str, date]:
    if not cert_no or valid_until is None:
        raise Invalid("certificate_required", "省级认定须填写认定证书编号和有效期", fields=["cert_no", "valid_until"])
    if valid_until <= today_shanghai():
        raise Invalid("invalid_valid_until", "有效期须晚于今天", valid_until=valid_until.isoformat())
    return cert_no, valid_until


async def approve(actor: User, application_id: int, cert_no: str | None = None,
                  valid_until: date | None = None) -> CertApplication:
    """The caller's level's step: county → `county_reviewed`, city → `city_reviewed`, province → `certified` with
    the certificate number and validity (the product sellable at once)."""
    scope = reviewer(await region_scope(actor))
    to_state = scope.approved_state
    async with in_transaction() as conn:
        application = await _in_scope(conn, scope, application_id)
        from_state = scope.acts_on(application)
        if to_state == AppState.CERTIFIED:
            number, until = _certificate(cert_no, valid_until)
            await _move(conn, application, from_state, to_state, cert_no=number, valid_until=until, reason=None)
            await certify_product(conn, application, actor, number, until)
        else:
            await _move(conn, application, from_state, to_state)
        await record_step(conn, application, actor, "approve", from_state, to_state, level=scope.level.value)
    return await visible_application(actor, application_id)


async def send_back(actor: User, application_id: int, reason: str, *, reject: bool) -> CertApplication:
    """Return the application to its supplier (who may correct and resubmit it) or reject it for good, with the
    reason, at the caller's step."""
    scope = reviewer(await region_scope(actor))  # the admin only reads
    to_state = AppState.REJECTED if reject else AppState.RETURNED
    async with in_transaction() as conn:
        application = await _in_scope(conn, scope, application_id)
        from_state = scope.acts_on(application)
        await _move(conn, application, from_state, to_state, reason=reason)
        await record_step(conn, application, actor, "reject" if reject else "return", from_state, to_state,
                          level=scope.level.value, reason=reason)
    return await visible_application(actor, application_id)


async def expiring(actor: User, days: int, offset: int, limit: int) -> tuple[list[Product], int]:
    """Certified products of the caller's region (the admin: all) whose certificate ends within `days` days
    (from today in Shanghai), soonest first."""
    scope = await region_scope(actor)
    today = today_shanghai()
    query = Product.filter(within(scope, "origin_id"), cert_status=CertStatus.CERTIFIED, valid_until__gte=today,
                           valid_until__lte=today + timedelta(days=days))
    total = await query.count()
    rows = await query.order_by("valid_until", "sku").offset(offset).limit(limit).select_related("supplier")
    return rows, total
