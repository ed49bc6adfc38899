"""The account after a partial refund (issue 18 follow-up): an order from three suppliers, one parcel shipped, then
refunded. The parcel that had left was paid for and delivered, so the national statistics count exactly its lines
(every grouping, the total, households, the downloads), live and from the rollup, whether the refund comes the
day of the payment or on a later day (a closed day: marked, recomputed); the organization report and the
supplier's sales agree. A refund before any shipment still takes the whole order out."""
from __future__ import annotations

import asyncio
import csv
import io
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from tortoise import get_connection

from api.keys import DATABASE
from models.clock import today_shanghai
from models.services.stats import GroupBy, StatsFilter, direct_statistics
from models.storage import sql
from models.storage.database import activated
from models.tables.orders import Order
from tests.support.batches import activated_batch
from tests.support.http import auth
from tests.support.orders import shop
from tests.support.org_report import REPORT, claim, pay_by_card
from tests.support.suppliers import paid_wechat_order, parcels, ship, supplier_id

URL = "/api/v1/admin/stats"
EGG, CNJ, JJG = "T-EGG-01", "T-CNJ-01", "T-JJG-01"  # 佛冈 3990, 盘州 9600 (poverty county), 融安 3580 (poverty)
WHOLE = 3990 + 9600 + 3580
SHIPPED = 9600  # the Guizhou juice parcel: 贵州刺柠吉, 300 households, 盘州市 (a poverty county)
JUICE_SUPPLIER = "贵州刺柠吉生物科技有限公司"
ORG = "广州某某集团"
QUICK = 0.05  # the background rollup's interval in these tests
DEADLINE = 30.0
# grouping → the one row's key when only the juice counts (day and month: filled in by `expected_keys`)
KEYS = {"province": "贵州省", "city": "六盘水市", "county": "盘州市", "supplier": JUICE_SUPPLIER,
        "category": "茶叶饮品", "channel": "online", "merchant": "online"}
ONLY_JUICE = {"amount_fen": SHIPPED, "orders": 1, "quantity": 1, "suppliers": 1, "households": 300,
              "poverty_share": 1.0}


def days_ago(n: int) -> date:
    return today_shanghai() - timedelta(days=n)


async def db_rows(client, query: str, args: list[Any]) -> list[dict[str, Any]]:
    with activated(client.app[DATABASE]):
        return await sql.query(get_connection("default"), query, args)


async def eventually(check: Callable[[], Awaitable[bool]], what: str) -> None:
    deadline = time.monotonic() + DEADLINE
    while not await check():
        assert time.monotonic() < deadline, f"not within {DEADLINE} s: {what}"
        await asyncio.sleep(QUICK)


async def rolled_up(client, day: date) -> bool:
    """`day` is computed and no write marked it since."""
    state = await db_rows(client, "SELECT day FROM stats_day_state WHERE day = ?", [day.isoformat()])
    marks = await db_rows(client, "SELECT day FROM stats_dirty WHERE day = ?", [day.isoformat()])
    return bool(state) and not marks


async def rollup_amounts(client, day: date, dim: str) -> dict[str, int]:
    """What the rollup itself (not the live part) holds for `day` by `dim`: all goods."""
    rows = await db_rows(client, "SELECT label, amount_fen FROM stats_day WHERE dim = ? AND scope = 0 AND day = ?",
                         [dim, day.isoformat()])
    return {r["label"]: int(r["amount_fen"]) for r in rows}


async def set_paid_at(client, order_no: str, day: date) -> None:
    at = datetime.fromisoformat(f"{day.isoformat()}T20:00:00+08:00").astimezone(UTC)
    with activated(client.app[DATABASE]):
        await Order.filter(order_no=order_no).update(paid_at=at)


async def three_supplier_order(client, small_catalog: bytes) -> dict[str, Any]:
    """An order of eggs, Guizhou juice and kumquat paste (three suppliers, three counties) paid with a card of an
    以购代捐 batch; the juice supplier's staff."""
    admin, alice = await shop(client, small_catalog)
    _, cards = await activated_batch(client, admin, count=1, organization=ORG)
    card_no = await claim(client, alice, cards[0])
    no = await pay_by_card(client, alice, card_no, (EGG, 1), (CNJ, 1), (JJG, 1))
    sid = await supplier_id(client, JUICE_SUPPLIER)
    resp = await client.post(f"/api/v1/admin/suppliers/{sid}/staff",
                             json={"username": "staff-cnj", "password": "supplier-pass-1"}, headers=admin)
    assert resp.status == 201, await resp.text()
    resp = await client.post("/api/v1/auth/staff", json={"username": "staff-cnj", "password": "supplier-pass-1"})
    assert resp.status == 200, await resp.text()
    return {"admin": admin, "alice": alice, "no": no, "juice": auth((await resp.json())["token"])}


async def ship_juice(client, shop_: dict[str, Any]) -> None:
    [part] = (await parcels(client, shop_["juice"], "pending"))["items"]
    await ship(client, shop_["juice"], part["id"], "SF-CNJ")


async def refund(client, shop_: dict[str, Any], expected_fen: int) -> None:
    resp = await client.post(f"/api/v1/admin/orders/{shop_['no']}/refund", json={"reason": "其余缺货"},
                             headers=shop_["admin"])
    body = await resp.json()
    assert resp.status == 200, body
    assert (body["status"], body["refunded_fen"]) == ("refunded", expected_fen)


async def stats(client, admin, **params: Any) -> dict:
    resp = await client.get(URL, params={k: str(v) for k, v in params.items()}, headers=admin)
    body = await resp.json()
    assert resp.status == 200, body
    return body


def strip(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in ("key", "code")}


async def assert_account(client, admin, day: date, only_juice: bool) -> None:
    """Every grouping of the national account over `day`..today: only the shipped juice (or nothing), to the fen;
    the same as the direct aggregation of the snapshots; the poverty-only account likewise; the CSV by county."""
    span = {"from": day.isoformat(), "to": today_shanghai().isoformat()}
    keys = {**KEYS, "day": day.isoformat(), "month": day.isoformat()[:7]}
    for group, key in keys.items():
        for poverty_only in (False, True):
            body = await stats(client, admin, group_by=group, poverty_only=str(poverty_only).lower(), **span)
            assert body["stale_days"] == []
            expected = [(key, ONLY_JUICE)] if only_juice else []
            assert [(r["key"], strip(r)) for r in body["rows"]] == expected, (group, poverty_only)
            total = {k: v for k, v in body["total"].items() if k != "subscribed_fen"}
            assert total == (ONLY_JUICE if only_juice else {**ONLY_JUICE, "amount_fen": 0, "orders": 0,
                                                             "quantity": 0, "suppliers": 0, "households": 0,
                                                             "poverty_share": 0.0}), (group, poverty_only)
            with activated(client.app[DATABASE]):
                direct = await direct_statistics(StatsFilter(GroupBy(group), day, today_shanghai(), poverty_only))
            assert [(r.key, r.amount_fen, r.orders, r.quantity, r.suppliers, r.households) for r in direct.rows] == [
                (r["key"], r["amount_fen"], r["orders"], r["quantity"], r["suppliers"], r["households"])
                for r in body["rows"]], (group, poverty_only)
    resp = await client.get(URL, params={"group_by": "county", "format": "csv", **span}, headers=admin)
    assert resp.status == 200
    lines = list(csv.reader(io.StringIO((await resp.read()).decode("utf-8-sig"))))
    rows = [(line[0], line[3]) for line in lines[2:-1]]
    assert rows == ([("盘州市", str(SHIPPED))] if only_juice else [])
    assert (lines[-1][0], lines[-1][3]) == ("合计", str(SHIPPED if only_juice else 0))


async def assert_others_agree(client, shop_: dict[str, Any]) -> None:
    """The organization report and the juice supplier's sales count the same juice, to the fen."""
    resp = await client.get(REPORT, params={"organization": ORG}, headers=shop_["admin"])
    report = await resp.json()
    assert resp.status == 200, report
    assert [(c["county"], c["online_fen"]) for c in report["by_county"]] == [("盘州市", SHIPPED)]
    assert (report["spent_fen"], report["untraced_fen"]) == (SHIPPED, 0)
    sales = await (await client.get("/api/v1/supplier/sales", headers=shop_["juice"])).json()
    assert (sales["amount_fen"], sales["quantity"], sales["orders"], sales["households"]) == (SHIPPED, 1, 1, 300)


async def test_a_refund_after_one_parcel_shipped_counts_that_parcel(make_client, small_catalog):
    """Paid, the juice shipped, the rest refunded the same day: today's account (live) holds the juice alone; the
    night passes (the payment now in a closed day) and the rollup holds the same."""
    client = await make_client(stats_rollup_seconds=QUICK)
    shop_ = await three_supplier_order(client, small_catalog)
    await ship_juice(client, shop_)
    await refund(client, shop_, WHOLE - SHIPPED)
    await assert_account(client, shop_["admin"], today_shanghai(), only_juice=True)
    await assert_others_agree(client, shop_)

    yesterday = days_ago(1)
    await set_paid_at(client, shop_["no"], yesterday)  # as if paid, shipped and refunded yesterday
    await eventually(lambda: rolled_up(client, yesterday), "yesterday rolled up")
    assert await rollup_amounts(client, yesterday, "county") == {"盘州市": SHIPPED}
    assert await rollup_amounts(client, yesterday, "supplier") == {JUICE_SUPPLIER: SHIPPED}
    await assert_account(client, shop_["admin"], yesterday, only_juice=True)
    await assert_others_agree(client, shop_)


async def test_a_partial_refund_on_a_later_day_recomputes_the_closed_day(make_client, small_catalog):
    """Paid yesterday (rolled up whole), the juice shipped, the rest refunded today: the closed day is marked, the
    account counts the juice alone at once, and the rollup recomputes the day to the same."""
    client = await make_client(stats_rollup_seconds=QUICK)
    shop_ = await three_supplier_order(client, small_catalog)
    yesterday = days_ago(1)
    await set_paid_at(client, shop_["no"], yesterday)
    await ship_juice(client, shop_)
    await eventually(lambda: rolled_up(client, yesterday), "yesterday rolled up")
    assert await rollup_amounts(client, yesterday, "county") == {"佛冈县": 3990, "盘州市": 9600, "融安县": 3580}

    await refund(client, shop_, WHOLE - SHIPPED)
    assert await db_rows(client, "SELECT day FROM stats_dirty WHERE day = ?", [yesterday.isoformat()])
    await assert_account(client, shop_["admin"], yesterday, only_juice=True)  # at once: the marked day read live
    await eventually(lambda: rolled_up(client, yesterday), "yesterday recomputed")
    assert await rollup_amounts(client, yesterday, "county") == {"盘州市": SHIPPED}
    assert await rollup_amounts(client, yesterday, "channel") == {"online": SHIPPED}
    await assert_account(client, shop_["admin"], yesterday, only_juice=True)
    await assert_others_agree(client, shop_)


async def test_a_refund_before_any_shipment_takes_the_whole_order_out(make_client, small_catalog):
    client = await make_client(stats_rollup_seconds=QUICK)
    shop_ = await three_supplier_order(client, small_catalog)
    yesterday = days_ago(1)
    await set_paid_at(client, shop_["no"], yesterday)
    await eventually(lambda: rolled_up(client, yesterday), "yesterday rolled up")
    assert sum((await rollup_amounts(client, yesterday, "county")).values()) == WHOLE

    await refund(client, shop_, WHOLE)
    await assert_account(client, shop_["admin"], yesterday, only_juice=False)
    await eventually(lambda: rolled_up(client, yesterday), "yesterday recomputed")
    assert await rollup_amounts(client, yesterday, "county") == {}
    await assert_account(client, shop_["admin"], yesterday, only_juice=False)


async def test_the_migration_marks_the_days_computed_without_shipped_parcels(client, small_catalog):
    """Days the rollup computed before the change hold none of a refunded order's shipped parcels: migration 0021
    marks the computed payment days of such orders (and no other day), so the background recomputes them."""
    from importlib import import_module
    from types import SimpleNamespace

    shop_ = await three_supplier_order(client, small_catalog)
    await ship_juice(client, shop_)
    await refund(client, shop_, WHOLE - SHIPPED)
    other = await three_supplier_order_again(client, shop_)  # refunded before any shipment: nothing changes
    await set_paid_at(client, shop_["no"], days_ago(2))
    await set_paid_at(client, other, days_ago(3))
    with activated(client.app[DATABASE]):
        db = get_connection("default")
        await sql.execute(db, "DELETE FROM stats_dirty", [])
        for n in (2, 3, 4):  # computed by the older code
            await sql.execute(db, "INSERT INTO stats_day_state (day, computed_at, signature) VALUES (?, ?, ?)",
                              [days_ago(n).isoformat(), 1, "0:0"])
        await import_module("models.migrations.0021_stats_partial_refunds").mark_days(None, SimpleNamespace(client=db))
        marked = await sql.query(db, "SELECT day FROM stats_dirty", [])
    assert [r["day"] for r in marked] == [days_ago(2).isoformat()]


async def three_supplier_order_again(client, shop_: dict[str, Any]) -> str:
    """A second order of the same three products, paid by WeChat and refunded before any parcel shipped."""
    no = await paid_wechat_order(client, shop_["alice"], (EGG, 1), (CNJ, 1), (JJG, 1))
    resp = await client.post(f"/api/v1/admin/orders/{no}/refund", json={"reason": "买家申请"}, headers=shop_["admin"])
    assert resp.status == 200, await resp.text()
    return no
