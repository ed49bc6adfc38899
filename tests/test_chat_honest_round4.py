"""Kinds of message a fourth held-out set (kept outside the repository) still read wrong, each fixed as a rule and
tried here with sentences of our own, as the shopper sees them (reply, products, draft, intent):

1. a typo reading (bot/typos.py) is refused when the word after it is a thing the shop does not sell (蓝呀音箱);
2. N米 is a length, never rice;
3. a catalogue word that only describes another thing (玫瑰饼, 鲜花饼 玫瑰的, 枣泥饼 红枣的) offers nothing;
4. other cards and vouchers (银行卡, 提货卡, 蛋糕卡, 月饼券) get the honest short answer, no love-card action;
5. a love-card code in any written form is a claim, answered honestly when it is no love card's code;
6. paying and cancelling placed orders in everyday words; greetings with 呀 and emoji;
7. services and errands, complaints about couriers and goods bought elsewhere: the honest answer, no product;
8. pinyin for catalogue words is the catalogue's; pinyin for things not sold is 没有找到.

Over the demo catalogue and the shoppers' catalogue (tests/data/bot_eval_shoppers/catalog.csv).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop

SHOPPERS = Path(__file__).parent / "data" / "bot_eval_shoppers" / "catalog.csv"
CARD_ACTIONS = {"buy_card", "card_balance", "claim_card"}


def assert_nothing_offered(body: dict, echo: str | None = None) -> None:
    """No product shown as a match, nothing in the draft; with `echo`, the reply says 没有找到「echo」."""
    assert body["slots"]["sku"] is None, body["reply"]
    assert body["order"] is None
    assert body["products"] == [] or "没有找到" in body["reply"], body["reply"]
    if echo is not None:
        assert f"没有找到「{echo}」" in body["reply"], body["reply"]


# --- 1. a typo beside the head noun of another thing --------------------------------------------------------------

async def test_a_typo_before_a_thing_the_shop_does_not_sell_is_no_product(client):
    async def check(message, echo):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "typo-head")
        body = await chat.say(message)
        assert body["intent"] in ("search", "ask_price", "order"), body["reply"]
        assert_nothing_offered(body, echo)
        assert "没有找到" in body["reply"], body["reply"]

    await each_case(check, [
    ("蓝呀音箱有吗", "蓝呀音箱"),  # 蓝呀 sounds like 腊鸭; 音箱 names the thing
    ("蓝呀耳机多少钱", None),
    ("无线蓝呀耳机来一个", None),
], spread=True)


async def test_a_typo_alone_is_still_read(client):
    chat = await open_shop(client, SHOPPERS, "typo-alone")
    body = await chat.say("枸纪两罐")
    assert [p["name"] for p in body["products"]][:1] == ["同心枸杞 250g"], body["reply"]


# --- 2. N米 is metres -----------------------------------------------------------------------------------------------

async def test_metres_are_no_rice(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "metres")
        body = await chat.say(message)
        assert_nothing_offered(body)
        assert not any("米" in p["name"] for p in body["products"]), body["reply"]

    await each_case(check, ["1.8米的床", "网线 5米", "窗帘3米宽", "要个2米长的数据线"])


async def test_a_bed_by_its_length_is_not_found_in_the_customers_words(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "bed")
    body = await chat.say("1.8米的床")
    assert body["intent"] == "search"
    assert "没有找到「1.8米的床」" in body["reply"], body["reply"]


async def test_rice_by_the_bag_is_still_rice(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "rice")
    body = await chat.say("金线美大米两袋")
    assert body["slots"]["qty"] == 2, body["reply"]


# --- 3. a catalogue word describing another thing ------------------------------------------------------------------

@pytest.mark.parametrize("catalog", [DEMO_CATALOG_CSV, SHOPPERS])
@pytest.mark.parametrize("message", ["玫瑰饼 玫瑰的", "鲜花饼 玫瑰的", "枣泥饼 红枣的", "红枣饼有吗", "板栗饼 两盒"])
async def test_a_thing_named_by_a_catalogue_word_offers_nothing(client, catalog, message):
    chat = await open_shop(client, catalog, "pastry")
    body = await chat.say(message)
    assert_nothing_offered(body)
    assert "没有找到" in body["reply"], body["reply"]


async def test_the_described_thing_is_echoed_whole(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "pastry-echo")
    body = await chat.say("鲜花饼 玫瑰的")
    assert "没有找到「鲜花饼玫瑰的」" in body["reply"], body["reply"]


async def test_wood_swords_and_villages_named_by_food_offer_nothing(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "wood")
        assert_nothing_offered(await chat.say(message))

    await each_case(check, ["桃木梳子 防静电", "桃木剑 辟邪", "核桃木 手串", "香菇村 农家乐"])


async def test_a_product_described_after_is_still_the_product(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "described")
    body = await chat.say("红枣 灰枣的")
    assert body["products"], body["reply"]
    assert "没有找到" not in body["reply"], body["reply"]



async def test_an_order_then_its_origin_said_after_is_still_ordered(client):
    async def check(message, line):
        chat = await open_shop(client, SHOPPERS, "origin-after")  # the thing and its quantity first, where from after
        body = await chat.say(message)
        assert line in body["reply"], body["reply"]

    await each_case(check, [
    ("小米要两斤 岢岚的", "岢岚小米 1kg ×1袋（共1kg）"),
    ("木耳来一斤 柞水的", "柞水木耳 500g ×1袋（共500g）"),
    ("红枣要两斤 延川的", "延川红枣 1kg ×1袋（共1kg）"),
    ("给我称两斤蜂蜜 金寨的", "金寨土蜂蜜 1kg ×1"),
    ("木儿来一斤 柞水的", "柞水木耳 500g ×1袋（共500g）"),  # 木儿: 木耳 typed by sound
], spread=True)


@pytest.mark.parametrize("message", ["木耳有卖吗 柞水的", "香肠有吗 从江的"])
async def test_a_question_then_its_origin_said_after_lists_the_product(client, message):
    chat = await open_shop(client, SHOPPERS, "origin-question")
    body = await chat.say(message)
    assert body["products"], body["reply"]
    assert "没有找到" not in body["reply"], body["reply"]


# --- 4. other cards and vouchers ------------------------------------------------------------------------------------

async def test_other_cards_and_vouchers_get_the_honest_answer(client):
    async def check(message, intent):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "cards")
        body = await chat.say(message)
        assert body["intent"] == intent, (message, body["intent"], body["reply"])
        assert "只卖消费扶贫爱心卡" in body["reply"], body["reply"]
        assert body["products"] == []
        assert body["slots"]["amount_fen"] is None

    # a card named alone is a search for a thing the shop does not have (round 21, bot/card_goods.named_alone)
    await each_case(check, [("银行卡绑不上", "fallback"), ("电话卡充值", "fallback"), ("好利来蛋糕卡", "search"),
                            ("提货卡", "search"), ("购物卡 500面值", "search"), ("月饼券", "search")], spread=True)


# --- 5. a love-card code in any written form ------------------------------------------------------------------------

async def test_a_code_in_any_form_is_a_claim_answered_honestly(client):
    async def check(message, code):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "claim")
        body = await chat.say(message)
        assert body["intent"] == "claim_card", (message, body["intent"], body["reply"])
        assert f"没认出卡码「{code}」" in body["reply"], body["reply"]
        assert "AX1." in body["reply"]  # where the printed code is found
        assert body["slots"]["amount_fen"] is None  # no card purchase for a digit group

    await each_case(check, [
    ("我有张爱心卡 卡号1234-5678-9012 怎么领", "1234-5678-9012"),
    ("兑换码 AB12CD34 绑定一下", "AB12CD34"),
    ("码是 K9X2-77QP-3M5T", "K9X2-77QP-3M5T"),
    ("卡号 6217 0000 1111 2222 怎么用", "6217 0000 1111 2222"),
], spread=True)


# --- 6. paying, cancelling, greeting --------------------------------------------------------------------------------

@pytest.mark.parametrize("message", ["待付款的那单现在付了吧", "卡里钱够就直接扣"])
async def test_paying_a_placed_order_in_everyday_words(client, message):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "pay")
    body = await chat.say(message)
    assert body["intent"] == "pay_order", (message, body["reply"])
    assert "没有待付款" in body["reply"]


@pytest.mark.parametrize("message", ["取消订单 下错了", "拍错了 取消一下"])
async def test_cancelling_with_no_draft_is_about_a_placed_order(client, message):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "cancel")
    body = await chat.say(message)
    assert body["intent"] == "cancel_order", (message, body["reply"])
    assert "没有可以取消的待付款订单" in body["reply"]


async def test_cancelling_during_a_draft_drops_the_draft(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "cancel-draft")
    await chat.say("金线美大米两袋")
    body = await chat.say("取消订单")
    assert body["intent"] == "cancel"
    assert body["slots"]["sku"] is None


async def test_greetings_with_particles_and_emoji(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "greet")
        body = await chat.say(message)
        assert body["intent"] == "greet", (message, body["reply"])

    await each_case(check, ["掌柜的好呀😄", "老板好啊👋", "亲 在吗~"])


# --- 7. services, errands, complaints -------------------------------------------------------------------------------

async def test_services_get_the_honest_answer(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "service")
        body = await chat.say(message)
        assert body["intent"] == "fallback", (message, body["reply"])
        assert "办不了" in body["reply"], body["reply"]
        assert body["products"] == []

    await each_case(check, ["上门保洁", "清洗油烟机", "配副眼镜", "给孩子报个班", "婚礼跟拍报价",
                                     "卖二手车"])


async def test_complaints_about_couriers_and_other_shops_offer_no_product(client):
    async def check(message, said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "complaint")
        body = await chat.say(message)
        assert body["intent"] in ("fallback", "ask_info"), (message, body["reply"])
        assert said in body["reply"], body["reply"]
        assert body["products"] == []

    await each_case(check, [
    ("快递员态度太差了", "快递的问题"),
    ("在别的店买的苹果烂了", "不是在本店买的"),
    ("超市买的红枣生虫了", "不是在本店买的"),
], spread=True)


# --- 8. pinyin --------------------------------------------------------------------------------------------------------

async def test_pinyin_for_catalogue_words_is_the_catalogue(client):
    async def check(message, intent, product):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "pinyin")
        body = await chat.say(message)
        assert body["intent"] == intent, (message, body["reply"])
        assert body["products"], body["reply"]
        assert product in body["products"][0]["name"], body["reply"]

    await each_case(check, [
    ("fengmi duoshao qian", "ask_price", "蜂蜜"),
    ("hetao you ma", "search", "核桃"),
    ("dami lai liang dai", "order", "大米"),
], spread=True)


async def test_pinyin_for_a_thing_not_sold_is_not_found(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "pinyin-no")
    body = await chat.say("shouji you ma")
    assert body["intent"] == "search"
    assert_nothing_offered(body, "手机")  # pinyin of a common noun reads as that noun (ninth round, bot.pinyin_nouns)


async def test_english_stays_english(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "english")
    body = await chat.say("banana")
    assert body["slots"]["sku"] is None
