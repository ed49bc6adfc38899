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
import base64
import hashlib
import json
import logging
import re
import secrets
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa

from api.wechat.pay_crypto import (
    AUTH_SCHEMA,
    encrypt_resource,
    generate_keypair,
    load_private_key,
    load_public_key,
    notification_message,
    parse_authorization,
    public_key_pem,
    random_nonce,
    request_message,
    sign,
    verify,
)

log = logging.getLogger(__name__)

CHINA = timezone(timedelta(hours=8))
ACKNOWLEDGED = (200, 204)
TAMPERS = (None, "signature", "amount", "timestamp", "serial", "key")
STATE_DESC = {"NOTPAY": "订单未支付", "SUCCESS": "支付成功", "CLOSED": "订单已关闭"}
OUT_TRADE_NO = re.compile(r"[0-9A-Za-z_\-|*]{6,32}")


@dataclass
class Transaction:
    appid: str
    mchid: str
    out_trade_no: str
    description: str
    notify_url: str
    total: int
    openid: str
    prepay_id: str
    trade_state: str = "NOTPAY"
    transaction_id: str | None = None
    success_time: str | None = None

    def as_json(self, total: int | None = None) -> dict[str, Any]:
        """The transaction as WeChat describes it (query answer, notification plaintext)."""
        total = self.total if total is None else total
        data: dict[str, Any] = {
            "appid": self.appid, "mchid": self.mchid, "out_trade_no": self.out_trade_no,
            "trade_type": "JSAPI", "trade_state": self.trade_state, "trade_state_desc": STATE_DESC[self.trade_state],
            "payer": {"openid": self.openid}, "amount": {"total": total, "currency": "CNY"},
        }
        if self.trade_state == "SUCCESS":
            data.update(transaction_id=self.transaction_id, bank_type="OTHERS", success_time=self.success_time)
            data["amount"].update(payer_total=total, payer_currency="CNY")
        return data


@dataclass
class SandboxState:
    mchid: str
    apiv3_key: bytes
    platform_private_key: rsa.RSAPrivateKey
    platform_serial: str
    merchant_public_key: rsa.RSAPublicKey | None
    retry_delays: tuple[float, ...]
    auto_pay: bool
    notify_timeout: float
    transactions: dict[str, Transaction] = field(default_factory=dict)
    deliveries: list[tuple[str, int | BaseException, int]] = field(default_factory=list)
    tasks: set[asyncio.Task] = field(default_factory=set)
    http: aiohttp.ClientSession | None = None
    paid_count: int = 0


STATE = web.AppKey("wechatpay_sandbox", SandboxState)


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
            _spawn(state, _pay_and_deliver(state, tx))
    elif tx.total != order["total"]:
        raise Refusal(400, "INVALID_REQUEST", "订单号重复，且订单金额与原订单不一致")
    elif tx.trade_state == "CLOSED":
        raise Refusal(400, "ORDER_CLOSED", "订单已关闭")
    return _reply(state, 200, {"prepay_id": tx.prepay_id})


async def query_order(request: web.Request) -> web.Response:
    state = request.app[STATE]
    _check_authorization(request, state, "")
    if request.query.get("mchid") != state.mchid:
        raise Refusal(400, "PARAM_ERROR", "参数错误", {"field": "mchid", "location": "query", "issue": "mchid mismatch"})
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
        raise Refusal(400, "PARAM_ERROR", "参数错误", {"field": "/mchid", "location": "body", "issue": "mchid mismatch"})
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
    headers = _signed_headers(state, text)
    if data is None:
        return web.Response(status=status, headers=headers)
    return web.Response(status=status, text=text, content_type="application/json", headers=headers)


def _signed_headers(state: SandboxState, body: str, timestamp: int | None = None) -> dict[str, str]:
    """The Wechatpay-* headers WeChat puts on its answers and notifications."""
    ts, nonce = str(int(time.time()) if timestamp is None else timestamp), random_nonce(32)
    return {
        "Wechatpay-Timestamp": ts, "Wechatpay-Nonce": nonce, "Wechatpay-Serial": state.platform_serial,
        "Wechatpay-Signature": sign(state.platform_private_key, notification_message(ts, nonce, body)),
        "Wechatpay-Signature-Type": AUTH_SCHEMA,
    }


def _prepay_id() -> str:
    return f"wx{datetime.now(CHINA):%Y%m%d%H%M%S}{secrets.token_hex(11)}"


def _now_rfc3339() -> str:
    return datetime.now(CHINA).isoformat(timespec="seconds")


# --- payment and notifications --------------------------------------------------------------------

def _mark_paid(state: SandboxState, tx: Transaction) -> None:
    if tx.trade_state == "SUCCESS":
        return
    state.paid_count += 1
    tx.trade_state, tx.success_time = "SUCCESS", _now_rfc3339()
    tx.transaction_id = f"4200001234{datetime.now(CHINA):%Y%m%d}{state.paid_count:010d}"


def _notification(state: SandboxState, tx: Transaction, tamper: str | None) -> tuple[str, dict[str, str]]:
    """The (body, headers) of tx's TRANSACTION.SUCCESS notification, tampered with as asked."""
    plaintext = json.dumps(tx.as_json(total=tx.total + 1 if tamper == "amount" else None), ensure_ascii=False)
    key = secrets.token_bytes(32) if tamper == "key" else state.apiv3_key
    body = json.dumps({
        "id": str(uuid.uuid4()), "create_time": _now_rfc3339(), "resource_type": "encrypt-resource",
        "event_type": "TRANSACTION.SUCCESS", "summary": "支付成功",
        "resource": encrypt_resource(key, plaintext.encode()),
    }, ensure_ascii=False)
    return body, _notification_headers(state, body, tamper)


def _notification_headers(state: SandboxState, body: str, tamper: str | None) -> dict[str, str]:
    headers = _signed_headers(state, body, int(time.time()) - 600 if tamper == "timestamp" else None)
    if tamper == "signature":
        raw = bytearray(base64.b64decode(headers["Wechatpay-Signature"]))
        raw[-1] ^= 0x01
        headers["Wechatpay-Signature"] = base64.b64encode(raw).decode("ascii")
    elif tamper == "serial":
        headers["Wechatpay-Serial"] = "PUB_KEY_ID_" + secrets.token_hex(16).upper()
    return headers


async def _post(state: SandboxState, url: str, body: str, headers: dict[str, str]) -> tuple[int, str]:
    if state.http is None:
        raise RuntimeError("the sandbox is not running")
    timeout = aiohttp.ClientTimeout(total=state.notify_timeout)
    async with state.http.post(url, data=body.encode(), timeout=timeout,
                               headers={**headers, "Content-Type": "application/json"}) as resp:
        return resp.status, await resp.text()


async def _pay_and_deliver(state: SandboxState, tx: Transaction) -> None:
    """The user pays; WeChat notifies until acknowledged (200/204) or the retry delays run out."""
    if tx.trade_state == "CLOSED":
        return
    _mark_paid(state, tx)
    body, _ = _notification(state, tx, None)
    for attempt, delay in enumerate(state.retry_delays, start=1):
        await asyncio.sleep(delay)
        outcome: int | BaseException
        try:
            outcome, _ = await _post(state, tx.notify_url, body, _notification_headers(state, body, None))
        except (TimeoutError, aiohttp.ClientError) as exc:
            outcome = exc
        state.deliveries.append((tx.out_trade_no, outcome, attempt))
        if outcome in ACKNOWLEDGED:
            return
        log.info("notification for %s not acknowledged (attempt %d): %r", tx.out_trade_no, attempt, outcome)
    log.warning("gave up notifying %s after %d attempts", tx.out_trade_no, len(state.retry_delays))


async def send_notification(app: web.Application, out_trade_no: str, *, tamper: str | None = None,
                            success_time: str | None = None) -> tuple[int, str]:
    """Test hook: the user pays now (or at `success_time`, RFC 3339: a notification WeChat retried for hours) and
    the notification is POSTed once; returns the receiver's (status, body)."""
    if tamper not in TAMPERS:
        raise ValueError(f"tamper must be one of {TAMPERS}")
    state = app[STATE]
    tx = state.transactions[out_trade_no]
    _mark_paid(state, tx)
    if success_time is not None:
        tx.success_time = success_time
    body, headers = _notification(state, tx, tamper)
    try:
        status, text = await _post(state, tx.notify_url, body, headers)
    except (TimeoutError, aiohttp.ClientError) as exc:
        state.deliveries.append((out_trade_no, exc, 1))
        raise
    state.deliveries.append((out_trade_no, status, 1))
    return status, text


async def wait_for_deliveries(app: web.Application) -> None:
    """Test hook: return once no background delivery (including its retries) is pending."""
    state = app[STATE]
    while pending := [task for task in state.tasks if not task.done()]:
        await asyncio.gather(*pending, return_exceptions=True)


def _spawn(state: SandboxState, coro: Coroutine[Any, Any, None]) -> None:
    task = asyncio.create_task(coro)
    state.tasks.add(task)
    task.add_done_callback(_task_done(state))


def _task_done(state: SandboxState) -> Callable[[asyncio.Task], None]:
    def done(task: asyncio.Task) -> None:
        state.tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("sandbox background task failed", exc_info=task.exception())
    return done


# --- running it on its own ------------------------------------------------------------------------

def public_key_serial(public_key: rsa.RSAPublicKey) -> str:
    """A stable serial for a platform public key, shaped like WeChat's "PUB_KEY_ID_…" ids."""
    return "PUB_KEY_ID_" + hashlib.sha256(public_key_pem(public_key)).hexdigest()[:32].upper()


@dataclass(frozen=True)
class SandboxKeys:
    platform_private_key: rsa.RSAPrivateKey
    public_key_path: Path
    serial: str
    apiv3_key: bytes


def ensure_sandbox_keys(keys_dir: Path) -> SandboxKeys:
    """Reuse the platform key pair and APIv3 key in keys_dir, creating them the first time."""
    keys_dir.mkdir(parents=True, exist_ok=True)
    private_path, public_path = keys_dir / "platform_private_key.pem", keys_dir / "platform_public_key.pem"
    apiv3_path = keys_dir / "apiv3_key.txt"
    if not private_path.exists() or not public_path.exists():
        private_pem, public_pem = generate_keypair()
        _write_secret(private_path, private_pem)
        public_path.write_bytes(public_pem)
    if not apiv3_path.exists():
        _write_secret(apiv3_path, random_nonce(32).encode())  # like WeChat's: 32 ASCII characters
    apiv3_key = apiv3_path.read_bytes().strip()
    serial = public_key_serial(load_public_key(public_path.read_bytes()))
    return SandboxKeys(load_private_key(private_path.read_bytes()), public_path.resolve(), serial, apiv3_key)


def _write_secret(path: Path, data: bytes) -> None:
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_bytes(data)


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
