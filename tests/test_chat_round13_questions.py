"""Thirteenth round: what kind of message it is, as the shopper sees it over the demo catalogue.

1. how to keep or eat a named product as it comes is a question answered from its page (详见商品页), never a draft;
   with a count it stays an order (bot/product_facts.py "usage"); how to cook it is no recipe given here (round 31,
   bot/how_to_asked.py);
2. advice wanted is a recommendation, even with a price limit (别太贵, 预算两百以内) or for goods the shop does not
   sell (honest 没有找到); advice about talk (电视剧) is not (bot/phrasing.py limit_spans, talk_advice);
3. a greeting before a request is the request (bot/intents.py); a greeting or thanks alone stays a greeting;
4. when goods already bought arrive (我买的核桃什么时候到) is the order's status (bot/several_questions.py).
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.chat import open_shop

USAGE = ["红枣可以生吃吗", "蜂蜜需不需要放冰箱", "腊肉要不要放冰箱"]
COOKING = ["核桃怎么剥", "腊肉怎么做好吃", "小米煮粥要多久"]


async def replies(client, messages: list[str], name: str = "round13q") -> list[dict]:
    chat = await open_shop(client, DEMO_CATALOG_CSV, name)
    return [await chat.say(m) for m in messages]


async def test_how_to_use_a_product_is_a_question(client):
    bodies = await replies(client, USAGE)
    assert [b["intent"] for b in bodies] == ["ask_info"] * len(USAGE)
    assert all("详见商品页" in b["reply"] for b in bodies), [b["reply"] for b in bodies]
    assert [b["order"] for b in bodies] == [None] * len(USAGE)


async def test_how_to_cook_a_product_is_no_recipe_and_no_draft(client):
    bodies = await replies(client, COOKING)
    assert [(b["intent"], b["order"], b["products"]) for b in bodies] == [("fallback", None, [])] * len(COOKING)


async def test_how_to_keep_names_the_product_asked_about(client):
    bodies = await replies(client, ["腊肉要不要放冰箱"])
    assert "腊肉" in bodies[0]["reply"]


async def test_a_count_with_a_usage_question_stays_an_order(client):
    bodies = await replies(client, ["腊肉来两袋 怎么做"])
    assert bodies[0]["intent"] == "order"
    assert bodies[0]["slots"]["qty"] == 2


async def test_advice_with_a_price_limit_is_a_recommendation(client):
    bodies = await replies(client, ["推荐点好吃的零食 别太贵", "有啥好喝的茶 预算两百以内"])
    assert [b["intent"] for b in bodies] == ["recommend", "recommend"]
    assert all(b["products"] for b in bodies), [b["reply"] for b in bodies]
    assert not any("没有找到" in b["reply"] for b in bodies), [b["reply"] for b in bodies]


async def test_advice_for_goods_not_sold_is_an_honest_recommendation(client):
    bodies = await replies(client, ["推荐个便宜点的电动牙刷", "空气炸锅哪款好"])
    assert [b["intent"] for b in bodies] == ["recommend", "recommend"]
    assert all("没有找到" in b["reply"] for b in bodies), [b["reply"] for b in bodies]
    assert [b["products"] for b in bodies] == [[], []]


async def test_advice_about_talk_is_no_recommendation(client):
    bodies = await replies(client, ["推荐一部好看的电视剧"])
    assert bodies[0]["intent"] != "recommend", bodies[0]["reply"]


async def test_a_greeting_before_a_request_is_the_request(client):
    bodies = await replies(client, ["老板在吗 我想问问有没有电热毯", "您好 请问卖不卖保温杯"])
    assert [b["intent"] for b in bodies] == ["search", "search"]
    assert all("没有找到" in b["reply"] for b in bodies), [b["reply"] for b in bodies]


async def test_a_greeting_before_an_order_is_the_order(client):
    bodies = await replies(client, ["你好 来一袋小米"])
    assert bodies[0]["intent"] == "order"
    assert bodies[0]["slots"]["qty"] == 1


async def test_a_greeting_or_thanks_alone_stays_a_greeting(client):
    bodies = await replies(client, ["谢谢", "你好呀", "在吗在吗"])
    assert [b["intent"] for b in bodies] == ["greet", "greet", "greet"]


async def test_when_bought_goods_arrive_is_the_order_status(client):
    bodies = await replies(client, ["我买的核桃什么时候到"])
    assert bodies[0]["intent"] == "order_status"
    assert "您还没有订单" in bodies[0]["reply"]

