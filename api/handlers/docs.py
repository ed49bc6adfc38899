from __future__ import annotations

from aiohttp import web

from api.keys import OPENAPI
from api.responses import json_ok
from api.routing import PUBLIC, Route
from models.paths import ASSETS


async def openapi_json(request: web.Request) -> web.Response:
    return json_ok(request.config_dict[OPENAPI].document)


async def docs_page(request: web.Request) -> web.FileResponse:
    return web.FileResponse(ASSETS / "static" / "api-docs.html")


ROUTES = [
    Route("GET", "/api/v1/openapi.json", openapi_json, PUBLIC, "This OpenAPI document", "docs"),
    Route("GET", "/api/docs", docs_page, PUBLIC, "Human-readable API documentation", "docs",
          response_media="text/html"),
]
