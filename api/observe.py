"""The outermost middleware: every request gets an id, its log fields and a database clock, and once answered
it is counted in the metrics by route template, method and status (docs/operations.md).

The request id is the client's `X-Request-Id` when it is well formed (8–64 characters of `A-Za-z0-9._-`), so a
proxy's or a client's id follows the request into our logs; otherwise one is generated. It is echoed in the
response's `X-Request-Id`, errors included.
"""
from __future__ import annotations

import asyncio
import re
import secrets
import time
from typing import Any

from aiohttp import web

from api.keys import SETTINGS
from api.logs import REQUEST, RequestLog
from models import metrics
from models.storage import db_clock

REQUEST_ID_HEADER = "X-Request-Id"
_WELL_FORMED = re.compile(r"[A-Za-z0-9._-]{8,64}")
LOG = web.RequestKey("request_log", RequestLog)
CLIENT_CLOSED = 499
UNMATCHED = "unmatched"  # no route: the raw path would make one series per scanner's guess


def request_id(given: str | None) -> str:
    """The client's id when well formed, else a new one (32 hex digits)."""
    if given and _WELL_FORMED.fullmatch(given):
        return given
    return secrets.token_hex(16)


def route_template(request: web.Request) -> str:
    """`/api/v1/orders/{order_no}/pay`, not the path asked for."""
    resource = request.match_info.route.resource
    return resource.canonical if resource is not None else UNMATCHED


@web.middleware
async def observe_middleware(request: web.Request, handler: Any) -> web.StreamResponse:
    log = RequestLog(request_id(request.headers.get(REQUEST_ID_HEADER)), request.method, route_template(request))
    request[LOG] = log
    REQUEST.set(log)
    clock = db_clock.start()
    status = 500
    try:
        response = await handler(request)
        status = response.status
        response.headers[REQUEST_ID_HEADER] = log.request_id
        return response
    except web.HTTPException as exc:  # redirects and the few answers raised past the error middleware
        status = exc.status
        exc.headers[REQUEST_ID_HEADER] = log.request_id
        raise
    except asyncio.CancelledError:  # the client went away: counted as nginx does, 499
        status = CLIENT_CLOSED
        raise
    finally:
        if status != CLIENT_CLOSED and not request.config_dict[SETTINGS].is_sqlite:
            await asyncio.sleep(0)  # asyncpg's query logger reports a statement on the loop's next turn
        metrics.http_request(log.route, request.method, status, time.perf_counter() - log.started, clock.seconds)
