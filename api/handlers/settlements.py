"""Merchant settlement (商户日结): a merchant's staff read their own day; administrators read every merchant's and close
days. `format=csv` / `format=xlsx` download the same figures as a table for people (models/exports/settlement_export.py:
a title line with the merchant and the day, Chinese headers, yuan with two decimals beside the fen)."""
from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import date

from aiohttp import web

from api.auth import current_user
from api.responses import json_ok
from api.routing import ADMIN, ADMIN_READ, MERCHANT, Route
from api.schemas.settlements import AdminSettlementQuery, CloseIn, SettlementList, SettlementOut, SettlementQuery
from api.validation import parse_json, parse_query
from models.clock import today_shanghai
from models.exports.settlement_export import iter_csv, settlement_xlsx
from models.exports.settlement_export import yuan as yuan  # re-exported: tests/test_spreadsheet_safety.py
from models.services import settlements
from models.services.region_scope import region_scope
from models.services.settlements import Settlement

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def _download(request: web.Request, items: list[Settlement], day: date, fmt: str, name: str
                    ) -> web.StreamResponse:
    """The CSV streamed in chunks (UTF-8 with BOM), or the workbook built in a worker thread."""
    if fmt == "xlsx":
        data = await asyncio.get_running_loop().run_in_executor(None, settlement_xlsx, items, day)
        chunks: Iterator[bytes] = iter([data])
        content_type = XLSX
    else:
        chunks, content_type = iter_csv(items, day), "text/csv; charset=utf-8"
    response = web.StreamResponse(headers={
        "Content-Type": content_type, "Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
    await response.prepare(request)
    for chunk in chunks:
        await response.write(chunk)
    await response.write_eof()
    return response


async def merchant_settlement(request: web.Request) -> web.StreamResponse:
    q = parse_query(request, SettlementQuery)
    staff = current_user(request)
    assert staff.merchant_id is not None  # admitted as merchant staff, so attached to a merchant
    found = await settlements.merchant_settlement(staff.merchant_id, q.date)
    if q.format != "json":
        return await _download(request, [found], found.business_date, q.format,
                               f"settlement-{found.merchant_id}-{found.business_date}")
    return json_ok(SettlementOut.of(found))


async def admin_settlements(request: web.Request) -> web.StreamResponse:
    q = parse_query(request, AdminSettlementQuery)
    day = q.date or today_shanghai()
    items = await settlements.settlements_of_day(day, q.merchant_id, scope=await region_scope(current_user(request)))
    if q.format != "json":
        return await _download(request, items, day, q.format, f"settlements-{day}")
    return json_ok(SettlementList(date=day, items=[SettlementOut.of(s) for s in items],
                                  net_fen=sum(s.net_fen for s in items)))


async def close_settlement(request: web.Request) -> web.Response:
    body = await parse_json(request, CloseIn)
    closed = await settlements.close(current_user(request), body.merchant_id, body.date)
    return json_ok(SettlementOut.of(closed))


ROUTES = [
    Route("GET", "/api/v1/merchant/settlements", merchant_settlement, MERCHANT,
          "This merchant's settlement for a business day: redemptions, voids, net, lines by product and origin county "
          "(format=csv or xlsx for a file)", "merchant", query=SettlementQuery, response=SettlementOut),
    Route("GET", "/api/v1/admin/settlements", admin_settlements, ADMIN_READ,
          "Every merchant's settlement for a business day (or one merchant's); format=csv or xlsx for a file; an "
          "official's: the merchants of their region", "admin",
          query=AdminSettlementQuery, response=SettlementList),
    Route("POST", "/api/v1/admin/settlements/close", close_settlement, ADMIN,
          "Close a merchant's business day: its figures are frozen and its redemptions can no longer be voided; "
          "closing again answers with the same figures", "admin", body=CloseIn, response=SettlementOut),
]
