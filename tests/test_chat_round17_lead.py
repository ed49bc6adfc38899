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
