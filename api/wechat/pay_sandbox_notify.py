"""The WeChat Pay sandbox's payments and notifications (api/wechat/pay_sandbox.py): the user "pays", WeChat POSTs
the TRANSACTION.SUCCESS notification to notify_url and retries until it is acknowledged; the test hooks
`send_notification` (once, now, maybe tampered with) and `wait_for_deliveries`."""
from __future__ import annotations

import asyncio
import base64
import json
import logging
import secrets
import time
import uuid
from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import Any

import aiohttp
from aiohttp import web

from api.wechat.pay_crypto import encrypt_resource
from api.wechat.pay_sandbox_state import CHINA, STATE, SandboxState, Transaction, signed_headers

log = logging.getLogger("api.wechat.pay_sandbox")  # the sandbox logs under one name, as before the split

ACKNOWLEDGED = (200, 204)
TAMPERS = (None, "signature", "amount", "timestamp", "serial", "key")


def _now_rfc3339() -> str:
    return datetime.now(CHINA).isoformat(timespec="seconds")



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
    headers = signed_headers(state, body, int(time.time()) - 600 if tamper == "timestamp" else None)
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


async def pay_and_deliver(state: SandboxState, tx: Transaction) -> None:
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


def spawn(state: SandboxState, coro: Coroutine[Any, Any, None]) -> None:
    task = asyncio.create_task(coro)
    state.tasks.add(task)
    task.add_done_callback(_task_done(state))


def _task_done(state: SandboxState) -> Callable[[asyncio.Task], None]:
    def done(task: asyncio.Task) -> None:
        state.tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("sandbox background task failed", exc_info=task.exception())
    return done
