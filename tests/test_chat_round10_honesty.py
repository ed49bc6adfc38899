"""Tenth round of kinds a held-out set still read wrong, each fixed as a rule and tried here with sentences of our own
(the demo catalogue, and `tests/data/chat_round10_honesty_catalog.csv` where a brand names two kinds), as the shopper
sees them (reply, products offered, draft):

1. a product holding the word only in its brand (a supplier's name used as the brand: 稷山核桃红枣 on the walnuts) is
   no match when other products hold it in their name, tags or aliases;
2. scams, money demands, investment and rebate talk offer and draft nothing, whatever shop word sits in them;
3. a thing of a catalogue product's kind that is not the product (a hatching egg, an empty jar, a bag for rice):
   not found, nothing offered;
4. another shop's card or points exchanged for goods: the other-card answer, nothing offered;
5. one character ending catalogue words (枣 of 红枣 / 大枣, 蜜 of 蜂蜜) names those products when one category holds
   them all; a character ending words of several categories (桃: 核桃, 蜜桃) names none;
6. a defect of goods received (碎了, 漏了, 烂了) is the after-sales answer, no draft.
"""
from __future__ import annotations

from pathlib import Path

from tests.support.cases import each_case
from tests.support.chat import say_once

CATALOG = Path(__file__).parent / "data" / "chat_round10_honesty_catalog.csv"
NOT_FOUND = "没有找到「"
WARNING = "请当心"
OTHER_CARD = "我们只卖消费扶贫爱心卡"
AFTER_SALES = "质量问题请拍照"


async def said(client, message: str) -> dict:
    return await say_once(client, message, name="round10")


async def said_here(client, message: str) -> dict:
    return await say_once(client, message, CATALOG, name="round10")


def names(body: dict) -> list[str]:
    return [p["name"] for p in body["products"]]


# --- 1. a word held only in a brand ---------------------------------------------------------------------------------

async def test_a_word_in_another_products_brand_offers_only_the_products_that_hold_it(client):
    async def check(message):
        body = await said_here(client, message)
        assert names(body), body["reply"]
        assert all("枣" in n for n in names(body)), names(body)

    await each_case(check, ["红枣两斤", "要两公斤红枣", "红枣有吗"])


async def test_the_walnuts_are_not_offered_for_dates_from_their_supplier(client):
    body = await said_here(client, "来两袋红枣")
    assert "稷山薄皮核桃 2斤" not in body["reply"], body["reply"]


async def test_honey_is_not_offered_for_millet_from_its_supplier(client):
    body = await said_here(client, "小米两袋")
    assert body["slots"]["sku"] == "H10-0004", body["reply"]


async def test_walnuts_are_still_ordered(client):
    body = await said_here(client, "核桃来一袋")
    assert body["slots"]["sku"] == "H10-0002", body["reply"]


# --- 2. scams, money demands, investment talk -----------------------------------------------------------------------

SCAMS = [
    "说扶贫补助要先交三百块手续费 交给谁",
    "你们招代理吗 投资回报多少",
    "有人说买你们的卡返现20%",
    "中奖了领鸡蛋要交运费吗",
    "领大米要先转账保证金吗",
    "加盟你们卖蜂蜜 要多少钱",
    "电话里说我中奖了 送两箱苹果 先付50块邮费",
]


async def test_money_talk_gets_the_warning(client):
    async def check(message):
        body = await said(client, message)
        assert WARNING in body["reply"], body["reply"]

    await each_case(check, SCAMS)


async def test_money_talk_offers_nothing(client):
    async def check(message):
        body = await said(client, message)
        assert body["products"] == [], body["reply"]

    await each_case(check, SCAMS)


async def test_money_talk_drafts_nothing(client):
    async def check(message):
        body = await said(client, message)
        assert body["slots"]["qty"] is None, body["slots"]

    await each_case(check, SCAMS)


async def test_shop_talk_about_money_is_no_scam(client):
    async def check(message):
        body = await said(client, message)
        assert WARNING not in body["reply"], body["reply"]

    await each_case(check, ["运费多少", "蜂蜜包邮吗", "买两张200元的爱心卡", "来两箱苹果 寄到我家"])


# --- 3. a thing of the product's kind, not the product ---------------------------------------------------------------

async def test_a_thing_for_another_use_is_not_found(client):
    async def check(message, echo):
        body = await said(client, message)
        assert NOT_FOUND + echo in body["reply"], body["reply"]

    await each_case(check, [
    ("能孵小鸡的鸡蛋有吗", "能孵小鸡的鸡蛋"),
    ("孵化用的鸡蛋 来30个", "孵化用的鸡蛋"),
    ("装蜂蜜的空瓶子", "装蜂蜜的空瓶子"),
    ("装大米的袋子", "装大米的袋子"),
    ("种蛋 能孵小鸡的", "种蛋"),
    ("茶叶罐 空罐", "茶叶罐"),
], spread=True)


async def test_a_thing_for_another_use_offers_nothing(client):
    async def check(message):
        body = await said(client, message)
        assert body["products"] == [], body["reply"]

    await each_case(check, ["能孵小鸡的鸡蛋有吗", "孵化用的鸡蛋 来30个", "装蜂蜜的空瓶子", "装大米的袋子"])


async def test_a_pack_said_with_zhuang_is_still_the_product(client):
    async def check(message, sku):
        body = await said(client, message)
        assert body["slots"]["sku"] == sku, body["reply"]

    await each_case(check, [
        ("散装鸡蛋的来一盒广生源", "GD-FG-0001"), ("袋装大米的 金线美来一袋", "GD-FG-0003"),
    ], spread=True)


# --- 4. another shop's card or points -------------------------------------------------------------------------------

async def test_points_for_goods_get_the_other_card_answer(client):
    async def check(message):
        body = await said(client, message)
        assert OTHER_CARD in body["reply"], body["reply"]

    await each_case(check, ["超市积分卡能换核桃不", "会员卡积分兑换大米", "我的积分能换两斤红枣吗"])


async def test_points_for_goods_offer_nothing(client):
    async def check(message):
        body = await said(client, message)
        assert body["products"] == [], body["reply"]

    await each_case(check, [
        "超市积分卡能换核桃不",
        "会员卡积分兑换大米",
    ])


async def test_points_for_goods_are_no_claim_of_a_love_card(client):
    body = await said(client, "会员卡积分兑换大米")
    assert body["intent"] == "fallback", body["reply"]


async def test_what_a_love_card_buys_is_still_answered(client):
    body = await said(client, "爱心卡能买哪些东西")
    assert body["intent"] == "ask_info", body["reply"]


# --- 5. one character ending catalogue words -------------------------------------------------------------------------

async def test_zao_alone_names_the_dates(client):
    async def check(message):
        body = await said(client, message)
        assert names(body), body["reply"]
        assert all("枣" in n for n in names(body)), body["reply"]

    await each_case(check, [
        "来一斤枣",
        "要两公斤枣",
    ])


async def test_mi_alone_names_the_honeys(client):
    body = await said(client, "买点蜜")
    assert names(body), body["reply"]
    assert all("蜜" in n for n in names(body)), body["reply"]


async def test_a_character_ending_words_of_several_kinds_names_none(client):
    body = await said(client, "来一斤桃")
    assert body["products"] == [], body["reply"]


async def test_a_character_inside_a_word_stays_that_word(client):
    body = await said(client, "蜜桃一箱")
    assert all("桃" in n for n in names(body)), body["reply"]


# --- 6. a defect of goods received ----------------------------------------------------------------------------------

DEFECTS = ["鸡蛋碎了三个能退吗", "蜂蜜收到漏了", "苹果烂了好几个", "核桃收到发霉了 怎么办"]


async def test_a_defect_is_the_after_sales_answer(client):
    async def check(message):
        body = await said(client, message)
        assert AFTER_SALES in body["reply"], body["reply"]

    await each_case(check, DEFECTS)


async def test_a_defect_is_ask_info(client):
    async def check(message):
        body = await said(client, message)
        assert body["intent"] == "ask_info", body["reply"]

    await each_case(check, DEFECTS)


async def test_a_defect_drafts_nothing(client):
    async def check(message):
        body = await said(client, message)
        assert body["slots"]["qty"] is None, body["slots"]

    await each_case(check, DEFECTS)
