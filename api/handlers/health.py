from __future__ import annotations

from aiohttp import web

from api.keys import SEARCH
from api.responses import json_ok
from api.routing import PUBLIC, Route
from models.errors import Unavailable
from models.services.health import database_ok, report


async def healthz(request: web.Request) -> web.Response:
    """Liveness and readiness: 503 when the database does not answer; 200 otherwise, with status "degraded" while
    this worker's search index is stale (see docs/search.md)."""
    if not await database_ok():
        raise Unavailable("database_unavailable", "数据库不可用")
    return json_ok(report(request.config_dict[SEARCH].health))


ROUTES = [Route("GET", "/healthz", healthz, PUBLIC, "Health check (database and search index)", "ops")]
