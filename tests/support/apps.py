"""Letting a test's finished apps be freed."""
from __future__ import annotations

from aiohttp import web_app


def forget_finished_apps() -> None:
    """Empty aiohttp's cache of middleware-wrapped handlers.

    aiohttp keeps every (handler, apps) pair it has wrapped in middlewares in a module-level cache of 1,024 entries
    (`web_app._cached_build_middleware`, private to aiohttp: read with getattr, so an aiohttp without it only loses
    the clearing). Each entry holds a finished app and so its search index and chat dictionaries, about 45 MB: one
    pytest process grew by that much per app test. Production builds one app per process.
    """
    cache = getattr(web_app, "_cached_build_middleware", None)
    if cache is not None:
        cache.cache_clear()
