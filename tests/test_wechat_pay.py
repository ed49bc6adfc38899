"""WeChat Pay v3 edge: signatures, AES-GCM resources, notification checks, the client against the sandbox."""
from __future__ import annotations

import asyncio
import base64
import json
import re
import time
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from api.errors import status_of
from api.wechat import pay_crypto as pc
from api.wechat.pay_client import WeChatPayV3
from api.wechat.pay_sandbox import (
    create_sandbox_app,
    ensure_sandbox_keys,
    sandbox_state,
    send_notification,
    wait_for_deliveries,
)
from models.errors import AppError

APPID, MCHID = "wx-test-appid", "1900000001"
MERCHANT_SERIAL, PLATFORM_SERIAL = "MERCHANT_SERIAL_0001", "PUB_KEY_ID_TEST0001"
APIV3_KEY = b"0123456789abcdefghijklmnopqrstuv"
FAST_RETRIES = (0, 0.05, 0.1)


@pytest.fixture(scope="module")
def keys() -> SimpleNamespace:
    (m_priv, m_pub), (p_priv, p_pub) = pc.generate_keypair(), pc.generate_keypair()
    return SimpleNamespace(merchant=pc.load_private_key(m_priv), merchant_pub=pc.load_public_key(m_pub),
                           platform=pc.load_private_key(p_priv), platform_pub=pc.load_public_key(p_pub))


# --- signatures -----------------------------------------------------------------------------------

def test_sign_verify_round_trip_and_tampered_message(keys):
    signature = pc.sign(keys.merchant, b"hello\n")
    assert pc.verify(keys.merchant_pub, b"hello\n", signature)
    assert not pc.verify(keys.merchant_pub, b"hello", signature)
    assert not pc.verify(keys.platform_pub, b"hello\n", signature)


@pytest.mark.parametrize("signature",
                         ["", "not base64!", "WECHATPAY/SIGNTEST/abc", base64.b64encode(b"x").decode(), None])
def test_verify_is_false_on_malformed_signatures(keys, signature):
    assert pc.verify(keys.merchant_pub, b"m", signature) is False


def test_verify_is_false_with_a_private_key_or_garbage_as_key(keys):
    signature = pc.sign(keys.merchant, b"m")
    assert pc.verify(keys.merchant, b"m", signature) is False
    assert pc.verify(None, b"m", signature) is False  # type: ignore[arg-type]


def test_signed_strings_end_every_line_with_a_newline():
    assert pc.notification_message("1", "n", '{"a":1}') == b'1\nn\n{"a":1}\n'
    assert pc.request_message("get", "/v3/x?mchid=1", "1", "n", "") == b"GET\n/v3/x?mchid=1\n1\nn\n\n"


def test_authorization_header_round_trip(keys):
    header = pc.authorization_header(MCHID, MERCHANT_SERIAL, keys.merchant, "POST", "/v3/pay/transactions/jsapi",
                                     '{"a":1}', timestamp="1700000000", nonce="N0NCE")
    assert header.startswith('WECHATPAY2-SHA256-RSA2048 mchid="1900000001",nonce_str="N0NCE",signature="')
    fields = pc.parse_authorization(header)
    assert (fields["mchid"], fields["serial_no"], fields["timestamp"]) == (MCHID, MERCHANT_SERIAL, "1700000000")
    message = pc.request_message("POST", "/v3/pay/transactions/jsapi", "1700000000", "N0NCE", '{"a":1}')
    assert pc.verify(keys.merchant_pub, message, fields["signature"])


@pytest.mark.parametrize("header", [
    "", "Bearer abc", 'WECHATPAY2-SHA256-RSA2048 mchid="1"',
    'WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="n",signature="s",timestamp="1",serial_no="x",mchid="2"',
    'WECHATPAY2-SHA256-RSA2048 mchid=1,nonce_str="n",signature="s",timestamp="1",serial_no="x"',
])
def test_parse_authorization_rejects_malformed_headers(header):
    with pytest.raises(ValueError):
        pc.parse_authorization(header)


def test_request_payment_params_are_signed_for_wx_request_payment(keys):
    params = pc.request_payment_params(APPID, "wx123", keys.merchant, timestamp="1700000000", nonce="abc")
    assert {k: v for k, v in params.items() if k != "paySign"} == {
        "timeStamp": "1700000000", "nonceStr": "abc", "package": "prepay_id=wx123", "signType": "RSA"}
    assert pc.verify(keys.merchant_pub, f"{APPID}\n1700000000\nabc\nprepay_id=wx123\n".encode(), params["paySign"])


# --- encrypted resources --------------------------------------------------------------------------

def test_encrypt_decrypt_round_trip():
    resource = pc.encrypt_resource(APIV3_KEY, "支付成功".encode())
    assert resource["algorithm"] == "AEAD_AES_256_GCM"
    assert len(resource["nonce"]) == 12
    assert (resource["associated_data"], resource["original_type"]) == ("transaction", "transaction")
    assert pc.decrypt_resource(APIV3_KEY, resource).decode() == "支付成功"


def _flip_ciphertext(resource: dict) -> dict:
    raw = bytearray(base64.b64decode(resource["ciphertext"]))
    raw[0] ^= 1
    return {**resource, "ciphertext": base64.b64encode(raw).decode()}


@pytest.mark.parametrize("key, change", [
    (b"x" * 32, lambda r: r),
    (b"short", lambda r: r),
    (APIV3_KEY, _flip_ciphertext),
    (APIV3_KEY, lambda r: {**r, "associated_data": "refund"}),
    (APIV3_KEY, lambda r: {**r, "nonce": "000000000000"}),
    (APIV3_KEY, lambda r: {**r, "ciphertext": "%%%"}),
    (APIV3_KEY, lambda r: {**r, "algorithm": "AES"}),
    (APIV3_KEY, lambda r: {k: v for k, v in r.items() if k != "nonce"}),
    (APIV3_KEY, lambda r: "not a dict"),
])
def test_decrypt_rejects_wrong_key_tampering_and_bad_shapes(key, change):
    resource = pc.encrypt_resource(APIV3_KEY, b'{"out_trade_no":"A1"}')
    with pytest.raises(pc.ResourceDecryptError):
        pc.decrypt_resource(key, change(resource))


def test_decrypt_json_resource_requires_a_json_object():
    assert pc.decrypt_json_resource(APIV3_KEY, pc.encrypt_resource(APIV3_KEY, b'{"a":1}')) == {"a": 1}
    for plaintext in (b"[1]", b"nope"):
        with pytest.raises(pc.ResourceDecryptError):
            pc.decrypt_json_resource(APIV3_KEY, pc.encrypt_resource(APIV3_KEY, plaintext))


# --- verify_notification --------------------------------------------------------------------------

def signed_headers(keys, body: str, timestamp: int | None = None, serial: str = PLATFORM_SERIAL) -> dict[str, str]:
    ts, nonce = str(int(time.time()) if timestamp is None else timestamp), pc.random_nonce()
    return {"Wechatpay-Timestamp": ts, "Wechatpay-Nonce": nonce, "Wechatpay-Serial": serial,
            "Wechatpay-Signature": pc.sign(keys.platform, pc.notification_message(ts, nonce, body)),
            "Wechatpay-Signature-Type": "WECHATPAY2-SHA256-RSA2048"}


def rejection(keys, headers: dict[str, str], body: str, **kw: Any) -> str | None:
    try:
        pc.verify_notification(headers, body, keys.platform_pub, PLATFORM_SERIAL, **kw)
    except pc.NotificationRejected as exc:
        return exc.code
    return None


def test_verify_notification_accepts_a_good_one_with_any_header_case(keys):
    body = '{"id":"1","summary":"支付成功"}'
    headers = signed_headers(keys, body)
    assert rejection(keys, headers, body) is None
    assert rejection(keys, {k.lower(): v for k, v in headers.items()}, body) is None
    assert rejection(keys, {k.upper(): v for k, v in headers.items()}, body) is None


@pytest.mark.parametrize("header", pc.NOTIFICATION_HEADERS)
def test_verify_notification_rejects_missing_headers(keys, header):
    headers = signed_headers(keys, "{}")
    del headers[header]
    assert rejection(keys, headers, "{}") == "missing_headers"
    assert rejection(keys, {**signed_headers(keys, "{}"), header: ""}, "{}") == "missing_headers"


def test_verify_notification_rejects_an_unknown_serial(keys):
    assert rejection(keys, signed_headers(keys, "{}", serial="PUB_KEY_ID_OTHER"), "{}") == "unknown_serial"


@pytest.mark.parametrize("skew", [-360, 360])
def test_verify_notification_rejects_stale_timestamps(keys, skew):
    now = time.time()
    headers = signed_headers(keys, "{}", timestamp=int(now) + skew)
    assert rejection(keys, headers, "{}", now=now) == "stale_timestamp"
    assert rejection(keys, headers, "{}", now=now + skew) is None


@pytest.mark.parametrize("timestamp", ["abc", "1.5", "-1", " 1", "１７００"])
def test_verify_notification_rejects_non_integer_timestamps(keys, timestamp):
    headers = {**signed_headers(keys, "{}"), "Wechatpay-Timestamp": timestamp}
    assert rejection(keys, headers, "{}") == "stale_timestamp"


def test_verify_notification_rejects_bad_signatures(keys):
    headers = signed_headers(keys, '{"amount":1}')
    assert rejection(keys, headers, '{"amount":2}') == "bad_signature"
    assert rejection(keys, {**headers, "Wechatpay-Signature": "WECHATPAY/SIGNTEST/xyz"},
                     '{"amount":1}') == "bad_signature"
    assert rejection(keys, {**headers, "Wechatpay-Signature-Type": "OTHER"}, '{"amount":1}') == "bad_signature"
    assert rejection(keys, headers, '{"amount":1}') is None


# --- the client against the sandbox ---------------------------------------------------------------

@dataclass
class Receiver:
    """A merchant notify endpoint built only from pay_crypto, as the real handler will be."""
    keys: SimpleNamespace
    url: str = ""
    fail_first: int = 0
    outcomes: list[tuple[str, Any]] = field(default_factory=list)

    async def notify(self, request: web.Request) -> web.Response:
        body = await request.text()
        if self.fail_first > 0:
            self.fail_first -= 1
            return web.json_response({"code": "FAIL", "message": "busy"}, status=500)
        try:
            pc.verify_notification(request.headers, body, self.keys.platform_pub, PLATFORM_SERIAL)
            transaction = pc.decrypt_json_resource(APIV3_KEY, json.loads(body)["resource"])
        except pc.NotificationRejected as exc:
            self.outcomes.append(("rejected", exc.code))
            return web.json_response({"code": "FAIL", "message": exc.message}, status=401)
        except pc.ResourceDecryptError:
            self.outcomes.append(("undecryptable", None))
            return web.json_response({"code": "FAIL", "message": "decrypt failed"}, status=400)
        self.outcomes.append(("ok", transaction))
        return web.Response(status=204)


@pytest.fixture
async def receiver(aiohttp_server, keys):
    receiver = Receiver(keys)
    app = web.Application()
    app.router.add_post("/pay/notify", receiver.notify)
    server = await aiohttp_server(app)
    receiver.url = str(server.make_url("/pay/notify"))
    return receiver


@pytest.fixture
def start_sandbox(aiohttp_server, keys):
    async def start(**overrides: Any):
        options = dict(mchid=MCHID, apiv3_key=APIV3_KEY, platform_private_key=keys.platform,
                       platform_serial=PLATFORM_SERIAL, merchant_public_key=keys.merchant_pub,
                       retry_delays=FAST_RETRIES)
        return await aiohttp_server(create_sandbox_app(**(options | overrides)))
    return start


@pytest.fixture
async def http():
    async with aiohttp.ClientSession() as session:
        yield session


def pay_client(http, keys, base: str, private_key=None, timeout: float = 2.0) -> WeChatPayV3:
    return WeChatPayV3(http, base, APPID, MCHID, MERCHANT_SERIAL, private_key or keys.merchant, timeout)


async def prepay(client: WeChatPayV3, out_trade_no: str = "AX20261123000001", amount: int = 1990,
                 notify_url: str = "https://merchant.example/pay/notify") -> dict:
    return await client.prepay(out_trade_no=out_trade_no, amount_fen=amount, description="爱心助农-高山土豆",
                               payer_openid="o-alice", notify_url=notify_url)


async def test_client_gets_prepay_and_signed_request_payment_params(start_sandbox, http, keys):
    sandbox = await start_sandbox(auto_pay=False)
    client = pay_client(http, keys, str(sandbox.make_url("")))
    params = await prepay(client)
    tx = sandbox_state(sandbox.app).transactions["AX20261123000001"]
    assert params["package"] == f"prepay_id={tx.prepay_id}"
    assert re.fullmatch(r"wx\d{14}[0-9a-f]{22}", tx.prepay_id)
    assert params["signType"] == "RSA"
    assert (tx.total, tx.openid, tx.appid) == (1990, "o-alice", APPID)
    message = f"{APPID}\n{params['timeStamp']}\n{params['nonceStr']}\n{params['package']}\n".encode()
    assert pc.verify(keys.merchant_pub, message, params["paySign"])
    again = await prepay(client)
    assert again["package"] == params["package"]
    assert sandbox_state(sandbox.app).deliveries == []


async def test_prepay_with_another_amount_or_bad_params_is_a_wechatpay_error(start_sandbox, http, keys):
    sandbox = await start_sandbox(auto_pay=False)
    client = pay_client(http, keys, str(sandbox.make_url("")))
    await prepay(client)
    with pytest.raises(AppError) as info:
        await prepay(client, amount=1991)
    assert (status_of(info.value), info.value.code, info.value.details["wechatpay_code"]) == (
        502, "wechatpay_error", "INVALID_REQUEST")
    for kwargs in ({"amount": 0}, {"out_trade_no": "A1"}, {"notify_url": "ftp://x/y"}, {"notify_url": "https://x/y?a=1"}):
        with pytest.raises(AppError) as info:
            await prepay(client, **kwargs)
        assert info.value.details["wechatpay_code"] == "PARAM_ERROR", kwargs


async def test_sandbox_rejects_unsigned_and_wrongly_signed_requests(start_sandbox, http, keys):
    sandbox = await start_sandbox(auto_pay=False)
    resp = await http.post(sandbox.make_url("/v3/pay/transactions/jsapi"), json={})
    assert resp.status == 401
    assert (await resp.json())["code"] == "SIGN_ERROR"
    with pytest.raises(AppError) as info:
        await prepay(pay_client(http, keys, str(sandbox.make_url("")), private_key=keys.platform))
    assert info.value.details["wechatpay_code"] == "SIGN_ERROR"
    assert sandbox_state(sandbox.app).transactions == {}


async def test_sandbox_answers_are_signed_like_wechat(start_sandbox, http, keys):
    sandbox = await start_sandbox(auto_pay=False)
    resp = await http.post(sandbox.make_url("/v3/pay/transactions/jsapi"), json={})
    body = await resp.text()
    pc.verify_notification(resp.headers, body, keys.platform_pub, PLATFORM_SERIAL)


async def test_query_and_close(start_sandbox, http, keys):
    sandbox = await start_sandbox(auto_pay=False)
    client = pay_client(http, keys, str(sandbox.make_url("")))
    await prepay(client, "ORDER-OPEN")
    assert (await client.query("ORDER-OPEN"))["trade_state"] == "NOTPAY"
    await client.close("ORDER-OPEN")
    assert (await client.query("ORDER-OPEN"))["trade_state"] == "CLOSED"
    with pytest.raises(AppError) as info:
        await prepay(client, "ORDER-OPEN")
    assert info.value.details["wechatpay_code"] == "ORDER_CLOSED"
    with pytest.raises(AppError) as info:
        await client.query("ORDER-NONE")
    assert info.value.details["wechatpay_code"] == "ORDER_NOT_EXIST"


async def test_paid_order_is_queried_as_success_and_cannot_be_closed(start_sandbox, receiver, http, keys):
    sandbox = await start_sandbox(auto_pay=False)
    client = pay_client(http, keys, str(sandbox.make_url("")))
    await prepay(client, "ORDER-PAID", notify_url=receiver.url)
    assert await send_notification(sandbox.app, "ORDER-PAID") == (204, "")
    paid = await client.query("ORDER-PAID")
    assert paid["trade_state"] == "SUCCESS"
    assert paid["amount"]["payer_total"] == 1990
    with pytest.raises(AppError) as info:
        await client.close("ORDER-PAID")
    assert info.value.details["wechatpay_code"] == "ORDERPAID"


async def _start_app(aiohttp_server, handler) -> str:
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    return str((await aiohttp_server(app)).make_url(""))


@pytest.mark.parametrize("status, text, code, ours", [
    (200, "<html>ok</html>", "wechatpay_bad_response", 502),
    (200, '{"no_prepay":1}', "wechatpay_bad_response", 502),
    (502, "<html>Bad Gateway</html>", "wechatpay_bad_response", 502),
    (500, '{"code":"SYSTEM_ERROR","message":"系统错误"}', "wechatpay_error", 503),
    (429, '{"code":"FREQUENCY_LIMITED","message":"频率超限"}', "wechatpay_error", 503),
    (403, '{"code":"NO_AUTH","message":"商户无权限"}', "wechatpay_error", 502),
])
async def test_client_maps_bad_replies(aiohttp_server, http, keys, status, text, code, ours):
    async def reply(request: web.Request) -> web.Response:
        return web.Response(status=status, text=text, content_type="application/json")
    client = pay_client(http, keys, await _start_app(aiohttp_server, reply))
    with pytest.raises(AppError) as info:
        await prepay(client)
    assert (status_of(info.value), info.value.code) == (ours, code)
    if code == "wechatpay_error":
        assert info.value.details["wechatpay_code"] == json.loads(text)["code"]


async def test_client_time_out_and_unreachable(aiohttp_server, http, keys):
    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(2)
        return web.json_response({"prepay_id": "wx1"})
    client = pay_client(http, keys, await _start_app(aiohttp_server, slow), timeout=0.1)
    with pytest.raises(AppError) as info:
        await prepay(client)
    assert (status_of(info.value), info.value.code) == (503, "wechatpay_timeout")
    with pytest.raises(AppError) as info:
        await prepay(pay_client(http, keys, "http://127.0.0.1:9"))
    assert (status_of(info.value), info.value.code) == (503, "wechatpay_unreachable")


# --- notifications from the sandbox ---------------------------------------------------------------

async def test_sandbox_pays_and_notifies_a_real_receiver(start_sandbox, receiver, http, keys):
    sandbox = await start_sandbox()
    await prepay(pay_client(http, keys, str(sandbox.make_url(""))), "AX-PAY-1", amount=2500, notify_url=receiver.url)
    await wait_for_deliveries(sandbox.app)
    [(outcome, tx)] = receiver.outcomes
    assert outcome == "ok"
    assert (tx["out_trade_no"], tx["amount"]["total"], tx["amount"]["payer_total"]) == (
        "AX-PAY-1", 2500, 2500)
    assert (tx["trade_state"], tx["appid"], tx["mchid"], tx["payer"]["openid"]) == ("SUCCESS", APPID, MCHID, "o-alice")
    assert re.fullmatch(r"4200001234\d{18}", tx["transaction_id"])
    assert tx["success_time"].endswith("+08:00")
    assert sandbox_state(sandbox.app).deliveries == [("AX-PAY-1", 204, 1)]


async def test_sandbox_retries_until_acknowledged(start_sandbox, receiver, http, keys):
    receiver.fail_first = 2
    sandbox = await start_sandbox()
    await prepay(pay_client(http, keys, str(sandbox.make_url(""))), "AX-RETRY", notify_url=receiver.url)
    await wait_for_deliveries(sandbox.app)
    assert sandbox_state(sandbox.app).deliveries == [("AX-RETRY", 500, 1), ("AX-RETRY", 500, 2), ("AX-RETRY", 204, 3)]
    assert [o for o, _ in receiver.outcomes] == ["ok"]


async def test_sandbox_gives_up_after_the_last_delay(start_sandbox, http, keys):
    sandbox = await start_sandbox(retry_delays=(0, 0.01))
    await prepay(pay_client(http, keys, str(sandbox.make_url(""))), "AX-LOST", notify_url="http://127.0.0.1:9/notify")
    await wait_for_deliveries(sandbox.app)
    deliveries = sandbox_state(sandbox.app).deliveries
    assert [(n, a) for n, _, a in deliveries] == [("AX-LOST", 1), ("AX-LOST", 2)]
    assert all(isinstance(outcome, aiohttp.ClientError) for _, outcome, _ in deliveries)


@pytest.mark.parametrize("tamper, outcome, status", [
    (None, ("ok", 1990), 204),
    ("amount", ("ok", 1991), 204),
    ("signature", ("rejected", "bad_signature"), 401),
    ("timestamp", ("rejected", "stale_timestamp"), 401),
    ("serial", ("rejected", "unknown_serial"), 401),
    ("key", ("undecryptable", None), 400),
])
async def test_tampered_notifications_are_rejected(start_sandbox, receiver, http, keys, tamper, outcome, status):
    sandbox = await start_sandbox(auto_pay=False)
    await prepay(pay_client(http, keys, str(sandbox.make_url(""))), "AX-TAMPER", notify_url=receiver.url)
    got_status, text = await send_notification(sandbox.app, "AX-TAMPER", tamper=tamper)
    assert got_status == status
    assert text == "" or json.loads(text)["code"] == "FAIL"
    [(kind, detail)] = receiver.outcomes
    assert (kind, detail["amount"]["total"] if kind == "ok" else detail) == outcome
    assert sandbox_state(sandbox.app).deliveries == [("AX-TAMPER", status, 1)]


def test_stand_alone_keys_are_created_once_then_reused(tmp_path):
    first = ensure_sandbox_keys(tmp_path / "keys")
    again = ensure_sandbox_keys(tmp_path / "keys")
    assert (first.serial, first.apiv3_key, first.public_key_path) == (
        again.serial, again.apiv3_key, again.public_key_path)
    assert len(first.apiv3_key) == 32
    assert first.serial.startswith("PUB_KEY_ID_")
    assert (tmp_path / "keys" / "platform_private_key.pem").stat().st_mode & 0o077 == 0
    message = b"check"
    assert pc.verify(pc.load_public_key(first.public_key_path.read_bytes()), message,
                     pc.sign(again.platform_private_key, message))
