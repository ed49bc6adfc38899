"""Officials scoped to a region: the `regional` fixture (the statistics `ledger`, plus sales from two more Guangdong
counties in one order with 佛冈 and 盘州, merchants with regions, every role logged in), and a reference
aggregation of the line snapshots in Python that scoped figures are compared with."""
from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from typing import Any

import pytest

from api.keys import DATABASE
from models.storage.database import activated
from models.tables.cards import RedemptionLine
from models.tables.merchants import Merchant
from models.tables.orders import OrderKind, OrderLine, OrderStatus
from tests.support.http import HEADER, consumer_headers, import_csv, official_headers
from tests.support.orders import ADDRESS, order, pay
from tests.support.stats import CNJ, EGG, ledger, settle  # noqa: F401 (fixture)

YANGSHAN, RUYUAN = "T-YS-01", "T-RY-01"
EXTRA = (HEADER + "\n"
         "T-YS-01,阳山淮山 2kg,阳山,蔬菜水果,袋,30,100,阳山县淮山合作社,合作社,广东省,清远市,阳山县,"
         "GD-FP-T101,2099-12-31,45,淮山,山药\n"
         "T-RY-01,乳源茶油 1L,乳源,粮油米面,瓶,120,100,乳源瑶族自治县茶油公司,企业,广东省,韶关市,乳源瑶族自治县,"
         "GD-FP-T102,2099-12-31,70,茶油,山茶油\n").encode()

# role → (level, 6-digit code) for officials; "right" ones hold 佛冈县, "other" ones 盘州市 (贵州)
OFFICIALS = {
    "county": ("county", "441821"), "county_other": ("county", "520281"),
    "city": ("city", "441800"), "city_other": ("city", "520200"),
    "province": ("province", "440000"), "province_other": ("province", "520000"),
}
PREFIX = {"county": "441821", "county_other": "520281", "city": "4418", "city_other": "5202",
          "province": "44", "province_other": "52"}
ROLES = ["admin", *OFFICIALS, "consumer", "merchant"]


@pytest.fixture
async def regional(client, ledger):
    admin = ledger["admin"]
    await import_csv(client, EXTRA, admin)
    bob = await consumer_headers(client, "bob")
    assert (await client.post("/api/v1/me/addresses", json=ADDRESS, headers=bob)).status == 201
    # one order across four counties of three cities and two provinces: an order counts once in each region
    no = (await order(client, bob, (YANGSHAN, 2), (RUYUAN, 1), (EGG, 1), (CNJ, 1)))["order_no"]
    await pay(client, bob, no)
    await settle(client)
    resp = await client.post("/api/v1/admin/merchants", json={"name": "盘州专柜", "kind": "counter",
                                                              "region_code": "520281"}, headers=admin)
    assert resp.status == 201, await resp.text()
    with activated(client.app[DATABASE]):
        await Merchant.filter(name="佛冈专柜").update(region_id="441821")
        foshan = (await Merchant.get(name="佛冈专柜")).id
    headers = {"admin": admin, "consumer": ledger["alice"], "merchant": ledger["clerk"]}
    for role, (level, code) in OFFICIALS.items():
        headers[role] = await official_headers(client, level, code, username=f"official-{role}")
    return {"headers": headers, "fogang_merchant": foshan}


# ------------------------------------------------------------------------------- the reference, in Python

def _day(line: dict[str, Any]) -> str:
    if line["paid_at"] is not None:
        return (line["paid_at"] + timedelta(hours=8)).date().isoformat()  # UTC → Shanghai
    return line["business_date"].isoformat()


def _key(group: str, line: dict[str, Any]) -> str:
    return {
        "province": lambda: line["origin_province"],
        "city": lambda: line["origin_city"] or line["origin_province"],
        "county": lambda: line["origin_county"],
        "supplier": lambda: line["supplier_name"],
        "category": lambda: line["category"],
        "channel": lambda: "online" if line["paid_at"] is not None else "merchant",
        "merchant": lambda: line["merchant"] or "online",
        "day": lambda: _day(line),
        "month": lambda: _day(line)[:7],
    }[group]()


async def snapshot_lines(client) -> list[dict[str, Any]]:
    """Every line the account counts: goods orders paid, shipped or completed; redemptions that stand."""
    common = ("origin_code", "origin_province", "origin_city", "origin_county", "supplier_id", "supplier_name",
              "households_lifted", "amount_fen", "qty", "poverty_county", "category")
    with activated(client.app[DATABASE]):
        online = await OrderLine.filter(order__kind=OrderKind.GOODS, order__status__in=[
            OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.COMPLETED]).values(
            *common, doc="order_id", paid_at="order__paid_at")
        counter = await RedemptionLine.filter(redemption__status="completed").values(
            *common, doc="redemption_id", business_date="redemption__business_date",
            merchant="redemption__merchant__name")
    return ([{**row, "business_date": None, "merchant": None} for row in online]
            + [{**row, "doc": -row["doc"], "paid_at": None} for row in counter])


def reference(lines: list[dict[str, Any]], prefix: str, group: str) -> dict[str, dict[str, Any]]:
    """The figures of each key from the lines whose origin code starts with `prefix`, as the account defines them."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in lines:
        if line["origin_code"].startswith(prefix):
            groups[_key(group, line)].append(line)
    out = {}
    for key, rows in groups.items():
        households: dict[int, int] = {}
        for r in rows:
            households[r["supplier_id"]] = max(households.get(r["supplier_id"], 0), r["households_lifted"])
        amount = sum(r["amount_fen"] for r in rows)
        poverty = sum(r["amount_fen"] for r in rows if r["poverty_county"])
        out[key] = {"amount_fen": amount, "orders": len({r["doc"] for r in rows}),
                    "quantity": sum(r["qty"] for r in rows), "suppliers": len(households),
                    "households": sum(households.values()),
                    "poverty_share": round(poverty / amount, 4) if amount else 0.0}
    return out
