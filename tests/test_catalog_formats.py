"""Catalogue files as suppliers save them (issue 16): GBK from Excel, an .xlsx workbook, a negative price, a row
with missing columns. Every file goes through the same validation: all or nothing."""
from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook

from tests.support.http import HEADER, admin_headers, import_csv

URL = "/api/v1/admin/catalog/import"
GOOD = "X-1,好蜂蜜 500g,好,蜂蜜蜂产品,瓶,12.30,10,测试合作社,合作社,广东省,清远市,佛冈县,C-1,2099-01-01,5,蜂蜜,"


def csv_of(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


async def refused(client, data: bytes, headers: dict[str, str]) -> list[dict]:
    resp = await client.post(URL, data=data, headers={**headers, "Content-Type": "text/csv"})
    body = await resp.json()
    assert resp.status == 422, body
    assert body["error"]["code"] == "catalog_invalid"
    listed = await (await client.get("/api/v1/admin/products", headers=headers)).json()
    assert listed["total"] == 0  # nothing written
    return body["error"]["details"]["errors"]


async def test_a_gbk_file_from_excel_imports(client):
    headers = await admin_headers(client)
    summary = await import_csv(client, csv_of(GOOD).encode("gbk"), headers)
    assert summary["products_created"] == 1
    product = await (await client.get("/api/v1/products/X-1")).json()
    assert product["name"] == "好蜂蜜 500g"
    assert product["origin"]["county"] == "佛冈县"


async def test_a_file_in_neither_utf8_nor_gbk_says_how_to_save_it(client):
    headers = await admin_headers(client)
    errors = await refused(client, csv_of(GOOD).encode() + b"\xff\xfe\xff", headers)
    assert errors[0]["line"] == 1
    assert "UTF-8" in errors[0]["reason"]
    assert ".xlsx" in errors[0]["reason"]


def workbook(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def test_an_xlsx_catalogue_imports_with_numbers_and_dates_as_excel_keeps_them(client):
    headers = await admin_headers(client)
    data = workbook([
        HEADER.split(","),
        ["X-1", "好蜂蜜 500g", "好", "蜂蜜蜂产品", "瓶", 12.3, 10, "测试合作社", "合作社", "广东省", "清远市", "佛冈县",
         "C-1", date(2099, 1, 1), 5, "蜂蜜", None],
        ["X-2", "高山大米 5kg", None, "粮油米面", "袋", 0.1 + 0.2, 7.0, "测试合作社", "合作社", "广东", "清远", "佛冈",
         None, None, 5],  # the last two cells empty: a sheet's row is as short as its last value
        [None] * 17,  # an empty row is skipped
    ])
    resp = await client.post(URL, data=data, headers={**headers, "Content-Type": "application/octet-stream"})
    assert resp.status == 200, await resp.text()
    assert (await resp.json())["products_created"] == 2
    honey = await (await client.get("/api/v1/admin/products/X-1", headers=headers)).json()
    assert (honey["price_fen"], honey["stock"], honey["valid_until"]) == (1230, 10, "2099-01-01")
    rice = await (await client.get("/api/v1/admin/products/X-2", headers=headers)).json()
    assert (rice["price_fen"], rice["stock"], rice["cert_status"]) == (30, 7, "pending")


async def test_a_bad_xlsx_row_is_reported_by_its_sheet_row(client):
    headers = await admin_headers(client)
    data = workbook([HEADER.split(","),
                     ["X-1", "好蜂蜜", "", "蜂蜜", "瓶", -5, 1, "社", "合作社", "广东省", "清远市", "佛冈县"]])
    errors = await refused(client, data, headers)
    assert {(e["line"], e["field"]) for e in errors} == {(2, "price")}


async def test_a_broken_xlsx_is_refused_in_words(client):
    headers = await admin_headers(client)
    errors = await refused(client, b"PK\x03\x04 not really a workbook", headers)
    assert "Excel" in errors[0]["reason"]


async def test_a_negative_price_says_so(client):
    headers = await admin_headers(client)
    errors = await refused(client, csv_of(GOOD.replace(",12.30,", ",-12.30,")).encode(), headers)
    assert [(e["line"], e["field"], e["reason"]) for e in errors] == [(2, "price", "价格不能为负数")]


async def test_a_row_with_missing_columns_names_them(client):
    headers = await admin_headers(client)
    short = "X-2,高山大米 5kg,,粮油米面,袋,39.90,7,测试合作社,合作社,广东省,清远市,佛冈县"  # 12 of 17 columns
    errors = await refused(client, csv_of(GOOD, short).encode(), headers)
    assert len(errors) == 1
    assert (errors[0]["line"], errors[0]["sku"]) == (3, "X-2")
    assert "cert_no, cert_valid_until, poor_households, tags, aliases" in errors[0]["reason"]


async def test_a_header_without_a_column_names_it_and_columns_may_come_in_any_order(client):
    headers = await admin_headers(client)
    without = HEADER.replace(",brand", "")
    errors = await refused(client, csv_of(GOOD.replace(",好,", ","), header=without).encode(), headers)
    assert errors[0]["line"] == 1
    assert "brand" in errors[0]["reason"]
    columns = HEADER.split(",")
    cells = GOOD.split(",")
    order = list(reversed(range(len(columns))))
    reordered = csv_of(",".join(cells[i] for i in order), header=",".join(columns[i] for i in order))
    assert (await import_csv(client, reordered.encode(), headers))["products_created"] == 1
