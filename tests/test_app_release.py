"""A finished app is freed: nothing it built (search index, chat dictionaries, ~45 MB) outlives it."""
from __future__ import annotations

import asyncio
import gc
import weakref
from collections.abc import Awaitable, Callable

from aiohttp.test_utils import TestClient, TestServer

from api.app import create_app
from api.settings import Settings
from tests.support.apps import COLLECT_AFTER_GROWTH_BYTES, Collector, forget_finished_apps, resident_bytes
from tests.support.http import consumer_headers


async def test_a_closed_app_and_its_dictionaries_are_freed(
    make_client: Callable[..., Awaitable[TestClient]], settings: Settings
) -> None:
    await make_client()  # a clean database
    client = TestClient(TestServer(create_app(settings)))  # not the fixture's client: that one lives to the end
    await client.start_server()
    headers = await consumer_headers(client, "release")
    chat = await client.post("/api/v1/chat", json={"message": "有蜂蜜吗"}, headers=headers)
    assert chat.status == 200
    for _ in range(200):  # the warm-up moves what it built out of the collector's sight (gc.freeze) when done
        if gc.get_freeze_count():
            break
        await asyncio.sleep(0.05)
    assert gc.get_freeze_count() > 0
    await client.close()
    app = weakref.ref(client.app)
    del client, chat
    forget_finished_apps()
    gc.collect()
    assert app() is None


def test_the_collector_runs_a_full_collection_once_the_process_has_grown() -> None:
    collector = Collector(collected_at=resident_bytes() - COLLECT_AFTER_GROWTH_BYTES - 1)
    cycle: list[object] = []
    cycle.append(cycle)
    orphan = weakref.ref(_Holder(cycle))
    del cycle
    collector.after_test()
    assert orphan() is None
    assert collector.collected_at > 0


class _Holder:
    def __init__(self, cycle: list[object]) -> None:
        self.cycle = cycle
        cycle.append(self)
