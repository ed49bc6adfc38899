"""The WeChat Pay sandbox's state (api/wechat/pay_sandbox.py): its transactions, keys and deliveries, kept on the
sandbox app under `STATE`, and the Wechatpay-* headers it signs every answer and notification with."""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from datetime import timedelta, timezone
from typing import Any

import aiohttp
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa

from api.wechat.pay_crypto import AUTH_SCHEMA, notification_message, random_nonce, sign

CHINA = timezone(timedelta(hours=8))
STATE_DESC = {"NOTPAY": "订单未支付", "SUCCESS": "支付成功", "CLOSED": "订单已关闭"}


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


def signed_headers(state: SandboxState, body: str, timestamp: int | None = None) -> dict[str, str]:
    """The Wechatpay-* headers WeChat puts on its answers and notifications."""
    ts, nonce = str(int(time.time()) if timestamp is None else timestamp), random_nonce(32)
    return {
        "Wechatpay-Timestamp": ts, "Wechatpay-Nonce": nonce, "Wechatpay-Serial": state.platform_serial,
        "Wechatpay-Signature": sign(state.platform_private_key, notification_message(ts, nonce, body)),
        "Wechatpay-Signature-Type": AUTH_SCHEMA,
    }
