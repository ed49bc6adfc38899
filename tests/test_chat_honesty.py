"""Honest when it does not know (issue 15, item 6): a catalogue word inside the name of another thing offers nothing.

Over the small catalogue (金线美大米, 春中宝蜂蜜 and 秦岭土蜂蜜, 广生源鸡蛋, 双峰葛粉 tagged 冲饮, 昭通丑苹果 tagged
冰糖心, 静宁苹果). Each rule is checked with sentences of its kind and with a near sentence that must still find the
product, as a shopper would see it: the products offered, the draft, the reply's words.
"""
from __future__ import annotations

import pytest

from tests.support.chat import Chat, with_address
from tests.support.http import admin_headers, consumer_headers, import_csv


@pytest.fixture
async def shopper(client, small_catalog) -> Chat:
    await import_csv(client, small_catalog, await admin_headers(client))
    return await with_address(Chat(client, await consumer_headers(client, "honest")))


async def offers_nothing(shopper: Chat, message: str) -> dict:
    body = await shopper.say(message)
    assert body["products"] == [], (message, body["reply"])
    assert body["slots"]["sku"] is None, message
    assert body["order"] is None, message
    assert body["intent"] != "buy_card", message
    return body


async def offers(shopper: Chat, message: str, word: str) -> None:
    body = await shopper.say(message)
    assert body["products"], (message, body["reply"])
    assert all(word in p["name"] for p in body["products"]), (message, body["reply"])


async def test_a_word_glued_before_a_catalogue_word_names_another_kind_of_thing(shopper):
    for message, said in (("泰国大米有吗", "泰国大米"), ("雀巢蜂蜜", "雀巢蜂蜜")):  # a place, a brand
        body = await shopper.say(message)  # the kind's products are listed as alternatives, none is chosen
        assert f"没有找到「{said}」" in body["reply"]  # the customer's words, unsplit
        assert body["slots"]["sku"] is None, message
        assert body["order"] is None, message
    await offers(shopper, "野生蜂蜜有吗", "蜂蜜")  # a word that only says what the honey is like
    await offers(shopper, "我要一批大米", "大米")  # an amount


async def test_a_character_glued_after_a_catalogue_word_names_a_thing_made_of_it(shopper):
    body = await offers_nothing(shopper, "蜂蜜皂有吗")
    assert "「蜂蜜皂」" in body["reply"]
    body = await offers_nothing(shopper, "蛋挞有吗")  # 蛋 alone ends 鸡蛋, 挞 is no catalogue word
    assert "「蛋挞」" in body["reply"]
    await offers(shopper, "苹果甜吗", "苹果")  # says something about apples


async def test_a_word_the_assistant_cannot_read_beside_a_catalogue_word_is_what_is_asked_for(shopper):
    body = await offers_nothing(shopper, "卓萃 蜂蜜有吗")  # a brand written in characters no dictionary holds
    assert "卓萃" in body["reply"]


async def test_a_word_the_products_hold_only_before_more_of_their_own_word_finds_nothing(shopper):
    await offers_nothing(shopper, "冰糖有吗")  # 冰糖心 (苹果) is no sugar
    await offers(shopper, "冰糖心苹果有吗", "苹果")


async def test_a_two_character_word_sounding_like_a_trade_term_is_not_corrected_to_it(shopper):
    await offers_nothing(shopper, "冲印有吗")  # sounds like the tag 冲饮, which is no everyday word


async def test_selling_to_the_shop_is_no_request_for_its_goods(shopper):
    body = await offers_nothing(shopper, "我有一批蜂蜜想卖给你们，收不收")
    assert body["intent"] == "fallback"


async def test_somebody_elses_card_named_after_a_product_is_neither_a_product_nor_a_love_card(shopper):
    await offers_nothing(shopper, "苹果礼品卡有吗")
    body = await shopper.say("来贰箱静宁苹果")  # financial numerals before a measure are still numbers
    assert (body["slots"]["sku"], body["slots"]["qty"]) == ("T-APPLE-02", 2)
