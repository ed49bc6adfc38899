"""Officials read the administrators' figures of their own region (issue 18, item 4): a table of role × region ×
endpoint with every cell tested, writes refused, and an official's account equal to the national one filtered to
their region, to the fen, downloads included."""
from __future__ import annotations

import csv
import io
from datetime import timedelta

from openpyxl import load_workbook

from models.clock import today_shanghai
from tests.support.http import official_headers
from tests.support.officials import OFFICIALS, PREFIX, ROLES, reference, regional, snapshot_lines  # noqa: F401
from tests.support.org_report import ORG, REPORT, spending  # noqa: F401 (fixture)
from tests.support.stats import ledger  # noqa: F401 (fixture)

STATS = "/api/v1/admin/stats"
GROUPINGS = ["province", "city", "county", "supplier", "category", "channel", "merchant", "day", "month"]
FOGANG = {"T-EGG-01", "T-RICE-01", "T-HONEY-01", "T-GEFEN-01"}
QINGYUAN, GUANGDONG, PANZHOU = FOGANG | {"T-YS-01"}, FOGANG | {"T-YS-01", "T-RY-01"}, {"T-CNJ-01"}
EVERY_SKU = GUANGDONG | PANZHOU | {"T-JJG-01", "T-APPLE-01", "T-APPLE-02", "T-HONEY-02", "T-PEND-01"}
FOGANG_SUPPLIERS = {"佛冈县广生源农业有限公司", "佛冈县金线美农业合作社", "佛冈县春中宝蜂业",
                    "佛冈县双峰农产品专业合作社"}
SUPPLIERS = {
    "county": FOGANG_SUPPLIERS, "city": FOGANG_SUPPLIERS | {"阳山县淮山合作社"},
    "province": FOGANG_SUPPLIERS | {"阳山县淮山合作社", "乳源瑶族自治县茶油公司"},
}
OTHER_SUPPLIERS = {"贵州刺柠吉生物科技有限公司"}
COUNTIES = {"county": {"佛冈县"}, "city": {"佛冈县", "阳山县"}, "province": {"佛冈县", "阳山县", "乳源瑶族自治县"}}
# the national row each official's total must equal: (grouping, key)
OWN_ROW = {"county": ("county", "佛冈县"), "county_other": ("county", "盘州市"), "city": ("city", "清远市"),
           "city_other": ("city", "六盘水市"), "province": ("province", "广东省"),
           "province_other": ("province", "贵州省")}


def _right(role: str) -> bool:
    return role in ("county", "city", "province")


def _expect_reads(role: str, merchant: int) -> dict[str, tuple[int, object]]:
    """What `role` sees on each read: (status, what the answer holds) — the table of the issue, one row a role."""
    if role in ("consumer", "merchant"):
        return {name: (403, None) for name in _reads(merchant)}
    every_county = {"佛冈县", "阳山县", "乳源瑶族自治县", "盘州市", "融安县"}
    level = role.removesuffix("_other")
    if role == "admin":
        counties, skus, suppliers, merchants, settled, one = every_county, EVERY_SKU, None, \
            {"佛冈专柜", "盘州专柜"}, {"佛冈专柜"}, 200
    elif _right(role):
        counties, skus = COUNTIES[level], {"county": FOGANG, "city": QINGYUAN, "province": GUANGDONG}[level]
        suppliers, merchants, settled, one = SUPPLIERS[level], {"佛冈专柜"}, {"佛冈专柜"}, 200
    else:
        counties, skus, suppliers, merchants, settled, one = (
            {"盘州市"}, PANZHOU, OTHER_SUPPLIERS, {"盘州专柜"}, set(), 404)
    return {
        "stats": (200, counties), "stats.csv": (200, None), "stats.xlsx": (200, None), "chart": (200, None),
        "products": (200, skus), "product": (one, None), "suppliers": (200, suppliers), "merchants": (200, merchants),
        "settlements": (200, settled), "settlement": (one, None), "organizations": (200, None),
        "report": (200, None),
    }


def _reads(merchant: int) -> dict[str, tuple[str, dict[str, str]]]:
    return {
        "stats": (STATS, {"group_by": "county"}), "stats.csv": (STATS, {"group_by": "county", "format": "csv"}),
        "stats.xlsx": (STATS, {"group_by": "county", "format": "xlsx"}),
        "chart": (f"{STATS}/chart.png", {"group_by": "county"}),
        "products": ("/api/v1/admin/products", {"page_size": "100"}),
        "product": ("/api/v1/admin/products/T-EGG-01", {}),
        "suppliers": ("/api/v1/admin/suppliers", {"page_size": "100"}),
        "merchants": ("/api/v1/admin/merchants", {"page_size": "100"}),
        "settlements": ("/api/v1/admin/settlements", {}),
        "settlement": ("/api/v1/admin/settlements", {"merchant_id": str(merchant)}),
        "organizations": ("/api/v1/admin/organizations", {}),
        "report": ("/api/v1/admin/organizations/report", {"organization": "广州某某集团"}),
    }


def _seen(name: str, body: dict) -> object:
    """What the answer holds, in the terms of `_expect_reads`."""
    if name == "stats":
        return {row["key"] for row in body["rows"]}
    if name == "products":
        return {item["sku"] for item in body["items"]}
    if name in ("suppliers", "merchants"):
        return {item["name"] for item in body["items"]}
    if name == "settlements":
        return {item["merchant_name"] for item in body["items"]}
    return None


async def test_reads_role_by_region(client, regional):
    """Every cell: admin, county / city / province officials of 佛冈's region and of 盘州's, consumer, clerk."""
    wrong = []
    for role in ROLES:
        expected = _expect_reads(role, regional["fogang_merchant"])
        for name, (url, params) in _reads(regional["fogang_merchant"]).items():
            resp = await client.get(url, params=params, headers=regional["headers"][role])
            status, holds = expected[name]
            body = await resp.json() if resp.content_type == "application/json" else None
            if resp.status != status:
                wrong.append((role, name, resp.status, body))
            elif status == 200 and holds is not None and _seen(name, body) != holds:
                wrong.append((role, name, _seen(name, body), holds))
            elif status in (403, 404):
                code = "forbidden" if status == 403 else ("product_not_found" if name == "product"
                                                          else "merchant_not_found")
                if body["error"]["code"] != code:
                    wrong.append((role, name, body))
            if name == "report" and status == 200 and role != "admin" and (body["batches"] or body["issued"]):
                wrong.append((role, name, "an official's report shows the organization's batches"))
    assert wrong == []


async def test_writes_stay_with_the_administrator(client, regional):
    """Every official (and consumer, clerk) gets 403 for each write; the administrator's go through."""
    # Two days back: yesterday may not be closed in the first minutes after Shanghai midnight (settlement_day_open).
    closable = (today_shanghai() - timedelta(days=2)).isoformat()
    writes = [
        ("POST", "/api/v1/admin/settlements/close", {"merchant_id": regional["fogang_merchant"], "date": closable},
         200),
        ("PATCH", "/api/v1/admin/products/T-EGG-01", {"name": "广生源鸡蛋 30枚"}, 200),
        ("POST", "/api/v1/admin/products/T-RICE-01/revoke", {"reason": "抽检不合格"}, 200),
        ("POST", "/api/v1/admin/suppliers", {"name": "佛冈新合作社", "type": "合作社", "region_code": "441821"}, 201),
        ("POST", "/api/v1/admin/merchants", {"name": "佛冈二号专柜", "kind": "counter", "region_code": "441821"}, 201),
        ("POST", f"/api/v1/admin/merchants/{regional['fogang_merchant']}/staff",
         {"username": "clerk-new", "password": "correct horse battery"}, 201),
    ]
    wrong = []
    for role in [*ROLES[1:], "admin"]:  # the administrator last: their writes change what the others would see
        for method, url, body, admin_status in writes:
            resp = await client.request(method, url, json=body, headers=regional["headers"][role])
            expected = admin_status if role == "admin" else 403
            if resp.status != expected:
                wrong.append((role, method, url, resp.status, await resp.text()))
    assert wrong == []


async def _json(client, headers, **params) -> dict:
    resp = await client.get(STATS, params=params, headers=headers)
    assert resp.status == 200, await resp.text()
    return await resp.json()


def _figures(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in ("key", "code", "subscribed_fen")}


async def test_an_officials_account_is_the_national_one_filtered(client, regional):
    """Each official's total equals the national row of their region; each of their rows equals the reference
    aggregation of their region's line snapshots; rows of their region's own groupings equal the national rows."""
    headers, lines = regional["headers"], await snapshot_lines(client)
    national = {g: await _json(client, headers["admin"], group_by=g) for g in GROUPINGS}
    for role in OFFICIALS:
        prefix, (own_group, own_key) = PREFIX[role], OWN_ROW[role]
        own = next(r for r in national[own_group]["rows"] if r["key"] == own_key)
        for group in GROUPINGS:
            body = await _json(client, headers[role], group_by=group)
            assert body["stale_days"] == []
            assert _figures(body["total"]) == _figures(own), (role, group)
            assert body["total"]["subscribed_fen"] == 0
            assert {r["key"]: _figures(r) for r in body["rows"]} == reference(lines, prefix, group), (role, group)
            aligned = group == "county" or group == "supplier" or (group == "city" and len(prefix) <= 4) or \
                (group == "province" and len(prefix) == 2)
            if aligned:
                keys = {r["key"] for r in body["rows"]}
                assert body["rows"] == [r for r in national[group]["rows"] if r["key"] in keys], (role, group)
                assert keys == set(reference(lines, prefix, group))
    # the order across four counties counts once in Guangdong, and 佛冈 alone is not Guangdong
    province = await _json(client, headers["province"], group_by="county")
    assert province["total"]["orders"] < sum(r["orders"] for r in province["rows"])
    county = await _json(client, headers["county"], group_by="county")
    assert county["total"]["amount_fen"] < province["total"]["amount_fen"]


def _csv_rows(raw: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


async def _download(client, headers, fmt: str, **params) -> list[list]:
    resp = await client.get(STATS, params={**params, "format": fmt}, headers=headers)
    assert resp.status == 200, await resp.text()
    if fmt == "csv":
        return _csv_rows(await resp.read())
    sheet = load_workbook(io.BytesIO(await resp.read()), read_only=True).active
    return [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]


async def test_downloads_are_the_national_ones_filtered(client, regional):
    """The CSV and XLSX of an official, grouped by county: the national file's lines of their counties, and a
    合计 of their region whose fen are the sum of those lines; the title names the region."""
    headers = regional["headers"]
    names = {"county": "佛冈县", "city": "清远市", "province": "广东省", "county_other": "盘州市",
             "city_other": "六盘水市", "province_other": "贵州省"}
    for fmt in ("csv", "xlsx"):
        _, nat_header, *nat_rows, _ = await _download(client, headers["admin"], fmt, group_by="county")
        for role in OFFICIALS:
            title, header, *rows, total = await _download(client, headers[role], fmt, group_by="county")
            assert names[role] in str(title[0]), (fmt, role, title)
            assert header == nat_header
            assert rows == [r for r in nat_rows if str(r[1]).startswith(PREFIX[role])], (fmt, role)
            assert rows, (fmt, role)
            assert int(total[3]) == sum(int(r[3]) for r in rows), (fmt, role)  # 金额（分）
            body = await _json(client, headers[role], group_by="county")
            assert int(total[3]) == body["total"]["amount_fen"]
    resp = await client.get(STATS, params={"group_by": "county", "format": "csv"}, headers=headers["city"])
    assert resp.headers["Content-Disposition"].endswith('-4418.csv"')


async def test_an_officials_organization_report_is_their_regions_spending(client, spending):
    """The organization's spending traced to 佛冈 / 清远 / 广东 only, to the fen; another region's official sees
    none of it; the batches and the ledger stay the administrator's."""
    admin = spending["admin"]
    resp = await client.get(REPORT, params={"organization": ORG}, headers=admin)
    national = await resp.json()
    assert resp.status == 200, national
    for i, (level, code, prefix) in enumerate([("county", "441821", "441821"), ("city", "441800", "4418"),
                                                ("province", "440000", "44"), ("county", "520281", "520281"),
                                                ("province", "450000", "45")]):
        official = await official_headers(client, level, code, username=f"official{i}")
        resp = await client.get(REPORT, params={"organization": ORG}, headers=official)
        body = await resp.json()
        assert resp.status == 200, body
        counties = [c for c in national["by_county"] if c["origin_code"].startswith(prefix)]
        assert body["by_county"] == counties, (level, code)
        assert body["spent_fen"] == sum(c["amount_fen"] for c in counties)
        assert body["untraced_fen"] == 0
        assert body["batches"] == []
        assert (body["issued"], body["activated_fen"], body["outstanding_fen"]) == (0, 0, 0)
        assert body["region"]
        assert {p["province"] for p in body["by_province"]} == {c["province"] for c in counties}
        resp = await client.get(REPORT, params={"organization": ORG, "format": "csv"}, headers=official)
        assert resp.status == 200
        assert body["region"] in _csv_rows(await resp.read())[0][0]
    fogang = [c for c in national["by_county"] if c["origin_code"] == "441821"]
    assert [c["amount_fen"] > 0 for c in fogang] == [True]  # the fixture spent money in 佛冈: not an empty case
