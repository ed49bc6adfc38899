"""WeChat Pay API v3 client: JSAPI prepay orders for the mini program, order query and close."""
from __future__ import annotations

import json
import logging
from typing import Any, Protocol

import aiohttp
from cryptography.hazmat.primitives.asymmetric import rsa
from yarl import URL

from api.wechat.pay_crypto import authorization_header, request_payment_params
from models.errors import AppError, Unavailable, UpstreamFailed

log = logging.getLogger(__name__)

# WeChat codes meaning "try again later" rather than "your request is wrong".
RETRYABLE_CODES = frozenset({"SYSTEM_ERROR", "SYSTEMERROR", "FREQUENCY_LIMITED", "BANK_ERROR"})


class PaymentProvider(Protocol):
    async def prepay(self, *, out_trade_no: str, amount_fen: int, description: str, payer_openid: str,
                     notify_url: str) -> dict:
        """Create the payment and return the `wx.requestPayment` parameters for the mini program."""
        ...


class WeChatPayV3:
    """A PaymentProvider over the real WeChat Pay v3 API (or the sandbox in api.wechat.pay_sandbox)."""

    def __init__(self, http: aiohttp.ClientSession, api_base: str, appid: str, mchid: str,
                 merchant_serial: str, merchant_private_key: rsa.RSAPrivateKey, timeout: float) -> None:
        self._http, self._base = http, api_base.rstrip("/")
        self._appid, self._mchid, self._serial, self._key = appid, mchid, merchant_serial, merchant_private_key
        self._timeout = aiohttp.ClientTimeout(total=timeout)

    async def prepay(self, *, out_trade_no: str, amount_fen: int, description: str, payer_openid: str,
                     notify_url: str) -> dict:
        body = {
            "appid": self._appid, "mchid": self._mchid, "description": description,
            "out_trade_no": out_trade_no, "notify_url": notify_url,
            "amount": {"total": amount_fen, "currency": "CNY"}, "payer": {"openid": payer_openid},
        }
        status, data = await self._request("POST", "/v3/pay/transactions/jsapi", body)
        prepay_id = data.get("prepay_id") if isinstance(data, dict) else None
        if status != 200 or not isinstance(prepay_id, str) or not prepay_id:
            raise _bad_response(status)
        return request_payment_params(self._appid, prepay_id, self._key)

    async def query(self, out_trade_no: str) -> dict:
        """The transaction as WeChat knows it (trade_state NOTPAY / SUCCESS / CLOSED ...)."""
        path = f"/v3/pay/transactions/out-trade-no/{out_trade_no}?mchid={self._mchid}"
        status, data = await self._request("GET", path, None)
        if status != 200 or not isinstance(data, dict):
            raise _bad_response(status)
        return data

    async def close(self, out_trade_no: str) -> None:
        """Close an unpaid order so it can no longer be paid."""
        path = f"/v3/pay/transactions/out-trade-no/{out_trade_no}/close"
        status, _ = await self._request("POST", path, {"mchid": self._mchid})
        if status != 204:
            raise _bad_response(status)

    async def _request(self, method: str, path: str, payload: dict | None) -> tuple[int, Any]:
        """Send a signed request; WeChat error replies, time-outs and garbage become Unavailable (503) or
        UpstreamFailed (502).

        The signature covers the exact body bytes, so the JSON is serialised once here and sent as is.
        """
        url = URL(self._base + path)
        body = "" if payload is None else json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        headers = {
            "Authorization": authorization_header(self._mchid, self._serial, self._key, method, url.raw_path_qs, body),
            "Accept": "application/json", "Content-Type": "application/json",
        }
        try:
            async with self._http.request(method, url, data=body.encode() if payload is not None else None,
                                          headers=headers, timeout=self._timeout) as resp:
                status, raw = resp.status, await resp.read()
        except TimeoutError:
            raise Unavailable("wechatpay_timeout", "微信支付服务超时，请稍后再试") from None
        except aiohttp.ClientError as exc:
            log.warning("WeChat Pay unreachable: %s", exc)
            raise Unavailable("wechatpay_unreachable", "无法连接微信支付服务，请稍后再试") from None
        data = _parse_json(raw)
        if status >= 400:
            raise _wechat_error(status, data)
        return status, data


def _parse_json(raw: bytes) -> Any:
    """The reply as JSON, or None when it is empty or not JSON (callers check the shape they expect)."""
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None


def _wechat_error(status: int, data: Any) -> AppError:
    if not isinstance(data, dict) or not isinstance(data.get("code"), str):
        return _bad_response(status)
    code, message = data["code"], str(data.get("message", ""))
    log.info("WeChat Pay refused: http=%s code=%s message=%s", status, code, message)
    kind = Unavailable if status >= 500 or code in RETRYABLE_CODES else UpstreamFailed  # 503: retry; 502: do not
    return kind("wechatpay_error", "微信支付请求失败，请稍后再试",
                wechatpay_code=code, wechatpay_message=message, wechatpay_status=status)


def _bad_response(status: int) -> UpstreamFailed:
    log.warning("WeChat Pay answered something unrecognisable (http=%s)", status)
    return UpstreamFailed("wechatpay_bad_response", "微信支付服务返回了无法识别的数据", wechatpay_status=status)
