from __future__ import annotations

import logging

from aiohttp import web

from api.auth import bearer_token, current_user
from api.keys import SETTINGS, WECHAT_LOGIN
from api.limits import LIMITS
from api.responses import json_ok
from api.routing import ANY_USER, PUBLIC, Route
from api.schemas.auth import LoginOut, StaffLoginIn, UserOut, WeChatLoginIn
from api.validation import parse_json
from models.errors import Forbidden, Invalid
from models.names import name_problem
from models.services import accounts, throttle
from models.tables.users import User

log = logging.getLogger(__name__)
DEV_PREFIX = "dev:"


async def _login_reply(request: web.Request, user: User) -> web.Response:
    ttl = request.config_dict[SETTINGS].token_ttl_seconds
    token = await accounts.issue_token(user, ttl)
    return json_ok(LoginOut(token=token, expires_in=ttl, user=UserOut.of(user)))


async def wechat_login(request: web.Request) -> web.Response:
    body = await parse_json(request, WeChatLoginIn)
    settings = request.config_dict[SETTINGS]
    if body.code.startswith(DEV_PREFIX):
        if not settings.dev_login_enabled:
            raise Forbidden("dev_login_disabled", "已配置微信登录，开发登录不可用")
        name = body.code[len(DEV_PREFIX):].strip()
        if not name or len(name) > 64 or name_problem(name) is not None:
            raise Invalid("invalid_dev_code", "开发登录码应为 dev:<名字>")
        log.warning("DEVELOPMENT LOGIN used for %r (WECHAT_SECRET unset)", name)
        limits = request.config_dict[LIMITS]  # unlimited unless DEV_LOGIN_PER_MINUTE is set
        await throttle.take("dev_login", limits.client_address(request), limits.dev_login)
        user = await accounts.find_or_create_consumer(f"dev-{name}", nickname=name)
    else:
        session = await request.config_dict[WECHAT_LOGIN].code2session(body.code)
        user = await accounts.find_or_create_consumer(session.openid)
    return await _login_reply(request, user)


async def staff_login(request: web.Request) -> web.Response:
    body = await parse_json(request, StaffLoginIn)
    limits = request.config_dict[LIMITS]
    user = await accounts.staff_login(body.username, body.password, limits.client_address(request),
                                      limits.login_account, limits.login_address)
    return await _login_reply(request, user)


async def me(request: web.Request) -> web.Response:
    return json_ok(UserOut.of(current_user(request)))


async def logout(request: web.Request) -> web.Response:
    await accounts.revoke_token(bearer_token(request) or "")
    return web.Response(status=204)


ROUTES = [
    Route("POST", "/api/v1/auth/wechat", wechat_login, PUBLIC, "Log in with a wx.login code (code2Session)", "auth",
          body=WeChatLoginIn, response=LoginOut),
    Route("POST", "/api/v1/auth/staff", staff_login, PUBLIC,
          "Log in as staff (administrator, merchant, supplier or official); 429 too_many_attempts (Retry-After) "
          "while the account or the address is locked after repeated failures", "auth",
          body=StaffLoginIn, response=LoginOut),
    Route("GET", "/api/v1/me", me, ANY_USER, "Who am I", "auth", response=UserOut),
    Route("POST", "/api/v1/auth/logout", logout, ANY_USER, "Revoke the bearer token used", "auth", status=204),
]
