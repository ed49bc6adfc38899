"""Ninth round, descriptions and leftovers: kinds a held-out set (kept outside the repository) read wrong, each fixed
as a rule and tried here with sentences of our own, as the shopper sees them:

1. words saying what the product is like, said apart from it (薄皮, 肉厚, 新米, 流油的, 免洗, 大颗的, 农家) are a
   description: the product is found, never 没有找到 those words; a real other thing (收纳箱) still is not found;
3. an occasion before a product with a size and a count (年货, 团购, 过年) is no part of the product's name;
4. 仨 before a size (仨5kg装的) counts three packs of that size.

Over the demo catalogue, the shoppers' catalogue (tests/data/bot_eval_shoppers/catalog.csv),
tests/data/chat_round6_catalog.csv and tests/data/chat_round4_catalog.csv.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

DATA = Path(__file__).parent / "data"
SHOPPERS = DATA / "bot_eval_shoppers" / "catalog.csv"
ROUND6 = DATA / "chat_round6_catalog.csv"
ROUND4 = DATA / "chat_round4_catalog.csv"


def _skus(body: dict) -> list[str]:
    return [p["sku"] for p in body["products"]]


# --- 1. descriptions beside the product ----------------------------------------------------------------------

@pytest.mark.parametrize(("catalog", "message", "sku"), [
    (SHOPPERS, "核桃 薄皮 新货", "SP-0047"),
    (SHOPPERS, "木耳 肉厚 无沙", "SP-0063"),
    (SHOPPERS, "红枣 免洗 大颗的", "SP-0049"),
    (SHOPPERS, "大米 新米 当季的", "SP-0001"),
    (SHOPPERS, "咸鸭蛋有吗 流油的", "SP-0038"),
    (ROUND6, "鸭蛋 流油的 个大", "R6-0003"),
    (ROUND6, "灰枣 皮薄 肉厚的", "R6-0009"),
    (ROUND4, "核桃 皮薄 新货 有吗", "R4-0003"),
    (ROUND4, "大米 新米 正宗的", "R4-0001"),
    (DEMO_CATALOG_CSV, "蜂蜜 纯的 农家", "SC-PW-0001"),
])
async def test_a_description_said_apart_does_not_hide_the_product(client, catalog, message, sku):
    chat = await open_shop(client, catalog, "described")
    body = await chat.say(message)
    assert "没有找到" not in body["reply"], body["reply"]
    assert sku in _skus(body), body["reply"]


async def test_a_description_with_a_count_orders_the_product(client):
    chat = await open_shop(client, SHOPPERS, "described-count")
    body = await chat.say("核桃 纸皮 来两袋")
    assert "没有找到" not in body["reply"], body["reply"]
    assert set(_skus(body)) == {"SP-0047", "SP-0048"}, body["reply"]
    picked = await chat.say("1kg的")
    assert "和田薄皮核桃 1kg ×2袋" in summary_lines(picked), picked["reply"]


async def test_a_description_prefers_the_variant_named_so(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "described-variant")
    body = await chat.say("核桃 纸皮 来两袋")
    assert "叶城纸皮核桃 2斤 ×2" in summary_lines(body), body["reply"]


async def test_a_real_other_thing_after_a_product_is_still_not_found(client):
    async def check(catalog, message, echo):
        chat = await open_shop(client, catalog, "other-thing")
        body = await chat.say(message)
        assert f"没有找到「{echo}」" in body["reply"], body["reply"]

    await each_case(check, [
        (SHOPPERS, "大米 收纳箱", "大米收纳箱"),
        (SHOPPERS, "核桃 夹子", "核桃夹子"),
        (SHOPPERS, "苹果 脆片", "苹果脆片"),
    ], spread=True)


# --- 3. an occasion before a product with a size and a count --------------------------------------------------

async def test_an_occasion_before_the_product_is_no_part_of_its_name(client):
    async def check(message, line):
        chat = await open_shop(client, SHOPPERS, "occasion")
        body = await chat.say(message)
        assert line in summary_lines(body), body["reply"]

    await each_case(check, [
    ("年货 腊肉一公斤装的 整30袋", "从江香猪腊肉 1kg ×30袋"),
    ("团购 猕猴桃24枚的 50盒", "花垣猕猴桃 24枚装 ×50盒"),
    ("过年 腊肠一斤装的 来20袋", "从江香猪香肠 500g ×20袋"),
    ("送礼 土鸡蛋30枚装的 来5盒", "威宁土鸡蛋 30枚装 ×5盒"),
], spread=True)


async def test_an_occasion_before_a_sausage_of_another_catalogue(client):
    chat = await open_shop(client, ROUND6, "occasion-r6")
    body = await chat.say("过年 腊肠一斤装的 来20袋")
    assert "从江腊肠 500g ×20袋" in summary_lines(body), body["reply"]


# --- 4. 仨 before a size -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("catalog", "message", "line"), [
    (SHOPPERS, "大米要仨5kg装的", "泰来大米 5kg ×3袋"),
    (ROUND6, "蜂蜜来仨1kg装的", "罗平蜂蜜 1kg ×3"),
    (ROUND4, "红枣要仨2.5kg装的", "延川红枣 2.5kg ×3"),
])
async def test_three_before_a_size_counts_three_packs(client, catalog, message, line):
    chat = await open_shop(client, catalog, "three-sized")
    body = await chat.say(message)
    assert line in summary_lines(body), body["reply"]
