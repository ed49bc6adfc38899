"""Baseline server: a bare aiohttp app answering `GET /` with "Hello, world".

It is the ceiling for endpoints that need no database (bench/run.py judges them against it).
Usage: python bench/baseline_hello.py PORT
"""
from __future__ import annotations

import sys

from aiohttp import web


async def hello(request: web.Request) -> web.Response:
    return web.Response(text="Hello, world")


def main() -> None:
    port = int(sys.argv[1])
    app = web.Application()
    app.router.add_get("/", hello)
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None)


if __name__ == "__main__":
    main()
