"""The access log never shows a pay code, a card's QR text or a token (issue 14: `GET …/pay-code.png?code=AX2…`
was logged as is)."""
from __future__ import annotations

import asyncio
import logging

import pytest
from aiohttp.test_utils import TestServer

from api.access_log import RUNNER_KWARGS, redact
from api.app import create_app
from tests.support.cards import buy_cards
from tests.support.http import consumer_headers


async def test_a_pay_code_request_is_logged_without_the_code(make_client, aiohttp_client, settings, caplog):
    caplog.set_level(logging.INFO, logger="aiohttp.access")  # a connection decides when it opens whether it logs
    await make_client()  # a clean database
    server = TestServer(create_app(settings))
    await server.start_server(**RUNNER_KWARGS)  # the runner main.py serves with
    client = await aiohttp_client(server)
    alice = await consumer_headers(client, "alice")
    card_no = (await buy_cards(client, alice))[0]["card_no"]
    pay = await (await client.get(f"/api/v1/cards/{card_no}/pay-code", headers=alice)).json()
    resp = await client.get(pay["qr_png_url"], headers=alice)
    assert resp.status == 200
    assert resp.content_type == "image/png"
    await asyncio.sleep(0.1)  # the line is written once the answer is sent
    code = pay["code"]
    assert code.startswith("AX2.")
    logged = [r.getMessage() for r in caplog.records if r.name == "aiohttp.access"]
    assert any(f"/api/v1/cards/{card_no}/pay-code.png?code=*** HTTP/1.1\" 200" in line for line in logged), logged
    assert code not in caplog.text
    assert code.split(".")[-1] not in caplog.text


@pytest.mark.parametrize("target, logged", [
    ("/api/v1/products?q=蜂蜜&page=2", "/api/v1/products?q=蜂蜜&page=2"),
    ("/api/v1/cards/8860000000000001/pay-code.png?code=AX2.8860000000000001.3.29.123456",
     "/api/v1/cards/8860000000000001/pay-code.png?code=***"),
    ("/wechat/push?signature=abc&timestamp=1&nonce=2&echostr=hello",
     "/wechat/push?signature=***&timestamp=1&nonce=2&echostr=***"),
    ("/x?access_token=t0k3n&Token=T&code=", "/x?access_token=***&Token=***&code="),
    ("/api/v1/merchant/scan/AX1.8860000000000001.abcdef", "/api/v1/merchant/scan/***"),
    ("/preview?text=AX1%2E8860000000000001%2Eabcdef&n=1", "/preview?text=***&n=1"),
    ("/healthz", "/healthz"),
])
def test_secrets_are_masked_in_logged_targets(target, logged):
    assert redact(target) == logged
