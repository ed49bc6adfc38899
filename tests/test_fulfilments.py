"""Suppliers fulfil their own orders (issue 18): one parcel per supplier, shipped in parts, the consumer's view after
each, supplier isolation, a refund after a partial shipment, a double ship, the admin's ship of what is left."""
from __future__ import annotations

import asyncio
from importlib import import_module

from api.keys import DATABASE
from models.storage import sql
from models.storage.database import activated
from models.tables.orders import Fulfilment, OrderEvent, StockMovement
from tests.support.cards import buy_cards, reconcile
from tests.support.chat import Chat
from tests.support.http import admin_headers, consumer_headers, import_csv
from tests.support.orders import ADDRESS, order, shop, stock_of
from tests.support.suppliers import (
    EGGS,
    HONEY,
    RICE,
    SUPPLIERS,
    consumer_view,
    paid_wechat_order,
    parcels,
    ship,
    supplier_staff,
)


async def three_suppliers(client, small_catalog):
    admin, consumer = await shop(client, small_catalog)
    staff = {sku: await supplier_staff(client, admin, sku, f"staff-{sku.lower()}") for sku in (EGGS, RICE, HONEY)}
    return admin, consumer, staff


async def test_an_order_from_three_suppliers_ships_in_three_parts(client, small_catalog):
    admin, consumer, staff = await three_suppliers(client, small_catalog)
    no = await paid_wechat_order(client, consumer, (EGGS, 2), (RICE, 1), (HONEY, 1))
    view = await consumer_view(client, consumer, no)
    assert (view["status"], view["partly_shipped"]) == ("paid", False)
    assert {(f["supplier"], f["state"]) for f in view["fulfilments"]} == {(s, "pending") for s in SUPPLIERS.values()}

    for n, sku in enumerate((EGGS, RICE, HONEY), start=1):
        [mine] = (await parcels(client, staff[sku], "pending"))["items"]
        wanted = (no, [(sku, 2 if sku == EGGS else 1)])
        assert (mine["order_no"], [(x["sku"], x["qty"]) for x in mine["lines"]]) == wanted
        assert mine["address"]["phone"] == ADDRESS["phone"]
        shipped = await ship(client, staff[sku], mine["id"], f"SF{n}")
        assert (shipped["state"], shipped["tracking_no"]) == ("shipped", f"SF{n}")
        view = await consumer_view(client, consumer, no)
        by_supplier = {f["supplier"]: f for f in view["fulfilments"]}
        assert by_supplier[SUPPLIERS[sku]]["tracking_no"] == f"SF{n}"
        assert by_supplier[SUPPLIERS[sku]]["lines"][0]["sku"] == sku
        assert by_supplier[SUPPLIERS[sku]]["shipped_at"]
        assert sum(f["state"] == "shipped" for f in view["fulfilments"]) == n
        assert view["status"] == ("shipped" if n == 3 else "paid")
        assert view["partly_shipped"] is (n < 3)
        assert (await parcels(client, staff[sku], "pending"))["total"] == 0
        assert (await parcels(client, staff[sku], "shipped"))["total"] == 1
    with activated(client.app[DATABASE]):
        events = await OrderEvent.filter(order__order_no=no).order_by("id").values_list("to_status", flat=True)
    assert events == ["pending_payment", "paid", "shipped"]
    audit = await (await client.get("/api/v1/admin/audit", params={"action": "fulfilment.ship"},
                                    headers=admin)).json()
    assert len(audit["items"]) == 3
    assert (await client.post(f"/api/v1/orders/{no}/confirm-receipt", headers=consumer)).status == 200


async def test_suppliers_see_and_touch_only_their_own(client, small_catalog):
    _, consumer, staff = await three_suppliers(client, small_catalog)
    no = await paid_wechat_order(client, consumer, (EGGS, 1), (RICE, 1))
    [eggs] = (await parcels(client, staff[EGGS]))["items"]
    assert (eggs["order_no"], [x["sku"] for x in eggs["lines"]]) == (no, [EGGS])
    assert (await parcels(client, staff[HONEY]))["total"] == 0
    for method, path, body in (("GET", f"/api/v1/supplier/fulfilments/{eggs['id']}", None),
                               ("POST", f"/api/v1/supplier/fulfilments/{eggs['id']}/ship",
                                {"carrier": "顺丰", "tracking_no": "X1"}),
                               ("PATCH", f"/api/v1/supplier/products/{EGGS}", {"stock": 1})):
        resp = await client.request(method, path, json=body, headers=staff[RICE])
        assert resp.status == 404, await resp.text()
        assert (await resp.json())["error"]["code"] in {"fulfilment_not_found", "product_not_found"}
    products = await (await client.get("/api/v1/supplier/products", headers=staff[RICE])).json()
    assert [p["sku"] for p in products["items"]] == [RICE]
    assert (await client.get("/api/v1/supplier/fulfilments", headers=consumer)).status == 403
    assert (await client.get("/api/v1/admin/orders", headers=staff[RICE])).status == 403
    assert await stock_of(client, EGGS) == 499  # nothing changed by the refused PATCH
    view = await consumer_view(client, consumer, no)
    assert {f["state"] for f in view["fulfilments"]} == {"pending"}


async def test_a_refund_after_one_parcel_shipped_covers_the_rest_only(client, small_catalog, settings):
    admin = await admin_headers(client)
    await import_csv(client, small_catalog, admin)
    alice = await consumer_headers(client, "alice")
    await client.post("/api/v1/me/addresses", json=ADDRESS, headers=alice)
    card_no = (await buy_cards(client, alice))[0]["card_no"]  # 200 yuan
    eggs_staff = await supplier_staff(client, admin, EGGS, "staff-eggs")
    no = (await order(client, alice, (EGGS, 1), (RICE, 1), (HONEY, 1)))["order_no"]
    resp = await client.post(f"/api/v1/orders/{no}/pay", json={"method": "card", "card_no": card_no}, headers=alice)
    assert resp.status == 200, await resp.text()
    total = 3990 + 6800 + 5850
    [part] = (await parcels(client, eggs_staff, "pending"))["items"]
    await ship(client, eggs_staff, part["id"], "SF-EGG")

    resp = await client.post(f"/api/v1/admin/orders/{no}/refund", json={"reason": "其余缺货"}, headers=admin)
    assert resp.status == 200, await resp.text()
    body = await resp.json()
    assert (body["status"], body["refunded_fen"]) == ("refunded", 6800 + 5850)
    assert {(f["supplier"], f["state"]) for f in body["fulfilments"]} == {
        (SUPPLIERS[EGGS], "shipped"), (SUPPLIERS[RICE], "refunded"), (SUPPLIERS[HONEY], "refunded")}
    card = await (await client.get(f"/api/v1/cards/{card_no}", headers=alice)).json()
    assert card["balance_fen"] == 20000 - total + 6800 + 5850  # the eggs that left stay paid for
    assert [await stock_of(client, sku) for sku in (EGGS, RICE, HONEY)] == [499, 300, 200]
    with activated(client.app[DATABASE]):
        released = await StockMovement.filter(order__order_no=no, reason="release").values_list("delta", flat=True)
    assert sorted(released) == [1, 1]
    await ship(client, eggs_staff, part["id"], "SF-AGAIN", status=409)
    done = reconcile(settings)
    assert done.returncode == 0, done.stdout + done.stderr


async def test_a_refund_before_any_shipment_gives_back_every_line(client, small_catalog):
    admin, consumer, _ = await three_suppliers(client, small_catalog)
    no = await paid_wechat_order(client, consumer, (EGGS, 3), (RICE, 2))
    resp = await client.post(f"/api/v1/admin/orders/{no}/refund", json={"reason": "买家申请"}, headers=admin)
    body = await resp.json()
    assert (body["refunded_fen"], {f["state"] for f in body["fulfilments"]}) == (3 * 3990 + 2 * 6800, {"refunded"})
    assert (await stock_of(client, EGGS), await stock_of(client, RICE)) == (500, 300)


async def test_a_double_ship_of_one_parcel_ships_it_once(client, small_catalog):
    admin, consumer, staff = await three_suppliers(client, small_catalog)
    no = await paid_wechat_order(client, consumer, (EGGS, 1))
    [part] = (await parcels(client, staff[EGGS]))["items"]
    url = f"/api/v1/supplier/fulfilments/{part['id']}/ship"
    replies = await asyncio.gather(*(client.post(url, json={"carrier": "顺丰", "tracking_no": f"SF{i}"},
                                                 headers=staff[EGGS]) for i in range(2)))
    assert sorted(r.status for r in replies) == [200, 409]
    loser = next(r for r in replies if r.status == 409)
    assert (await loser.json())["error"]["code"] == "fulfilment_not_pending"
    with activated(client.app[DATABASE]):
        events = await OrderEvent.filter(order__order_no=no).values_list("to_status", flat=True)
    assert events.count("shipped") == 1
    audit = await (await client.get("/api/v1/admin/audit", params={"action": "fulfilment.ship"},
                                    headers=admin)).json()
    assert len(audit["items"]) == 1
    view = await consumer_view(client, consumer, no)
    tracking = view["fulfilments"][0]["tracking_no"]
    assert (view["status"], view["carrier"], view["tracking_no"]) == ("shipped", "顺丰", tracking)


async def test_the_admin_ships_what_is_left_as_one_parcel(client, small_catalog):
    admin, consumer, staff = await three_suppliers(client, small_catalog)
    no = await paid_wechat_order(client, consumer, (EGGS, 1), (RICE, 1), (HONEY, 1))
    [part] = (await parcels(client, staff[RICE]))["items"]
    await ship(client, staff[RICE], part["id"], "SF-RICE")
    resp = await client.post(f"/api/v1/admin/orders/{no}/ship", json={"carrier": "EMS", "tracking_no": "E9"},
                             headers=admin)
    assert resp.status == 200, await resp.text()
    view = await consumer_view(client, consumer, no)
    assert view["status"] == "shipped"
    assert sorted(f["tracking_no"] for f in view["fulfilments"]) == ["E9", "E9", "SF-RICE"]


async def test_supplier_stock_sales_and_downloads(client, small_catalog):
    _, consumer, staff = await three_suppliers(client, small_catalog)
    resp = await client.post("/api/v1/orders", json={"items": [{"sku": EGGS, "qty": 2}, {"sku": RICE, "qty": 1}],
                                                      "note": "=HYPERLINK(\"http://x.example\")"}, headers=consumer)
    no = (await resp.json())["order_no"]
    await client.post(f"/api/v1/orders/{no}/pay", json={"method": "wechat"}, headers=consumer)
    await paid_wechat_order(client, consumer, (EGGS, 1))
    resp = await client.patch(f"/api/v1/supplier/products/{EGGS}", json={"stock": 400, "expected_stock": 450},
                              headers=staff[EGGS])
    assert (resp.status, (await resp.json())["error"]["code"]) == (409, "stock_changed")
    resp = await client.patch(f"/api/v1/supplier/products/{EGGS}", json={"stock": 400, "expected_stock": 497},
                              headers=staff[EGGS])
    assert (resp.status, (await resp.json())["stock"]) == (200, 400)
    with activated(client.app[DATABASE]):
        adjust = await StockMovement.filter(product__sku=EGGS, reason="adjust").values_list("delta", "actor_id")
    assert [d for d, _ in adjust] == [-97]
    assert adjust[0][1] is not None  # who counted
    sales = await (await client.get("/api/v1/supplier/sales", headers=staff[EGGS])).json()
    assert (sales["amount_fen"], sales["quantity"], sales["orders"], sales["households"]) == (3 * 3990, 3, 2, 120)
    assert [(r["key"], r["amount_fen"]) for r in sales["by_product"]] == [(EGGS, 3 * 3990)]
    assert sum(r["amount_fen"] for r in sales["by_day"]) == 3 * 3990

    csv = await client.get("/api/v1/supplier/fulfilments/export", params={"format": "csv"}, headers=staff[EGGS])
    text = (await csv.read()).decode("utf-8-sig")
    assert csv.status == 200
    assert text.splitlines()[0].startswith("发货单号,订单号")
    assert no in text
    assert "39.90" in text
    assert "金线美" not in text  # another supplier's line
    assert "'=HYPERLINK(" in text  # a formula is written as text
    xlsx = await client.get("/api/v1/supplier/fulfilments/export", params={"format": "xlsx"}, headers=staff[EGGS])
    assert xlsx.status == 200
    assert (await xlsx.read())[:2] == b"PK"


async def test_the_migration_opens_parcels_for_orders_already_paid(client, small_catalog):
    _, consumer, staff = await three_suppliers(client, small_catalog)
    no = await paid_wechat_order(client, consumer, (EGGS, 1), (RICE, 1))
    with activated(client.app[DATABASE]):
        await Fulfilment.filter(order__order_no=no).delete()  # as before the fulfilments existed
        await sql.db().execute_script(import_module("models.migrations.0019_fulfilment").FILL)
    assert {f["state"] for f in (await consumer_view(client, consumer, no))["fulfilments"]} == {"pending"}
    assert (await parcels(client, staff[RICE], "pending"))["total"] == 1


async def test_the_chat_lists_each_parcel_with_its_tracking_number(client, small_catalog):
    _, consumer, staff = await three_suppliers(client, small_catalog)
    no = await paid_wechat_order(client, consumer, (EGGS, 1), (RICE, 1))
    [part] = (await parcels(client, staff[RICE]))["items"]
    await ship(client, staff[RICE], part["id"], "SF777")
    reply = (await Chat(client, consumer).say("订单到哪了"))["reply"]
    assert no in reply
    assert "2个包裹，已发1个" in reply
    assert f"{SUPPLIERS[RICE]}：已发货，顺丰单号SF777" in reply
    assert f"{SUPPLIERS[EGGS]}：待发货" in reply
