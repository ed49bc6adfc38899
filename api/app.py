"""The application factory."""
from __future__ import annotations

import logging
from typing import Any

from aiohttp import web

from api.admission import ADMISSION, CHAT, Admission
from api.contexts import (
    assistant_ctx,
    background_jobs_ctx,
    card_expiry_ctx,
    database_ctx,
    decode_slots_ctx,
    http_client_ctx,
    order_timeout_ctx,
    search_ctx,
    stats_rollup_ctx,
    token_purge_ctx,
    wechat_push_ctx,
)
from api.errors import error_middleware
from api.keys import (
    CARD_CODES,
    DATABASE,
    MERCHANT_CODES,
    OPENAPI,
    REGIONS,
    SETTINGS,
    WECHAT_PUSH,
    WECHATPAY,
    WECHATPAY_SANDBOX,
)
from api.lifecycle import LIFECYCLE, Lifecycle, mark_shutting_down
from api.limits import LIMITS, Limits
from api.metrics import metrics_ctx
from api.observe import observe_middleware
from api.openapi import LazyDocument
from api.proxies import TrustedProxies
from api.routes import ROUTES
from api.routing import register
from api.settings import Settings
from api.wechat import pay_setup
from api.wechat.push_relay import PushConfig
from models.codes.card_codes import CardCodes
from models.codes.merchant_codes import MerchantCodes
from models.places.region_directory import RegionSnapshot
from models.storage.database import activated

log = logging.getLogger(__name__)


@web.middleware
async def database_context_middleware(request: web.Request, handler: Any) -> web.StreamResponse:
    """Make this app's Tortoise context the active one for the request's task."""
    with activated(request.config_dict[DATABASE]):
        return await handler(request)


def _set_up_wechat_pay(app: web.Application, settings: Settings) -> None:
    """The real WeChat Pay when configured; otherwise the sandbox, mounted on this server."""
    if settings.wechatpay_api_base:
        app[WECHATPAY] = pay_setup.real_config(settings)
        return
    pay_setup.check_sandbox_allowed(settings)
    config, sandbox = pay_setup.sandbox(settings)
    app[WECHATPAY], app[WECHATPAY_SANDBOX] = config, sandbox
    app.add_subapp(pay_setup.SANDBOX_PREFIX, sandbox)
    log.warning("WECHATPAY_API_BASE is not set: payments go to the embedded sandbox at %s", pay_setup.SANDBOX_PREFIX)


def create_app(settings: Settings) -> web.Application:
    app = web.Application(
        middlewares=[observe_middleware, error_middleware, database_context_middleware],
        client_max_size=settings.max_body_bytes,
    )
    app[SETTINGS] = settings
    app[CARD_CODES] = CardCodes(settings.secret_key)
    app[MERCHANT_CODES] = MerchantCodes(settings.secret_key)
    app[REGIONS] = RegionSnapshot()
    app[ADMISSION] = Admission({CHAT: settings.chat_concurrency})
    app[LIMITS] = Limits.from_settings(settings)
    app[LIFECYCLE] = Lifecycle()  # /readyz says 503 once the worker is shutting down
    app.on_shutdown.append(mark_shutting_down)
    app.middlewares.append(TrustedProxies(settings.trusted_proxies).middleware)  # X-Forwarded-* from proxies only
    app.cleanup_ctx.extend(
        [database_ctx, search_ctx, metrics_ctx, assistant_ctx, order_timeout_ctx, card_expiry_ctx, background_jobs_ctx,
         http_client_ctx, wechat_push_ctx, stats_rollup_ctx, token_purge_ctx, decode_slots_ctx])
    register(app, ROUTES)
    _set_up_wechat_pay(app, settings)
    if (push := PushConfig.from_settings(settings)) is not None:
        app[WECHAT_PUSH] = push  # otherwise /wechat/push answers 404
    app[OPENAPI] = LazyDocument(ROUTES)
    if settings.dev_login_enabled:
        log.warning("WECHAT_SECRET is not set: development login with codes 'dev:<name>' is ENABLED")
    return app
