"""Twenty-fourth round: Cantonese, Hunanese (Xiang), English and pinyin-initial shoppers.

1. Xiang yes, no and filler words: 要得 (好), 咯样 (这样), 下单咯 (咯 ending a clause says nothing), 不搞哒 / 算哒
   (不要了 / 算了), 哒 ending a clause (了), 咋搞 (怎么弄), 搞不清白 (搞不清楚): 要得 就咯样 at a summary places the
   order (it was 没太明白), 不搞哒 drops it, 这个咋搞咯 is a how-to question (it was a search for 咋搞).
2. Xiang 好多钱 asked (好多钱咯, 好多钱一斤) is 多少钱; 花了好多钱 stays a lot of money.
3. Cantonese 唔该 before a request is "please", not thanks (唔该，落单 places the order; it said 不客气); alone it is
   still thanks. 喺度 / 喺 is 在 (有冇人喺度 is a greeting), 有冇得 is 有没有.
4. A request for a love card said first (俾我一张一千蚊嘅爱心卡 / 给我一张500的爱心卡) buys one: it was read as a card
   someone gave (claim); 蚊 is 元.
5. English shop talk: anyone around? (a greeting), yes, place the order / confirm please / ok go ahead (a yes at the
   summary), never mind (drop it), where's my parcel? (order status), looking for X / do you sell X (a search), add X
   (an order), ship to <address>, Tom Wang, 136… (the address with its latin receiver), book me a hotel (a service
   not sold: no search for the place said with it).
6. English goods words: a pinyin place written before a food word reads the place whatever the reading of its
   characters (Wubu → 吴堡, 堡 read bu; "the" before it says nothing); yak jerky, highland barley, a colour before a
   food word (black highland barley → 黑青稞).
7. A weight said in another measure than the pack's (泾源黄牛肉 2斤 多少钱, a 1kg pack) is the amount wanted: one
   pack, priced; a size written as the name writes it (1kg 多少钱) still only names the pack.
8. Shop phrases typed as pinyin initials: nh (你好) alone, lqk / lk before a card's code (领取卡: a claim).
"""
from __future__ import annotations

from pathlib import Path

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

SHOP = Path(__file__).parent / "data" / "chat_round24_dialects_english_catalog.csv"


async def _at_summary(client, name: str, address: bool = True):
    chat = await open_shop(client, SHOP, name, address=address)
    body = await chat.say("丘北辣椒500克的搞两包咯")
    assert summary_lines(body).startswith("丘北辣椒"), body["reply"]
    return chat


async def test_a_xiang_or_english_yes_at_the_summary_places_the_order(client):
    async def check(said):
        chat = await _at_summary(client, "yes-words")
        placed = await chat.say(said)
        assert placed["intent"] == "confirm", placed["reply"]
        assert placed["order"]["total_fen"] == 6400, placed["reply"]

    await each_case(check, ["要得 就咯样", "要得咯，就咯样下单咯", "唔該，落單", "Yes, place the order.",
                            "Confirm please", "OK, go ahead", "place my order please"])


async def test_a_xiang_or_english_no_at_the_summary_drops_it(client):
    async def check(said):
        chat = await _at_summary(client, "no-words")
        body = await chat.say(said)
        assert body["intent"] == "cancel", body["reply"]
        assert body["order"] is None

    await each_case(check, ["不搞哒，算哒", "不搞哒", "算哒 不买哒", "never mind", "forget it"])


async def test_greetings_and_how_to_in_dialect_english_and_initials(client):
    async def check(said, intent):
        chat = await open_shop(client, SHOP, "greet")
        body = await chat.say(said)
        assert body["intent"] == intent, body["reply"]
        assert body["products"] == []

    await each_case(check, [
        ("唔該，有冇人喺度呀？", "greet"),
        ("Hi there, anyone around?", "greet"),
        ("is anybody here?", "greet"),
        ("nh", "greet"),
        ("唔该晒", "greet"),
        ("这个咋搞咯，我搞不清白", "help"),
        ("这个咋搞", "help"),
    ], spread=True)


async def test_xiang_how_much_is_the_price_asked(client):
    async def check(said):
        chat = await open_shop(client, SHOP, "how-much")
        body = await chat.say(said)
        assert body["intent"] == "ask_price", body["reply"]
        assert "32元" in body["reply"]

    await each_case(check, ["丘北辣椒 好多钱咯", "丘北辣椒好多钱一包", "丘北辣椒500克的 好多钱"])


async def test_an_amount_in_another_measure_than_the_pack_is_one_pack_priced(client):
    chat = await open_shop(client, SHOP, "amount-priced")
    body = await chat.say("泾源黄牛肉 2斤 好多钱咯")
    assert body["intent"] == "ask_price", body["reply"]
    assert "1份（共1kg）共158元" in body["reply"]
    named = await chat.say("泾源黄牛肉 1kg 多少钱")
    assert "共158元" not in named["reply"], named["reply"]


async def test_a_love_card_asked_for_first_is_bought(client):
    async def check(said, fen):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "card-asked")
        body = await chat.say(said)
        assert body["intent"] == "buy_card", body["reply"]
        assert body["slots"]["amount_fen"] == fen, body["reply"]

    await each_case(check, [
        ("俾我一張一千蚊嘅愛心卡", 100000),
        ("给我一张500的爱心卡", 50000),
        ("麻烦给我两张200块的爱心卡", 20000),
    ], spread=True)
    chat = await open_shop(client, DEMO_CATALOG_CSV, "card-given")
    given = await chat.say("朋友给我一张爱心卡怎么用")
    assert given["intent"] == "claim_card", given["reply"]


async def test_english_shop_talk_is_read(client):
    async def check(said, intent):
        chat = await open_shop(client, SHOP, "english-talk")
        body = await chat.say(said)
        assert body["intent"] == intent, body["reply"]
        assert body["order"] is None

    await each_case(check, [
        ("where's my parcel?", "order_status"),
        ("has my package shipped?", "order_status"),
        ("can you book me a hotel in Lhasa?", "fallback"),
        ("call me a taxi please", "fallback"),
    ], spread=True)


async def test_english_goods_words_and_pinyin_places_find_the_goods(client):
    async def check(said, intent, name):
        chat = await open_shop(client, SHOP, "english-goods")
        body = await chat.say(said)
        assert body["intent"] == intent, body["reply"]
        assert name in body["reply"], body["reply"]
        assert "没有找到" not in body["reply"]

    await each_case(check, [
        ("please add 2 bags of the Wubu red dates", "order", "吴堡红枣 1kg ×2袋"),
        ("add a box of Wubu jujubes", "order", "吴堡红枣 2.5kg ×1箱"),
        ("Add two bags of Mizhi millet", "order", "米脂小米 2.5kg ×2袋"),
        ("looking for black highland barley", "search", "囊谦黑青稞"),
        ("do you sell yak jerky?", "search", "理塘牦牛肉干"),
        ("how much is the yak jerky?", "ask_price", "59元"),
    ], spread=True)


async def test_ship_to_an_address_with_a_latin_name_completes_the_order(client):
    chat = await open_shop(client, SHOP, "ship-to", address=False)
    await chat.say("Add two bags of Mizhi millet")
    body = await chat.say("Ship to 陕西省西安市雁塔区XX路9号, Lily Chen, 139 0000 1234")
    assert body["intent"] == "change_address", body["reply"]
    assert "Lily Chen" in body["reply"]
    placed = await chat.say("Confirm please")
    assert placed["order"]["total_fen"] == 8400, placed["reply"]


async def test_a_claim_word_typed_as_initials_before_a_code_is_a_claim(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "initials-claim")
        body = await chat.say(said)
        assert body["intent"] == "claim_card", body["reply"]

    await each_case(check, ["lqk DS1.4G8H6J3K", "lk HJ6.4T8N2X5M"])
