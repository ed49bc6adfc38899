"""Orders: reservation that never oversells, all-or-nothing lines, the state machine, privacy."""
from __future__ import annotations

import asyncio

from api.keys import DATABASE
from models.storage.database import activated
from models.tables.catalog import Product
from models.tables.orders import StockMovement
from tests.support.http import consumer_headers
from tests.support.orders import ADDRESS, order, shop, stock_of


async def set_stock(client, sku: str, stock: int) -> None:
    with activated(client.app[DATABASE]):
        await Product.filter(sku=sku).update(stock=stock)


async def test_order_snapshots_lines_and_reserves_stock(client, small_catalog):
    _, consumer = await shop(client, small_catalog)
    body = await order(client, consumer, ("T-EGG-01", 2), ("T-RICE-01", 1))
    assert body["kind"] == "goods"
    assert body["status"] == "pending_payment"
    assert body["total_fen"] == 2 * 3990 + 6800
    assert len(body["order_no"]) == 20
    assert body["order_no"].isdigit()
    assert {(i["sku"], i["qty"], i["price_fen"]) for i in body["items"]} == {
        ("T-EGG-01", 2, 3990), ("T-RICE-01", 1, 6800)}
    assert body["items"][0]["origin_county"] == "佛冈县"
    assert body["shipping"]["phone"] == "13800138000"
    assert await stock_of(client, "T-EGG-01") == 498
    listing = await (await client.get("/api/v1/orders", headers=consumer)).json()
    assert listing["total"] == 1
    assert listing["items"][0]["order_no"] == body["order_no"]
    assert set(listing["items"][0]) >= {"order_no", "kind", "status", "total_fen", "items", "created_at"}


async def test_fifty_concurrent_orders_for_twenty_in_stock(client, small_catalog):
    await shop(client, small_catalog)
    await set_stock(client, "T-APPLE-02", 20)
    buyers = []
    for i in range(10):
        headers = await consumer_headers(client, f"buyer{i}")
        await client.post("/api/v1/me/addresses", json=ADDRESS, headers=headers)
        buyers.append(headers)
    attempts = [client.post("/api/v1/orders", json={"items": [{"sku": "T-APPLE-02", "qty": 1}]}, headers=buyers[i % 10])
                for i in range(50)]
    responses = await asyncio.gather(*attempts)
    statuses = sorted(r.status for r in responses)
    assert statuses.count(201) == 20
    assert statuses.count(409) == 30
    codes = {(await r.json())["error"]["code"] for r in responses if r.status == 409}
    assert codes == {"out_of_stock"}
    assert await stock_of(client, "T-APPLE-02") == 0
    with activated(client.app[DATABASE]):
        moved = await StockMovement.filter(product__sku="T-APPLE-02", reason="reserve").values_list("delta", flat=True)
    assert sum(moved) == -20


async def test_failing_second_line_reserves_nothing(client, small_catalog):
    _, consumer = await shop(client, small_catalog)
    await set_stock(client, "T-RICE-01", 1)
    body = await order(client, consumer, ("T-EGG-01", 3), ("T-RICE-01", 2), status=409)
    assert body["error"]["code"] == "out_of_stock"
    assert body["error"]["details"]["sku"] == "T-RICE-01"
    assert await stock_of(client, "T-EGG-01") == 500
    assert await stock_of(client, "T-RICE-01") == 1
    assert (await (await client.get("/api/v1/orders", headers=consumer)).json())["total"] == 0


async def test_unsellable_unknown_and_bad_quantities(client, small_catalog):
    _, consumer = await shop(client, small_catalog)
    body = await order(client, consumer, ("T-HONEY-02", 1), status=422)  # expired certificate
    assert body["error"]["code"] == "product_not_sellable"
    assert body["error"]["details"]["sku"] == "T-HONEY-02"
    body = await order(client, consumer, ("T-PEND-01", 1), status=422)  # pending
    assert body["error"]["details"]["sku"] == "T-PEND-01"
    body = await order(client, consumer, ("NOPE", 1), status=404)
    assert body["error"]["code"] == "product_not_found"
    for bad in (0, -1, 1000, 1.5, "2"):
        resp = await client.post("/api/v1/orders", json={"items": [{"sku": "T-EGG-01", "qty": bad}]}, headers=consumer)
        assert resp.status == 422, bad
    body = await order(client, consumer, ("T-EGG-01", 600), ("T-EGG-01", 600), status=422)
    assert body["error"]["code"] == "invalid_quantity"


async def test_order_needs_an_address(client, small_catalog):
    await shop(client, small_catalog)
    bob = await consumer_headers(client, "bob")
    body = await order(client, bob, ("T-EGG-01", 1), status=422)
    assert body["error"]["code"] == "address_required"


async def test_state_machine_and_stock(client, small_catalog):
    admin, consumer = await shop(client, small_catalog)
    no = (await order(client, consumer, ("T-EGG-01", 5)))["order_no"]
    assert (await client.post(f"/api/v1/admin/orders/{no}/ship", json={"carrier": "顺丰", "tracking_no": "SF1"},
                              headers=admin)).status == 409
    assert (await client.post(f"/api/v1/orders/{no}/confirm-receipt", headers=consumer)).status == 409
    resp = await client.post(f"/api/v1/orders/{no}/cancel", headers=consumer)
    assert resp.status == 200
    assert (await resp.json())["status"] == "cancelled"
    assert await stock_of(client, "T-EGG-01") == 500
    again = await client.post(f"/api/v1/orders/{no}/cancel", headers=consumer)
    assert again.status == 409
    assert (await again.json())["error"]["code"] == "invalid_transition"
    assert await stock_of(client, "T-EGG-01") == 500
    refund = await client.post(f"/api/v1/admin/orders/{no}/refund", json={"reason": "x"}, headers=admin)
    assert refund.status == 409


async def test_other_users_order_is_not_found(client, small_catalog):
    _, alice = await shop(client, small_catalog)
    no = (await order(client, alice, ("T-EGG-01", 1)))["order_no"]
    mallory = await consumer_headers(client, "mallory")
    for method, path in (("GET", f"/api/v1/orders/{no}"), ("POST", f"/api/v1/orders/{no}/cancel"),
                         ("POST", f"/api/v1/orders/{no}/confirm-receipt")):
        resp = await client.request(method, path, headers=mallory)
        assert resp.status == 404
        assert (await resp.json())["error"]["code"] == "order_not_found"
    assert (await client.get(f"/api/v1/orders/{no}", headers=alice)).status == 200
    assert (await (await client.get("/api/v1/orders", headers=mallory)).json())["total"] == 0


async def test_unpaid_orders_time_out_once_with_two_workers(make_client, small_catalog):
    worker_a = await make_client(order_pay_timeout_seconds=0, order_sweep_seconds=0.05)
    worker_b = await make_client(order_pay_timeout_seconds=0, order_sweep_seconds=0.05)
    _, consumer = await shop(worker_a, small_catalog)
    numbers = [(await order(worker_a, consumer, ("T-EGG-01", 2)))["order_no"] for _ in range(5)]
    for _ in range(100):
        listing = await (await worker_b.get("/api/v1/orders?status=cancelled", headers=consumer)).json()
        if listing["total"] == 5:
            break
        await asyncio.sleep(0.05)
    assert listing["total"] == 5
    assert await stock_of(worker_a, "T-EGG-01") == 500
    with activated(worker_a.app[DATABASE]):
        from models.tables.orders import OrderEvent

        events = await OrderEvent.filter(order__order_no__in=numbers, to_status="cancelled").count()
        released = await StockMovement.filter(order__order_no__in=numbers, reason="release").count()
    assert events == 5
    assert released == 5
