"""Fifteenth round: honesty and cards (2), as the shopper sees it over the demo catalogue.

1. a size, a pack word and a one-character food word glued with no count before them name one thing (小罐茶, a
   brand): 没有找到「小罐茶」, the teas only as alternatives; a count before the pack (来一罐茶, 茶叶来两罐, 来一小罐茶)
   keeps it an order of tea (bot/sized_names.py);
2. another programme's 爱心卡 said with the public service it is used for after it (我的爱心卡坐公交刷不了,
   爱心卡乘地铁免费吗, 爱心卡看病能报销吗) is answered as 公交爱心卡 is (fallback, never card_balance:
   bot/programme_uses.py);
3. pinyin: an unsold thing whose sound starts where nothing else is read (dou jiang → 豆浆) and plain milk (奶粉,
   nai fen: cow's milk, not the yak's of 红原牦牛奶粉) are not found, nothing drafted (bot/pinyin_nouns.py,
   bot/other_milks.py); units after a number (5 gong jin → 5公斤, wu ke, yi zhang) and love-card talk
   (ai xin ka hai sheng duo shao qian, mai yi zhang ai xin ka) are read (bot/pinyin_words.py);
4. love-card questions with 爱心卡 said first (爱心卡有没有300的, 爱心卡买了不想要了可以退吗, 爱心卡能转给别人吗) are
   answered, nothing bought or cancelled (bot/holder_questions.py).
"""
from __future__ import annotations

from pathlib import Path

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

RICE = Path(__file__).parent / "data" / "chat_round15_group_counts_catalog.csv"  # 泰来大米 2.5kg / 5kg / 10kg


async def test_a_sized_pack_glued_to_a_food_word_is_a_brand_not_found(client):
    async def check(message):
        body = await (await open_shop(client, DEMO_CATALOG_CSV, "r15hc-brand")).say(message)
        assert "没有找到「小罐茶」" in body["reply"], body["reply"]
        assert body["products"], body["reply"]
        assert all("茶" in p["name"] for p in body["products"])
        assert body["slots"]["sku"] is None

    await each_case(check, [
        "有小罐茶吗",
        "小罐茶多少钱",
    ])


async def test_a_counted_pack_of_tea_stays_an_order_of_tea(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r15hc-tea")
    for message in ("来一罐茶", "茶叶来两罐"):
        body = await chat.say(message)
        assert body["intent"] == "order", body["reply"]
        assert "没有找到" not in body["reply"]
        await chat.say("取消")
    # A small tin among ten teas: the teas are listed to choose from (it put the smallest of all, a forsythia tea,
    # into the order: round 16), never 没有找到.
    body = await chat.say("来一小罐茶")
    assert body["slots"]["sku"] is None
    assert "没有找到" not in body["reply"]
    assert "卢氏连翘茶 100g" in [p["name"] for p in body["products"]]


async def test_a_love_card_said_with_a_public_service_is_another_programmes(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r15hc-programme")
    for message in ("我的爱心卡坐公交刷不了", "爱心卡乘地铁免费吗", "爱心卡看病能报销吗"):
        body = await chat.say(message)
        assert body["intent"] == "fallback", body["reply"]
        assert "发的卡" in body["reply"]
        assert "这里办不了" in body["reply"]
    transport = await chat.say("爱心卡乘地铁免费吗")
    assert "公交公司或当地交通部门" in transport["reply"]


async def test_the_shops_own_card_questions_stay_its_own(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r15hc-own")
    invoice = await chat.say("爱心卡能报销吗")
    assert "开发票" in invoice["reply"]
    balance = await chat.say("我的爱心卡还剩多少钱")
    assert balance["intent"] == "card_balance"


async def test_unsold_things_in_pinyin_and_plain_milk_are_not_found(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r15hc-pinyin")
    soy = await chat.say("dou jiang you ma")
    assert "没有找到「豆浆」" in soy["reply"], soy["reply"]
    for message in ("nai fen you ma", "奶粉有吗"):
        body = await chat.say(message)
        assert "没有找到「奶粉」" in body["reply"], body["reply"]
        assert [p["name"] for p in body["products"]] == ["红原牦牛奶粉 400g"]
        assert body["slots"]["sku"] is None
    named = await chat.say("牦牛奶粉有吗")
    assert named["slots"]["sku"] == "SC-HY-0001"


async def test_units_in_pinyin_are_read(client):
    chat = await open_shop(client, RICE, "r15hc-units")
    body = await chat.say("tai lai da mi 5 gong jin de lai yi dai")
    assert summary_lines(body) == "泰来大米 5kg ×1袋（共5kg），55元"


async def test_love_card_talk_in_pinyin_is_read(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r15hc-card-pinyin")
    balance = await chat.say("ai xin ka hai sheng duo shao qian")
    assert balance["intent"] == "card_balance", balance["reply"]
    buy = await chat.say("mai yi zhang ai xin ka")
    assert buy["intent"] == "buy_card", buy["reply"]


async def test_love_card_questions_said_card_first_are_answered(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r15hc-questions")
    face = await chat.say("爱心卡有没有300的")
    assert face["intent"] == "ask_info"
    assert "没有300元的面值" in face["reply"]
    for message in ("爱心卡买了不想要了可以退吗", "爱心卡能退吗"):
        body = await chat.say(message)
        assert body["intent"] == "ask_info", body["reply"]
        assert "不能在这里退" in body["reply"]
    give = await chat.say("爱心卡能转给别人吗")
    assert give["intent"] == "ask_info"
    assert "转赠" in give["reply"]
