"""Sixteenth round (lead): things the shop does not sell are never offered as a match, never drafted.

1. a baby's formula or a milk powder of a brand or a stage, said with 奶粉 (美赞臣奶粉多少钱, a2 奶粉两罐, 1段奶粉,
   宝宝吃什么奶粉好): 没有找到「…」 and nothing listed, not the yak's milk powder, not even as an alternative; said
   with the animal (牦牛奶粉两罐) it is the shop's product as before (bot/infant_formula.py);
2. a dish said as cooked (红烧肉 做好的 能寄吗, 腊肉 炒好的有吗): 没有找到 the dish, the raw goods only as an
   alternative under it, never a match, never the shipping answer (bot/prepared_food.py, bot/holder_actions.py);
3. whether an unsold thing is genuine, under warranty, traceable or from a place (五粮液保真吗, 电视保修多久,
   紫砂壶是不是宜兴的, 你们的海参是大连的吗): `ask_info`, answered 没有找到「…」, nothing offered
   (bot/shop_questions.py GENUINE, bot/holder_actions.py _unsold_thing);
4. a thing typed with a character of the same sound (粽紫 for 粽子, 猫沙 for 猫砂): `search`, 没有找到 the words as
   typed, never the generic fallback (bot/misspelt_things.py).

Over the demo catalogue.
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop

NO_SLOTS = {"sku": None, "qty": None, "amount_fen": None, "unit": None, "total_qty_text": None}
YAK = "红原牦牛奶粉"


# --- 1. a baby's formula, a branded milk powder ---------------------------------------------------------------------

async def test_a_formula_or_a_branded_milk_powder_is_not_found_and_nothing_listed(client):
    async def check(message, intent, said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "formula")
        body = await chat.say(message)
        assert body["intent"] == intent, body["reply"]
        assert f"没有找到「{said}」" in body["reply"], body["reply"]
        assert YAK not in body["reply"], body["reply"]
        assert body["products"] == []
        assert body["slots"]["sku"] is None  # a count said (两罐) is kept for whatever is picked instead, nothing else

    await each_case(check, [
        ("美赞臣奶粉多少钱", "ask_price", "美赞臣奶粉"),
        ("a2 奶粉两罐", "order", "a2 奶粉"),
        ("飞鹤奶粉来一罐", "order", "飞鹤奶粉"),
        ("1段奶粉", "search", "1段奶粉"),
        ("3段奶粉 飞鹤", "search", "3段奶粉"),
        ("婴儿奶粉有吗", "search", "婴儿奶粉"),
    ], spread=True)


async def test_a_recommendation_for_a_babys_formula_names_nothing_of_ours(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "formula-advice")
        body = await chat.say(message)
        assert "没有找到" in body["reply"], body["reply"]
        assert YAK not in body["reply"], body["reply"]
        assert body["products"] == []

    await each_case(check, [
        "宝宝吃什么奶粉好",
        "六个月宝宝喝哪种奶粉",
    ])


async def test_the_yak_milk_powder_said_with_its_animal_is_still_ordered(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "yak-milk")
    body = await chat.say("牦牛奶粉两罐")
    assert body["slots"]["sku"] == "SC-HY-0001"
    assert body["slots"]["qty"] == 2


# --- 2. a cooked dish -----------------------------------------------------------------------------------------------

async def test_a_cooked_dish_is_not_found(client):
    async def check(message, said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "cooked")
        body = await chat.say(message)
        assert f"没有找到「{said}" in body["reply"], body["reply"]
        assert "48小时内发出" not in body["reply"], body["reply"]
        assert body["slots"] == NO_SLOTS

    await each_case(check, [
        ("红烧肉 做好的 能寄吗", "红烧肉"),
        ("宫保鸡丁 做好的", "宫保鸡丁"),
    ], spread=True)


async def test_a_cooked_dish_of_a_catalogue_word_lists_the_raw_goods_only_as_alternatives(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "cooked-alternatives")
    body = await chat.say("腊肉 炒好的有吗")
    assert "没有找到「腊肉" in body["reply"], body["reply"]
    assert "不是同一款" in body["reply"], body["reply"]
    assert body["slots"] == NO_SLOTS


async def test_how_to_cook_the_goods_still_lists_them(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "cook-how")
    body = await chat.say("腊肉有吗")
    assert "没有找到" not in body["reply"], body["reply"]
    assert body["products"], body["reply"]


# --- 3. genuine, warranty, origin of an unsold thing ----------------------------------------------------------------

async def test_whether_an_unsold_thing_is_genuine_or_from_a_place_is_not_found(client):
    async def check(message, said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "genuine")
        body = await chat.say(message)
        assert body["intent"] == "ask_info", body["reply"]
        assert f"没有找到「{said}" in body["reply"], body["reply"]
        assert body["products"] == []
        assert body["slots"] == NO_SLOTS

    await each_case(check, [
        ("五粮液保真吗", "五粮液"),
        ("电视保修多久", "电视"),
        ("紫砂壶是不是宜兴的", "紫砂壶"),
        ("你们的海参是大连的吗", "海参"),
        ("茅台是正品吗", "茅台"),
        ("这款紫砂壶是正品吗", "紫砂壶"),
    ], spread=True)


async def test_whether_a_sold_product_is_from_its_place_is_still_answered_for_it(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "genuine-ours")
    body = await chat.say("盐池滩羊肉是宁夏的吗")
    assert "没有找到" not in body["reply"], body["reply"]


async def test_a_property_of_the_product_being_ordered_is_still_answered_for_it(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "genuine-draft")
    await chat.say("来一只岳西土鸡")
    body = await chat.say("是不是有机的")
    assert "没有找到" not in body["reply"], body["reply"]


# --- 4. a thing typed with a homophone ------------------------------------------------------------------------------

async def test_a_thing_typed_with_a_homophone_is_searched_as_typed(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "homophone")
        body = await chat.say(message)
        assert body["intent"] == "search", body["reply"]
        assert f"没有找到「{message}」" in body["reply"], body["reply"]
        assert body["products"] == []

    await each_case(check, [
        "粽紫",
        "棕子",
        "猫沙",
    ])


# 在不 (northern 在吗) is a greeting since the seventeenth round (tests/test_chat_round17_regional_words.py).
async def test_talk_is_not_read_as_a_misspelt_thing(client):
    async def check(message, intent):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "homophone-talk")
        body = await chat.say(message)
        assert body["intent"] == intent, body["reply"]

    await each_case(check, [
        ("哈哈哈", "fallback"),
        ("在不", "greet"),
    ], spread=True)
