"""A placed goods order sent to another of the consumer's addresses (POST /api/v1/orders/{no}/address): while it is
unpaid or paid and no parcel has left; refused with `order_not_reshippable` after, 404 for another's order or
address, 403 for every other role (administrator, clerk, supplier, official of every level of the order's region)."""
from __future__ import annotations

from api.keys import DATABASE, WECHATPAY_SANDBOX
from api.wechat.pay_sandbox import wait_for_deliveries
from models.storage.database import activated
from models.tables.catalog import Product
from models.tables.users import Role
from tests.support.http import auth, consumer_headers, official_headers, staff_token, supplier_headers
from tests.support.orders import ADDRESS, order, pay, shop

BEIJING = {"name": "王芳", "phone": "13912345678", "province": "北京市", "city": "北京市", "county": "海淀区",
           "detail": "中关村大街1号"}


async def _address(client, headers, values) -> int:
    resp = await client.post("/api/v1/me/addresses", json=values, headers=headers)
    assert resp.status == 201, await resp.text()
    return (await resp.json())["id"]


async def _reship(client, headers, order_no, address_id, status=200) -> dict:
    resp = await client.post(f"/api/v1/orders/{order_no}/address", json={"address_id": address_id}, headers=headers)
    body = await resp.json()
    assert resp.status == status, body
    return body


async def test_an_unpaid_order_goes_to_the_new_address(client, small_catalog):
    _, alice = await shop(client, small_catalog)
    placed = await order(client, alice, ("T-EGG-01", 1))
    body = await _reship(client, alice, placed["order_no"], await _address(client, alice, BEIJING))
    assert body["shipping"]["detail"] == "中关村大街1号"
    again = await (await client.get(f"/api/v1/orders/{placed['order_no']}", headers=alice)).json()
    assert again["shipping"]["name"] == "王芳"


async def test_a_paid_order_not_shipped_goes_to_the_new_address(client, small_catalog):
    _, alice = await shop(client, small_catalog)
    placed = await order(client, alice, ("T-EGG-01", 1))
    await pay(client, alice, placed["order_no"])
    await wait_for_deliveries(client.app[WECHATPAY_SANDBOX])
    body = await _reship(client, alice, placed["order_no"], await _address(client, alice, BEIJING))
    assert (body["status"], body["shipping"]["county"]) == ("paid", "海淀区")


async def test_a_shipped_order_keeps_its_address(client, small_catalog):
    admin, alice = await shop(client, small_catalog)
    placed = await order(client, alice, ("T-EGG-01", 1))
    await pay(client, alice, placed["order_no"])
    await wait_for_deliveries(client.app[WECHATPAY_SANDBOX])
    resp = await client.post(f"/api/v1/admin/orders/{placed['order_no']}/ship",
                             json={"carrier": "顺丰", "tracking_no": "SF42"}, headers=admin)
    assert resp.status == 200, await resp.text()
    body = await _reship(client, alice, placed["order_no"], await _address(client, alice, BEIJING), status=409)
    assert body["error"]["code"] == "order_not_reshippable"
    kept = await (await client.get(f"/api/v1/orders/{placed['order_no']}", headers=alice)).json()
    assert kept["shipping"]["detail"] == ADDRESS["detail"]


async def test_a_cancelled_order_keeps_its_address(client, small_catalog):
    _, alice = await shop(client, small_catalog)
    placed = await order(client, alice, ("T-EGG-01", 1))
    await client.post(f"/api/v1/orders/{placed['order_no']}/cancel", headers=alice)
    body = await _reship(client, alice, placed["order_no"], await _address(client, alice, BEIJING), status=409)
    assert body["error"]["code"] == "order_not_reshippable"


async def test_another_consumers_order_or_address_is_not_found(client, small_catalog):
    _, alice = await shop(client, small_catalog)
    bob = await consumer_headers(client, "bob")
    bobs_address = await _address(client, bob, BEIJING)
    placed = await order(client, alice, ("T-EGG-01", 1))
    not_hers = await _reship(client, bob, placed["order_no"], bobs_address, status=404)
    assert not_hers["error"]["code"] == "order_not_found"
    his_address = await _reship(client, alice, placed["order_no"], bobs_address, status=404)
    assert his_address["error"]["code"] == "address_not_found"


async def test_a_bad_address_id_is_refused_before_anything_changes(client, small_catalog):
    _, alice = await shop(client, small_catalog)
    placed = await order(client, alice, ("T-EGG-01", 1))
    body = await _reship(client, alice, placed["order_no"], "北京", status=422)
    assert body["error"]["code"] == "validation_error"


async def test_only_the_consumer_may_send_an_order_elsewhere(client, small_catalog):
    admin, alice = await shop(client, small_catalog)
    placed = await order(client, alice, ("T-EGG-01", 1))
    address_id = await _address(client, alice, BEIJING)
    clerk = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk-reship", merchant_name="佛冈专柜"))
    with activated(client.app[DATABASE]):
        egg_supplier = (await Product.get(sku="T-EGG-01")).supplier_id
    supplier = await supplier_headers(client, egg_supplier, "supplier-reship")
    officials = [await official_headers(client, level, region, f"reship-{level}")  # the order's own region, each level
                 for level, region in (("county", "441821"), ("city", "441800"), ("province", "440000"))]
    for headers in (admin, clerk, supplier, *officials):
        body = await _reship(client, headers, placed["order_no"], address_id, status=403)
        assert body["error"]["code"] == "forbidden"
