"""Metrics and logs people can follow (issue 19, items 1 and 2): GET /metrics parses and moves with the requests
made, only loopback or the METRICS_TOKEN may read it; every log line of a request carries its id; no secret is
ever written to the log."""
from __future__ import annotations

import re
from unittest import mock

import pytest
from aiohttp.test_utils import make_mocked_request

from api.app import create_app
from api.metrics import check_access
from models.errors import Forbidden, Unauthenticated
from models.tables.users import Role
from tests.support.batches import activated_batch
from tests.support.cards import buy_cards, pay_code, redeem
from tests.support.http import admin_headers, auth, consumer_headers, import_csv, staff_token
from tests.support.observability import json_log, lines, parse, served_as_in_production, value
from tests.support.orders import ADDRESS, order
from tests.support.org_report import claim, pay_by_card

SKU = "T-EGG-01"


async def scrape(client, **headers: str) -> dict:
    resp = await client.get("/metrics", headers=headers)
    text = await resp.text()
    assert resp.status == 200, text
    assert resp.headers["Content-Type"].startswith("text/plain")
    return parse(text)


async def test_metrics_parse_and_move_with_requests(client, small_catalog):
    admin = await admin_headers(client)
    await import_csv(client, small_catalog, admin)
    clerk = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk1", merchant_name="佛冈专柜"))
    alice = await consumer_headers(client, "alice")
    assert (await client.post("/api/v1/me/addresses", json=ADDRESS, headers=alice)).status == 201
    card_no = (await buy_cards(client, alice))[0]["card_no"]
    before = await scrape(client)

    for _ in range(3):
        assert (await client.get(f"/api/v1/products/{SKU}")).status == 200
    assert (await client.get("/api/v1/products/NO-SUCH-SKU")).status == 404
    placed = await order(client, alice, (SKU, 1))
    assert (await client.post(f"/api/v1/orders/{placed['order_no']}/cancel", headers=alice)).status == 200
    receipt = await redeem(client, clerk, await pay_code(client, alice, card_no), [(SKU, 2)], "obs-key-0001")
    chat = await client.post("/api/v1/chat", json={"message": "你好"}, headers=alice)
    assert chat.status == 200, await chat.text()
    after = await scrape(client)

    def moved(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    route = "/api/v1/products/{sku}"
    assert moved("aixin_http_requests_total", route=route, method="GET", status="200") == 3
    assert moved("aixin_http_requests_total", route=route, method="GET", status="404") == 1
    assert moved("aixin_http_request_duration_seconds_count", route=route, method="GET") == 4
    assert moved("aixin_http_request_db_seconds_count", route=route, method="GET") == 4
    assert moved("aixin_http_request_db_seconds_sum", route=route, method="GET") > 0
    assert moved("aixin_orders_placed_total", kind="goods") == 1
    assert moved("aixin_orders_cancelled_total", by="user") == 1
    assert moved("aixin_redemptions_total", via="pay_code") == 1
    assert moved("aixin_redeemed_fen_total", via="pay_code") == receipt["amount_fen"] > 0
    assert moved("aixin_chat_turns_total", intent=(await chat.json())["intent"]) == 1
    assert value(after, "aixin_orders_paid_total", kind="card", method="wechat") >= 1
    assert value(after, "aixin_cards_issued_total", how="purchase") >= 1
    assert value(after, "aixin_orders_unpaid") == 0  # the one goods order was cancelled
    assert value(after, "aixin_search_index_products") > 0
    assert 0 <= value(after, "aixin_search_index_age_seconds") < 60


async def test_card_batches_and_voids_are_counted(client, small_catalog):
    admin = await admin_headers(client)
    await import_csv(client, small_catalog, admin)
    clerk = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk1", merchant_name="佛冈专柜"))
    before = await scrape(client)
    _, cards = await activated_batch(client, admin, count=3)
    receipt = await redeem(client, clerk, cards[0]["qr"], [(SKU, 1)], "obs-key-qr-01")
    voided = await client.post(f"/api/v1/merchant/redemptions/{receipt['id']}/void", json={"reason": "试"},
                               headers=clerk)
    assert voided.status == 200, await voided.text()
    after = await scrape(client)
    assert value(after, "aixin_cards_issued_total", how="batch") - value(before, "aixin_cards_issued_total",
                                                                          how="batch") == 3
    assert value(after, "aixin_cards_activated_total", how="batch") - value(
        before, "aixin_cards_activated_total", how="batch") == 3
    assert value(after, "aixin_redemptions_total", via="qr") - value(before, "aixin_redemptions_total", via="qr") == 1
    assert value(after, "aixin_redemption_voided_fen_total") - value(
        before, "aixin_redemption_voided_fen_total") == receipt["amount_fen"]


def _request(app, peer: str, authorization: str | None = None):
    transport = mock.Mock()
    transport.get_extra_info.side_effect = lambda name, default=None: (peer, 40000) if name == "peername" else default
    headers = {"Authorization": authorization} if authorization else {}
    return make_mocked_request("GET", "/metrics", headers=headers, app=app, transport=transport)


async def test_metrics_refused_from_elsewhere_without_the_token(make_client):
    client = await make_client(metrics_token="metrics-token-0123456789")
    app = client.app
    check_access(_request(app, "127.0.0.1"))
    check_access(_request(app, "::1"))
    with pytest.raises(Unauthenticated) as missing:
        check_access(_request(app, "203.0.113.5"))
    assert missing.value.code == "metrics_token_required"
    with pytest.raises(Forbidden) as wrong:
        check_access(_request(app, "203.0.113.5", "Bearer metrics-token-wrong"))
    assert wrong.value.code == "metrics_forbidden"
    check_access(_request(app, "203.0.113.5", "Bearer metrics-token-0123456789"))


async def test_metrics_through_a_proxy_need_the_token(make_client):
    """The test client is loopback; declared a trusted proxy, it stands for any client behind the proxy."""
    client = await make_client(metrics_token="metrics-token-0123456789", trusted_proxies=("127.0.0.1",))
    resp = await client.get("/metrics")
    assert resp.status == 401
    assert (await resp.json())["error"]["code"] == "metrics_token_required"
    resp = await client.get("/metrics", headers={"Authorization": "Bearer nope-nope-nope"})
    assert resp.status == 403
    assert (await resp.json())["error"]["code"] == "metrics_forbidden"
    assert (await client.get("/metrics", headers={"Authorization": "Bearer metrics-token-0123456789"})).status == 200
    unset = await make_client(trusted_proxies=("127.0.0.1",))  # no token configured: loopback only
    resp = await unset.get("/metrics", headers={"Authorization": "Bearer metrics-token-0123456789"})
    assert resp.status == 403


async def test_a_request_id_round_trips_and_is_on_every_line(make_client, aiohttp_client, settings):
    await make_client()  # a clean database
    with json_log() as log:  # set before the first connection: a connection decides when it opens whether it logs
        client = await aiohttp_client(await served_as_in_production(create_app(settings)))
        alice = await consumer_headers(client, "alice")
        resp = await client.post("/api/v1/payments/wechat/notify", data="not json",
                                 headers={"X-Request-Id": "trace-0001.abc_DEF"})
        cards = await client.get("/api/v1/cards", headers={**alice, "X-Request-Id": "trace-0002"})
        bad = await client.get("/healthz", headers={"X-Request-Id": "not ok!"})
    assert resp.headers["X-Request-Id"] == "trace-0001.abc_DEF"
    assert resp.status in (400, 401)
    assert cards.headers["X-Request-Id"] == "trace-0002"
    assert re.fullmatch(r"[0-9a-f]{32}", bad.headers["X-Request-Id"])
    logged = lines(log)
    notify = [line for line in logged if "notification" in line["message"] or "/notify" in line["message"]]
    assert len(notify) >= 2, [(x["logger"], x["message"]) for x in logged]  # the handler's own line and the access line
    for line in notify:
        assert line["request_id"] == "trace-0001.abc_DEF", line
        assert line["route"] == "/api/v1/payments/wechat/notify"
        assert line["duration_ms"] >= 0
    [access] = [line for line in logged if line.get("request_id") == "trace-0002"]
    assert (access["route"], access["role"], access["status"]) == ("/api/v1/cards", "consumer", 200)
    assert isinstance(access["user_id"], int)
    assert any(line.get("request_id") == bad.headers["X-Request-Id"] for line in logged)


async def test_no_secret_reaches_the_log(make_client, aiohttp_client, settings, small_catalog):
    """A session that logs in, pays, claims and redeems, logged as LOG_FORMAT=json: no token, password, pay code
    or card QR text is in it."""
    await make_client()
    with json_log() as log:
        client = await aiohttp_client(await served_as_in_production(create_app(settings)))
        admin = await admin_headers(client)
        await import_csv(client, small_catalog, admin)
        clerk = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk1", merchant_name="佛冈专柜"))
        alice = await consumer_headers(client, "alice")
        assert (await client.post("/api/v1/me/addresses", json=ADDRESS, headers=alice)).status == 201
        _, cards = await activated_batch(client, admin, count=2)
        card_no = await claim(client, alice, cards[0])
        await pay_by_card(client, alice, card_no, (SKU, 1))
        await buy_cards(client, alice)
        code = await pay_code(client, alice, card_no)
        assert (await client.get(f"/api/v1/cards/{card_no}/pay-code.png", params={"code": code},
                                 headers=alice)).status == 200
        await redeem(client, clerk, code, [(SKU, 1)], "obs-key-code-1")
        await redeem(client, clerk, cards[1]["qr"], [(SKU, 1)], "obs-key-qr-01")
        assert (await client.post("/api/v1/auth/staff", json={"username": "clerk1", "password": "wrong password 1"}
                                  )).status == 401
    text = log.getvalue()
    lines(log)  # one JSON object per line
    assert "/api/v1/merchant/redemptions" in text
    assert "/api/v1/cards/claim" in text  # the session is in the log
    secrets = {"admin token": admin["Authorization"].split()[1], "clerk token": clerk["Authorization"].split()[1],
               "consumer token": alice["Authorization"].split()[1], "password": "correct horse battery",
               "wrong password": "wrong password 1", "pay code": code, "card QR": cards[0]["qr"],
               "bearer card QR": cards[1]["qr"], "secret key": settings.secret_key}
    leaked = [name for name, secret in secrets.items() if secret in text]
    assert not leaked, leaked
