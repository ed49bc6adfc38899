"""Paying through the WeChat Pay v3 sandbox: exactly once, tampering refused, the life after payment."""
from __future__ import annotations

from datetime import timedelta, timezone

import pytest

from api.keys import DATABASE, WECHATPAY, WECHATPAY_SANDBOX
from api.wechat.pay_crypto import verify
from api.wechat.pay_sandbox import send_notification, wait_for_deliveries
from models.storage import sql
from models.storage.database import activated
from models.tables.orders import OrderEvent
from models.tables.payments import Payment, PaymentNotification
from tests.support.http import consumer_headers
from tests.support.orders import order, pay, shop, stock_of


async def status_of(client, headers, order_no) -> str:
    return (await (await client.get(f"/api/v1/orders/{order_no}", headers=headers)).json())["status"]


async def test_pay_through_the_sandbox(client, small_catalog):
    _, consumer = await shop(client, small_catalog)
    no = (await order(client, consumer, ("T-EGG-01", 2)))["order_no"]
    body = await pay(client, consumer, no)
    params = body["request_payment"]
    assert params["package"].startswith("prepay_id=")
    assert params["signType"] == "RSA"
    assert set(params) == {"timeStamp", "nonceStr", "package", "signType", "paySign"}
    await wait_for_deliveries(client.app[WECHATPAY_SANDBOX])
    assert await status_of(client, consumer, no) == "paid"
    with activated(client.app[DATABASE]):
        kept = await PaymentNotification.all().values_list("outcome", flat=True)
        # WeChat's success_time says +08:00; it is stored in UTC, which SQLite's text comparisons (the statistics'
        # day bounds) depend on: a +08:00 text fell outside "today" from 16:00 Shanghai time on.
        [raw] = await sql.query(Payment._meta.db, 'SELECT paid_at FROM "order" WHERE order_no = ?', [no])
    assert kept == ["accepted"]
    assert sql.timestamp(raw["paid_at"]).utcoffset() == timedelta(0)


@pytest.fixture
async def manual(make_client, small_catalog):
    """An app whose sandbox waits to be told to pay; returns (client, consumer headers, order_no, out_trade_no)."""
    client = await make_client(wechatpay_sandbox_auto_pay=False)
    _, consumer = await shop(client, small_catalog)
    no = (await order(client, consumer, ("T-EGG-01", 1)))["order_no"]
    await pay(client, consumer, no)
    with activated(client.app[DATABASE]):
        trade_no = (await Payment.get(order__order_no=no)).out_trade_no
    return client, consumer, no, trade_no


@pytest.mark.parametrize("tamper", ["signature", "amount", "timestamp", "serial", "key"])
async def test_tampered_notifications_change_nothing(manual, tamper):
    client, consumer, no, trade_no = manual
    status, text = await send_notification(client.app[WECHATPAY_SANDBOX], trade_no, tamper=tamper)
    assert status in (400, 401)
    assert '"FAIL"' in text
    assert await status_of(client, consumer, no) == "pending_payment"
    status, _ = await send_notification(client.app[WECHATPAY_SANDBOX], trade_no)
    assert status == 204
    assert await status_of(client, consumer, no) == "paid"
    with activated(client.app[DATABASE]):
        outcomes = await PaymentNotification.all().order_by("id").values_list("outcome", flat=True)
    assert outcomes[0].startswith("rejected")
    assert outcomes[1] == "accepted"


async def test_duplicate_notification_is_absorbed(manual):
    client, _, no, trade_no = manual
    sandbox = client.app[WECHATPAY_SANDBOX]
    assert (await send_notification(sandbox, trade_no))[0] == 204
    assert (await send_notification(sandbox, trade_no))[0] == 204
    with activated(client.app[DATABASE]):
        paid_events = await OrderEvent.filter(order__order_no=no, to_status="paid").count()
        outcomes = await PaymentNotification.all().order_by("id").values_list("outcome", flat=True)
    assert paid_events == 1
    assert outcomes == ["accepted", "duplicate"]


async def test_garbage_notification_is_refused(client):
    resp = await client.post("/api/v1/payments/wechat/notify", data=b"not json at all")
    assert resp.status in (400, 401)
    assert (await resp.json())["code"] == "FAIL"


async def test_pay_sign_verifies_with_the_merchant_key(client, small_catalog):
    _, consumer = await shop(client, small_catalog)
    no = (await order(client, consumer, ("T-EGG-01", 1)))["order_no"]
    params = (await pay(client, consumer, no))["request_payment"]
    config = client.app[WECHATPAY]
    message = f"{config.appid}\n{params['timeStamp']}\n{params['nonceStr']}\n{params['package']}\n".encode()
    assert verify(config.merchant_private_key.public_key(), message, params["paySign"])


async def test_someone_elses_order_cannot_be_paid(client, small_catalog):
    _, alice = await shop(client, small_catalog)
    no = (await order(client, alice, ("T-EGG-01", 1)))["order_no"]
    mallory = await consumer_headers(client, "mallory")
    body = await pay(client, mallory, no, status=404)
    assert body["error"]["code"] == "order_not_found"
    await pay(client, alice, "20260101000000000000", status=404)


async def test_cancelled_order_cannot_be_paid_and_unknown_method(client, small_catalog):
    _, consumer = await shop(client, small_catalog)
    no = (await order(client, consumer, ("T-EGG-01", 1)))["order_no"]
    resp = await client.post(f"/api/v1/orders/{no}/pay", json={"method": "bitcoin"}, headers=consumer)
    assert resp.status == 422
    assert (await resp.json())["error"]["code"] == "unsupported_payment_method"
    await client.post(f"/api/v1/orders/{no}/cancel", headers=consumer)
    body = await pay(client, consumer, no, status=409)
    assert body["error"]["code"] == "order_not_payable"


async def paid_order(client, consumer, qty=3) -> str:
    no = (await order(client, consumer, ("T-EGG-01", qty)))["order_no"]
    await pay(client, consumer, no)
    await wait_for_deliveries(client.app[WECHATPAY_SANDBOX])
    assert await status_of(client, consumer, no) == "paid"
    return no


async def test_life_after_payment(client, small_catalog):
    admin, consumer = await shop(client, small_catalog)
    no = await paid_order(client, consumer)
    assert (await client.post(f"/api/v1/orders/{no}/cancel", headers=consumer)).status == 409
    assert (await client.post(f"/api/v1/orders/{no}/confirm-receipt", headers=consumer)).status == 409
    resp = await client.post(f"/api/v1/admin/orders/{no}/ship", json={"carrier": "顺丰", "tracking_no": "SF123"},
                             headers=admin)
    assert resp.status == 200
    assert (await resp.json())["tracking_no"] == "SF123"
    assert (await client.post(f"/api/v1/admin/orders/{no}/ship", json={"carrier": "顺丰", "tracking_no": "SF1"},
                              headers=admin)).status == 409
    resp = await client.post(f"/api/v1/orders/{no}/confirm-receipt", headers=consumer)
    assert (await resp.json())["status"] == "completed"
    for path, body in ((f"/api/v1/admin/orders/{no}/refund", {"reason": "x"}),
                       (f"/api/v1/admin/orders/{no}/cancel", {"reason": "x"})):
        resp = await client.post(path, json=body, headers=admin)
        assert resp.status == 409
        assert (await resp.json())["error"]["code"] == "invalid_transition"
    assert await stock_of(client, "T-EGG-01") == 497


async def test_refunds_restore_stock_only_if_not_shipped(client, small_catalog):
    admin, consumer = await shop(client, small_catalog)
    unshipped = await paid_order(client, consumer, qty=3)
    shipped = await paid_order(client, consumer, qty=4)
    await client.post(f"/api/v1/admin/orders/{shipped}/ship", json={"carrier": "EMS", "tracking_no": "E1"},
                      headers=admin)
    assert await stock_of(client, "T-EGG-01") == 493
    for no in (unshipped, shipped):
        resp = await client.post(f"/api/v1/admin/orders/{no}/refund", json={"reason": "买家申请退款"}, headers=admin)
        assert resp.status == 200
        assert (await resp.json())["status"] == "refunded"
    assert await stock_of(client, "T-EGG-01") == 496
    with activated(client.app[DATABASE]):
        events = await OrderEvent.filter(order__order_no=unshipped).order_by("id").values_list("to_status", flat=True)
    assert events == ["pending_payment", "paid", "refunding", "refunded"]


async def test_payment_times_kept_with_an_offset_are_repaired_by_migration_0009(client, small_catalog):
    """Before payments stored UTC, SQLite kept WeChat's +08:00 text; migration 0009 rewrites it in UTC and has the
    statistics computed again, so the order counts on its day again (PostgreSQL kept UTC all along)."""
    from importlib import import_module
    from types import SimpleNamespace

    admin, consumer = await shop(client, small_catalog)
    no = (await order(client, consumer, ("T-EGG-01", 2)))["order_no"]
    await pay(client, consumer, no)
    await wait_for_deliveries(client.app[WECHATPAY_SANDBOX])
    with activated(client.app[DATABASE]):
        db = Payment._meta.db
        [before] = await sql.query(db, 'SELECT paid_at FROM "order" WHERE order_no = ?', [no])
        if db.capabilities.dialect == "sqlite":  # the text an older release wrote: the same instant at +08:00
            shanghai = sql.timestamp(before["paid_at"]).astimezone(timezone(timedelta(hours=8)))
            await sql.execute(db, 'UPDATE "order" SET paid_at = ? WHERE order_no = ?',
                              [shanghai.replace(microsecond=0).isoformat(" "), no])
        await import_module("models.migrations.0009_paid_at_in_utc").to_utc(None, SimpleNamespace(client=db))
        [after] = await sql.query(db, 'SELECT paid_at FROM "order" WHERE order_no = ?', [no])
    paid = sql.timestamp(after["paid_at"])
    assert paid.utcoffset() == timedelta(0)
    assert abs(paid - sql.timestamp(before["paid_at"])) < timedelta(seconds=1)
    resp = await client.get("/api/v1/admin/stats", params={"group_by": "day"}, headers=admin)
    stats = await resp.json()
    assert resp.status == 200, stats
    assert stats["total"]["amount_fen"] == 2 * 3990
    assert stats["total"]["orders"] == 1
