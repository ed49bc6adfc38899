"""Resources with a lifetime: opened on startup, closed on cleanup, reached through AppKeys."""
from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import secrets
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from typing import Any

import aiohttp
from aiohttp import web

from api.jobs import BackgroundJobs
from api.keys import (
    ASSISTANT,
    BACKGROUND_JOBS,
    CARD_CODES,
    DATABASE,
    DECODE_SLOTS,
    HTTP_CLIENT,
    REGIONS,
    SEARCH,
    SETTINGS,
    WECHAT_LOGIN,
    WECHAT_PUSH,
    WECHAT_PUSH_RELAY,
)
from api.wechat.customer_service import CustomerService
from api.wechat.login import WeChatLogin
from api.wechat.push_relay import PushRelay
from bot.engine import Assistant, BotConfig
from models.search import CatalogTokenizer, SearchIndex
from models.search.catalog_search import CatalogSearch
from models.services import accounts, card_batches, cards, orders, setup, stats_background, throttle
from models.services.demo import load_demo_data
from models.storage import sqlite_lock
from models.storage.database import activated, open_database
from models.storage.sql_group import group_commit

log = logging.getLogger(__name__)


async def database_ctx(app: web.Application) -> AsyncIterator[None]:
    """Open our own Tortoise context; migrate the embedded SQLite default, refuse an un-migrated PostgreSQL."""
    settings = app[SETTINGS]
    lock = sqlite_lock.hold(settings.database_url)  # SQLite: `restore` is refused while this worker runs
    try:
        ctx = await open_database(settings.database_url, settings.db_pool_size)
    except BaseException:
        lock.release()
        raise
    try:
        if settings.is_sqlite:
            await setup.migrate(ctx, settings.database_url)
        else:
            await setup.check_ready(ctx, settings.database_url)
        async with group_commit(ctx, settings.database_url):  # SQLite: the writer thread (docs/decisions/0005)
            if settings.demo:
                with activated(ctx):
                    await load_demo_data()
            app[DATABASE] = ctx
            yield
    finally:
        await ctx.close_connections()
        lock.release()


async def search_ctx(app: web.Application) -> AsyncIterator[None]:
    """Build the search index from the catalogue and keep it following changes made by any process."""
    settings = app[SETTINGS]
    search = CatalogSearch(SearchIndex(CatalogTokenizer()), refresh_seconds=settings.search_refresh_seconds)
    with activated(app[DATABASE]):
        await search.rebuild()
    app[SEARCH] = search

    async def loop() -> None:  # the pace is the index's: the interval, backing off while refreshes fail
        delay = settings.search_refresh_seconds
        while True:
            await asyncio.sleep(delay)
            delay = await search.poll()

    with activated(app[DATABASE]):
        task = asyncio.create_task(loop(), name="search index refresh")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def assistant_ctx(app: web.Application) -> AsyncIterator[None]:
    """The chat assistant over this process's search index; its dialogue state lives in the database."""
    settings = app[SETTINGS]
    config = BotConfig(settings.card_face_values_fen, timedelta(seconds=settings.order_pay_timeout_seconds),
                       understood_kept=settings.chat_understood_kept, codes=app[CARD_CODES])
    assistant = app[ASSISTANT] = Assistant(app[SEARCH], config, app[REGIONS])
    warm_up = asyncio.create_task(_warm_up(assistant, app[DATABASE]))  # ready at once; the first chat may wait
    try:
        yield
    finally:
        warm_up.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await warm_up
        # Give the frozen objects back to the collector: the app's catalogue, index and dictionaries hold reference
        # cycles, and frozen they would never be freed (every app a test process builds stayed alive, ~45 MB each).
        gc.unfreeze()


async def _warm_up(assistant: Assistant, database: Any) -> None:
    await assistant.warm_up(database)
    # The catalogue, the search index and the dictionaries now built live as long as the process: moved out of
    # the collector's sight, a full collection no longer walks them (pauses that were the chat's slowest turns).
    gc.freeze()


async def order_timeout_ctx(app: web.Application) -> AsyncIterator[None]:
    """Cancel unpaid orders past their deadline (kept in the database, so restarts and many workers are fine)."""
    async with _periodic(app, app[SETTINGS].order_sweep_seconds, orders.expire_unpaid, "unpaid order time-out"):
        yield


async def stats_rollup_ctx(app: web.Application) -> AsyncIterator[None]:
    """Keep the statistics rollup up to date in the background: close the days that ended, recompute the days a
    late write marked. Every worker tries each round; the one holding the lease works (stats_background)."""
    holder = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
    async with _periodic(app, app[SETTINGS].stats_rollup_seconds, lambda: stats_background.run_cycle(holder),
                         "statistics rollup"):
        yield


async def card_expiry_ctx(app: web.Application) -> AsyncIterator[None]:
    """Expire cards past their date: the remaining balance moves to an expire activity."""
    async with _periodic(app, app[SETTINGS].card_sweep_seconds, cards.expire_due, "card expiry"):
        yield


async def token_purge_ctx(app: web.Application) -> AsyncIterator[None]:
    """Delete expired bearer tokens, and abuse-limit rows with nothing left to remember, in bounded batches."""
    settings = app[SETTINGS]
    forget = max(86400.0, settings.login_failure_window_seconds + settings.login_lockout_max_seconds)

    async def purge() -> None:
        await accounts.purge_expired_tokens()
        await throttle.purge_stale(time.time() - forget)

    async with _periodic(app, settings.token_purge_seconds, purge, "expired token purge"):
        yield


async def decode_slots_ctx(app: web.Application) -> AsyncIterator[None]:
    """QR decodes of uploaded images run one at a time in each worker: each may hold tens of megabytes."""
    app[DECODE_SLOTS] = asyncio.Semaphore(1)
    yield


async def background_jobs_ctx(app: web.Application) -> AsyncIterator[None]:
    """Jobs the app owns (card issuing), cancelled and awaited before the database closes (a cancelled issuing job
    gives its lease back); and every `CARD_BATCH_RESUME_SECONDS` this worker resumes card batches whose lease is
    stale (their worker died) or was given back (their worker stopped)."""
    settings = app[SETTINGS]
    lease = timedelta(seconds=settings.card_batch_lease_seconds)
    jobs = BackgroundJobs(app[DATABASE])
    app[BACKGROUND_JOBS] = jobs
    try:
        async with _periodic(app, settings.card_batch_resume_seconds,
                             lambda: card_batches.resume_stale_batches(lease), "card batch resume"):
            yield
    finally:
        await jobs.close()


@contextlib.asynccontextmanager
async def _periodic(
    app: web.Application, every: float, job: Callable[[], Awaitable[object]], name: str
) -> AsyncIterator[None]:
    """Run `job` every `every` seconds in the app's database context until the app stops."""

    async def loop() -> None:
        while True:
            await asyncio.sleep(every)
            try:
                await job()
            except Exception:  # the loop must survive a database hiccup; the next round retries
                log.exception("%s failed", name)

    with activated(app[DATABASE]):
        task = asyncio.create_task(loop(), name=name)
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def http_client_ctx(app: web.Application) -> AsyncIterator[None]:
    settings = app[SETTINGS]
    async with aiohttp.ClientSession() as session:
        app[HTTP_CLIENT] = session
        app[WECHAT_LOGIN] = WeChatLogin(
            session, settings.wechat_api_base, settings.wechat_appid, settings.wechat_secret,
            settings.wechat_timeout_seconds,
        )
        yield


async def wechat_push_ctx(app: web.Application) -> AsyncIterator[None]:
    """Message push, when WECHAT_PUSH_TOKEN is set: replies go out from jobs this context owns, cancelled and
    awaited on cleanup before the HTTP session and the database close."""
    if WECHAT_PUSH not in app:
        yield
        return
    settings = app[SETTINGS]
    service = CustomerService(app[HTTP_CLIENT], settings.wechat_api_base, settings.wechat_appid,
                              settings.wechat_secret, settings.wechat_timeout_seconds)
    relay = PushRelay(BackgroundJobs(app[DATABASE]), app[ASSISTANT], service)
    app[WECHAT_PUSH_RELAY] = relay
    try:
        yield
    finally:
        await relay.close()
