"""A worker's lifecycle as `/readyz` sees it: serving, or shutting down (api/serving.py sets it on SIGTERM)."""
from __future__ import annotations

import asyncio

from aiohttp import web


class Lifecycle:
    """Whether this worker is on its way out. `stop()` is what the signal handler calls; `stopping` is awaited by
    the server loop. Set from `on_shutdown` too, for apps run by other runners (tests)."""

    def __init__(self) -> None:
        self.shutting_down = False
        self.stopping = asyncio.Event()

    def stop(self) -> None:
        self.shutting_down = True
        self.stopping.set()


LIFECYCLE = web.AppKey("lifecycle", Lifecycle)


async def mark_shutting_down(app: web.Application) -> None:
    """on_shutdown: the listener is closed; requests in flight finish while `/readyz` says so."""
    app[LIFECYCLE].shutting_down = True
