"""Honest when it does not know (issue 15, item 6), the kinds a blind set of real shop queries still found misleading:
another brand or variety of a kind the shop sells, a catalogue word that only modifies another head noun, cards that
are not love cards, services and errands, sayings and metaphors with a food word.

Over the small catalogue (金线美大米, 春中宝蜂蜜 and 秦岭土蜂蜜, 广生源鸡蛋, 静宁苹果, 昭通丑苹果 …), as a shopper
sees it: the products offered and how (as a match, or as alternatives under 没有找到「…」), the draft, the order,
the intent.
"""
from __future__ import annotations

import pytest

from tests.support.chat import Chat, with_address
from tests.support.http import admin_headers, consumer_headers, import_csv

CARD_ACTIONS = {"buy_card", "card_balance", "claim_card"}


@pytest.fixture
async def shopper(client, small_catalog) -> Chat:
    await import_csv(client, small_catalog, await admin_headers(client))
    return await with_address(Chat(client, await consumer_headers(client, "kinds")))


async def nothing_offered(shopper: Chat, message: str) -> dict:
    body = await shopper.say(message)
    assert body["products"] == [], (message, body["reply"])
    assert body["slots"]["sku"] is None, message
    assert body["slots"]["amount_fen"] is None, message
    assert body["order"] is None, (message, body["intent"])
    assert body["intent"] not in CARD_ACTIONS, (message, body["intent"])
    return body


async def test_another_brand_of_a_kind_the_shop_sells_gets_its_products_as_alternatives_never_chosen(shopper):
    for message, said in (("福临门大米来两袋", "福临门大米"), ("五常稻花香大米", "五常稻花香大米"),
                          ("冠生园蜂蜜有吗", "冠生园蜂蜜"), ("我要一箱烟台苹果", "烟台苹果")):
        body = await shopper.say(message)
        assert f"没有找到「{said}」" in body["reply"], (message, body["reply"])  # the customer's words, unsplit
        assert body["products"], message  # what the shop has instead, listed under that framing
        kind = said[-2:]
        assert all(kind in p["name"] or p["sku"].startswith("T-APPLE") for p in body["products"]), body["products"]
        assert body["slots"]["sku"] is None, message
        assert body["order"] is None, message  # nothing chosen for the customer
    picked = await shopper.say("第一个")  # an alternative is taken only when the customer picks it
    assert picked["slots"]["sku"] is not None
    body = await shopper.say("静宁苹果来一箱")  # the catalogue's own name still orders
    assert body["slots"]["sku"] == "T-APPLE-02"


async def test_a_brand_standing_alone_before_the_kind_is_no_match_either(shopper):
    body = await shopper.say("卡地亚 蜂蜜 多少钱")
    assert "没有找到「卡地亚蜂蜜」" in body["reply"]
    assert body["slots"]["sku"] is None


async def test_a_catalogue_word_that_only_modifies_another_head_noun_offers_nothing(shopper):
    for message, said in (("大米蒸饭机有吗", "大米蒸饭机"), ("苹果色口红", "苹果色口红"), ("鸡蛋托盘", "鸡蛋托盘"),
                          ("蜂蜜柚子茶颗粒", "蜂蜜柚子茶颗粒")):
        body = await nothing_offered(shopper, message)
        assert f"没有找到「{said}」" in body["reply"], (message, body["reply"])


async def test_cards_that_are_not_love_cards_start_no_card_action(shopper):
    for message in ("TF卡有吗", "买张超市购物卡", "蛋糕卡多少钱", "我的健身年卡", "办张洗车卡", "游戏王卡牌",
                    "卡西欧手表", "gift card 100", "公交卡余额怎么查", "信用卡怎么绑定"):
        body = await nothing_offered(shopper, message)
        if "卡西欧" not in message:
            assert "只卖消费扶贫爱心卡" in body["reply"], (message, body["reply"])
    body = await shopper.say("买一张200元的爱心卡")  # the shop's own card still starts a purchase
    assert body["intent"] == "buy_card"
    assert body["slots"]["amount_fen"] == 20000
    await shopper.say("取消")
    assert (await shopper.say("我卡里还有多少钱"))["intent"] == "card_balance"


async def test_services_and_errands_get_an_honest_short_answer(shopper):
    for message in ("帮我叫个网约车", "交一下燃气费", "找个钟点工打扫卫生", "帮我寄个包裹", "想报个驾校",
                    "猫咪寄养一周", "苹果手机维修"):
        body = await nothing_offered(shopper, message)
        assert body["intent"] == "fallback", (message, body["intent"])
        assert "办不了" in body["reply"], (message, body["reply"])
        assert "扶贫" in body["reply"], (message, body["reply"])
    for message, intent in (("买两张去成都的高铁票", "order"), ("修冰箱多少钱", "ask_price")):  # round 15: the act kept
    # (订 a travel ticket is the assistant asked to book it: a fallback since round 21)
        body = await nothing_offered(shopper, message)
        assert body["intent"] == intent, (message, body["intent"])
        assert "没有找到" in body["reply"], (message, body["reply"])
    body = await shopper.say("苹果能寄到北京吗")  # a question about the shop's own delivery is no errand
    assert "办不了" not in body["reply"]


async def test_sayings_and_metaphors_with_a_food_word_offer_nothing(shopper):
    for message in ("鸡蛋里挑骨头是什么意思", "大米饭的英文怎么说", "你就是个苹果", "他真是个土鸡蛋"):
        body = await nothing_offered(shopper, message)
        assert body["intent"] == "fallback", (message, body["intent"])
    body = await shopper.say("我是来买苹果的")  # buying, said about oneself, is still buying
    assert body["products"]
