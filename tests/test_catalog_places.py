"""Places as suppliers write them (issue 16): a municipality's county with the city empty, the municipality's own
name, 市辖区 or 县; former names and codes of renamed counties mapped to today's code (the poverty-county flag kept,
and the summary says which rows were mapped); an `origin_code` column that wins over the names."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support.http import HEADER, admin_headers, import_csv

URL = "/api/v1/admin/catalog/import"
ROOT = Path(__file__).resolve().parent.parent


def row(sku: str, province: str, city: str, county: str, code: str | None = None) -> str:
    cells = [sku, f"土特产 {sku}", "", "粮油米面", "袋", "20.00", "5", "测试合作社", "合作社", province, city, county,
             f"Z{sku}", "2099-01-01", "3", "", ""]
    return ",".join(cells + ([code] if code is not None else []))


def csv_of(*rows: str, with_code: bool = False) -> bytes:
    return ("\n".join([HEADER + (",origin_code" if with_code else ""), *rows]) + "\n").encode()


async def origin(client, headers, sku: str) -> dict:
    product = await (await client.get(f"/api/v1/admin/products/{sku}", headers=headers)).json()
    return {k: product[k] for k in ("origin_code", "origin_county")}


async def public_origin(client, sku: str) -> dict:
    resp = await client.get(f"/api/v1/products/{sku}")
    assert resp.status == 200, await resp.text()
    return (await resp.json())["origin"]


async def test_a_municipality_county_is_found_however_its_city_is_written(client):
    headers = await admin_headers(client)
    rows = [row("M-1", "重庆市", "重庆市", "石柱土家族自治县"), row("M-2", "重庆市", "", "城口县"),
            row("M-3", "重庆市", "县", "巫溪县"), row("M-4", "重庆市", "市辖区", "万州区"),
            row("M-5", "北京市", "北京市", "延庆区"), row("M-6", "上海", "市辖区", "崇明区"),
            row("M-7", "河南省", "省直辖县级行政区划", "济源市")]
    summary = await import_csv(client, csv_of(*rows), headers)
    assert summary["products_created"] == 7
    assert summary["mapped_from_former"] == []
    codes = [(await origin(client, headers, f"M-{n}"))["origin_code"] for n in range(1, 8)]
    assert codes == ["500240", "500229", "500238", "500101", "110119", "310151", "419001"]


async def test_former_names_map_to_todays_county_and_keep_the_poverty_flag(client):
    headers = await admin_headers(client)
    rows = [row("F-1", "西藏自治区", "林芝市", "米林县"), row("F-2", "河北省", "承德市", "平泉县"),
            row("F-3", "重庆市", "重庆市", "石柱县"), row("F-4", "西藏自治区", "林芝地区", "米林县"),
            row("F-5", "广东省", "清远市", "佛冈县")]
    summary = await import_csv(client, csv_of(*rows), headers)
    assert summary["products_created"] == 5
    assert summary["mapped_from_former"] == [
        {"line": 2, "sku": "F-1", "written": "米林县", "code": "540481", "name": "米林市"},
        {"line": 3, "sku": "F-2", "written": "平泉县", "code": "130881", "name": "平泉市"},
        {"line": 4, "sku": "F-3", "written": "石柱县", "code": "500240", "name": "石柱土家族自治县"},
        {"line": 5, "sku": "F-4", "written": "米林县", "code": "540481", "name": "米林市"},
    ]
    milin = await public_origin(client, "F-1")
    assert (milin["code"], milin["city"], milin["county"]) == ("540481", "林芝市", "米林市")
    assert milin["poverty_county"] is True  # on the 832 list as 米林县
    assert (await public_origin(client, "F-2"))["poverty_county"] is True  # 平泉县 then, 平泉市 now
    shizhu = await public_origin(client, "F-3")
    assert (shizhu["province"], shizhu["county"], shizhu["poverty_county"]) == ("重庆市", "石柱土家族自治县", True)
    assert (await public_origin(client, "F-5"))["poverty_county"] is False


async def test_a_former_name_used_in_several_places_is_not_guessed(client):
    headers = await admin_headers(client)
    # 石家庄市郊区 was split between several districts in 2001: no one county of today to map it to
    resp = await client.post(URL, data=csv_of(row("G-1", "河北省", "石家庄市", "郊区")), headers=headers)
    assert resp.status == 422
    [error] = (await resp.json())["error"]["details"]["errors"]
    assert (error["line"], error["field"]) == (2, "origin_county")
    assert "郊区" in error["reason"]


async def test_origin_code_wins_over_names_and_former_codes_are_mapped(client):
    headers = await admin_headers(client)
    rows = [row("C-1", "", "", "", "441821"), row("C-2", "广东省", "清远市", "佛冈县", "540422"),
            row("C-3", "河北省", "承德市", "平泉县", ""), row("C-4", "", "", "", "130823")]
    summary = await import_csv(client, csv_of(*rows, with_code=True), headers)
    assert summary["products_created"] == 4
    assert [(m["sku"], m["written"], m["code"]) for m in summary["mapped_from_former"]] == [
        ("C-2", "540422", "540481"), ("C-3", "平泉县", "130881"), ("C-4", "130823", "130881")]
    assert (await origin(client, headers, "C-1"))["origin_county"] == "佛冈县"
    assert (await origin(client, headers, "C-2"))["origin_county"] == "米林市"  # the code, not the names


async def test_a_bad_origin_code_is_refused_naming_the_column(client):
    headers = await admin_headers(client)
    rows = [row("B-1", "广东省", "清远市", "佛冈县", "4418"), row("B-2", "广东省", "清远市", "佛冈县", "999999")]
    resp = await client.post(URL, data=csv_of(*rows, with_code=True), headers=headers)
    assert resp.status == 422
    errors = (await resp.json())["error"]["details"]["errors"]
    assert [(e["line"], e["field"]) for e in errors] == [(2, "origin_code"), (3, "origin_code")]
    assert "6 位数字" in errors[0]["reason"]


def test_the_cli_summary_is_in_chinese_and_names_the_rows_mapped_from_a_former_name(tmp_path, settings):
    path = tmp_path / "old-names.csv"
    path.write_bytes(csv_of(row("F-1", "西藏自治区", "林芝市", "米林县"), row("F-2", "广东省", "清远市", "佛冈县")))
    env = {"DATABASE_URL": settings.database_url, "SECRET_KEY": settings.secret_key, "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "main.py", "import-catalog", str(path)], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "导入完成：文件行数 2，新增商品 2" in result.stdout
    assert "第 2 行 F-1：产地「米林县」是旧名或旧代码，已按今天的米林市（540481）导入" in result.stdout
    assert "F-2" not in result.stdout
