"""Merchant settlement (商户日结): a merchant's staff read their own day; administrators read every merchant's and close
days. `format=csv` streams the same figures as CSV (UTF-8 with BOM, so Excel shows the Chinese)."""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from decimal import Decimal

from aiohttp import web

from api.auth import current_user
from api.responses import json_ok
from api.routing import ADMIN, MERCHANT, Route
from api.schemas.settlements import AdminSettlementQuery, CloseIn, SettlementList, SettlementOut, SettlementQuery
from api.validation import parse_json, parse_query
from models.clock import shanghai_iso, today_shanghai
from models.exports.csv_chunks import csv_chunks
from models.services import settlements
from models.services.settlements import Settlement

CSV_HEADER = ["商户ID", "商户名称", "营业日", "已日结", "日结时间", "类别", "SKU", "商品名称", "产地省", "产地市",
              "产地县", "县代码", "贫困县", "笔数", "数量", "金额（分）", "金额（元）"]


def yuan(fen: int) -> Decimal:
    """Integer fen as exact yuan (12345 → 123.45), no float on the way; a number, so the CSV's text-cell guard
    (models/exports/spreadsheet_safety.py) leaves a negative amount as it is."""
    return Decimal(fen).scaleb(-2)


def _csv_rows(items: Iterable[Settlement]) -> Iterator[list[object]]:
    for s in items:
        head = [s.merchant_id, s.merchant_name, s.business_date.isoformat(), "是" if s.closed else "否",
                shanghai_iso(s.closed_at) or ""]
        blank = [""] * 7
        yield [*head, "核销", *blank, s.redemption_count, "", s.redemption_fen, yuan(s.redemption_fen)]
        yield [*head, "撤销", *blank, s.void_count, "", s.void_fen, yuan(s.void_fen)]
        yield [*head, "净额", *blank, s.redemption_count - s.void_count, "", s.net_fen, yuan(s.net_fen)]
        for p in s.by_product:
            yield [*head, "商品", p["sku"], p["name"], *[""] * 5, "", p["qty"], p["amount_fen"], yuan(p["amount_fen"])]
        for c in s.by_county:
            yield [*head, "产地", "", "", c["province"], c["city"], c["county"], c["origin_code"],
                   "是" if c["poverty_county"] else "否", "", c["qty"], c["amount_fen"], yuan(c["amount_fen"])]


def _chunks(items: list[Settlement]) -> Iterator[bytes]:
    """The CSV with its header, streamed in chunks (UTF-8 with BOM)."""
    return csv_chunks(itertools.chain([CSV_HEADER], _csv_rows(items)))


async def _csv(request: web.Request, items: list[Settlement], filename: str) -> web.StreamResponse:
    response = web.StreamResponse(headers={
        "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": f'attachment; filename="{filename}"'})
    await response.prepare(request)
    for chunk in _chunks(items):
        await response.write(chunk)
    await response.write_eof()
    return response


async def merchant_settlement(request: web.Request) -> web.StreamResponse:
    q = parse_query(request, SettlementQuery)
    staff = current_user(request)
    assert staff.merchant_id is not None  # admitted as merchant staff, so attached to a merchant
    found = await settlements.merchant_settlement(staff.merchant_id, q.date)
    if q.format == "csv":
        return await _csv(request, [found], f"settlement-{found.merchant_id}-{found.business_date}.csv")
    return json_ok(SettlementOut.of(found))


async def admin_settlements(request: web.Request) -> web.StreamResponse:
    q = parse_query(request, AdminSettlementQuery)
    day = q.date or today_shanghai()
    items = await settlements.settlements_of_day(day, q.merchant_id)
    if q.format == "csv":
        return await _csv(request, items, f"settlements-{day}.csv")
    return json_ok(SettlementList(date=day, items=[SettlementOut.of(s) for s in items],
                                  net_fen=sum(s.net_fen for s in items)))


async def close_settlement(request: web.Request) -> web.Response:
    body = await parse_json(request, CloseIn)
    closed = await settlements.close(current_user(request), body.merchant_id, body.date)
    return json_ok(SettlementOut.of(closed))


ROUTES = [
    Route("GET", "/api/v1/merchant/settlements", merchant_settlement, MERCHANT,
          "This merchant's settlement for a business day: redemptions, voids, net, lines by product and origin county "
          "(format=csv for a CSV file)", "merchant", query=SettlementQuery, response=SettlementOut),
    Route("GET", "/api/v1/admin/settlements", admin_settlements, ADMIN,
          "Every merchant's settlement for a business day (or one merchant's); format=csv for a CSV file", "admin",
          query=AdminSettlementQuery, response=SettlementList),
    Route("POST", "/api/v1/admin/settlements/close", close_settlement, ADMIN,
          "Close a merchant's business day: its figures are frozen and its redemptions can no longer be voided; "
          "closing again answers with the same figures", "admin", body=CloseIn, response=SettlementOut),
]
