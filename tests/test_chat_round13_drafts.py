"""Thirteenth round: a draft survives what the assistant does not understand, as the shopper sees it.

1. a count said for a thing the shop does not know, with an order waiting for confirmation (茅台来一瓶 after two
   bottles of honey), changes nothing: 没有找到「茅台」 with a reminder that the order waits, and 确认 places the
   order as it was (bot/turns/picks.names_another_thing, goods.hold_quantity);
2. 确认 when nothing was found to order asks what to buy, never "有几款都符合" over an empty list
   (bot/turns/quantity.advance);
3. 大包装 / 小包装 is a size said by comparison (换成大包装的吧 500g那种 一瓶就够), not a product word
   (bot/descriptions.py), and 就够 is talk;
4. a word of more after a remark (我妈也喜欢 再加一瓶) adds to the line just ordered (bot/turns/relative.py).
"""
from __future__ import annotations

from pathlib import Path

from tests.support.chat import my_orders, open_shop, summary_lines

ROUND12 = Path(__file__).parent / "data" / "chat_round12_catalog.csv"


async def test_a_count_for_an_unknown_thing_says_not_found_and_keeps_the_order(client):
    chat = await open_shop(client, ROUND12, "round13")
    await chat.say("罗平蜂蜜500g 来两瓶")
    body = await chat.say("茅台来一瓶")
    assert "没有找到「茅台」" in body["reply"]
    assert "等您确认下单" in body["reply"]


async def test_confirm_after_the_unknown_thing_places_the_order_as_it_was(client):
    chat = await open_shop(client, ROUND12, "round13")
    await chat.say("罗平蜂蜜500g 来两瓶")
    await chat.say("茅台来一瓶")
    body = await chat.say("确认")
    assert "下单成功" in body["reply"]
    assert [o["total_fen"] for o in await my_orders(chat)] == [9600]


async def test_confirm_with_nothing_found_asks_for_the_product(client):
    chat = await open_shop(client, ROUND12, "round13")
    await chat.say("茅台来两瓶")
    body = await chat.say("确认")
    assert "想买点什么" in body["reply"]
    assert "有几款都符合" not in body["reply"]


async def test_the_bigger_pack_said_by_comparison_switches_the_line(client):
    chat = await open_shop(client, ROUND12, "round13")
    await chat.say("罗平蜂蜜250g 来两瓶")
    body = await chat.say("还是换成大包装的吧 500g那种 一瓶就够")
    assert summary_lines(body) == "罗平蜂蜜 500g ×1瓶（共500g），48元"


async def test_a_word_of_more_after_a_remark_adds_to_the_line(client):
    chat = await open_shop(client, ROUND12, "round13")
    await chat.say("罗平蜂蜜500g 来两瓶")
    body = await chat.say("我妈也喜欢 再加一瓶")
    assert summary_lines(body) == "罗平蜂蜜 500g ×3瓶（共1.5kg），144元"


async def test_how_much_before_a_count_is_no_word_of_less(client):
    chat = await open_shop(client, ROUND12, "round13")
    await chat.say("罗平蜂蜜500g 来两瓶")
    body = await chat.say("罗平蜂蜜500g多少一瓶")
    assert body["reply"].startswith("罗平蜂蜜 500g，每瓶48元")
