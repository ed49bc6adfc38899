"""A local server that speaks WeChat's code2Session protocol, for login tests."""
from __future__ import annotations

import asyncio
import json

from aiohttp import web

APPID, SECRET = "wx-test-appid", "wx-test-secret"
CALLS = web.AppKey("calls", list)


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


def make_app() -> web.Application:
    app = web.Application()
    app[CALLS] = []
    app.router.add_get("/sns/jscode2session", jscode2session)
    return app
