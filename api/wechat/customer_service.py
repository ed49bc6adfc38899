"""Sending customer-service messages (客服消息) over the app's aiohttp session, with the access token cached.

The token (`GET /cgi-bin/token`) is kept until `REFRESH_MARGIN` seconds before it expires and fetched by one
caller at a time; a send refused for an invalid or expired token (40001, 40014, 42001) fetches a new one and
tries once more. Each worker process keeps its own token: WeChat keeps the previous token valid for a few
minutes after a new one is issued, and the retry covers a token another worker has just replaced.
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

import aiohttp
import orjson

from api.wechat.push_messages import custom_text

log = logging.getLogger(__name__)

REFRESH_MARGIN = 300  # seconds before expiry at which a cached token is no longer used
TOKEN_ERRORS = frozenset({40001, 40014, 42001})  # invalid credential, invalid token, token expired


class SendFailed(Exception):
    """WeChat did not take the message; `errcode` is WeChat's (or -1 when it could not be reached).

    Not an AppError (models/errors.py): the background relay records it on the message; it never reaches HTTP."""

    def __init__(self, errcode: int, errmsg: str) -> None:
        super().__init__(f"errcode={errcode} errmsg={errmsg}")
        self.errcode, self.errmsg = errcode, errmsg


class CustomerService:
    def __init__(self, http: aiohttp.ClientSession, api_base: str, appid: str, secret: str, timeout: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._http, self._base, self._appid, self._secret = http, api_base.rstrip("/"), appid, secret
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._clock = clock
        self._token: str | None = None
        self._good_until = 0.0
        self._lock = asyncio.Lock()

    async def send_text(self, openid: str, content: str) -> None:
        """Deliver `content` to `openid`; SendFailed when WeChat refuses or cannot be reached."""
        payload = orjson.dumps(custom_text(openid, content))  # UTF-8, not \\u escapes: WeChat shows escapes as typed
        token = await self.access_token()
        data = await self._post_message(token, payload)
        if data.get("errcode") in TOKEN_ERRORS:
            log.info("customer-service send: token refused (errcode %s), fetching a new one", data["errcode"])
            token = await self.access_token(stale=token)
            data = await self._post_message(token, payload)
        if data.get("errcode"):
            raise SendFailed(int(data["errcode"]), str(data.get("errmsg", "")))

    async def access_token(self, stale: str | None = None) -> str:
        """The cached token, or a new one when it is about to expire or is `stale` (refused by WeChat)."""
        async with self._lock:
            if self._token is None or self._token == stale or self._clock() >= self._good_until:
                await self._fetch_token()
            assert self._token is not None
            return self._token

    async def _fetch_token(self) -> None:
        params = {"grant_type": "client_credential", "appid": self._appid, "secret": self._secret}
        data = await self._call("GET", "/cgi-bin/token", params=params)
        token, expires_in = data.get("access_token"), data.get("expires_in")
        if not isinstance(token, str) or not token or not isinstance(expires_in, int):
            self._token = None
            raise SendFailed(int(data.get("errcode") or -1), str(data.get("errmsg", "no access_token")))
        self._token = token
        self._good_until = self._clock() + max(expires_in - REFRESH_MARGIN, expires_in / 2)

    async def _post_message(self, token: str, payload: bytes) -> dict[str, Any]:
        return await self._call("POST", "/cgi-bin/message/custom/send", params={"access_token": token},
                                data=payload, headers={"Content-Type": "application/json; charset=utf-8"})

    async def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            async with self._http.request(method, self._base + path, timeout=self._timeout, **kwargs) as resp:
                body = await resp.read()
        except (TimeoutError, aiohttp.ClientError) as exc:
            raise SendFailed(-1, f"WeChat API unreachable: {exc!r}") from None
        try:
            data = orjson.loads(body)  # WeChat labels its JSON text/plain
        except orjson.JSONDecodeError:
            data = None
        if not isinstance(data, dict):
            raise SendFailed(-1, "WeChat API answered something that is not JSON")
        return data
