"""Background jobs the application owns (card issuing …): tracked, so cleanup can cancel and await them."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from tortoise.context import TortoiseContext

from models.storage.database import activated

log = logging.getLogger(__name__)


class BackgroundJobs:
    """Start tasks with the app's Tortoise context active and keep a reference to each until it ends.

    A bare `asyncio.create_task` can be garbage-collected mid-run and outlives the app's database;
    these are cancelled and awaited on cleanup, before the database closes.
    """

    def __init__(self, database: TortoiseContext) -> None:
        self._database = database
        self._tasks: set[asyncio.Task[Any]] = set()

    def start(self, job: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        with activated(self._database):  # the task copies the current contextvars when it is created
            task = asyncio.create_task(job, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background job %r failed", task.get_name(), exc_info=task.exception())

    @property
    def running(self) -> int:
        return len(self._tasks)

    async def close(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
