"""Sixteenth round (lead): pack sizes said before the goods, words said around items, orders just placed.

1. a pack size said before the goods (小瓶蜂蜜, 大袋大米, 小盒装的茶叶) says which of their packs: the goods are
   found, never 没有找到「小瓶蜂蜜」 (bot/lexicon.SIZE_PACKS, kept whole by the tokenizer); 小罐茶 (a brand) stays
   not found;
2. a size compared (小盒的茶叶) chooses among the packs of one product, never the smallest of twenty different teas
   put in the draft; 最小的那罐茶 (a superlative) still picks among all (bot/turns/described.py);
3. words said around several items (给爸妈寄点东西, 过年囤点, 谢谢, an occasion alone) are no item: each product said
   with its count stays a line of its own (给爸妈寄点东西 粽子来三盒 咸鸭蛋两盒 was three boxes of the eggs;
   bot/asides.py); whom it is for (爸妈) is never a catalogue word misheard (it was heard as 巴马, the county:
   bot/product_words._corrected);
4. a thing the shop does not sell said with an occasion that is only a catalogue tag (有没有大闸蟹 中秋…) is not found,
   the mooncakes tagged 中秋 never offered as a match (bot/product_words.py);
5. an order just placed, named by when (刚下单的粽子能撤销不), and 取消吧 after an answer about a placed order, cancel
   that order (cancel_order), never "no draft to drop"; paying with a card's balance (用爱心卡余额付) is pay_order,
   not a balance question (bot/shop_questions.py, bot/dialogue.py);
6. a season's greeting (过年好, 老板新年好, 端午节安康: 安康 is also a city) is a greeting, never 没有找到「过年好」
   (bot/phrasing.season_greeting); a festival said as a time near (中秋节快到了 有啥推荐, 快过年了) is no goods
   asked for: the advice is given, never 没有找到「中秋节快到」 (bot/festival_words.as_time).

Over the demo catalogue, and tests/data/chat_round16_lead_catalog.csv (a mooncake tagged 中秋).
"""
from __future__ import annotations

from pathlib import Path

from models.paths import DEMO_CATALOG_CSV
from tests.support.chat import each_afresh, my_orders, open_shop

HERE = Path(__file__).parent


async def test_a_pack_size_before_the_goods_finds_them(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16")
    first_lines, listed = {}, {}
    for message in ("小瓶蜂蜜有吗", "有没有大袋大米", "小盒装的茶叶有吗", "小包装的红枣有吗"):
        body = await chat.say(message)
        first_lines[message], listed[message] = body["reply"].splitlines()[0], len(body["products"])
        await chat.say("取消")
    assert [m for m, first in first_lines.items() if "没有找到" in first] == []
    assert [m for m, n in listed.items() if n == 0] == []


async def test_a_brand_made_of_a_size_and_one_food_character_is_still_not_found(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16")
    body = await chat.say("小罐茶有吗")
    assert body["reply"].startswith("抱歉，没有找到「小罐茶」")


async def test_a_size_compared_among_many_products_lists_them_instead_of_picking_one(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16")
    body = await chat.say("小盒的茶叶")
    assert body["order"] is None
    assert body["slots"]["sku"] is None
    assert len(body["products"]) > 1


async def test_a_size_among_one_products_packs_and_a_superlative_still_pick(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16")
    said = await each_afresh(chat, "最小的那罐茶", "镇赉大米来个小袋的")
    assert said == {"最小的那罐茶": "卢氏连翘茶 100g ×1罐（共100g），39元",
                    "镇赉大米来个小袋的": "镇赉大米 5kg ×1袋（共5kg），52元"}


async def test_words_said_around_several_items_leave_each_item_a_line(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16")
    said = await each_afresh(chat, "给爸妈寄点东西 金线美大米两袋 春中宝蜂蜜一瓶",
                             "过年囤点 金线美大米两袋 春中宝蜂蜜一瓶", "金线美大米两袋 春中宝蜂蜜一瓶 谢谢",
                             "中秋 金线美大米两袋 春中宝蜂蜜一瓶")
    both = "金线美大米 5kg ×2袋（共10kg），90元\n春中宝蜂蜜 500g ×1瓶（共500g），58元"
    assert said == dict.fromkeys(said, both)


async def test_a_thing_not_sold_said_with_an_occasion_is_not_found(client):
    chat = await open_shop(client, HERE / "data" / "chat_round16_lead_catalog.csv", "round16")
    body = await chat.say("有没有大闸蟹 中秋想寄给我妈")
    assert body["reply"].startswith("抱歉，没有找到「大闸蟹」")
    assert body["products"] == []
    listed = await chat.say("中秋 月饼有吗")
    assert [p["name"] for p in listed["products"]] == ["神池月饼 2kg"]


async def test_an_order_just_placed_is_cancelled_when_the_talk_is_about_it(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16")
    await chat.say("金线美大米来一袋")
    await chat.say("确认")
    undone = await chat.say("刚下单的大米能撤销不")
    assert undone["intent"] == "cancel_order"
    assert [o["status"] for o in await my_orders(chat)] == ["cancelled"]


async def test_cancelling_again_after_an_order_answer_is_about_that_order(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16")
    await chat.say("我的订单到哪了")
    await chat.say("那能取消吗")
    again = await chat.say("嗯 取消吧 不要了")
    assert again["intent"] == "cancel_order"


async def test_paying_with_a_cards_balance_is_paying(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16")
    body = await chat.say("付款 用我女儿送的爱心卡余额付")
    assert body["intent"] == "pay_order"


async def test_a_seasons_greeting_is_a_greeting(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16")
    intents = {}
    for message in ("过年好", "老板新年好！", "春节快乐", "中秋节快乐", "端午节安康"):
        body = await chat.say(message)
        intents[message] = (body["intent"], body["products"])
    assert intents == dict.fromkeys(intents, ("greet", []))


async def test_a_festival_said_as_a_time_near_is_no_goods_asked_for(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16")
    answers = {}
    for message in ("中秋节快到了 有啥推荐", "快过年了 买点啥好", "马上端午了 推荐点啥"):
        body = await chat.say(message)
        answers[message] = (body["intent"], "没有找到" in body["reply"], bool(body["products"]))
    assert answers == dict.fromkeys(answers, ("recommend", False, True))
