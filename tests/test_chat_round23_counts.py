"""Twenty-third round (counts): counts of cards and goods said the way people count them.

1. 俩 / 仨 said after the card (100元的卡 仨, 500的卡 俩, 200元的爱心卡 来仨吧) count the cards: it was one card.
2. A sum of money in one face value (一共800块钱的爱心卡，要200面值的, 买600块钱的爱心卡 100一张的) buys the sum over
   the face (4张, 6张 of that face): it was one card of the whole sum. A sum that is no whole number of cards of that
   face (总共1200元 of 500元 cards) is never rounded: the shopper is asked how many, with what each count costs.
3. 每人买一盒… after the people were counted earlier in the conversation (给60个职工发福利，先买60张…爱心卡, placed)
   is one box for each of them: 每人 with a buying verb (买 / 送 / 订 / 拿) before the share was one box.
4. A dozen said with the single-pack variant (半打梨罐头 要单罐的, 沙棘汁要单瓶装的 来一打) counts those packs (6罐,
   12瓶): it was one box of six.
5. An amount eaten per period and a period's worth asked (我一周吃2公斤 来两周的量, 一天吃100克 要一周的量) is that
   amount (4公斤 → 4 packs of 1kg); the words of the rate name no product (it was 没有找到「一周吃一周的量」).
   A worth in a period the rate does not divide (一周吃2公斤 来一个月的量) asks how many.
"""
from __future__ import annotations

from pathlib import Path

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

COUNTS = Path(__file__).parent / "data" / "chat_round23_counts_catalog.csv"  # cans and juice alone and boxed, beef …


async def test_cards_counted_as_people_say_them(client):
    async def check(said, summary):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-cards")
        body = await chat.say(said)
        assert body["intent"] == "buy_card"
        assert summary in body["reply"], body["reply"]

    await each_case(check, [
        ("100元的卡 仨", "面值100元 ×3张，合计300元"),
        ("500的卡 俩", "面值500元 ×2张，合计1000元"),
        ("200元的爱心卡 来仨吧", "面值200元 ×3张，合计600元"),
        ("一共800块钱的爱心卡，要200面值的", "面值200元 ×4张，合计800元"),
        ("买600块钱的爱心卡 100一张的", "面值100元 ×6张，合计600元"),
        ("合计2000元爱心卡 面额500", "面值500元 ×4张，合计2000元"),
    ], spread=True)


async def test_a_sum_no_whole_number_of_cards_asks_how_many(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-uneven")
    body = await chat.say("总共1200元的爱心卡 都要500的")
    assert body["intent"] == "buy_card"
    assert "2张共1000元" in body["reply"], body["reply"]
    assert "3张共1500元" in body["reply"]
    assert "确认购买" not in body["reply"]
    body = await chat.say("2张")
    assert "面值500元 ×2张，合计1000元" in body["reply"], body["reply"]


async def test_each_person_after_cards_for_the_people_counted(client):
    chat = await open_shop(client, COUNTS, "round23-heads")
    await chat.say("单位给60个职工发福利，先买60张200元的爱心卡")
    placed = await chat.say("确认")
    assert placed["order"]["kind"] == "card"
    assert placed["order"]["total_fen"] == 1_200_000
    body = await chat.say("再给每人买一盒海伦黑木耳礼盒")
    assert summary_lines(body) == "海伦黑木耳 礼盒 500g ×60盒（共30kg），5160元"


async def test_each_person_with_a_buying_verb_in_one_message(client):
    chat = await open_shop(client, COUNTS, "round23-each-verb")
    body = await chat.say("公司30个员工 每人送一袋海伦黑木耳")
    assert summary_lines(body) == "海伦黑木耳 250g ×30袋（共7.5kg），1260元"


async def test_a_dozen_of_the_single_pack(client):
    async def check(said, line):
        chat = await open_shop(client, COUNTS, "round23-dozen")
        assert summary_lines(await chat.say(said)) == line

    await each_case(check, [
        ("半打梨罐头 要单罐的", "砀山梨罐头 400g ×6罐（共2.4kg），51元"),
        ("沙棘汁要单瓶装的 来一打", "固原沙棘汁 300ml ×12瓶（共3.6L），72元"),
        ("半打梨罐头", "砀山梨罐头 400g×6罐 ×1箱（共2.4kg），46元"),  # no variant said: the box of six, as before
    ], spread=True)


async def test_a_periods_worth_is_the_amount_eaten(client):
    chat = await open_shop(client, COUNTS, "round23-rate")
    body = await chat.say("西吉黄牛肉 我一周吃2公斤 来两周的量")
    assert summary_lines(body) == "西吉黄牛肉 鲜切 1kg ×4份（共4kg），540元"
    body = await chat.say("再来牛肉干 600克")
    assert "西吉牛肉干 200g ×3袋（共600g），135元" in summary_lines(body)


async def test_a_worth_the_rate_does_not_divide_asks(client):
    chat = await open_shop(client, COUNTS, "round23-rate-month")
    body = await chat.say("黄牛肉 一周吃2公斤 来一个月的量")
    assert body["intent"] == "order"
    assert "没有找到" not in body["reply"]
    assert "西吉黄牛肉 鲜切 1kg" in body["reply"], body["reply"]
    assert "要几份" in body["reply"]
    assert body["order"] is None
