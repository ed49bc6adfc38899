from __future__ import annotations

from aiohttp import web

from api.errors import error_response
from api.responses import json_ok
from api.routing import PUBLIC, Route
from models.services.health import database_ok


async def healthz(request: web.Request) -> web.Response:
    """Liveness and readiness: 200 only when the database answers."""
    if not await database_ok():
        return error_response(503, "database_unavailable", "数据库不可用")
    return json_ok({"status": "ok", "database": "ok"})


ROUTES = [Route("GET", "/healthz", healthz, PUBLIC, "Health check (database included)", "ops")]
