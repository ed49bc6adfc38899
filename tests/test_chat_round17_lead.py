"""Seventeenth round (lead): messages written in traditional characters.

A shopper whose phone writes traditional characters (買兩箱蘋果, 愛心卡餘額多少, 對 確認) is read as one writing
simplified: every message is converted first (OpenCC's t2s, models/search/characters.py), and so is every text
the product search indexes or is asked (蘋果 finds the apples on the product page too). Place names that are
written in simplified Chinese with a character t2s would change (乾县, 乾安县) stay as written.

Over the demo catalogue.
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from models.search.characters import simplified
from tests.support.chat import my_orders, open_shop, summary_lines


async def test_an_order_in_traditional_characters_is_summarised_and_placed(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round17")
    body = await chat.say("靜寧蘋果紅富士來兩箱")
    assert "静宁苹果 红富士 10斤" in summary_lines(body)
    assert "×2箱" in summary_lines(body)
    placed = await chat.say("對 確認")
    assert placed["reply"].startswith("下单成功")
    orders = await my_orders(chat)
    assert orders[0]["total_fen"] == 11600


async def test_card_and_order_questions_in_traditional_characters(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round17")
    intents = {m: (await chat.say(m))["intent"] for m in ("愛心卡餘額多少", "我的訂單到哪了", "請問在嗎")}
    assert intents == {"愛心卡餘額多少": "card_balance", "我的訂單到哪了": "order_status", "請問在嗎": "greet"}


async def test_the_product_search_finds_the_same_goods_in_either_script(client):
    await open_shop(client, DEMO_CATALOG_CSV, "round17")
    simple = await (await client.get("/api/v1/products?q=静宁苹果")).json()
    traditional = await (await client.get("/api/v1/products?q=靜寧蘋果")).json()
    assert [p["sku"] for p in traditional["items"]] == [p["sku"] for p in simple["items"]]
    assert traditional["items"][0]["name"] == "静宁苹果 红富士 10斤"


def test_place_names_written_in_simplified_keep_their_characters():
    assert simplified("陕西省咸阳市乾县城关街道1号") == "陕西省咸阳市乾县城关街道1号"
    assert simplified("吉林省松原市乾安县的大米 乾貨") == "吉林省松原市乾安县的大米 干货"


def test_cantonese_characters_are_kept_rather_than_given_rare_forms():
    assert simplified("蜂蜜要最大嗰樽 買餸") == "蜂蜜要最大嗰樽 买餸"


async def test_a_pair_is_two_pieces_and_a_measure_word_after_add_is_one(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round17")
    assert "三都水族马尾绣 香囊 ×2个，116元" in summary_lines(await chat.say("三都马尾绣香囊来一对"))
    await chat.say("取消")
    await chat.say("静宁苹果来一箱")
    lines = summary_lines(await chat.say("再加罐白沙绿茶"))
    assert "白沙绿茶 150g ×1罐" in lines
    assert "静宁苹果 红富士 10斤 ×1箱" in lines


async def test_the_middle_one_of_a_list_and_a_position_priced_while_choosing(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round17")
    listed = await chat.say("小米有哪些")
    middle = await chat.say("中间那个")
    assert middle["products"][0]["sku"] == listed["products"][2]["sku"]
    await chat.say("取消")
    choosing = await chat.say("来三袋小米")
    priced = await chat.say("第三个多少钱")
    assert priced["intent"] == "ask_price"
    assert priced["reply"].startswith(choosing["products"][2]["name"])


async def test_trying_a_first_box_after_a_list_asks_which_of_it(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round17")
    listed = await chat.say("鸡蛋有吗")
    body = await chat.say("先来一盒试下")
    assert "没有找到" not in body["reply"]
    assert [p["sku"] for p in body["products"]] == [p["sku"] for p in listed["products"]]
    assert body["slots"]["qty"] == 1


async def test_a_size_said_after_a_list_narrows_it_to_the_packs_of_that_size(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round17")
    await chat.say("鸡蛋有吗")
    body = await chat.say("30枚那款")
    assert body["intent"] == "order"
    assert {p["name"].split()[-1] for p in body["products"]} == {"30枚装"}
    assert len(body["products"]) == 3
    second = await chat.say("第二个")
    assert second["products"][0]["sku"] == body["products"][1]["sku"]


async def test_thanks_after_two_joined_items_loses_neither(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round17")
    asked = await chat.say("要一瓶春中宝蜂蜜 还有腊肉 谢谢")
    assert {p["name"] for p in asked["products"]} >= {"镇巴腊肉 1kg", "城口老腊肉 1kg"}
    await chat.say("镇巴的")
    lines = summary_lines(await chat.say("一袋"))
    assert "春中宝蜂蜜 500g ×1瓶" in lines
    assert "镇巴腊肉 1kg ×1袋" in lines


async def test_a_budget_bounds_the_price_and_is_never_a_count(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round17")
    within = await chat.say("一百块以内的茶叶有啥")
    assert within["intent"] == "search"
    assert within["reply"].startswith("100元以内的茶叶有")
    assert [p["name"] for p in within["products"] if p["price_fen"] > 10000] == []
    assert len(within["products"]) == 5
    about = await chat.say("有没有50块左右的小米")
    assert {p["price_fen"] for p in about["products"]} <= set(range(4000, 6001))
    assert about["products"] != []
    none = await chat.say("30块以内的核桃")
    assert none["reply"].startswith("没有30元以内的核桃。")
    assert none["order"] is None


async def test_how_many_packs_a_budget_buys_is_answered_from_the_price(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round17")
    body = await chat.say("预算200块能买几袋镇赉大米")
    assert body["intent"] == "ask_price"
    assert body["reply"].startswith("镇赉大米 5kg（52元/袋）：200元能买3袋，共156元")
    advice = await chat.say("预算50 有什么好吃的")
    assert advice["intent"] == "recommend"
    assert [p["name"] for p in advice["products"] if p["price_fen"] > 5000] == []


async def test_a_cards_face_value_and_an_at_most_count_are_no_budget(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round17")
    card = await chat.say("买一张100块的爱心卡")
    assert card["slots"]["amount_fen"] == 10000
    await chat.say("取消")
    most = await chat.say("最多两袋镇赉大米")
    assert most["slots"]["qty"] == 2


async def test_a_word_of_its_own_is_never_heard_as_a_catalogue_word(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round17")
    said = {m: await chat.say(m) for m in ("兔头有吗", "生煎包有吗", "孕妇装买哪种好")}
    assert {m: b["reply"].startswith("抱歉，没有找到") for m, b in said.items()} == dict.fromkeys(said, True)
    assert [m for m, b in said.items() if b["products"]] == []


async def test_typos_with_a_character_typed_right_are_still_mended(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round17")
    kiwis = await chat.say("猕猴逃一盒")
    assert {p["name"].split()[0][-3:] for p in kiwis["products"]} == {"猕猴桃"}
    await chat.say("取消")
    walnuts = await chat.say("核挑有吗")
    assert {p["name"].split()[0][-2:] for p in walnuts["products"]} == {"核桃"}


async def test_a_cue_character_inside_a_name_is_no_cue(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round17")
    asked = await chat.say("有来凤藤茶不？")
    assert asked["intent"] == "search"
    assert asked["order"] is None
    ordered = await chat.say("来凤藤茶来两罐")
    assert "×2罐" in summary_lines(ordered)


async def test_half_a_dozen_love_cards_is_six(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round17")
    body = await chat.say("想送人爱心卡，一百块的来半打")
    assert body["intent"] == "buy_card"
    assert body["slots"]["qty"] == 6
    assert body["slots"]["amount_fen"] == 10000


async def test_a_change_names_its_line_not_the_last_one(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round17")
    await chat.say("静宁苹果来一箱 春中宝蜂蜜两瓶")
    lines = summary_lines(await chat.say("苹果换成礼盒装的"))
    assert "春中宝蜂蜜 500g ×2瓶" in lines
    assert "鸡蛋" not in lines


async def test_a_card_bought_for_us_to_give_is_bought_not_claimed(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round17")
    body = await chat.say("想买爱心卡送我们班主任")
    assert body["intent"] == "buy_card"
