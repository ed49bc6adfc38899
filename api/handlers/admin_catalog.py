"""The certification desk: suppliers and products, certify and revoke, catalogue import, audit trail."""
from __future__ import annotations

import contextlib
import logging
from typing import Any

import orjson
from aiohttp import web

from api.auth import current_user
from api.keys import REGIONS, SEARCH
from api.responses import json_ok
from api.routing import ADMIN, ADMIN_READ, Route
from api.schemas.catalog import (
    AdminProductOut,
    AdminProductPage,
    AuditOut,
    AuditPage,
    AuditQuery,
    IdPath,
    ImportOut,
    ProductCertifyIn,
    ProductIn,
    ProductPatch,
    ProductRecertifyIn,
    ProductStatusQuery,
    StatusQuery,
    SupplierCertifyIn,
    SupplierIn,
    SupplierOut,
    SupplierPage,
    SupplierPatch,
)
from api.schemas.common import Reason
from api.schemas.products import SkuPath
from api.validation import form_parts, parse_json, parse_path, parse_query
from models.clock import shanghai_iso
from models.errors import AppError, BadRequest
from models.sellability import is_sellable
from models.services import audit_log, catalog
from models.services.catalog_import import import_catalog, summary_dict
from models.services.region_scope import region_scope
from models.storage.busy import is_database_busy
from models.tables.catalog import Product

log = logging.getLogger(__name__)


def _product_out(product: Product) -> AdminProductOut:
    return AdminProductOut.of(product, is_sellable(product, product.supplier))


async def _changed(request: web.Request) -> None:
    """This process's index follows at once; the others within their next poll. Never raises: the change is
    committed, and a refresh that fails leaves the index stale (checked against the database), not a 500."""
    await request.config_dict[SEARCH].follow()


async def list_suppliers(request: web.Request) -> web.Response:
    q = parse_query(request, StatusQuery)
    rows, total = await catalog.list_suppliers(q.status, q.offset, q.page_size,
                                               await region_scope(current_user(request)))
    return json_ok(SupplierPage(items=[SupplierOut.of(s) for s in rows], total=total))


async def create_supplier(request: web.Request) -> web.Response:
    body = await parse_json(request, SupplierIn)
    supplier = await catalog.create_supplier(current_user(request), **body.model_dump())
    return json_ok(SupplierOut.of(supplier), status=201)


async def update_supplier(request: web.Request) -> web.Response:
    supplier_id = parse_path(request, IdPath).id
    body = await parse_json(request, SupplierPatch)
    supplier = await catalog.update_supplier(current_user(request), supplier_id, body.model_dump(exclude_unset=True))
    await _changed(request)
    return json_ok(SupplierOut.of(supplier))


async def certify_supplier(request: web.Request) -> web.Response:
    supplier_id = parse_path(request, IdPath).id
    body = await parse_json(request, SupplierCertifyIn)
    supplier = await catalog.certify_supplier(current_user(request), supplier_id, body.cert_no)
    await _changed(request)
    return json_ok(SupplierOut.of(supplier))


async def revoke_supplier(request: web.Request) -> web.Response:
    supplier_id = parse_path(request, IdPath).id
    body = await parse_json(request, Reason)
    supplier = await catalog.revoke_supplier(current_user(request), supplier_id, body.reason)
    await _changed(request)
    return json_ok(SupplierOut.of(supplier))


async def list_products(request: web.Request) -> web.Response:
    q = parse_query(request, ProductStatusQuery)
    rows, total = await catalog.list_products(q.status, q.offset, q.page_size, q.q,
                                              await region_scope(current_user(request)))
    return json_ok(AdminProductPage(items=[_product_out(p) for p in rows], total=total))


async def get_product(request: web.Request) -> web.Response:
    sku, scope = parse_path(request, SkuPath).sku, await region_scope(current_user(request))
    return json_ok(_product_out(await catalog.get_product(sku, scope)))


async def create_product(request: web.Request) -> web.Response:
    body = await parse_json(request, ProductIn)
    product = await catalog.create_product(current_user(request), **body.model_dump())
    return json_ok(_product_out(product), status=201)


async def update_product(request: web.Request) -> web.Response:
    sku = parse_path(request, SkuPath).sku
    body = await parse_json(request, ProductPatch)
    product = await catalog.update_product(current_user(request), sku, body.model_dump(exclude_unset=True))
    await _changed(request)
    return json_ok(_product_out(product))


async def certify_product(request: web.Request) -> web.Response:
    sku = parse_path(request, SkuPath).sku
    body = await parse_json(request, ProductCertifyIn)
    product = await catalog.certify_product(current_user(request), sku, body.cert_no, body.valid_until)
    await _changed(request)
    return json_ok(_product_out(product))


async def revoke_product(request: web.Request) -> web.Response:
    sku = parse_path(request, SkuPath).sku
    body = await parse_json(request, Reason)
    product = await catalog.revoke_product(current_user(request), sku, body.reason)
    await _changed(request)
    return json_ok(_product_out(product))


async def recertify_product(request: web.Request) -> web.Response:
    sku = parse_path(request, SkuPath).sku
    body = await parse_json(request, ProductRecertifyIn)
    product = await catalog.recertify_product(current_user(request), sku, body.valid_until, body.cert_no)
    await _changed(request)
    return json_ok(_product_out(product))


async def _upload(request: web.Request) -> bytes:
    """The CSV as the raw body (text/csv) or as the first file part of a multipart form."""
    if request.content_type.startswith("multipart/"):
        async for part in form_parts(request):
            if getattr(part, "filename", None) or part.name in {"file", "catalog"}:
                return await part.read()
        raise BadRequest("file_missing", "表单中没有找到目录文件（字段名 file）")
    return await request.read()


NDJSON = "application/x-ndjson"


async def import_catalog_handler(request: web.Request) -> web.StreamResponse:
    """The summary as JSON; or, when the client accepts `application/x-ndjson`, progress lines as the chunks are
    written and the summary last (docs/catalog-import.md). A bad file is a 422 before any line, either way."""
    data, actor = await _upload(request), current_user(request)
    if NDJSON in request.headers.get("Accept", ""):
        return await _import_with_progress(request, data, actor)
    summary = await import_catalog(data, actor, regions=await request.config_dict[REGIONS].directory())
    await _changed(request)
    return json_ok(summary_dict(summary))


async def _import_with_progress(request: web.Request, data: bytes, actor: Any) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": NDJSON, "Cache-Control": "no-store"})

    async def line(item: dict[str, Any]) -> None:
        with contextlib.suppress(ConnectionResetError):  # the admin went away: the import goes on to the end
            await response.write(orjson.dumps(item) + b"\n")

    async def progress(done: int, total: int) -> None:
        if not response.prepared:  # validation has passed: from here on the answer is 200 and lines
            await response.prepare(request)
        await line({"done": done, "total": total})

    try:
        summary = await import_catalog(data, actor, progress=progress,
                                       regions=await request.config_dict[REGIONS].directory())
    except Exception as exc:
        if not response.prepared:
            raise
        await line({"error": _error_of(exc)})
    else:
        await line({"summary": summary_dict(summary)})
    await _changed(request)
    with contextlib.suppress(ConnectionResetError):
        await response.write_eof()
    return response


def _error_of(exc: Exception) -> dict[str, Any]:
    """The error shape of api/errors.py, for a failure after the progress lines have begun."""
    if isinstance(exc, AppError):
        return {"code": exc.code, "message": exc.message, "details": exc.details}
    if is_database_busy(exc):
        return {"code": "database_busy", "message": "系统繁忙，已写入的部分保留，请稍后重新导入同一文件", "details": {}}
    log.exception("catalogue import failed while writing")
    return {"code": "internal_error", "message": "服务器内部错误", "details": {}}


async def audit_entries(request: web.Request) -> web.Response:
    q = parse_query(request, AuditQuery)
    rows, total = await audit_log.list_entries(q.to_filter(), q.offset, q.page_size)
    items = [
        AuditOut(id=e.id, actor=e.actor_label, action=e.action, entity_type=e.entity_type, entity_id=e.entity_id,
                 before=e.before, after=e.after, created_at=shanghai_iso(e.created_at))
        for e in rows
    ]
    return json_ok(AuditPage(items=items, total=total))


_A = "/api/v1/admin"
ROUTES = [
    Route("GET", f"{_A}/suppliers", list_suppliers, ADMIN_READ,
          "List suppliers (filter by certification status); an official's: of their region", "admin",
          query=StatusQuery, response=SupplierPage),
    Route("POST", f"{_A}/suppliers", create_supplier, ADMIN, "Create a supplier (starts pending)", "admin",
          body=SupplierIn, response=SupplierOut, status=201),
    Route("PATCH", f"{_A}/suppliers/{{id}}", update_supplier, ADMIN, "Edit a supplier", "admin",
          body=SupplierPatch, response=SupplierOut, path_params=IdPath),
    Route("POST", f"{_A}/suppliers/{{id}}/certify", certify_supplier, ADMIN, "Certify a supplier", "admin",
          body=SupplierCertifyIn, response=SupplierOut, path_params=IdPath),
    Route("POST", f"{_A}/suppliers/{{id}}/revoke", revoke_supplier, ADMIN, "Revoke a supplier's certification", "admin",
          body=Reason, response=SupplierOut, path_params=IdPath),
    Route("GET", f"{_A}/products", list_products, ADMIN_READ,
          "List products in any state; an official's: from their region", "admin",
          query=ProductStatusQuery, response=AdminProductPage),
    Route("POST", f"{_A}/products", create_product, ADMIN, "Create a product (starts pending)", "admin",
          body=ProductIn, response=AdminProductOut, status=201),
    Route("GET", f"{_A}/products/{{sku}}", get_product, ADMIN_READ,
          "One product in any state (an official: from their region, 404 otherwise)", "admin",
          response=AdminProductOut, path_params=SkuPath),
    Route("PATCH", f"{_A}/products/{{sku}}", update_product, ADMIN, "Edit a product", "admin",
          body=ProductPatch, response=AdminProductOut, path_params=SkuPath),
    Route("POST", f"{_A}/products/{{sku}}/certify", certify_product, ADMIN, "Certify a product until a date", "admin",
          body=ProductCertifyIn, response=AdminProductOut, path_params=SkuPath),
    Route("POST", f"{_A}/products/{{sku}}/revoke", revoke_product, ADMIN, "Revoke a product's certification", "admin",
          body=Reason, response=AdminProductOut, path_params=SkuPath),
    Route("POST", f"{_A}/products/{{sku}}/recertify", recertify_product, ADMIN,
          "Certify a revoked product again until a date (its former certificate number unless given)", "admin",
          body=ProductRecertifyIn, response=AdminProductOut, path_params=SkuPath),
    Route("POST", f"{_A}/catalog/import", import_catalog_handler, ADMIN,
          "Import a catalogue CSV: every row validated, then written in chunks; upsert by sku, stock only for new "
          "products (Accept: application/x-ndjson streams progress lines)", "admin", response=ImportOut,
          request_media=("text/csv", "multipart/form-data")),
    Route("GET", f"{_A}/audit", audit_entries, ADMIN,
          "The audit trail, newest first; by who, action, object and days", "admin", query=AuditQuery,
          response=AuditPage),
]
