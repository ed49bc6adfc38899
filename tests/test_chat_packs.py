"""Quantities and packs (issue 15, a second held-out set): kinds of order messages that read the wrong pack or the
wrong count, each tried with sentences of our own, as the customer sees the summary (pack, count, 共…, total).

The catalogue (tests/data/chat_packs_catalog.csv) sells most products in two sizes: 猕猴桃 12/24个装 (盒), 香菇
250g/500g (袋), 鸡蛋 15/30枚装 (盒), 蜂蜜 500g/1kg (瓶), 脐橙 5kg/10kg (箱), 大米 2.5kg/5kg (袋); and in one: 木耳
250g, 姜茶 12条装 (盒), 枸杞 250g (罐), 蓝莓 4盒装 (箱).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.chat import Chat, with_address
from tests.support.http import admin_headers, consumer_headers, import_csv

CATALOG = Path(__file__).parent / "data" / "chat_packs_catalog.csv"


@pytest.fixture
async def shop(client):
    await import_csv(client, CATALOG.read_bytes(), await admin_headers(client))
    return client


async def customer(client, name: str) -> Chat:
    return await with_address(Chat(client, await consumer_headers(client, name)))


def summary_line(body: dict) -> str:
    """The summary's product lines (between 请确认订单 and 合计)."""
    assert "请确认订单" in body["reply"], body["reply"]
    return body["reply"].split("请确认订单：\n", 1)[1].split("\n合计", 1)[0]


# --- 1. a pack size named as a size picks that variant; the pack count is the count ------------------------------

@pytest.mark.parametrize("message, line, total", [
    ("一箱24个的猕猴桃", "修文猕猴桃 24个装 ×1盒（共24个），69元", "合计69元"),
    ("一斤装的香菇要4袋", "房县香菇 500g ×4袋（共2kg），224元", "合计224元"),
    ("来两盒12个的猕猴桃", "修文猕猴桃 12个装 ×2盒（共24个），78元", "合计78元"),
    ("蜂蜜不要500g的 来一瓶1kg的", "神农架土蜂蜜 1kg ×1瓶（共1kg），108元", "合计108元"),
    ("要10斤的会昌脐橙", "会昌脐橙 5kg ×1箱（共5kg），45元", "合计45元"),
    ("来2箱20斤的会昌脐橙", "会昌脐橙 10kg ×2箱（共20kg），170元", "合计170元"),
    ("半斤装的香菇来3袋", "房县香菇 250g ×3袋（共750g），90元", "合计90元"),
])
async def test_a_pack_size_said_picks_the_variant_that_holds_it(shop, message, line, total):
    chat = await customer(shop, "size")
    body = await chat.say(message)
    assert body["intent"] == "order"
    assert summary_line(body) == line
    assert total in body["reply"]


@pytest.mark.parametrize("message, size", [
    ("来两瓶2kg的蜂蜜", "2kg"), ("一箱36个的猕猴桃", "36个"), ("三斤装的香菇要2袋", "三斤"),
])
async def test_a_pack_size_no_variant_holds_is_asked_with_the_sizes_there_are(shop, message, size):
    chat = await customer(shop, "no-size")
    body = await chat.say(message)
    assert body["reply"].startswith(f"没有{size}装的。")
    assert "确认下单" not in body["reply"]
    assert body["slots"]["sku"] is None
    assert body["slots"]["qty"] is None


async def test_another_size_added_to_the_draft_is_a_new_line_or_a_question(shop):
    chat = await customer(shop, "eggs")
    body = await chat.say("来两盒15枚装的鸡蛋")
    assert summary_line(body) == "罗田土鸡蛋 15枚装 ×2盒（共30枚），56元"
    body = await chat.say("再加两盒6枚装的")  # no 6枚 box: asked, the draft's two boxes stay two
    assert body["reply"].startswith("没有6枚装的。有 15枚装和30枚装")
    body = await chat.say("要30枚的")
    assert summary_line(body) == "罗田土鸡蛋 15枚装 ×2盒（共30枚），56元\n罗田土鸡蛋 30枚装 ×1盒（共30枚），52元"
    assert "合计108元" in body["reply"]
    body = await chat.say("再加两盒30枚装的")
    assert "罗田土鸡蛋 30枚装 ×2盒（共60枚），104元" in summary_line(body)
    assert "罗田土鸡蛋 15枚装 ×2盒（共30枚），56元" in summary_line(body)


# --- 2. Chinese weights, and counts against the pieces a pack holds ----------------------------------------------

@pytest.mark.parametrize("message, line", [
    ("要斤半香菇", "房县香菇 250g ×3袋（共750g），90元"),          # 斤半 = 1.5斤 = 3 × 250g
    ("来两斤香菇", "房县香菇 500g ×2袋（共1kg），112元"),            # 两 before 斤 is a number; largest dividing pack
    ("整两斤香菇", "房县香菇 500g ×2袋（共1kg），112元"),
    ("半斤香菇", "房县香菇 250g ×1袋（共250g），30元"),
    ("一斤木耳", "柞水黑木耳 250g ×2袋（共500g），70元"),          # only 250g bags: two of them
    ("24条姜茶", "罗平红糖姜茶 12条装 ×2盒（共24条），58元"),      # 24 sachets of 12-sachet boxes
    ("8盒蓝莓", "麻江蓝莓 4盒装 ×2箱（共8盒），176元"),            # not 8 crates of 4 punnets
    ("5斤大米", "庆安大米 2.5kg ×1袋（共2.5kg），30元"),          # the largest pack that divides 5斤 exactly
    ("来10斤大米", "庆安大米 5kg ×1袋（共5kg），55元"),
])
async def test_weights_and_pieces_are_read_against_the_pack(shop, message, line):
    chat = await customer(shop, "weights")
    body = await chat.say(message)
    assert summary_line(body) == line


async def test_a_weight_no_whole_number_of_packs_holds_is_asked(shop):
    chat = await customer(shop, "liang")
    body = await chat.say("来3两枸杞")  # 150 g of 250 g jars
    assert "“3两”凑不成整罐" in body["reply"]
    assert "确认下单" not in body["reply"]
    body = await chat.say("整两斤大米")  # 1 kg of 2.5 kg and 5 kg bags
    assert "“2斤”凑不成整袋" in body["reply"]
    assert "2.5kg装（5斤）" in body["reply"]


# --- 6. card questions --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("message", ["兑换码 AX1.1234567890123456.abcdefgh", "卡密：K9X2-88HHQ-7Z"])
async def test_a_code_said_as_the_cards_is_claimed(shop, message):
    chat = await customer(shop, "claim")
    body = await chat.say(message)
    assert body["intent"] == "claim_card"
    assert body["reply"].startswith("没能领取这张卡")  # the code was tried (it is no card of ours)


@pytest.mark.parametrize("message", ["爱心卡能买哪些东西", "爱心卡可以买什么", "这个卡能用来买啥"])
async def test_what_a_love_card_buys_is_a_question_not_a_purchase(shop, message):
    chat = await customer(shop, "card-q")
    body = await chat.say(message)
    assert body["intent"] == "ask_info"
    assert "认定扶贫产品" in body["reply"]
    assert body["slots"]["amount_fen"] is None
    assert body["slots"]["unit"] is None
