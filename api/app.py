"""The application factory."""
from __future__ import annotations

import logging
from typing import Any

from aiohttp import web

from api.contexts import database_ctx, http_client_ctx, order_timeout_ctx, search_ctx
from api.errors import error_middleware
from api.keys import DATABASE, OPENAPI, SETTINGS
from api.openapi import openapi_document
from api.routes import ROUTES
from api.routing import register
from api.settings import Settings
from models.db import activated

log = logging.getLogger(__name__)


@web.middleware
async def database_context_middleware(request: web.Request, handler: Any) -> web.StreamResponse:
    """Make this app's Tortoise context the active one for the request's task."""
    with activated(request.config_dict[DATABASE]):
        return await handler(request)


def create_app(settings: Settings) -> web.Application:
    app = web.Application(
        middlewares=[error_middleware, database_context_middleware],
        client_max_size=settings.max_body_bytes,
    )
    app[SETTINGS] = settings
    app.cleanup_ctx.extend([database_ctx, search_ctx, order_timeout_ctx, http_client_ctx])
    register(app, ROUTES)
    app[OPENAPI] = openapi_document(ROUTES)
    if settings.dev_login_enabled:
        log.warning("WECHAT_SECRET is not set: development login with codes 'dev:<name>' is ENABLED")
    return app
