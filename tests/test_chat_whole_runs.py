"""A customer's run of characters that occurs whole in a product's name is that product, even when the customer's
words were split differently (普洱熟茶 of 勐海普洱熟茶 357g, which has no alias; 红薯干 of 连城红薯干 300g): a word
followed in the name by what the customer said next is not a modifier of another thing (issue 15)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.chat import Chat, with_address
from tests.support.http import admin_headers, consumer_headers, import_csv

CATALOG = Path(__file__).parent / "data" / "chat_kinds_catalog.csv"


@pytest.fixture
async def shop(client):
    await import_csv(client, CATALOG.read_bytes(), await admin_headers(client))
    return client


@pytest.mark.parametrize("message, sku", [
    ("普洱熟茶", "K-TEA-01"), ("来饼普洱熟茶", "K-TEA-01"), ("我想买普洱熟茶", "K-TEA-01"),
    ("红薯干", "K-SWP-01"), ("来两袋红薯干", "K-SWP-01"), ("有没有红薯干", "K-SWP-01"),
    ("苹果干", "K-APL-02"),
])
async def test_a_run_found_whole_in_a_name_is_that_product(shop, message, sku):
    chat = await with_address(Chat(shop, await consumer_headers(shop, "runs")))
    body = await chat.say(message)
    offered = {c["sku"] for c in body.get("products") or []} | {body["slots"].get("sku")} - {None}
    assert offered == {sku}, body
    assert "没有找到" not in body["reply"]
