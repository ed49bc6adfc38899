"""A sandbox that behaves like WeChat Pay API v3 for our purposes: JSAPI orders, query, close, notifications.

Endpoints (all answers are signed with the platform key like WeChat's: Wechatpay-Timestamp/Nonce/Serial/Signature):

* ``POST /v3/pay/transactions/jsapi`` — checks the Authorization header (and its signature when
  ``merchant_public_key`` is given; 401 ``SIGN_ERROR``), validates the body (400 ``PARAM_ERROR``),
  answers ``{"prepay_id": "wx…"}``. Idempotent per out_trade_no: the same amount gets the same
  prepay_id, another amount 400 ``INVALID_REQUEST``, a closed order 400 ``ORDER_CLOSED``. With
  ``auto_pay`` the user then "pays" at once: a background task marks the order paid and POSTs the
  TRANSACTION.SUCCESS notification to notify_url, retrying after each delay in ``retry_delays``
  until the receiver answers 200 or 204, then giving up (logged).
* ``GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=`` — the transaction (NOTPAY, SUCCESS, CLOSED).
* ``POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close`` — 204; 400 ``ORDERPAID`` if paid.

Test hooks:

* ``sandbox_state(app)`` → ``SandboxState`` with ``.transactions`` (out_trade_no → ``Transaction``) and
  ``.deliveries``: one ``(out_trade_no, HTTP status or exception, attempt)`` per notification POST.
* ``create_sandbox_app(..., auto_pay=False)``: no notification is sent unless a test asks for one.
* ``await send_notification(app, out_trade_no, tamper=None)`` marks the order paid and sends its
  notification once, now; returns the receiver's ``(status, body text)``. ``tamper`` makes it:
  ``"signature"`` corrupted signature; ``"amount"`` validly signed and encrypted, but the decrypted
  amount is total + 1; ``"timestamp"`` 10 minutes old (validly signed); ``"serial"`` a wrong
  Wechatpay-Serial; ``"key"`` resource encrypted with another APIv3 key.
* ``await wait_for_deliveries(app)`` waits until every background delivery (with its retries) is done.

Stand-alone: ``python -m api.wechat.pay_sandbox --port 8090 --keys-dir var/wechatpay-sandbox``.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import logging
import re
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa

from api.wechat.pay_crypto import load_public_key, parse_authorization, request_message, verify
from api.wechat.pay_sandbox_keys import SandboxKeys, ensure_sandbox_keys, public_key_serial
from api.wechat.pay_sandbox_notify import TAMPERS, pay_and_deliver, send_notification, spawn, wait_for_deliveries
from api.wechat.pay_sandbox_state import CHINA, STATE, SandboxState, Transaction, signed_headers

__all__ = [
    "STATE", "TAMPERS", "Refusal", "SandboxKeys", "SandboxState", "Transaction", "create_sandbox_app",
    "ensure_sandbox_keys", "main", "public_key_serial", "sandbox_state", "send_notification", "wait_for_deliveries",
]

OUT_TRADE_NO = re.compile(r"[0-9A-Za-z_\-|*]{6,32}")


class Refusal(Exception):
    """A WeChat-style error answer: {"code", "message", "detail"?} with an HTTP status.

    Not an AppError (models/errors.py): it is the sandbox's own answer, in WeChat's shape, and never leaves it."""

    def __init__(self, status: int, code: str, message: str, detail: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.detail = status, code, message, detail


# --- the application ------------------------------------------------------------------------------

def create_sandbox_app(
    *, mchid: str, apiv3_key: bytes, platform_private_key: rsa.RSAPrivateKey, platform_serial: str,
    merchant_public_key: rsa.RSAPublicKey | None = None, retry_delays: tuple[float, ...] = (0, 1, 3, 10, 30),
    auto_pay: bool = True, notify_timeout: float = 5.0,
) -> web.Application:
    if len(apiv3_key) != 32:
        raise ValueError("the APIv3 key must be 32 bytes")
    app = web.Application(middlewares=[_refusal_middleware])
    app[STATE] = SandboxState(mchid, apiv3_key, platform_private_key, platform_serial, merchant_public_key,
                              tuple(retry_delays), auto_pay, notify_timeout)
    app.cleanup_ctx.append(_lifetime)
    app.router.add_post("/v3/pay/transactions/jsapi", jsapi)
    app.router.add_get("/v3/pay/transactions/out-trade-no/{out_trade_no}", query_order)
    app.router.add_post("/v3/pay/transactions/out-trade-no/{out_trade_no}/close", close_order)
    return app


def sandbox_state(app: web.Application) -> SandboxState:
    return app[STATE]


async def _lifetime(app: web.Application) -> AsyncIterator[None]:
    """The HTTP client used for notifications; pending deliveries are cancelled before it closes."""
    state = app[STATE]
    async with aiohttp.ClientSession() as http:
        state.http = http
        yield
        for task in list(state.tasks):
            task.cancel()
        await asyncio.gather(*state.tasks, return_exceptions=True)
        state.http = None


@web.middleware
async def _refusal_middleware(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                              ) -> web.StreamResponse:
    try:
        return await handler(request)
    except Refusal as exc:
        body = {"code": exc.code, "message": exc.message, **({"detail": exc.detail} if exc.detail else {})}
        return _reply(request.app[STATE], exc.status, body)


# --- handlers -------------------------------------------------------------------------------------

async def jsapi(request: web.Request) -> web.Response:
    state = request.app[STATE]
    raw = await request.text()
    _check_authorization(request, state, raw)
    order = _jsapi_order(raw, state.mchid)
    tx = state.transactions.get(order["out_trade_no"])
    if tx is None:
        tx = Transaction(**order, prepay_id=_prepay_id())
        state.transactions[tx.out_trade_no] = tx
        if state.auto_pay:
            spawn(state, pay_and_deliver(state, tx))
    elif tx.total != order["total"]:
        raise Refusal(400, "INVALID_REQUEST", "订单号重复，且订单金额与原订单不一致")
    elif tx.trade_state == "CLOSED":
        raise Refusal(400, "ORDER_CLOSED", "订单已关闭")
    return _reply(state, 200, {"prepay_id": tx.prepay_id})


async def query_order(request: web.Request) -> web.Response:
    state = request.app[STATE]
    _check_authorization(request, state, "")
    if request.query.get("mchid") != state.mchid:
        raise Refusal(400, "PARAM_ERROR", "参数错误",
                      {"field": "mchid", "location": "query", "issue": "mchid mismatch"})
    return _reply(state, 200, _transaction(state, request).as_json())


async def close_order(request: web.Request) -> web.Response:
    state = request.app[STATE]
    raw = await request.text()
    _check_authorization(request, state, raw)
    try:
        mchid = json.loads(raw).get("mchid")
    except (ValueError, AttributeError):
        mchid = None
    if mchid != state.mchid:
        raise Refusal(400, "PARAM_ERROR", "参数错误",
                      {"field": "/mchid", "location": "body", "issue": "mchid mismatch"})
    tx = _transaction(state, request)
    if tx.trade_state == "SUCCESS":
        raise Refusal(400, "ORDERPAID", "订单已支付")
    tx.trade_state = "CLOSED"
    return _reply(state, 204)


def _transaction(state: SandboxState, request: web.Request) -> Transaction:
    tx = state.transactions.get(request.match_info["out_trade_no"])
    if tx is None:
        raise Refusal(404, "ORDER_NOT_EXIST", "订单不存在")
    return tx


def _check_authorization(request: web.Request, state: SandboxState, body: str) -> None:
    """WeChat refuses unsigned requests; the signature is checked only if we know the merchant's key."""
    try:
        auth = parse_authorization(request.headers.get("Authorization", ""))
    except ValueError as exc:
        raise Refusal(401, "SIGN_ERROR", f"Authorization 头缺失或格式错误: {exc}") from None
    if auth["mchid"] != state.mchid:
        raise Refusal(401, "SIGN_ERROR", "Authorization 中的 mchid 与商户号不符")
    if state.merchant_public_key is not None:
        message = request_message(request.method, request.raw_path, auth["timestamp"], auth["nonce_str"], body)
        if not verify(state.merchant_public_key, message, auth["signature"]):
            raise Refusal(401, "SIGN_ERROR", "签名错误")


def _jsapi_order(raw: str, mchid: str) -> dict[str, Any]:
    """The order fields of a JSAPI request body, or a PARAM_ERROR naming the first bad field."""
    try:
        data = json.loads(raw)
    except ValueError:
        data = None
    _require(isinstance(data, dict), "/", "body must be a JSON object")
    amount, payer = data.get("amount"), data.get("payer")
    _require(_text(data.get("appid"), 32), "/appid", "appid is required")
    _require(data.get("mchid") == mchid, "/mchid", "mchid mismatch")
    _require(_text(data.get("description"), 127), "/description", "description must be 1-127 characters")
    _require(isinstance(data.get("out_trade_no"), str) and OUT_TRADE_NO.fullmatch(data["out_trade_no"]) is not None,
             "/out_trade_no", "out_trade_no must be 6-32 of [0-9A-Za-z_-|*]")
    notify_url = data.get("notify_url")
    _require(_text(notify_url, 256) and re.match(r"https?://", notify_url) is not None and "?" not in notify_url,
             "/notify_url", "notify_url must be an http(s) URL without query parameters")
    _require(isinstance(amount, dict) and type(amount.get("total")) is int and amount["total"] >= 1,
             "/amount/total", "amount.total must be a positive integer (fen)")
    _require(amount.get("currency", "CNY") == "CNY", "/amount/currency", "currency must be CNY")
    _require(isinstance(payer, dict) and _text(payer.get("openid"), 128), "/payer/openid", "payer.openid is required")
    return {"appid": data["appid"], "mchid": mchid, "description": data["description"],
            "out_trade_no": data["out_trade_no"], "notify_url": notify_url, "total": amount["total"],
            "openid": payer["openid"]}


def _require(ok: bool, field_path: str, issue: str) -> None:
    if not ok:
        raise Refusal(400, "PARAM_ERROR", "参数错误", {"field": field_path, "location": "body", "issue": issue})


def _text(value: Any, max_length: int) -> bool:
    return isinstance(value, str) and 0 < len(value) <= max_length


def _reply(state: SandboxState, status: int, data: dict[str, Any] | None = None) -> web.Response:
    text = "" if data is None else json.dumps(data, ensure_ascii=False)
    headers = signed_headers(state, text)
    if data is None:
        return web.Response(status=status, headers=headers)
    return web.Response(status=status, text=text, content_type="application/json", headers=headers)


def _prepay_id() -> str:
    return f"wx{datetime.now(CHINA):%Y%m%d%H%M%S}{secrets.token_hex(11)}"


# --- running it on its own ------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="A local WeChat Pay v3 sandbox")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--keys-dir", type=Path, default=Path("var/wechatpay-sandbox"))
    parser.add_argument("--mchid", default="1900000001")
    parser.add_argument("--merchant-public-key", type=Path, help="verify request signatures with this PEM key")
    parser.add_argument("--no-auto-pay", action="store_true", help="do not pay and notify after each prepay")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    keys = ensure_sandbox_keys(args.keys_dir)
    merchant_key = load_public_key(args.merchant_public_key.read_bytes()) if args.merchant_public_key else None
    print(f"WECHATPAY_API_BASE=http://{args.host}:{args.port}")
    print(f"WECHATPAY_MCHID={args.mchid}")
    print(f"WECHATPAY_PLATFORM_PUBLIC_KEY={keys.public_key_path}")
    print(f"WECHATPAY_PLATFORM_SERIAL={keys.serial}")
    print(f"WECHATPAY_APIV3_KEY={keys.apiv3_key.decode()}", flush=True)
    app = create_sandbox_app(mchid=args.mchid, apiv3_key=keys.apiv3_key, platform_private_key=keys.platform_private_key,
                             platform_serial=keys.serial, merchant_public_key=merchant_key,
                             auto_pay=not args.no_auto_pay)
    web.run_app(app, host=args.host, port=args.port)


if __name__ == "__main__":
    main()
