from __future__ import annotations

from aiohttp import web

from api.keys import SEARCH, SETTINGS
from api.lifecycle import LIFECYCLE
from api.responses import json_ok
from api.routing import PUBLIC, Route
from models.errors import Unavailable
from models.services.health import database_ok, report
from models.services.readiness import not_ready_reasons


async def healthz(request: web.Request) -> web.Response:
    """Liveness: 503 when the database does not answer; 200 otherwise, with status "degraded" while this worker's
    search index is stale (see docs/search.md). Whether to send it traffic is `/readyz`."""
    if not await database_ok():
        raise Unavailable("database_unavailable", "数据库不可用")
    return json_ok(report(request.config_dict[SEARCH].health))


async def readyz(request: web.Request) -> web.Response:
    """Readiness: 200 when this worker should get traffic; 503 `not_ready` with every reason in `details.reasons`
    (database, migrations, search index, shutting down: models/services/readiness.py)."""
    app = request.config_dict
    reasons = await not_ready_reasons(app[SEARCH].health, app[SETTINGS].ready_index_max_age_seconds,
                                      app[LIFECYCLE].shutting_down)
    if reasons:
        raise Unavailable("not_ready", "本工作进程暂不接收请求：" + "；".join(r["message"] for r in reasons),
                          reasons=reasons)
    return json_ok({"status": "ready"})


ROUTES = [Route("GET", "/healthz", healthz, PUBLIC, "Liveness: the database answers (search index state)", "ops"),
          Route("GET", "/readyz", readyz, PUBLIC, "Readiness: 503 not_ready with the reasons while this worker "
                "should get no traffic", "ops")]
