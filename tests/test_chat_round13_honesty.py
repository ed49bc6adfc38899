"""Thirteenth round of honesty: things the shop does not sell are never offered as a match nor drafted, however a
catalogue word stands beside or inside them (bot/beside_kinds.py, bot/product_words.py, bot/products.py,
bot/glued_heads.py, bot/honesty.py). Sentences of our own over the demo catalogue, as the shopper sees them (reply,
products offered, draft). Guards: category searches, qualities of products sold and every product asked by name.
"""
from __future__ import annotations

import csv

from models.clock import today_shanghai
from models.paths import DEMO_CATALOG_CSV
from tests.support.chat import open_shop

NOT_FOUND = "没有找到"


async def test_unsold_things_beside_a_category_word_are_not_found(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r13h_kind")
    seaweed = await chat.say("海带 紫菜 干货")
    assert "没有找到「海带、紫菜」" in seaweed["reply"], seaweed["reply"]
    assert "不是同一款" in seaweed["reply"], seaweed["reply"]
    assert seaweed["slots"]["sku"] is None, seaweed["reply"]
    shrimp = await chat.say("虾皮 鱿鱼丝 干货")
    assert "没有找到「虾皮、鱿鱼丝」" in shrimp["reply"], shrimp["reply"]
    kelp = await chat.say("要两袋海带 干货")
    assert kelp["slots"]["sku"] is None, kelp["reply"]


async def test_a_quality_or_a_state_beside_an_unsold_thing_matches_nothing(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r13h_quality")
    for message, thing in (("章丘铁锅 手工", "章丘铁锅"), ("景德镇瓷碗 手工", "景德镇瓷碗"),
                           ("大黄花鱼 冰鲜 整条", "大黄花鱼"), ("小龙虾 鲜活 整只", "小龙虾")):
        body = await chat.say(message)
        assert f"没有找到「{thing}」" in body["reply"], body["reply"]
        assert body["products"] == [], body["reply"]
        assert body["slots"]["sku"] is None, body["reply"]


async def test_a_list_of_unsold_things_drafts_nothing(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r13h_list")
    body = await chat.say("过年了想买几箱牛奶和八宝粥，还有奥利奥薯片")
    assert body["slots"]["sku"] is None, body["reply"]
    assert body["products"] == [], body["reply"]
    milk = await chat.say("来两箱牛奶")
    assert milk["slots"]["sku"] is None, milk["reply"]
    assert NOT_FOUND in milk["reply"], milk["reply"]


async def test_a_phone_plan_is_another_card_and_no_order(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r13h_sim")
    body = await chat.say("流量卡 29元100G")
    assert body["intent"] in ("fallback", "search"), body["reply"]
    assert body["products"] == [], body["reply"]
    assert body["slots"]["sku"] is None, body["reply"]
    assert "只卖消费扶贫爱心卡" in body["reply"], body["reply"]


async def test_a_courier_errand_is_said_plainly_not_done(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r13h_courier")
    body = await chat.say("寄件 中通 5公斤到哈尔滨 多少钱")
    assert body["intent"] == "fallback", body["reply"]
    assert "办不了" in body["reply"], body["reply"]
    assert body["products"] == [], body["reply"]
    assert body["slots"]["sku"] is None, body["reply"]


async def test_a_catalogue_word_inside_another_things_name_offers_nothing(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r13h_inside")
    for message in ("玫瑰纯露 当爽肤水", "奇异果TV vip 开通", "核桃编程 课程", "芒果TV会员", "小米SU7 有吗"):
        body = await chat.say(message)
        assert body["products"] == [], f"{message}: {body['reply']}"
        assert body["slots"]["sku"] is None, f"{message}: {body['reply']}"
    kiwi = await chat.say("奇异果TV vip 开通")
    assert "没有找到「奇异果tv」" in kiwi["reply"], kiwi["reply"]


async def test_category_searches_and_qualities_of_goods_sold_still_list_them(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r13h_guard")
    for message in ("来点干货", "有什么茶叶", "野生蜂蜜", "核桃 薄皮 新货", "手工 绣球"):
        body = await chat.say(message)
        assert body["products"], f"{message}: {body['reply']}"
        assert NOT_FOUND not in body["reply"], f"{message}: {body['reply']}"


async def test_free_range_eggs_by_the_count_are_still_offered(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r13h_eggs")
    body = await chat.say("土鸡蛋 30枚")
    assert any("鸡蛋" in p["name"] for p in body["products"]), body["reply"]
    assert NOT_FOUND not in body["reply"], body["reply"]


async def test_every_certified_demo_product_asked_by_name_is_offered(make_client):
    """A product whose certificate ran out is refused by name with alternatives (bot/products.resolve): not here."""
    client = await make_client(chat_per_second=0)  # 260 names and the cancels in one conversation: no throttle
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r13h_names")
    with DEMO_CATALOG_CSV.open(encoding="utf-8") as f:
        rows = [row for row in csv.DictReader(f) if row["cert_valid_until"] >= today_shanghai().isoformat()]
    missed = []
    for row in rows:
        body = await chat.say(row["name"])
        if row["sku"] not in [p["sku"] for p in body["products"]] and body["slots"]["sku"] != row["sku"]:
            missed.append(row["name"])
        if body["slots"]["sku"] is not None:
            await chat.say("取消")
    assert missed == []
