"""The administrator's order desk: orders found by the phone of their shipping address (digits only), by status;
one order with its payments and history; migration 0017 fills the phone of orders placed before it."""
from __future__ import annotations

from importlib import import_module
from types import SimpleNamespace

from api.keys import DATABASE, WECHATPAY_SANDBOX
from api.wechat.pay_sandbox import wait_for_deliveries
from models.storage import sql
from models.storage.database import activated
from models.tables.orders import Order
from tests.support.orders import ADDRESS, order, pay, shop

FIND = "/api/v1/admin/orders"


async def _find(client, admin, expect=200, **params):
    resp = await client.get(FIND, params=params, headers=admin)
    body = await resp.json()
    assert resp.status == expect, body
    return body


async def _second_consumer(client, phone: str):
    from tests.support.http import consumer_headers

    bob = await consumer_headers(client, "bob")
    resp = await client.post("/api/v1/me/addresses", json={**ADDRESS, "name": "李四", "phone": phone}, headers=bob)
    assert resp.status == 201, await resp.text()
    return bob


async def test_orders_are_found_by_the_phone_of_their_address_whatever_its_spacing(client, small_catalog):
    admin, alice = await shop(client, small_catalog)  # alice ships to 13800138000
    bob = await _second_consumer(client, "13900139000")
    first = (await order(client, alice, ("T-EGG-01", 1)))["order_no"]
    second = (await order(client, alice, ("T-EGG-01", 2)))["order_no"]
    await order(client, bob, ("T-EGG-01", 3))
    for typed in ("13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "(+86)13800138000"):
        found = await _find(client, admin, phone=typed)
        assert [o["order_no"] for o in found["items"]] == [second, first], typed  # newest first
        assert found["total"] == 2
        assert found["items"][0]["shipping"]["phone"] == "13800138000"
        assert found["items"][0]["items"][0]["qty"] == 2
    assert (await _find(client, admin, phone="13700137000"))["total"] == 0
    assert (await _find(client, admin))["total"] == 3  # no phone: every order
    page = await _find(client, admin, phone="13800138000", page=2, page_size=1)
    assert [o["order_no"] for o in page["items"]] == [first]


async def test_a_phone_that_is_not_one_is_refused_with_its_code(client, small_catalog):
    admin, _ = await shop(client, small_catalog)
    for typed in ("abc", "138", "12345678901234567890"):
        body = await _find(client, admin, expect=422, phone=typed)
        assert body["error"]["code"] in ("invalid_phone", "validation_error"), body
    body = await _find(client, admin, expect=422, phone="138")
    assert body["error"]["code"] == "invalid_phone"
    consumer_view = await client.get(FIND, params={"phone": "13800138000"}, headers=_)
    assert consumer_view.status == 403


async def test_orders_by_status_and_one_order_with_its_payments_and_history(client, small_catalog):
    admin, alice = await shop(client, small_catalog)
    unpaid = (await order(client, alice, ("T-EGG-01", 1)))["order_no"]
    paid = (await order(client, alice, ("T-EGG-01", 2)))["order_no"]
    await pay(client, alice, paid)
    await wait_for_deliveries(client.app[WECHATPAY_SANDBOX])
    to_ship = await _find(client, admin, status="paid")
    assert [o["order_no"] for o in to_ship["items"]] == [paid]
    await client.post(f"/api/v1/admin/orders/{paid}/ship", json={"carrier": "顺丰", "tracking_no": "SF42"},
                      headers=admin)

    resp = await client.get(f"{FIND}/{paid}/details", headers=admin)
    detail = await resp.json()
    assert resp.status == 200, detail
    assert (detail["order"]["status"], detail["order"]["tracking_no"]) == ("shipped", "SF42")
    assert detail["order"]["shipping"]["detail"] == ADDRESS["detail"]
    [payment] = detail["payments"]
    assert (payment["method"], payment["status"], payment["amount_fen"]) == ("wechat", "succeeded",
                                                                             detail["order"]["total_fen"])
    assert payment["succeeded_at"].endswith("+08:00")
    assert [e["to_status"] for e in detail["events"]] == ["pending_payment", "paid", "shipped"]
    assert detail["events"][-1]["reason"] == "顺丰 SF42"
    assert detail["events"][-1]["actor"] == "admin1"

    unpaid_detail = await (await client.get(f"{FIND}/{unpaid}/details", headers=admin)).json()
    assert unpaid_detail["payments"] == []
    missing = await client.get(f"{FIND}/20990101000000000000/details", headers=admin)
    assert missing.status == 404
    assert (await missing.json())["error"]["code"] == "order_not_found"


async def test_migration_0017_fills_the_phone_of_orders_placed_before_it(client, small_catalog):
    admin, alice = await shop(client, small_catalog)
    no = (await order(client, alice, ("T-EGG-01", 1)))["order_no"]
    with activated(client.app[DATABASE]):
        db = Order._meta.db
        await sql.execute(db, 'UPDATE "order" SET ship_phone = NULL WHERE order_no = ?', [no])  # as before 0017
        assert (await _find(client, admin, phone="13800138000"))["total"] == 0
        migration = import_module("models.migrations.0017_order_ship_phone")
        await migration.fill(None, SimpleNamespace(client=db))
        assert (await Order.get(order_no=no)).ship_phone == "13800138000"
    assert [o["order_no"] for o in (await _find(client, admin, phone="138 0013 8000"))["items"]] == [no]
