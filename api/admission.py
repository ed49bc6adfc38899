"""Admission queues: how many requests of one kind a worker works on at once; the others wait, in arrival order.

A request that waits on the database rejoins the event loop's queue behind every other request in progress. With
32 requests in progress, a chat turn's time grew with its number of queries (its p99 was 2.8× the median). A few
turns at a time finish sooner, and the ones waiting are served first come, first served. Routes name their queue
(`Route.admission`). Tried on order placing and redemption too, and left out: there it cost throughput on
PostgreSQL (379 against 440 orders a second with 4 places) and gained nothing on SQLite.
"""
from __future__ import annotations

import asyncio

from aiohttp import web

CHAT = "chat"  # chat turns


class Admission:
    def __init__(self, places: dict[str, int]) -> None:
        self._queues = {name: asyncio.Semaphore(n) for name, n in places.items()}

    def __getitem__(self, queue: str) -> asyncio.Semaphore:
        return self._queues[queue]


ADMISSION = web.AppKey("admission", Admission)
