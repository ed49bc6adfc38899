"""Catalogue import: all or nothing, every bad row reported, re-import idempotent."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import aiohttp

from tests.helpers import admin_headers, consumer_headers, import_csv, search

ROOT = Path(__file__).resolve().parent.parent

HEADER = "sku,name,brand,category,unit,price,stock,supplier,supplier_type,origin_province,origin_city,origin_county,cert_no,cert_valid_until,poor_households,tags,aliases"
GOOD = "X-1,好蜂蜜 500g,好,蜂蜜蜂产品,瓶,12.30,10,测试合作社,合作社,广东省,清远市,佛冈县,C-1,2099-01-01,5,蜂蜜,"


def csv_of(*rows: str, header: str = HEADER, bom: bool = False) -> bytes:
    text = "\n".join([header, *rows]) + "\n"
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode()


async def test_good_file_imports_and_is_searchable(client, small_catalog):
    headers = await admin_headers(client)
    summary = await import_csv(client, small_catalog, headers)
    assert summary["rows"] == 10 and summary["products_created"] == 10
    egg = await (await client.get("/api/v1/products/T-EGG-01")).json()
    assert egg["price_fen"] == 3990 and egg["unit"] == "盒"
    assert egg["origin"] == {"code": "441821", "province": "广东省", "city": "清远市", "county": "佛冈县",
                             "poverty_county": egg["origin"]["poverty_county"]}
    assert egg["supplier"]["households_lifted"] == 120
    honey = await (await client.get("/api/v1/products/T-HONEY-01")).json()
    assert honey["price_fen"] == 5850


async def test_reimport_is_idempotent(client, small_catalog):
    headers = await admin_headers(client)
    await import_csv(client, small_catalog, headers)
    audit_before = (await (await client.get("/api/v1/admin/audit", headers=headers)).json())["total"]
    again = await import_csv(client, small_catalog, headers)
    assert again["products_created"] == 0 and again["products_updated"] == 0 and again["products_unchanged"] == 10
    audit_after = (await (await client.get("/api/v1/admin/audit", headers=headers)).json())["total"]
    assert audit_after == audit_before
    assert (await search(client, q="鸡蛋"))["total"] == 1


async def test_bom_and_multipart_upload(client):
    headers = await admin_headers(client)
    form = aiohttp.FormData()
    form.add_field("file", csv_of(GOOD, bom=True), filename="catalog.csv", content_type="text/csv")
    resp = await client.post("/api/v1/admin/catalog/import", data=form, headers=headers)
    assert resp.status == 200, await resp.text()
    assert (await resp.json())["products_created"] == 1


async def test_every_bad_row_is_reported_and_nothing_is_written(client):
    headers = await admin_headers(client)
    rows = [
        GOOD,
        "X-2,坏价格,,粮油米面,袋,12.345,10,测试合作社,合作社,广东省,清远市,佛冈县,C-2,2099-01-01,5,,",
        "X-3,负库存,,粮油米面,袋,1,-4,测试合作社,合作社,广东省,清远市,佛冈县,C-3,2099-01-01,5,,",
        "X-4,未知县,,粮油米面,袋,1,4,测试合作社,合作社,广东省,清远市,不存在县,C-4,2099-01-01,5,,",
        "X-5,坏日期,,粮油米面,袋,1,4,测试合作社,合作社,广东省,清远市,佛冈县,C-5,2099-13-01,5,,",
        "X-6,坏类型,,粮油米面,袋,1,4,另一家,公司,广东省,清远市,佛冈县,C-6,2099-01-01,5,,",
        "X-1,重复,,粮油米面,袋,1,4,测试合作社,合作社,广东省,清远市,佛冈县,C-7,2099-01-01,5,,",
        ",,,粮油米面,袋,1,4,测试合作社,合作社,广东省,清远市,佛冈县,C-8,2099-01-01,5,,",
        "X-9,户数不一致,,粮油米面,袋,1,4,测试合作社,合作社,广东省,清远市,佛冈县,C-9,2099-01-01,6,,",
    ]
    resp = await client.post("/api/v1/admin/catalog/import", data=csv_of(*rows), headers=headers)
    assert resp.status == 422
    error = (await resp.json())["error"]
    assert error["code"] == "catalog_invalid"
    by_line = {e["line"]: e for e in reversed(error["details"]["errors"])}  # the first problem of each line
    fields_of = lambda line: {e["field"] for e in error["details"]["errors"] if e["line"] == line}  # noqa: E731
    assert by_line[3]["field"] == "price" and by_line[4]["field"] == "stock"
    assert by_line[5]["field"] == "origin_county" and "不存在县" in by_line[5]["reason"]
    assert by_line[6]["field"] == "cert_valid_until" and by_line[7]["field"] == "supplier_type"
    assert by_line[8]["field"] == "sku" and "第 2 行" in by_line[8]["reason"]
    assert fields_of(9) == {"sku", "name"} and by_line[10]["field"] == "supplier"
    assert 2 not in by_line
    admin_list = await (await client.get("/api/v1/admin/products", headers=headers)).json()
    assert admin_list["total"] == 0


async def test_wrong_header_and_encoding(client):
    headers = await admin_headers(client)
    resp = await client.post("/api/v1/admin/catalog/import", data=csv_of(GOOD, header=HEADER.replace("price", "price_yuan")), headers=headers)
    assert resp.status == 422 and (await resp.json())["error"]["details"]["errors"][0]["line"] == 1
    resp = await client.post("/api/v1/admin/catalog/import", data=csv_of(GOOD).decode().encode("gbk"), headers=headers)
    assert resp.status == 422 and (await resp.json())["error"]["code"] == "catalog_invalid"


async def test_expired_certificate_imports_but_is_not_sellable(client, small_catalog):
    headers = await admin_headers(client)
    await import_csv(client, small_catalog, headers)
    product = await (await client.get("/api/v1/admin/products/T-HONEY-02", headers=headers)).json()
    assert product["cert_status"] == "certified" and product["sellable"] is False
    assert (await client.get("/api/v1/products/T-HONEY-02")).status == 404
    pending = await (await client.get("/api/v1/admin/products/T-PEND-01", headers=headers)).json()
    assert pending["cert_status"] == "pending"


async def test_import_requires_admin(client, small_catalog):
    resp = await client.post("/api/v1/admin/catalog/import", data=small_catalog)
    assert resp.status == 401
    resp = await client.post("/api/v1/admin/catalog/import", data=small_catalog, headers=await consumer_headers(client))
    assert resp.status == 403 and (await resp.json())["error"]["code"] == "forbidden"


def test_cli_import_reports_bad_rows(tmp_path, settings):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_of(GOOD, "X-2,坏价格,,粮油米面,袋,abc,10,测试合作社,合作社,广东省,清远市,佛冈县,C-2,2099-01-01,5,,"))
    env = {"DATABASE_URL": settings.database_url, "SECRET_KEY": settings.secret_key, "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "main.py", "import-catalog", str(bad)], capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 1
    assert "line 3: price" in result.stderr
    missing = subprocess.run([sys.executable, "main.py", "import-catalog", str(tmp_path / "nope.csv")],
                             capture_output=True, text=True, env=env, cwd=ROOT)
    assert missing.returncode == 1 and "not found" in missing.stderr
