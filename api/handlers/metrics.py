"""`GET /metrics` (docs/operations.md): Prometheus text format, from loopback or with `METRICS_TOKEN`."""
from __future__ import annotations

from aiohttp import web

from api.keys import SEARCH
from api.metrics import CONTENT_TYPE, check_access, exposition, sample_worker
from api.routing import PUBLIC, Route
from models.services import ops_gauges


async def metrics(request: web.Request) -> web.Response:
    check_access(request)
    sample_worker(request.config_dict[SEARCH])
    body = exposition(await ops_gauges.read())
    response = web.Response(body=body)
    response.headers["Content-Type"] = CONTENT_TYPE
    return response


ROUTES = [
    Route("GET", "/metrics", metrics, PUBLIC, "Prometheus metrics of every worker: from loopback, or with "
          "`Authorization: Bearer <METRICS_TOKEN>`", "ops", response_media="text/plain"),
]
