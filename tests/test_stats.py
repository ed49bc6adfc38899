"""The poverty-alleviation account: every grouping against hand-computed figures, netting, reconciliation
with the orders and the card ledger, history that survives catalogue edits, CSV/XLSX downloads, charts."""
from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from PIL import Image

from api.keys import DATABASE
from models.clock import today_shanghai
from models.services.stats import GroupBy, StatsFilter, direct_statistics, statistics
from models.storage.database import activated
from models.tables.cards import CardActivity
from models.tables.orders import Order, OrderKind, OrderStatus
from tests.support.cli import run_cli
from tests.support.orders import order, pay, shop
from tests.support.stats import CNJ, EGG, MERCHANT, ONLINE, POVERTY, TOTAL, ledger, settle  # noqa: F401 (fixtures)

URL = "/api/v1/admin/stats"


def share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


async def stats(client, headers, status=200, **params):
    resp = await client.get(URL, params={k: str(v) for k, v in params.items()}, headers=headers)
    body = await resp.json()
    assert resp.status == status, body
    return body


def by_key(body) -> dict[str, dict]:
    return {row["key"]: row for row in body["rows"]}


def figures(amount, orders, quantity, suppliers, households, poverty_fen) -> dict:
    return {"amount_fen": amount, "orders": orders, "quantity": quantity, "suppliers": suppliers,
            "households": households, "poverty_share": share(poverty_fen, amount)}


def strip(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in ("key", "code")}


GUANGDONG = figures(3 * 3990 + 3990, 3, 4, 1, 120, 0)  # EGG in O1 (2), O4 (1), R1 (1)
GUIZHOU = figures(9600, 1, 1, 1, 300, 9600)
GUANGXI = figures(3580, 1, 1, 1, 210, 3580)


async def test_total_and_subscribed(client, ledger):
    body = await stats(client, ledger["admin"], group_by="province")
    assert body["total"] == {**figures(TOTAL, 3, 6, 3, 120 + 300 + 210, POVERTY), "subscribed_fen": 20000 + 30000}
    assert body["total"]["poverty_share"] == 0.4523
    assert body["group_by"] == "province"
    assert body["from"] is None
    assert body["poverty_only"] is False


@pytest.mark.parametrize(("group_by", "expected"), [
    ("province", {"广东省": GUANGDONG, "贵州省": GUIZHOU, "广西壮族自治区": GUANGXI}),
    ("city", {"清远市": GUANGDONG, "六盘水市": GUIZHOU, "柳州市": GUANGXI}),
    ("county", {"佛冈县": GUANGDONG, "盘州市": GUIZHOU, "融安县": GUANGXI}),
    ("supplier", {"佛冈县广生源农业有限公司": GUANGDONG, "贵州刺柠吉生物科技有限公司": GUIZHOU,
                  "融安县金桔产业合作社": GUANGXI}),
    ("category", {"禽蛋肉类": GUANGDONG, "茶叶饮品": GUIZHOU, "滋补养生": GUANGXI}),
    ("channel", {"online": figures(ONLINE, 2, 4, 2, 420, 9600), "merchant": figures(MERCHANT, 1, 2, 2, 330, 3580)}),
    ("merchant", {"online": figures(ONLINE, 2, 4, 2, 420, 9600), "佛冈专柜": figures(MERCHANT, 1, 2, 2, 330, 3580)}),
    ("day", {"<today>": figures(TOTAL, 3, 6, 3, 630, POVERTY)}),
    ("month", {"<this month>": figures(TOTAL, 3, 6, 3, 630, POVERTY)}),
])
async def test_each_grouping(client, ledger, group_by, expected):
    body = await stats(client, ledger["admin"], group_by=group_by)
    # Today is read when the test runs, not when the tests are collected (a run across Shanghai midnight).
    today = today_shanghai().isoformat()
    expected = {{"<today>": today, "<this month>": today[:7]}.get(key, key): row for key, row in expected.items()}
    assert {key: strip(row) for key, row in by_key(body).items()} == expected
    assert sum(row["amount_fen"] for row in body["rows"]) == body["total"]["amount_fen"] == TOTAL
    amounts = [row["amount_fen"] for row in body["rows"]]
    if group_by not in ("day", "month"):
        assert amounts == sorted(amounts, reverse=True)


async def test_codes(client, ledger):
    county = by_key(await stats(client, ledger["admin"], group_by="county"))
    assert {k: r["code"] for k, r in county.items()} == {"佛冈县": "441821", "盘州市": "520281", "融安县": "450224"}
    merchants = by_key(await stats(client, ledger["admin"], group_by="merchant"))
    assert merchants["online"]["code"] is None
    assert merchants["佛冈专柜"]["code"].isdigit()
    suppliers = await stats(client, ledger["admin"], group_by="supplier")
    assert all(row["code"].isdigit() for row in suppliers["rows"])
    assert by_key(await stats(client, ledger["admin"], group_by="province"))["广东省"]["code"] is None


async def test_poverty_only(client, ledger):
    body = await stats(client, ledger["admin"], group_by="province", poverty_only="true")
    assert {k: strip(r) for k, r in by_key(body).items()} == {"贵州省": GUIZHOU, "广西壮族自治区": GUANGXI}
    assert body["total"] == {**figures(POVERTY, 2, 2, 2, 510, POVERTY), "subscribed_fen": 50000}


async def test_totals_reconcile_with_orders_and_card_ledger(client, ledger):
    body = await stats(client, ledger["admin"], group_by="channel")
    with activated(client.app[DATABASE]):
        goods = await Order.filter(kind=OrderKind.GOODS, status__in=[
            OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.COMPLETED]).values_list("total_fen", flat=True)
        debits = await CardActivity.filter(redemption_id__isnull=False).values_list("amount_fen", flat=True)
    assert sum(goods) == ONLINE
    assert -sum(debits) == MERCHANT
    assert body["total"]["amount_fen"] == sum(goods) - sum(debits)
    assert by_key(body)["online"]["amount_fen"] == sum(goods)
    assert by_key(body)["merchant"]["amount_fen"] == -sum(debits)


async def test_history_survives_catalogue_edits_and_revocation(client, ledger):
    admin = ledger["admin"]
    before = {g: await stats(client, admin, group_by=g) for g in ("province", "supplier", "category", "county")}
    resp = await client.patch(f"/api/v1/admin/products/{CNJ}", json={"price_fen": 1, "category": "别的品类",
                                                                    "origin_code": "441821"}, headers=admin)
    assert resp.status == 200, await resp.text()
    resp = await client.post(f"/api/v1/admin/products/{EGG}/revoke", json={"reason": "证书撤销"}, headers=admin)
    assert resp.status == 200, await resp.text()
    suppliers = await (await client.get("/api/v1/admin/suppliers", headers=admin)).json()
    egg_supplier = next(s for s in suppliers["items"] if s["name"] == "佛冈县广生源农业有限公司")
    resp = await client.patch(f"/api/v1/admin/suppliers/{egg_supplier['id']}",
                              json={"households_lifted": 9999, "name": "改名公司"}, headers=admin)
    assert resp.status == 200, await resp.text()
    for group, body in before.items():
        assert await stats(client, admin, group_by=group) == body


async def test_dates_are_shanghai_days_inclusive(client, ledger):
    admin = ledger["admin"]
    # O1 paid at 16:30 UTC on 1 March = 00:30 on 2 March in Shanghai
    with activated(client.app[DATABASE]):
        await Order.filter(order_no=ledger["o1"]).update(paid_at=datetime(2026, 3, 1, 16, 30, tzinfo=UTC))
    body = await stats(client, admin, group_by="day", **{"from": "2026-03-02", "to": "2026-03-02"})
    assert [(r["key"], r["amount_fen"], r["orders"]) for r in body["rows"]] == [("2026-03-02", 17580, 1)]
    assert (await stats(client, admin, group_by="day", **{"from": "2026-03-01", "to": "2026-03-01"}))["rows"] == []
    body = await stats(client, admin, group_by="month", **{"from": "2026-03-01"})
    today = today_shanghai()
    months = [r["key"] for r in body["rows"]]
    assert months == sorted({"2026-03", today.isoformat()[:7]})
    body = await stats(client, admin, group_by="day", **{"from": "2026-03-02", "to": today.isoformat()})
    assert [r["key"] for r in body["rows"]] == ["2026-03-02", today.isoformat()]
    assert body["total"]["amount_fen"] == TOTAL
    # the card sold and the batch activated today are in today's range only
    yesterday = (today - timedelta(days=1)).isoformat()
    assert (await stats(client, admin, group_by="day", to=yesterday))["total"]["subscribed_fen"] == 0
    assert (await stats(client, admin, group_by="day",
                        **{"from": today.isoformat()}))["total"]["subscribed_fen"] == 50000


async def test_rollup_agrees_with_the_snapshots(client, ledger):
    """The daily rollup the endpoint reads gives exactly what aggregating the line snapshots gives."""
    with activated(client.app[DATABASE]):
        await Order.filter(order_no=ledger["o1"]).update(paid_at=datetime(2026, 3, 1, 16, 30, tzinfo=UTC))
        for group in GroupBy:
            for poverty_only in (False, True):
                for lo, hi in ((None, None), (datetime(2026, 3, 2).date(), None), (None, datetime(2026, 3, 2).date())):
                    f = StatsFilter(group_by=group, date_from=lo, date_to=hi, poverty_only=poverty_only)
                    assert await statistics(f) == await direct_statistics(f), f


async def test_refunding_an_old_order_changes_its_day(client, ledger):
    admin = ledger["admin"]
    with activated(client.app[DATABASE]):
        await Order.filter(order_no=ledger["o1"]).update(paid_at=datetime(2026, 3, 1, 16, 30, tzinfo=UTC))
    march = {"from": "2026-03-01", "to": "2026-03-31"}
    assert (await stats(client, admin, group_by="day", **march))["total"]["amount_fen"] == 17580
    resp = await client.post(f"/api/v1/admin/orders/{ledger['o1']}/refund", json={"reason": "退货"}, headers=admin)
    assert resp.status == 200, await resp.text()
    body = await stats(client, admin, group_by="day", **march)
    assert body["rows"] == []
    assert body["total"]["amount_fen"] == 0
    assert (await stats(client, admin, group_by="channel"))["total"]["amount_fen"] == TOTAL - 17580


async def test_cli_computes_the_rollup_ahead(client, ledger, settings):
    """Closed days are computed once (the CLI does it ahead of the first query); today is always read live."""
    with activated(client.app[DATABASE]):
        await Order.filter(order_no=ledger["o1"]).update(paid_at=datetime(2026, 3, 1, 16, 30, tzinfo=UTC))
    closed_days = (today_shanghai() - datetime(2026, 3, 2).date()).days  # 2 March up to yesterday
    first = run_cli("stats-rollup", database_url=settings.database_url)
    assert first.returncode == 0, first.stderr
    assert f"统计汇总：计算了 {closed_days} 天" in first.stdout, first.stderr
    again = run_cli("stats-rollup", database_url=settings.database_url)
    assert again.returncode == 0, again.stderr
    assert "统计汇总：计算了 0 天" in again.stdout, again.stderr
    rebuilt = run_cli("stats-rollup", "--rebuild", database_url=settings.database_url)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert f"统计汇总：计算了 {closed_days} 天" in rebuilt.stdout, rebuilt.stderr
    body = await stats(client, ledger["admin"], group_by="month")
    assert body["total"]["amount_fen"] == TOTAL
    assert by_key(body)["2026-03"]["amount_fen"] == 17580


async def test_empty_range(client, ledger):
    body = await stats(client, ledger["admin"], group_by="supplier", **{"from": "2001-01-01", "to": "2001-12-31"})
    assert body["rows"] == []
    assert body["total"] == {**figures(0, 0, 0, 0, 0, 0), "poverty_share": 0.0, "subscribed_fen": 0}


async def test_validation_and_roles(client, small_catalog):
    admin, alice = await shop(client, small_catalog)
    for params, code in [
        ({"group_by": "planet"}, "validation_error"),
        ({}, "validation_error"),
        ({"group_by": "day", "from": "2026-13-01"}, "validation_error"),
        ({"group_by": "day", "format": "pdf"}, "validation_error"),
        ({"group_by": "day", "from": "2026-03-02", "to": "2026-03-01"}, "invalid_date_range"),
    ]:
        body = await stats(client, admin, status=422, **params)
        assert body["error"]["code"] == code, params
    assert (await client.get(URL, params={"group_by": "day"}, headers=alice)).status == 403
    assert (await client.get(URL, params={"group_by": "day"})).status == 401
    assert (await client.get(f"{URL}/chart.png", params={"group_by": "day"}, headers=alice)).status == 403
    resp = await client.get(f"{URL}/chart.png", params={"group_by": "x"}, headers=admin)
    assert resp.status == 422
    assert (await resp.json())["error"]["code"] == "validation_error"


async def test_csv_export_matches_json(client, ledger):
    admin = ledger["admin"]
    body = await stats(client, admin, group_by="supplier")
    resp = await client.get(URL, params={"group_by": "supplier", "format": "csv"}, headers=admin)
    assert resp.status == 200
    assert resp.headers["Content-Type"].startswith("text/csv")
    assert resp.headers["Content-Disposition"] == 'attachment; filename="aixin-stats-supplier-start_now.csv"'
    raw = await resp.read()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert_table(lines, body, group="供应商")


async def test_xlsx_export_matches_json(client, ledger):
    admin = ledger["admin"]
    params = {"group_by": "province", "from": "2020-01-01", "to": today_shanghai().isoformat()}
    body = await stats(client, admin, **params)
    resp = await client.get(URL, params={**params, "format": "xlsx"}, headers=admin)
    assert resp.status == 200
    assert resp.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    assert resp.headers["Content-Disposition"].endswith(f'_{today_shanghai().isoformat()}.xlsx"')
    book = load_workbook(io.BytesIO(await resp.read()), read_only=True)
    sheet = book.active
    lines = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    assert_table(lines, body, group="省份", percent_text=False)
    full = load_workbook(io.BytesIO(await resp.read()))
    assert full.active.freeze_panes == "A3"
    assert full.active["C3"].number_format == "#,##0.00"
    assert full.active["I3"].number_format == "0.0%"


def assert_table(lines: list[list], body: dict, group: str = "", percent_text: bool = True) -> None:
    """Title, header naming the grouping, the JSON rows in order (amount in yuan and in fen), the total (with 认购额)
    last."""
    title, header, *rows, total = lines
    assert str(title[0]).startswith("消费扶贫台账 · 按")
    if group:
        assert header[0] == group
    assert header[1:] == ["编码", "金额（元）", "金额（分）", "订单数", "数量", "供应商数", "带动脱贫户", "贫困县占比",
                          "认购额（元）"]
    numbers = ("amount_fen", "orders", "quantity", "suppliers", "households")

    def parsed(line: list) -> dict:
        key, code, yuan, *rest = line
        values = dict(zip((*numbers, "poverty_share"), rest, strict=False))
        share = values["poverty_share"]
        share = float(str(share).rstrip("%")) / 100 if percent_text else float(share)
        assert Decimal(str(yuan)) == Decimal(int(values["amount_fen"])) / 100
        return {"key": str(key), "code": str(code) or None, **{n: int(values[n]) for n in numbers},
                "poverty_share": round(share, 3)}

    expected = [{**row, "poverty_share": round(row["poverty_share"], 3)} for row in body["rows"]]
    assert [parsed(line) for line in rows] == expected
    assert total[0] == "合计"


async def chart(client, headers, **params) -> bytes:
    resp = await client.get(f"{URL}/chart.png", params=params, headers=headers)
    assert resp.status == 200, await resp.text()
    assert resp.headers["Content-Type"] == "image/png", await resp.text()
    return await resp.read()


async def test_charts_change_with_the_data(client, ledger):
    admin, alice = ledger["admin"], ledger["alice"]
    bars = await chart(client, admin, group_by="province")
    line = await chart(client, admin, group_by="day")
    for png in (bars, line):
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        with Image.open(io.BytesIO(png)) as image:
            assert image.size == (1000, 560)
    assert bars != line
    assert await chart(client, admin, group_by="province") == bars  # the same data draws the same picture
    no = (await order(client, alice, ("T-APPLE-02", 3)))["order_no"]
    await pay(client, alice, no)
    await settle(client)
    assert await chart(client, admin, group_by="province") != bars
    assert await chart(client, admin, group_by="day") != line
    empty = await chart(client, admin, group_by="supplier", **{"from": "2001-01-01", "to": "2001-01-02"})
    assert empty.startswith(b"\x89PNG")
    assert empty != bars


def test_a_chart_over_time_shows_days_without_sales_as_zero() -> None:
    from datetime import date

    from models.printing.charts import Point, continuous

    days = continuous([Point("2026-03-01", 500), Point("2026-03-04", 700)], "day", date(2026, 2, 28), date(2026, 3, 5))
    assert [p.label for p in days] == ["2026-02-28", "2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04",
                                       "2026-03-05"]
    assert [p.amount_fen for p in days] == [0, 500, 0, 0, 700, 0]
    months = continuous([Point("2025-11", 1), Point("2026-02", 2)], "month")
    assert [p.label for p in months] == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert [p.amount_fen for p in months] == [1, 0, 0, 2]
