"""Twenty-first round (lead): kinds found by trying the demo catalogue as a shopper would.

1. A quantity said alone while the product is still being chosen (核桃来两袋 → 改成三袋 / 不对，三袋 / 核桃来四斤 →
   还是要六斤吧) is the line's new quantity: it was "没太明白", or the list shown again, and the line kept the first
   quantity (赫章核桃 ×2袋 共4斤 after 六斤). A size that narrows the list (鸡蛋来两盒 → 要30枚的) keeps the count.

Demo catalogue (核桃 of 2斤 bags from four counties; 鸡蛋 of several boxes).
"""
from __future__ import annotations

import pytest

from models.paths import DEMO_CATALOG_CSV
from tests.support.chat import open_shop, summary_lines


@pytest.mark.parametrize("first, change, pick, line", [
    ("核桃来两袋", "改成三袋", "赫章的", "赫章核桃 2斤 ×3袋（共6斤），135元"),
    ("核桃来两袋", "不对，三袋", "第三个", "赫章核桃 2斤 ×3袋（共6斤），135元"),
    ("核桃来四斤", "还是要六斤吧", "赫章的", "赫章核桃 2斤 ×3袋（共6斤），135元"),
    ("核桃来四斤", "改成八斤", "赫章的", "赫章核桃 2斤 ×4袋（共8斤），180元"),
])
async def test_a_quantity_changed_while_the_product_is_chosen_is_kept(client, first, change, pick, line):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-recount")
    await chat.say(first)
    changed = await chat.say(change)
    assert "没太明白" not in changed["reply"]
    body = await chat.say(pick)
    assert summary_lines(body) == line


async def test_a_size_that_narrows_the_list_keeps_the_count(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-narrowed")
    await chat.say("鸡蛋来两盒")
    body = await chat.say("要30枚的")
    assert body["slots"]["qty"] == 2
