"""A request aiohttp cannot even parse (`?q=蜂蜜` sent unencoded, as the README's first curl once did) is answered
in the JSON error shape like every other error, not as a plain-text 400 (issue 16). The server is the one main.py
runs (api/serving.py), on a real socket."""
from __future__ import annotations

import asyncio
import json

from aiohttp import web

from api.access_log import RUNNER_KWARGS
from api.app import create_app
from api.serving import JsonErrorSite


async def raw_exchange(port: int, request: bytes) -> tuple[str, dict[str, str], bytes]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(request)
    await writer.drain()
    data = await asyncio.wait_for(reader.read(), 10)  # the connection is closed after an unparsable request
    writer.close()
    head, _, body = data.partition(b"\r\n\r\n")
    status, *lines = head.decode().split("\r\n")
    headers = {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in lines)}
    return status, headers, body


async def test_an_unencoded_chinese_query_gets_the_json_error_shape(make_client, settings):
    # make_client resets the database; the app is run as main.py runs it, not through the test client
    runner = web.AppRunner(create_app(settings), **RUNNER_KWARGS)
    await runner.setup()
    site = JsonErrorSite(runner, "127.0.0.1", 0, handler_kwargs=RUNNER_KWARGS)
    await site.start()
    try:
        status, headers, body = await raw_exchange(
            site.bound_port, "GET /api/v1/products?q=蜂蜜 HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        assert status.split()[1] == "400", status
        assert headers["content-type"].startswith("application/json")
        error = json.loads(body)["error"]
        assert error["code"] == "malformed_request"
        assert "URL 编码" in error["message"]
        assert "--data-urlencode" in error["message"]
        assert "Invalid char in url query" in error["details"]["reason"]
        status, headers, body = await raw_exchange(  # the same server answers a well-formed request as usual
            site.bound_port,
            b"GET /api/v1/products?q=%E8%9C%82%E8%9C%9C HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert status.split()[1] == "200", (status, body)
    finally:
        await runner.cleanup()
