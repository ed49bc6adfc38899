"""The supplier's desk (role supplier_staff, own supplier only: another supplier's parcel or sku is 404), and the
creation of a supplier's staff account by the administrator or an official of the supplier's region. Rules:
models/services/supplier_desk.py, fulfilments.py, supplier_sales.py, staff_accounts.py; docs/suppliers.md."""
from __future__ import annotations

import asyncio

from aiohttp import web

from api.auth import current_user
from api.responses import json_ok
from api.routing import ADMIN, OFFICIAL, SUPPLIER, Route
from api.schemas.catalog import IdPath
from api.schemas.merchants import StaffIn
from api.schemas.supplier import (
    ExportQuery,
    FulfilmentPath,
    FulfilmentQuery,
    OwnProductOut,
    OwnProductPage,
    OwnProductQuery,
    ParcelOut,
    ParcelPage,
    ParcelShipIn,
    SalesOut,
    SalesQuery,
    SkuPath,
    StockIn,
    SupplierStaffOut,
)
from api.validation import parse_json, parse_path, parse_query
from models.exports import fulfilment_export
from models.services import fulfilments, supplier_desk, supplier_sales
from models.services.region_scope import region_scope
from models.services.staff_accounts import create_supplier_staff

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _supplier(request: web.Request) -> int:
    return supplier_desk.supplier_of(current_user(request))


async def supplier_parcels(request: web.Request) -> web.Response:
    q = parse_query(request, FulfilmentQuery)
    rows, total = await supplier_desk.parcels(_supplier(request), q.state, q.offset, q.page_size)
    return json_ok(ParcelPage(items=[ParcelOut.of(p) for p in rows], total=total))


async def supplier_parcel(request: web.Request) -> web.Response:
    return json_ok(ParcelOut.of(await supplier_desk.parcel(_supplier(request), parse_path(request, FulfilmentPath).id)))


async def supplier_ship_parcel(request: web.Request) -> web.Response:
    supplier_id, part_id = _supplier(request), parse_path(request, FulfilmentPath).id
    body = await parse_json(request, ParcelShipIn)
    await fulfilments.ship_part(current_user(request), supplier_id, part_id, body.carrier, body.tracking_no)
    return json_ok(ParcelOut.of(await supplier_desk.parcel(supplier_id, part_id)))


async def supplier_export_parcels(request: web.Request) -> web.StreamResponse:
    q = parse_query(request, ExportQuery)
    rows = [fulfilment_export.row_of(r) async for r in supplier_desk.export_rows(_supplier(request), q.state)]
    if q.format == "xlsx":
        data = await asyncio.get_running_loop().run_in_executor(None, fulfilment_export.xlsx_bytes, rows)
        chunks, content_type = iter([data]), XLSX
    else:
        chunks, content_type = fulfilment_export.iter_csv(rows), "text/csv; charset=utf-8"
    response = web.StreamResponse(headers={
        "Content-Type": content_type, "Cache-Control": "no-store",
        "Content-Disposition": f'attachment; filename="aixin-parcels-{q.state.value}.{q.format}"'})
    await response.prepare(request)
    for chunk in chunks:
        await response.write(chunk)
    await response.write_eof()
    return response


async def supplier_products(request: web.Request) -> web.Response:
    q = parse_query(request, OwnProductQuery)
    rows, total = await supplier_desk.products(_supplier(request), q.q, q.offset, q.page_size)
    return json_ok(OwnProductPage(items=[OwnProductOut.of(p) for p in rows], total=total))


async def supplier_set_stock(request: web.Request) -> web.Response:
    supplier_id, sku = _supplier(request), parse_path(request, SkuPath).sku
    body = await parse_json(request, StockIn)
    product = await supplier_desk.set_stock(current_user(request), supplier_id, sku, body.stock, body.expected_stock)
    return json_ok(OwnProductOut.of(product))


async def supplier_sales_figures(request: web.Request) -> web.Response:
    q = parse_query(request, SalesQuery)
    result = await supplier_sales.sales(_supplier(request), q.from_, q.to)
    return json_ok(SalesOut.of(result).model_dump(mode="json", by_alias=True))


async def add_supplier_staff(request: web.Request) -> web.Response:
    supplier_id = parse_path(request, IdPath).id
    body = await parse_json(request, StaffIn)
    actor = current_user(request)
    user = await create_supplier_staff(actor, await region_scope(actor), supplier_id, body.username, body.password)
    return json_ok(SupplierStaffOut(id=user.id, username=body.username, supplier_id=supplier_id), status=201)


_S = "/api/v1/supplier"
ROUTES = [
    Route("GET", f"{_S}/fulfilments", supplier_parcels, SUPPLIER, "My parcels (state=pending: to ship, oldest first)",
          "supplier", query=FulfilmentQuery, response=ParcelPage),
    Route("GET", f"{_S}/fulfilments/export", supplier_export_parcels, SUPPLIER,
          "Download my parcels (default: to ship) as CSV or Excel, one row per line, yuan", "supplier",
          query=ExportQuery, response_media="text/csv"),
    Route("GET", f"{_S}/fulfilments/{{id}}", supplier_parcel, SUPPLIER, "One of my parcels", "supplier",
          response=ParcelOut, path_params=FulfilmentPath),
    Route("POST", f"{_S}/fulfilments/{{id}}/ship", supplier_ship_parcel, SUPPLIER,
          "Ship one of my parcels, once (409 fulfilment_not_pending after); audited", "supplier",
          body=ParcelShipIn, response=ParcelOut, path_params=FulfilmentPath),
    Route("GET", f"{_S}/products", supplier_products, SUPPLIER, "My products and their stock", "supplier",
          query=OwnProductQuery, response=OwnProductPage),
    Route("PATCH", f"{_S}/products/{{sku}}", supplier_set_stock, SUPPLIER,
          "Set my product's stock on hand (an adjust movement; expected_stock: 409 stock_changed); audited",
          "supplier", body=StockIn, response=OwnProductOut, path_params=SkuPath),
    Route("GET", f"{_S}/sales", supplier_sales_figures, SUPPLIER, "My sales by day and by product (online orders, fen)",
          "supplier", query=SalesQuery, response=SalesOut),
    Route("POST", "/api/v1/admin/suppliers/{id}/staff", add_supplier_staff, ADMIN | OFFICIAL,
          "Create a staff account for a supplier (role supplier_staff); an official only for a supplier of their "
          "region (404 otherwise); audited", "admin", body=StaffIn,
          response=SupplierStaffOut, path_params=IdPath, status=201),
]
