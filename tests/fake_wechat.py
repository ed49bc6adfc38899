"""A local server that speaks WeChat's protocols for the tests: code2Session (login), and the access token
and customer-service messages (message push replies)."""
from __future__ import annotations

import asyncio
import json

from aiohttp import web

APPID, SECRET = "wx-test-appid", "wx-test-secret"
CALLS = web.AppKey("calls", list)
TOKENS = web.AppKey("tokens", list)  # every access token issued, in order
EXPIRED = web.AppKey("expired", set)  # tokens the tests declared expired (a send with one gets 42001)
SENT = web.AppKey("sent", list)  # every customer-service message taken: {"token", "message", "raw"}


async def jscode2session(request: web.Request) -> web.Response:
    q = request.query
    if (q.get("appid"), q.get("secret"), q.get("grant_type")) != (APPID, SECRET, "authorization_code"):
        return _json({"errcode": 40013, "errmsg": "invalid appid"})
    code = q.get("js_code", "")
    request.app[CALLS].append(code)
    if code.startswith("good-"):
        return _json({"openid": f"wx-openid-{code[5:]}", "session_key": "c2Vzc2lvbg==", "unionid": "u1"})
    if code == "slow":
        await asyncio.sleep(5)
    if code == "garbage":
        return web.Response(text="<html>502 Bad Gateway</html>", content_type="text/html")
    errors = {"invalid": (40029, "invalid code"), "rate": (45011, "api minute-quota reach limit"),
              "blocked": (40226, "high risk user"), "busy": (-1, "system error")}
    errcode, errmsg = errors.get(code, (40029, "invalid code"))
    return _json({"errcode": errcode, "errmsg": errmsg})


def _json(data: dict) -> web.Response:
    # WeChat labels its JSON text/plain; the client must not rely on the content type.
    return web.Response(text=json.dumps(data), content_type="text/plain")


async def access_token(request: web.Request) -> web.Response:
    q = request.query
    if (q.get("appid"), q.get("secret"), q.get("grant_type")) != (APPID, SECRET, "client_credential"):
        return _json({"errcode": 40013, "errmsg": "invalid appid"})
    tokens = request.app[TOKENS]
    tokens.append(f"access-token-{len(tokens) + 1}")
    return _json({"access_token": tokens[-1], "expires_in": 7200})


def expire_tokens(app: web.Application) -> None:
    """Every token issued so far is now expired, as if two hours had passed."""
    app[EXPIRED].update(app[TOKENS])


async def custom_send(request: web.Request) -> web.Response:
    token = request.query.get("access_token", "")
    if token in request.app[EXPIRED]:
        return _json({"errcode": 42001, "errmsg": "access_token expired"})
    if token not in request.app[TOKENS]:
        return _json({"errcode": 40001, "errmsg": "invalid credential, access_token is invalid or not latest"})
    raw = await request.read()
    try:
        message = json.loads(raw)
    except ValueError:
        return _json({"errcode": 47001, "errmsg": "data format error"})
    content = message.get("text", {}).get("content") if isinstance(message.get("text"), dict) else None
    if message.get("msgtype") != "text" or not message.get("touser") or not isinstance(content, str) or not content:
        return _json({"errcode": 40008, "errmsg": "invalid message type"})
    request.app[SENT].append({"token": token, "message": message, "raw": raw})
    return _json({"errcode": 0, "errmsg": "ok"})


def make_app() -> web.Application:
    app = web.Application()
    app[CALLS], app[TOKENS], app[EXPIRED], app[SENT] = [], [], set(), []
    app.router.add_get("/sns/jscode2session", jscode2session)
    app.router.add_get("/cgi-bin/token", access_token)
    app.router.add_post("/cgi-bin/message/custom/send", custom_send)
    return app
