"""Eleventh round, orders: kinds a held-out set (kept outside the repository) read wrong, each fixed as a rule and
tried here with sentences of our own, as the shopper sees them (the summary line, its count and 共…):

1. a purpose, an occasion or whom the goods are shared with, said after or before the order (核桃要4斤 给我爸妈和我舅分,
   来只土鸡 煲汤, 给孩子熬粥 小米来两袋) is no part of the product's name (bot/purposes.py);
2. a bulk order by the share or the person with what each holds (要40份 每份一袋2.5kg大米, 20个人 每人一箱苹果): the
   line's count is both multiplied (bot/bulk.py);
3. an ordinal with a count or 再来 after a list (再来一瓶第二个, 第三个也要两瓶): that item of the list the shopper
   saw is a new line of the draft (bot/turns/picks.adds_a_pick);
4. an emoji with a size and a count in a later turn (再来🍊×3 5斤装的): the product the emoji names, in that size.

Over tests/data/chat_round11_orders_catalog.csv.
"""
from __future__ import annotations

from pathlib import Path

from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

ROUND11 = Path(__file__).parent / "data" / "chat_round11_orders_catalog.csv"


async def _line(client, *messages: str) -> str:
    """The summary's order lines after the messages (a new shopper with a saved address)."""
    chat = await open_shop(client, ROUND11, "round11")
    body = {}
    for message in messages:
        body = await chat.say(message)
    return summary_lines(body)


# --- 1. a purpose beside the order -------------------------------------------------------------------------------

async def test_a_purpose_beside_the_order_is_no_part_of_the_product(client):
    async def check(message, line):
        assert await _line(client, message) == line

    await each_case(check, [
    ("核桃要4斤 给我爸妈和我舅分", "赫章核桃 2斤 ×2袋（共4斤），90元"),
    ("来只土鸡 煲汤", "城口土鸡 整只约1.5kg ×1只，98元"),
    ("小米5斤 给孩子熬粥喝", "米脂小米 2.5kg ×1袋（共2.5kg），39元"),
    ("给孩子熬粥 小米来两袋", "米脂小米 2.5kg ×2袋（共5kg），78元"),
    ("大米两袋 食堂用", "五常大米 2.5kg ×2袋（共5kg），80元"),
    ("红枣两袋，拿去送礼", "若羌红枣 1kg ×2袋（共2kg），112元"),
    ("鸡蛋要60个 车间里发", "城口土鸡蛋 30枚装 ×2盒（共60枚），90元"),
    ("30斤橙子 办公室下午茶用", "奉节脐橙 10斤 ×3箱（共30斤），180元"),
], spread=True)


async def test_a_purpose_naming_a_thing_not_sold_stays_not_found(client):
    chat = await open_shop(client, ROUND11, "nutcracker")
    body = await chat.say("核桃夹子 夹核桃用")
    assert "没有找到" in body["reply"]


async def test_a_purpose_naming_a_thing_not_sold_orders_nothing(client):
    chat = await open_shop(client, ROUND11, "nutcracker2")
    body = await chat.say("核桃夹子 夹核桃用")
    assert body["slots"]["qty"] is None


# --- 2. bulk orders by the share ---------------------------------------------------------------------------------

async def test_shares_times_what_each_holds_is_the_count(client):
    async def check(message, line):
        assert await _line(client, message) == line

    await each_case(check, [
    ("员工福利 要40份 每份一袋2.5kg大米", "五常大米 2.5kg ×40袋（共100kg），1600元"),
    ("20个人 每人一箱苹果", "静宁苹果 10斤 ×20箱（共200斤），1200元"),
    ("每份两瓶春中宝蜂蜜 要15份", "春中宝蜂蜜 500g ×30瓶（共15kg），1740元"),
    ("公司发福利，30人，每人一盒鸡蛋", "城口土鸡蛋 30枚装 ×30盒（共900枚），1350元"),
], spread=True)


async def test_a_count_of_shares_alone_stays_a_count_of_packs(client):
    assert await _line(client, "大米要40份") == "五常大米 2.5kg ×40袋（共100kg），1600元"


async def test_a_share_with_no_count_of_shares_is_one_share(client):
    assert await _line(client, "每份两瓶春中宝蜂蜜") == "春中宝蜂蜜 500g ×2瓶（共1kg），116元"


# --- 3. an ordinal with a count after a list ---------------------------------------------------------------------

async def test_an_ordinal_with_a_count_adds_that_item_of_the_list(client):
    async def check(message, line):
        assert await _line(client, "蜂蜜", "第一个来一瓶", message) == line

    await each_case(check, [
    ("再来一瓶第二个", "春中宝蜂蜜 500g ×1瓶（共500g），58元\n秦巴土蜂蜜 500g ×1瓶（共500g），88元"),
    ("第三个也要两瓶", "春中宝蜂蜜 500g ×1瓶（共500g），58元\n大别山土蜂蜜 500g ×2瓶（共1kg），136元"),
    ("最后那个来两瓶", "春中宝蜂蜜 500g ×1瓶（共500g），58元\n大别山土蜂蜜 500g ×2瓶（共1kg），136元"),
], spread=True)


async def test_a_correction_by_ordinal_replaces_the_line(client):
    assert await _line(client, "蜂蜜", "第一个来一瓶", "不对，要第二个") == "秦巴土蜂蜜 500g ×1瓶（共500g），88元"


async def test_more_of_the_same_line_still_adds_to_its_count(client):
    assert await _line(client, "蜂蜜", "第一个来一瓶", "再来一瓶") == "春中宝蜂蜜 500g ×2瓶（共1kg），116元"


# --- 4. an emoji with a size in a later turn ---------------------------------------------------------------------

async def test_an_emoji_with_a_size_adds_that_product_in_that_size(client):
    async def check(message, line):
        assert await _line(client, "苹果两箱", message) == line

    await each_case(check, [
        ("再来🍊×3 5斤装的", "静宁苹果 10斤 ×2箱（共20斤），120元\n奉节脐橙 5斤 ×3箱（共15斤），105元"),
        ("再来🍊×3 10斤装的", "静宁苹果 10斤 ×2箱（共20斤），120元\n奉节脐橙 10斤 ×3箱（共30斤），180元"),
    ], spread=True)
