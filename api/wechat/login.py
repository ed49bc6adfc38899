"""WeChat mini program login: exchanging a `wx.login` code for an openid (code2Session)."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass

import aiohttp

from models.errors import AppError, BadRequest, Forbidden, TooManyAttempts, Unavailable

log = logging.getLogger(__name__)

# WeChat's errcodes → (kind of error, our code, message shown to people)
WECHAT_ERRORS: dict[int, tuple[type[AppError], str, str]] = {
    40029: (BadRequest, "wechat_code_invalid", "登录凭证无效或已过期，请重新登录"),
    40163: (BadRequest, "wechat_code_used", "登录凭证已被使用，请重新登录"),
    45011: (TooManyAttempts, "wechat_rate_limited", "登录太频繁，请稍后再试"),
    40226: (Forbidden, "wechat_user_blocked", "该微信用户已被限制登录"),
    -1: (Unavailable, "wechat_busy", "微信服务繁忙，请稍后再试"),
}


@dataclass(frozen=True)
class WeChatSession:
    openid: str
    unionid: str | None = None


class WeChatLogin:
    def __init__(self, http: aiohttp.ClientSession, api_base: str, appid: str, secret: str, timeout: float) -> None:
        self._http, self._base, self._appid, self._secret = http, api_base.rstrip("/"), appid, secret
        self._timeout = aiohttp.ClientTimeout(total=timeout)

    @property
    def configured(self) -> bool:
        return bool(self._secret and self._appid)

    async def code2session(self, code: str) -> WeChatSession:
        if not self.configured:
            raise Unavailable("wechat_not_configured", "未配置微信登录（WECHAT_APPID / WECHAT_SECRET）")
        params = {"appid": self._appid, "secret": self._secret, "js_code": code, "grant_type": "authorization_code"}
        data = await self._get_json(f"{self._base}/sns/jscode2session", params)
        errcode = data.get("errcode") or 0
        if errcode:
            log.info("code2Session refused: errcode=%s errmsg=%s", errcode, data.get("errmsg"))
            kind, ours, message = WECHAT_ERRORS.get(errcode, (Unavailable, "wechat_error", "微信登录失败，请稍后再试"))
            raise kind(ours, message, wechat_errcode=errcode)
        if not isinstance(data.get("openid"), str) or not data["openid"]:
            raise Unavailable("wechat_bad_response", "微信登录服务返回了无法识别的数据")
        return WeChatSession(openid=data["openid"], unionid=data.get("unionid"))

    async def _get_json(self, url: str, params: dict[str, str]) -> dict:
        try:
            async with self._http.get(url, params=params, timeout=self._timeout) as resp:
                body = await resp.read()
        except TimeoutError:
            raise Unavailable("wechat_timeout", "微信登录服务超时，请稍后再试") from None
        except aiohttp.ClientError as exc:
            log.warning("code2Session unreachable: %s", exc)
            raise Unavailable("wechat_unreachable", "无法连接微信登录服务，请稍后再试") from None
        try:
            data = json.loads(body)  # WeChat answers JSON labelled text/plain
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise Unavailable("wechat_bad_response", "微信登录服务返回了无法识别的数据")
        return data
