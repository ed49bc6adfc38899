"""A consumer talking to the chat assistant over HTTP; every reply is checked against the contract."""
from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

from api.keys import DATABASE, REGIONS, SEARCH
from models.paths import DEMO_CATALOG_CSV
from models.services.catalog_import import import_catalog
from models.storage.database import activated
from tests.support.cases import current_case
from tests.support.http import consumer_headers
from tests.support.orders import ADDRESS

CONTRACT = {"reply", "intent", "products", "slots", "order", "suggestions"}


class Chat:
    """One consumer talking to the assistant; every reply is checked against the contract."""

    def __init__(self, client, headers) -> None:
        self.client, self.headers = client, headers

    async def say(self, message: str) -> dict:
        resp = await self.client.post("/api/v1/chat", json={"message": message}, headers=self.headers)
        assert resp.status == 200, await resp.text()
        body = await resp.json()
        assert set(body) == CONTRACT
        assert set(body["slots"]) == {"sku", "qty", "amount_fen", "unit", "total_qty_text"}
        assert body["reply"].strip()
        for product in body["products"]:
            assert set(product) == {"sku", "name", "price_fen", "unit", "origin", "stock"}
        return body


async def with_address(chat: Chat) -> Chat:
    resp = await chat.client.post("/api/v1/me/addresses", json=ADDRESS, headers=chat.headers)
    assert resp.status == 201, await resp.text()
    return chat


async def stock_shop(client, catalog: Path) -> None:
    """The catalogue imported the way an operator's command line does (`main.py import-catalog`), and the app's
    search told at once, as the admin's upload tells it, and the origins read from the app's snapshot of the divisions
    as the upload reads them. The upload itself is tested in test_catalog_import; here it would add an
    administrator's login (two scrypt hashes) to every conversation tested."""
    with activated(client.app[DATABASE]):
        regions = await client.app[REGIONS].directory()
        await import_catalog(catalog.read_bytes(), actor=None, label="cli", regions=regions)
        assert await client.app[SEARCH].follow()


# The catalogues imported into each test app, to import once for all the cases of a table (tests/support/cases.py).
_STOCKED: weakref.WeakKeyDictionary[Any, set[Path]] = weakref.WeakKeyDictionary()


async def open_shop(client, catalog: Path, name: str, address: bool = True) -> Chat:
    """The catalogue imported, then a consumer (with a saved address unless told not). Within a table of cases
    (`each_case`), the catalogue is imported once and each case talks as a shopper of its own."""
    case = current_case()
    stocked = _STOCKED.setdefault(client, set())
    if case is None or catalog not in stocked:
        await stock_shop(client, catalog)
        stocked.add(catalog)
    if case is not None:
        name = f"{name}-c{case}"
    chat = Chat(client, await consumer_headers(client, name))
    return await with_address(chat) if address else chat


async def say_once(client, message: str, catalog: Path = DEMO_CATALOG_CSV, name: str = "shopper") -> dict:
    """One message from a new consumer with a saved address, to the shop with `catalog` (the demo one by default)."""
    return await (await open_shop(client, catalog, name)).say(message)


def summary_lines(body: dict) -> str:
    """The order lines of a summary reply (between 请确认订单： and 合计)."""
    assert "请确认订单" in body["reply"], body["reply"]
    return body["reply"].split("请确认订单：\n", 1)[1].split("\n合计", 1)[0]


async def each_afresh(chat: Chat, *messages: str) -> dict[str, str]:
    """Each message said afresh (the draft dropped after it): what its summary lists, or the reply when none."""
    out = {}
    for message in messages:
        body = await chat.say(message)
        out[message] = summary_lines(body) if "请确认订单" in body["reply"] else body["reply"]
        await chat.say("取消")
    return out


async def my_orders(chat: Chat) -> list[dict]:
    return (await (await chat.client.get("/api/v1/orders", headers=chat.headers)).json())["items"]
