"""Nineteenth round: honesty — no product of the shop is offered as if it matched something the shop does not sell.

1. An everyday word that only sounds like a catalogue name through a rarer reading (冰红茶: 冰 read ning → 宁红茶) is
   what the customer said: 没有找到「冰红茶」; a real typo (枸纪, 核挑) is still mended (bot/typos.said_as_itself).
2. A tag is no name. A certificate's claim (有机牛奶有认证吗, 有机蔬菜有吗): when no product of the thing carries it,
   没有找到「有机牛奶」, never the black rice tagged 有机; 有机黑米 still finds it (bot/certified_claims.py). A plain
   quality said with a thing (有没有散养的土鸡): the thing's products, never the eggs tagged 散养
   (bot/unsellable_named.of_the_thing).
3. Another's card asked for with the love card (京东卡能用爱心卡买吗): the shop sells only its own love card, which buys
   only its goods; nothing drafted (bot/love_card_means.py).
4. A place, a brand or another thing named beside a kind the shop carries (有没有车厘子 想吃智利的, 坚果 三只松鼠那种,
   老人机, 六个核桃): 没有找到「…」, the kind's products listed as alternatives, never a match nor an order
   (bot/said_apart.py, bot/stray_characters.with_glued).
5. A product the shop lists but cannot sell, asked by the words of its name (苹果礼盒有吗): refused by name, and only
   the same fruit offered, never the other gift boxes (bot/unsellable_named.py).

Over tests/data/chat_round19_not_ours_catalog.csv (the 延川苹果 gift box's certificate ended in 2020).
"""
from __future__ import annotations

from pathlib import Path

from tests.support.chat import my_orders, open_shop, summary_lines

CATALOG = Path(__file__).parent / "data" / "chat_round19_not_ours_catalog.csv"


def _names(body: dict) -> list[str]:
    return [p["name"] for p in body["products"]]


async def test_an_everyday_drink_is_not_mended_into_a_catalogue_name(client):
    chat = await open_shop(client, CATALOG, "round19n")
    asked = await chat.say("冰红茶有吗")
    assert "没有找到「冰红茶」" in asked["reply"]
    assert asked["products"] == []
    ordered = await chat.say("来两瓶冰红茶")
    assert "没有找到「冰红茶」" in ordered["reply"]
    assert ordered["slots"]["sku"] is None


async def test_a_real_typo_of_a_catalogue_name_is_still_mended(client):
    chat = await open_shop(client, CATALOG, "round19n")
    assert summary_lines(await chat.say("枸纪来一斤")) == "中宁枸杞 250g ×2袋（共500g），72元"
    await chat.say("取消")
    assert summary_lines(await chat.say("核挑两斤")) == "叶城纸皮核桃 2斤 ×1袋（共2斤），49元"


async def test_a_certificate_no_product_of_the_thing_carries_is_not_found(client):
    chat = await open_shop(client, CATALOG, "round19n")
    milk = await chat.say("有机牛奶有认证吗")
    assert "没有找到「有机牛奶」" in milk["reply"]
    assert "洋县黑米" not in milk["reply"]
    greens = await chat.say("有机蔬菜有吗")
    assert "没有找到「有机蔬菜」" in greens["reply"]
    assert "洋县黑米 2.5kg" not in _names(greens)


async def test_a_certificate_the_product_carries_still_finds_it(client):
    chat = await open_shop(client, CATALOG, "round19n")
    body = await chat.say("有机黑米有吗")
    assert _names(body) == ["洋县黑米 2.5kg"]


async def test_a_plain_quality_finds_the_thing_not_what_is_tagged_so(client):
    chat = await open_shop(client, CATALOG, "round19n")
    body = await chat.say("有没有散养的土鸡")
    assert _names(body) == ["固始鸡 整只约1.5kg"]


async def test_another_card_bought_with_the_love_card_starts_no_card_order(client):
    chat = await open_shop(client, CATALOG, "round19n")
    body = await chat.say("京东卡能用爱心卡买吗")
    assert body["intent"] == "ask_info"
    assert "只卖消费扶贫爱心卡" in body["reply"]
    assert "爱心卡只能用来买本店的认定扶贫产品" in body["reply"]
    await chat.say("确认")
    assert await my_orders(chat) == []


async def test_the_love_card_itself_is_still_bought(client):
    chat = await open_shop(client, CATALOG, "round19n")
    body = await chat.say("用爱心卡买星巴克礼品卡")
    assert "没有找到「星巴克礼品卡」" in body["reply"]
    bought = await chat.say("买一张200元的爱心卡")
    assert bought["intent"] == "buy_card"


async def test_a_place_said_apart_from_the_thing_is_not_the_shops(client):
    chat = await open_shop(client, CATALOG, "round19n")
    body = await chat.say("有没有车厘子 想吃智利的")
    assert "没有找到「智利车厘子」" in body["reply"]
    assert "不是同一款" in body["reply"]
    assert body["slots"]["sku"] is None


async def test_a_brand_said_apart_lists_the_kind_as_alternatives_only(client):
    chat = await open_shop(client, CATALOG, "round19n")
    body = await chat.say("有什么坚果推荐 三只松鼠那种")
    assert "没有找到「三只松鼠坚果」" in body["reply"]
    assert "不是同一款" in body["reply"]


async def test_other_things_named_with_a_catalogue_word_are_not_found(client):
    chat = await open_shop(client, CATALOG, "round19n")
    phone = await chat.say("老人机推荐哪款")
    assert "没有找到「老人机」" in phone["reply"]
    assert phone["products"] == []
    drink = await chat.say("六个核桃来一箱")
    assert "没有找到「六个核桃」" in drink["reply"]
    assert drink["slots"]["sku"] is None


async def test_a_product_that_cannot_be_sold_is_refused_with_the_same_fruit(client):
    chat = await open_shop(client, CATALOG, "round19n")
    body = await chat.say("苹果礼盒有吗")
    assert body["reply"].startswith("“延川苹果 礼盒 12枚装”目前不在扶贫产品认定有效期内")
    assert _names(body) == ["延川苹果 5斤装"]
    ordered = await chat.say("来一盒苹果礼盒")
    assert ordered["slots"]["sku"] is None


async def test_a_gift_box_the_shop_can_sell_is_still_found(client):
    chat = await open_shop(client, CATALOG, "round19n")
    body = await chat.say("红枣礼盒有吗")
    assert _names(body) == ["和田骏枣 礼盒 2kg"]
