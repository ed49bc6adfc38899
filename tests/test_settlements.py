"""Merchant settlement: a business day's figures per merchant (Asia/Shanghai), CSV export, closing, voids refused
after."""
from __future__ import annotations

import asyncio
import csv
import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from api.keys import DATABASE
from models.clock import today_shanghai
from models.errors import Conflict
from models.services import redemptions, settlements
from models.storage.database import activated
from models.tables.cards import CardActivity, Redemption
from tests.support.cards import buy_cards, reconcile
from tests.support.settlements import ADMIN_URL, D, at, day_d, made_at, shop, spend, user  # noqa: F401 (fixtures)

MERCHANT_URL = "/api/v1/merchant/settlements"


DAY_D_M1 = {
    "redemption_count": 2, "redemption_fen": 2 * 3990 + 9600 + 5850, "void_count": 1, "void_fen": 5850,
    "net_fen": 2 * 3990 + 9600,
    "by_product": [{"sku": "T-CNJ-01", "name": "刺柠吉刺梨汁 250ml×12", "qty": 1, "amount_fen": 9600},
                   {"sku": "T-EGG-01", "name": "广生源鸡蛋 30枚装", "qty": 2, "amount_fen": 7980}],
    "by_county": [{"origin_code": "520281", "province": "贵州省", "city": "六盘水市", "county": "盘州市",
                   "poverty_county": True, "qty": 1, "amount_fen": 9600},
                  {"origin_code": "441821", "province": "广东省", "city": "清远市", "county": "佛冈县",
                   "poverty_county": False, "qty": 2, "amount_fen": 7980}],
}
FIGURES = tuple(DAY_D_M1)


def figures(body: dict) -> dict:
    return {k: body[k] for k in FIGURES}


async def get(client, url: str, headers: dict, status: int = 200, **params) -> dict:
    resp = await client.get(url, params={k: str(v) for k, v in params.items()}, headers=headers)
    body = await resp.json()
    assert resp.status == status, body
    return body


async def test_a_day_per_merchant_from_the_line_snapshots(client, day_d):
    s = day_d
    mine = await get(client, MERCHANT_URL, s["clerk1"], date=D)
    assert figures(mine) == DAY_D_M1
    assert mine["merchant_name"] == "佛冈专柜"
    assert mine["date"] == D.isoformat()
    assert mine["closed"] is False
    assert mine["closed_at"] is None
    # 23:59 and 00:01 are different business days
    nxt = await get(client, MERCHANT_URL, s["clerk1"], date=D + timedelta(days=1))
    assert (nxt["redemption_count"], nxt["net_fen"], nxt["by_product"][0]["sku"]) == (1, 6800, "T-RICE-01")
    today = await get(client, MERCHANT_URL, s["clerk1"])
    assert today["date"] == today_shanghai().isoformat()
    assert today["redemption_count"] == today["net_fen"] == 0
    # a clerk sees only their own merchant, whatever they ask for
    other = await get(client, MERCHANT_URL, s["clerk2"], date=D, merchant_id=s["m1"])
    assert (other["merchant_id"], other["net_fen"], other["by_county"][0]["county"]) == (s["m2"], 3580, "融安县")

    # renaming the product afterwards changes nothing: the lines are snapshots
    await client.patch("/api/v1/admin/products/T-EGG-01", json={"name": "改名的鸡蛋"}, headers=s["admin"])
    assert figures(await get(client, MERCHANT_URL, s["clerk1"], date=D)) == DAY_D_M1


async def test_admin_sees_every_merchant_with_activity(client, day_d):
    s = day_d
    listed = await get(client, ADMIN_URL, s["admin"], date=D)
    assert [i["merchant_id"] for i in listed["items"]] == [s["m1"], s["m2"]]
    assert figures(listed["items"][0]) == DAY_D_M1
    assert listed["items"][1]["net_fen"] == 3580
    assert listed["net_fen"] == DAY_D_M1["net_fen"] + 3580
    one = await get(client, ADMIN_URL, s["admin"], date=D, merchant_id=s["m2"])
    assert [i["merchant_id"] for i in one["items"]] == [s["m2"]]
    assert (await get(client, ADMIN_URL, s["admin"], date=D - timedelta(days=1)))["items"] == []
    missing = await get(client, ADMIN_URL, s["admin"], 404, date=D, merchant_id=9999)
    assert missing["error"]["code"] == "merchant_not_found"
    bad = await get(client, ADMIN_URL, s["admin"], 422, date="2026-02-30")
    assert bad["error"]["code"] == "validation_error"
    assert (await client.get(ADMIN_URL, headers=s["clerk1"])).status == 403
    assert (await client.get(MERCHANT_URL, headers=s["alice"])).status == 403
    assert (await client.get(MERCHANT_URL)).status == 401


async def test_figures_agree_with_the_card_ledger(client, day_d, settings):
    s = day_d
    days = [D, D + timedelta(days=1)]
    nets = [item["net_fen"] for day in days for item in (await get(client, ADMIN_URL, s["admin"], date=day))["items"]]
    with activated(client.app[DATABASE]):
        ledger = await CardActivity.filter(redemption_id__isnull=False).values_list("amount_fen", flat=True)
    assert sum(nets) == -sum(ledger) == 7980 + 9600 + 6800 + 3580
    assert reconcile(settings).returncode == 0


async def read_csv(resp) -> list[list[str]]:
    assert resp.status == 200
    assert resp.content_type == "text/csv"
    assert resp.charset == "utf-8"
    raw = await resp.read()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


async def test_csv_exports(client, day_d):
    """The same form as the statistics downloads: a title line with the merchant and the day, Chinese headers, yuan
    with two decimals beside the fen."""
    s = day_d
    rows = await read_csv(await client.get(MERCHANT_URL, params={"date": D.isoformat(), "format": "csv"},
                                           headers=s["clerk1"]))
    assert rows[0] == [f"商户日结 · 佛冈专柜 · 营业日 {D.isoformat()}"]
    header, body = rows[1], rows[2:]
    assert header[:6] == ["商户ID", "商户名称", "营业日", "已日结", "日结时间", "类别"]
    assert header[-2:] == ["金额（元）", "金额（分）"]
    col = {name: i for i, name in enumerate(header)}
    by_kind = {}
    for row in body:
        assert row[col["商户名称"]] == "佛冈专柜"
        assert row[col["营业日"]] == D.isoformat()
        assert row[col["已日结"]] == "否"
        by_kind.setdefault(row[col["类别"]], []).append(row)
    assert [(r[col["笔数"]], r[col["金额（分）"]], r[col["金额（元）"]]) for r in by_kind["核销"]] == [
        ("2", "23430", "234.30")]
    assert [(r[col["笔数"]], r[col["金额（分）"]], r[col["金额（元）"]]) for r in by_kind["撤销"]] == [
        ("1", "5850", "58.50")]
    assert [(r[col["金额（分）"]], r[col["金额（元）"]]) for r in by_kind["净额"]] == [("17580", "175.80")]
    assert [(r[col["SKU"]], r[col["商品名称"]], r[col["数量"]], r[col["金额（分）"]], r[col["金额（元）"]])
            for r in by_kind["商品"]] == [("T-CNJ-01", "刺柠吉刺梨汁 250ml×12", "1", "9600", "96.00"),
                                        ("T-EGG-01", "广生源鸡蛋 30枚装", "2", "7980", "79.80")]
    assert [(r[col["产地县"]], r[col["县代码"]], r[col["贫困县"]], r[col["金额（分）"]]) for r in by_kind["产地"]] == [
        ("盘州市", "520281", "是", "9600"), ("佛冈县", "441821", "否", "7980")]

    rows = await read_csv(await client.get(ADMIN_URL, params={"date": D.isoformat(), "format": "csv"},
                                           headers=s["admin"]))
    assert rows[0] == [f"商户日结 · 全部商户（2 家） · 营业日 {D.isoformat()}"]
    assert rows[1] == header
    nets = {(r[1], r[-1], r[-2]) for r in rows[2:] if r[5] in ("净额", "合计")}
    assert nets == {("佛冈专柜", "17580", "175.80"), ("别家专馆", "3580", "35.80"), ("全部商户", "21160", "211.60")}


async def test_xlsx_export_reads_back_with_numbers_and_formats(client, day_d):
    s = day_d
    resp = await client.get(ADMIN_URL, params={"date": D.isoformat(), "format": "xlsx"}, headers=s["admin"])
    assert resp.status == 200, await resp.text()
    assert resp.content_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert resp.headers["Content-Disposition"] == f'attachment; filename="settlements-{D.isoformat()}.xlsx"'
    sheet = load_workbook(io.BytesIO(await resp.read())).active
    assert sheet.freeze_panes == "A3"  # the title and the header stay in view
    rows = [[c for c in row] for row in sheet.iter_rows()]
    assert rows[0][0].value == f"商户日结 · 全部商户（2 家） · 营业日 {D.isoformat()}"
    header = [c.value for c in rows[1]]
    col = {name: i for i, name in enumerate(header)}
    net = next(r for r in rows[2:] if r[col["类别"]].value == "净额" and r[col["商户名称"]].value == "佛冈专柜")
    assert net[col["金额（元）"]].value == 175.8
    assert net[col["金额（元）"]].number_format == "#,##0.00"
    assert net[col["金额（分）"]].value == 17580
    assert net[col["金额（分）"]].number_format == "0"
    total = rows[-1]
    assert (total[col["类别"]].value, total[col["金额（分）"]].value) == ("合计", 21160)
    assert sheet.column_dimensions["H"].width >= 20  # 商品名称: wide enough for Chinese names


async def test_close_freezes_the_day_and_refuses_voids(client, day_d):
    s = day_d
    resp = await client.post(f"{ADMIN_URL}/close", json={"merchant_id": s["m1"], "date": today_shanghai().isoformat()},
                             headers=s["admin"])
    assert resp.status == 409
    assert (await resp.json())["error"]["code"] == "settlement_day_open"
    resp = await client.post(f"{ADMIN_URL}/close", json={"merchant_id": s["m1"], "date": D.isoformat()},
                             headers=s["admin"])
    closed = await resp.json()
    assert resp.status == 200, closed
    assert figures(closed) == DAY_D_M1
    assert closed["closed"] is True
    assert closed["closed_by"] == "admin1"
    assert closed["closed_at"].endswith("+08:00")
    again = await (await client.post(f"{ADMIN_URL}/close", json={"merchant_id": s["m1"], "date": D.isoformat()},
                                     headers=s["admin"])).json()
    assert again == closed  # a no-op: the same frozen figures, the first closing time
    trail = await get(client, "/api/v1/admin/audit", s["admin"], entity_type="merchant_settlement")
    assert [(e["action"], e["actor"], e["after"]["net_fen"]) for e in trail["items"]] == [
        ("settlement.close", "admin1", DAY_D_M1["net_fen"])]

    # r1 can no longer be voided, neither through the API nor at 23:59:59 that very day
    resp = await client.post(f"/api/v1/merchant/redemptions/{s['r1']['id']}/void", json={}, headers=s["clerk1"])
    assert resp.status == 409
    assert (await resp.json())["error"]["code"] == "settlement_closed"
    with activated(client.app[DATABASE]):
        with pytest.raises(Conflict) as refused:
            await redemptions.void(await user(client, "clerk1"), s["r1"]["id"], now=at(D, 23, 59, 59))
        assert refused.value.code == "settlement_closed"
        assert (await Redemption.get(id=s["r1"]["id"])).status.value == "completed"
    # the frozen figures stand even if the day's data were to change (here: a straggler moved into the day)
    await made_at(client, s["r2"]["id"], at(D, 23, 59, 30))
    shown = await get(client, MERCHANT_URL, s["clerk1"], date=D)
    assert figures(shown) == DAY_D_M1
    assert shown["closed"] is True
    assert shown["closed_at"] == closed["closed_at"]
    listed = await get(client, ADMIN_URL, s["admin"], date=D)
    assert [(i["merchant_id"], i["closed"]) for i in listed["items"]] == [(s["m1"], True), (s["m2"], False)]
    # the other merchant's day is still open: its redemption can still be voided that day
    with activated(client.app[DATABASE]):
        await redemptions.void(await user(client, "clerk2"), s["r4"]["id"], now=at(D, 18, 0))
    assert (await get(client, MERCHANT_URL, s["clerk2"], date=D))["void_count"] == 1

    bad = await client.post(f"{ADMIN_URL}/close", json={"merchant_id": 9999, "date": D.isoformat()}, headers=s["admin"])
    assert bad.status == 404
    assert (await bad.json())["error"]["code"] == "merchant_not_found"
    bad = await client.post(f"{ADMIN_URL}/close", json={"merchant_id": "1", "date": D.isoformat()}, headers=s["admin"])
    assert bad.status == 422
    assert (await client.post(f"{ADMIN_URL}/close", json={"merchant_id": s["m1"], "date": D.isoformat()},
                              headers=s["clerk1"])).status == 403


async def test_business_day_boundaries(client, shop):
    s, day = shop, D - timedelta(days=1)
    body = await spend(client, s, "clerk1", 0, [("T-EGG-01", 1)], "edge-1", at(day, 23, 58))
    late = await spend(client, s, "clerk1", 0, [("T-EGG-01", 1)], "edge-2", at(day, 23, 59))
    staff = await user(client, "clerk1")
    admin = await user(client, "admin1")
    with activated(client.app[DATABASE]):
        with pytest.raises(Conflict) as refused:  # 00:01 the next day is too late to void
            await redemptions.void(staff, late["id"], now=at(day + timedelta(days=1), 0, 1))
        assert refused.value.code == "void_window_passed"
        await redemptions.void(staff, body["id"], now=at(day, 23, 59, 59))  # the same day: fine
        for instant in (at(day, 23, 59, 59), at(day + timedelta(days=1), 0, 4, 59)):
            with pytest.raises(Conflict) as refused:
                await settlements.close(admin, s["m1"], day, now=instant)
            assert refused.value.code == "settlement_day_open"
            assert refused.value.details["closable_from"] == at(day + timedelta(days=1), 0, 5).isoformat()
        closed = await settlements.close(admin, s["m1"], day, now=at(day + timedelta(days=1), 0, 5))
        empty = await settlements.close(admin, s["m2"], day, now=at(day + timedelta(days=1), 0, 5))
    assert (closed.redemption_count, closed.void_count, closed.net_fen) == (2, 1, 3990)
    assert (empty.redemption_count, empty.net_fen, empty.closed) == (0, 0, True)
    listed = await get(client, ADMIN_URL, s["admin"], date=day)
    assert [(i["merchant_id"], i["net_fen"], i["closed"]) for i in listed["items"]] == [(s["m1"], 3990, True),
                                                                                        (s["m2"], 0, True)]


async def test_a_void_racing_a_close_never_slips_through(client, shop, settings):
    """Each round, a void at 23:59:59 and the close at 00:06 race; either the void lands and is in the frozen
    figures, or it is refused and the redemption stands in them. Never a void after the figures were frozen."""
    s = shop
    staff, admin = await user(client, "clerk1"), await user(client, "admin1")
    cards = await buy_cards(client, s["alice"], face=100000)
    s["cards"].append(next(c["card_no"] for c in cards if c["face_value_fen"] == 100000))
    for n in range(6):
        day = D - timedelta(days=10 + n)
        keep = await spend(client, s, "clerk1", 3, [("T-EGG-01", 1)], f"race-keep-{n}", at(day, 10, 0))
        target = await spend(client, s, "clerk1", 3, [("T-RICE-01", 1)], f"race-void-{n}", at(day, 11, 0))
        with activated(client.app[DATABASE]):
            void = redemptions.void(staff, target["id"], now=at(day, 23, 59, 59))
            close = settlements.close(admin, s["m1"], day, now=at(day + timedelta(days=1), 0, 6))
            voided, frozen = await _race(void, close, void_first=n % 2 == 1)
            status = (await Redemption.get(id=target["id"])).status.value
            live = (await settlements._live(Redemption._meta.db, day, s["m1"]))[s["m1"]]
        assert not isinstance(frozen, BaseException), frozen
        if isinstance(voided, BaseException):
            assert isinstance(voided, Conflict), voided
            assert voided.code == "settlement_closed", voided
            assert status == "completed"
            assert (frozen.void_count, frozen.net_fen) == (0, 3990 + 6800)
        else:
            assert status == "voided"
            assert (frozen.void_count, frozen.net_fen) == (1, 3990)
        assert (frozen.redemption_count, frozen.void_count, frozen.net_fen) == (
            live.redemption_count, live.void_count, live.net_fen)
        assert keep["id"] != target["id"]
    assert reconcile(settings).returncode == 0


async def _race(void, close, void_first: bool):
    """Start both at once (in either order); returns (void result or error, close result or error)."""
    tasks = [asyncio.ensure_future(c) for c in ((void, close) if void_first else (close, void))]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    return tuple(results) if void_first else (results[1], results[0])


async def test_concurrent_closes_write_once_and_agree(client, day_d):
    s = day_d
    body = {"merchant_id": s["m2"], "date": D.isoformat()}
    replies = await asyncio.gather(*(client.post(f"{ADMIN_URL}/close", json=body, headers=s["admin"])
                                     for _ in range(4)))
    bodies = [await r.json() for r in replies]
    assert [r.status for r in replies] == [200] * 4, bodies
    assert all(b == bodies[0] for b in bodies), bodies
    assert (bodies[0]["closed"], bodies[0]["net_fen"]) == (True, 3580)
    trail = await get(client, "/api/v1/admin/audit", s["admin"], entity_type="merchant_settlement")
    assert trail["total"] == 1
