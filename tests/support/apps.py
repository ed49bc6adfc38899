"""Letting a test's finished apps be freed."""
from __future__ import annotations

import gc
import resource
from dataclasses import dataclass

from aiohttp import web_app

# One full collection whenever the process has grown by this much since the last one.
COLLECT_AFTER_GROWTH_BYTES = 192 * 1024 * 1024


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


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


@dataclass
class Collector:
    """Runs a full garbage collection when the test process has grown by COLLECT_AFTER_GROWTH_BYTES.

    A finished app is garbage held in reference cycles (the catalogue, the search index, jieba's dictionaries). The
    chat warm-up freezes what exists (gc.freeze) and the app's cleanup unfreezes it; unfrozen objects go straight to
    the oldest generation without counting towards the threshold that starts a full collection, so the collector
    seldom runs one and a test process grew by 20-35 MB per app test (a PostgreSQL worker under xdist passed
    15 GB). A collection after every test costs ~0.25 s; one per ~200 MB of growth costs almost nothing.
    """

    collected_at: int = 0

    def after_test(self) -> None:
        now = resident_bytes()
        if now - self.collected_at > COLLECT_AFTER_GROWTH_BYTES:
            gc.collect()
            self.collected_at = resident_bytes()
