"""Sixteenth round (lead): what kind of message it is, when its words look like ordering or searching.

1. how much is enough, for people or time (腊肉一斤够炒几次, 三口人吃半个月大米买几袋合适): advice, no draft, no count;
   the reply says what each pack holds and makes up no figure (bot/question_kinds.py, enough_answer);
2. two products or sizes weighed (赤松茸和香菇哪个好, 这两个送长辈哪个体面): advice over what was named or shown;
   哪个最便宜 after a list stays a price answer;
3. gift advice for an occasion or a person (探望病人带什么合适, 重阳节送爸妈买点啥): the shop's gifts, never 没有找到;
4. stock with the amount wanted (红枣还有没有库存 要二十袋) and what a product holds (礼盒里面有什么): info;
5. how to use the shop (怎么帮我妈下单 地址填她的, 可以发语音吗): help that answers it;
6. holder actions with extra words: paying with a card a friend gave, 那能取消吗 after an order's status, 有哪些面值;
7. chit-chat and selling to the shop (最近好忙, 我家种的核桃想放你们这卖): no goods looked for.

Over the demo catalogue.
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.chat import open_shop


async def test_how_much_is_enough_is_advice_from_the_pack(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16qa1")
    body = await chat.say("腊肉一斤够炒几次")
    assert body["intent"] == "recommend"
    assert "从江香猪 腊肉 500g：每袋是500g装（1斤），68元/袋" in body["reply"]
    assert "请确认订单" not in body["reply"]
    assert body["slots"]["qty"] is None
    rice = await chat.say("三口人吃半个月大米买几袋合适")
    assert rice["intent"] == "recommend"
    assert "每袋是5kg装（10斤）" in rice["reply"]
    assert "没有找到" not in rice["reply"]


async def test_an_order_said_beside_enough_stays_an_order(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16qa2")
    body = await chat.say("来两袋金线美大米 够吃吗")
    assert body["intent"] == "order"
    assert "金线美大米 5kg ×2袋（共10kg），90元" in body["reply"]


async def test_two_named_products_weighed_say_which_is_not_sold(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16qa3")
    body = await chat.say("赤松茸和香菇哪个好")
    assert body["intent"] == "recommend"
    assert body["reply"].startswith("本店没有「赤松茸」，推荐这几款认定扶贫产品：")


async def test_the_two_shown_are_weighed_and_the_cheapest_stays_a_price(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16qa4")
    shown = await chat.say("红枣")
    body = await chat.say("这两个送长辈哪个体面")
    assert body["intent"] == "recommend"
    assert [p["sku"] for p in body["products"]] == [p["sku"] for p in shown["products"][:2]]
    cheapest = await chat.say("哪个最便宜")
    assert cheapest["intent"] == "ask_price"


async def test_gift_advice_for_a_visit_lists_gifts(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16qa5")
    body = await chat.say("探望病人带什么合适")
    assert body["intent"] == "recommend"
    assert "没有找到" not in body["reply"]
    assert any("礼盒" in p["name"] for p in body["products"])


async def test_stock_with_an_amount_is_a_stock_answer(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16qa6")
    body = await chat.say("红枣还有没有库存 要二十袋")
    assert body["intent"] == "ask_info"
    assert body["reply"].endswith("现在有货，还有400袋，20袋够。")  # the count weighed, since round 19
    assert "请确认订单" not in body["reply"]  # nothing ordered: the count waits for 好的 下单


async def test_what_a_gift_box_holds_is_its_own_data(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16qa7")
    body = await chat.say("和田骏枣礼盒里面有什么")
    assert body["intent"] == "ask_info"
    assert body["reply"].startswith("和田骏枣 礼盒 2kg：每盒是2kg装（4斤），98元/盒。")


async def test_how_to_questions_are_help_that_answers_them(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16qa8")
    family = await chat.say("怎么帮我妈下单 地址填她的")
    assert family["intent"] == "help"
    assert family["reply"].startswith("帮家人买：")
    voice = await chat.say("可以发语音吗")
    assert voice["reply"].startswith("这里现在只能打字，不能发语音")


async def test_paying_with_a_friends_card_is_paying(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16qa9")
    body = await chat.say("用朋友送的爱心卡付钱")
    assert body["intent"] == "pay_order"


async def test_cancel_after_an_order_status_cancels_that_order(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16qa10")
    for message in ("来一袋金线美大米", "确认", "我的订单到哪了"):
        await chat.say(message)
    body = await chat.say("那能取消吗")
    assert body["intent"] == "cancel_order"
    assert "已取消" in body["reply"]


async def test_face_values_alone_are_the_love_cards(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16qa11")
    body = await chat.say("有哪些面值")
    assert body["intent"] == "ask_info"
    assert "爱心卡的面值有" in body["reply"]


async def test_chit_chat_and_selling_to_the_shop_look_for_nothing(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round16qa12")
    busy = await chat.say("最近好忙")
    assert busy["intent"] == "fallback"
    selling = await chat.say("我家种的核桃想放你们这卖")
    assert selling["intent"] == "fallback"
    assert selling["products"] == []
