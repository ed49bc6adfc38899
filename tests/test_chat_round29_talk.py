"""Twenty-ninth round: talk — Hakka, Cantonese and Shaanxi words, pinyin, English, and short talk (blind pair 29).

1. Hakka (bot/minnan_words.py): 𠊎 is 我, 唔爱 is 不要, 爱 after 𠊎 is 要. 𠊎来看下，你好啊 was a search, 𠊎唔爱了，
   全部唔爱 was 没太明白, 𠊎爱买两包南雄银杏 was 没有找到「爱买两包南雄银杏」; they greet, drop the draft, order.
2. Cantonese (bot/regional_words.py): 就咁样 is 就这样 (it was read 就这样样, a search), 边度 is 哪里 and 系边度 是哪里
   (嗰个蜜柚系边度产嘅 was a search of 「蜜柚系」), 啱啱 is 刚刚 and 落嘅单 下的单 (我啱啱落嘅单取消咗佢 dropped the
   draft instead of cancelling the order placed).
3. Shaanxi 额 after 给 / 帮 before a verb is 我 (给额来两袋5公斤的 was 没有找到「额」).
4. Pinyin (bot/pinyin_words.py, bot/pinyin_mixed.py): ni neng bang wo zuo shen me is help, ka li hai you duo shao qian
   the balance (it asked a price), zai lai yi xiang adds a box to the line, 有mei有 tu dou searches 土豆 (all were
   没太明白 or a count of one).
5. English (bot/english_questions.py): which one is best seller? is advice, is X certified poverty-relief? asks X's
   certificate, certification beside Chinese is 认证, make it 3 changes the count, 100 yuan is 100元 (love card 100 yuan
   x 4 bought one card).
6. Certification asked of a kind the shop sells several of (你们的茶叶有认证吗, Hi, 你们的 tea 有 certification 吗?;
   bot/certified_kinds.py) lists each one's certificate; it answered with the first tea's as if the kind were it.
7. Short talk: ok 确人👌 is a yes (确认 mistyped); 快递到哪儿了嘛，等了好几天了 is the order's status (it was how long
   shipping takes); 现在什么水果当季 is advice (a search of 「水果当」); 阿巴阿巴 qwerty is babble, fallback
   (bot/babble.py); 改地址 / 改收货地址 and a request said twice (改地址，改地址，送到我女儿家) change the address.
"""
from __future__ import annotations

from pathlib import Path

from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

TALK = Path(__file__).parent / "data" / "chat_round29_talk_catalog.csv"  # ginkgo, millet, teas, plums, pomelo …


async def test_hakka_words_are_read_as_mandarin(client):
    async def check(said, intent):
        chat = await open_shop(client, TALK, "round29-hakka")
        body = await chat.say(said)
        assert body["intent"] == intent

    await each_case(check, [("𠊎来看下，你好啊", "greet"), ("𠊎唔爱了，全部唔爱", "cancel")], spread=True)


async def test_a_hakka_order_is_drafted_added_to_and_placed(client):
    chat = await open_shop(client, TALK, "round29-hakka-order")
    body = await chat.say("𠊎爱买两包南雄银杏")
    assert summary_lines(body) == "南雄银杏果 500g ×2袋（共1kg），72元"
    body = await chat.say("再加一包")
    assert summary_lines(body) == "南雄银杏果 500g ×3袋（共1.5kg），108元"
    body = await chat.say("好，就咁样")
    assert "下单成功" in body["reply"]


async def test_cantonese_questions_and_an_order_undone(client):
    async def check(said, intent, words):
        chat = await open_shop(client, TALK, "round29-cantonese")
        body = await chat.say(said)
        assert body["intent"] == intent
        assert words in body["reply"]

    await each_case(check, [
        ("嗰个蜜柚系边度产嘅？", "ask_info", "大埔县"),
        ("我啱啱落嘅单取消咗佢", "cancel_order", "待付款订单"),
    ], spread=True)


async def test_shaanxi_e_after_gei_is_me(client):
    chat = await open_shop(client, TALK, "round29-shaanxi")
    await chat.say("米脂小米咋卖咧")
    body = await chat.say("给额来两袋5公斤的")
    assert summary_lines(body) == "米脂小米 5kg ×2袋（共10kg），158元"


async def test_pinyin_help_balance_and_a_search(client):
    async def check(said, intent, words):
        chat = await open_shop(client, TALK, "round29-pinyin")
        body = await chat.say(said)
        assert body["intent"] == intent
        assert words in body["reply"]

    await each_case(check, [
        ("ni neng bang wo zuo shen me", "help", ""),
        ("ka li hai you duo shao qian", "card_balance", "爱心卡"),
        ("有mei有 tu dou", "search", "定西马铃薯"),
    ], spread=True)


async def test_pinyin_one_more_box_adds_to_the_line(client):
    chat = await open_shop(client, TALK, "round29-pinyin-more")
    await chat.say("来２箱巫山翠李５斤的🍑")
    body = await chat.say("zai lai yi xiang")
    assert summary_lines(body) == "巫山脆李 5斤 ×3箱（共15斤），149.70元"
    body = await chat.say("ok 确人👌")
    assert "下单成功" in body["reply"]


async def test_english_questions(client):
    async def check(said, intent, words):
        chat = await open_shop(client, TALK, "round29-english")
        body = await chat.say(said)
        assert body["intent"] == intent
        assert words in body["reply"]

    await each_case(check, [
        ("love card 100 yuan x 4 please", "buy_card", "面值100元 ×4张"),
        ("is 秀山金银花 certified poverty-relief?", "ask_info", "秀山金银花 50g是认定扶贫产品"),
        ("Which one is best seller?", "recommend", "推荐"),
    ], spread=True)


async def test_make_it_three_changes_the_count(client):
    chat = await open_shop(client, TALK, "round29-make-it")
    await chat.say("OK add 2 cans 六安瓜片 125g")
    body = await chat.say("make it 3")
    assert summary_lines(body) == "六安瓜片 125g ×3罐（共375g），414元"


async def test_certification_of_a_kind_lists_each_product(client):
    async def check(said):
        chat = await open_shop(client, TALK, "round29-certified")
        body = await chat.say(said)
        assert body["intent"] == "ask_info"
        assert "六安瓜片" in body["reply"]
        assert "霍山黄芽" in body["reply"]
        assert body["slots"]["sku"] is None

    await each_case(check, ["你们的茶叶有认证吗", "Hi, 你们的 tea 有 certification 吗?"])


async def test_certification_of_one_product_keeps_its_certificate(client):
    chat = await open_shop(client, TALK, "round29-certified-one")
    body = await chat.say("霍山黄芽有认证吗")
    assert "是的，霍山黄芽 125g是认定扶贫产品" in body["reply"]


async def test_short_talk(client):
    async def check(said, intent):
        chat = await open_shop(client, TALK, "round29-short")
        body = await chat.say(said)
        assert body["intent"] == intent
        assert "没有找到" not in body["reply"]

    await each_case(check, [
        ("快递到哪儿了嘛，等了好几天了", "order_status"),
        ("现在什么水果当季", "recommend"),
        ("有什么时令水果", "recommend"),
        ("阿巴阿巴 qwerty", "fallback"),
        ("改地址，改地址，送到我女儿家", "change_address"),
        ("我要改地址", "change_address"),
        ("寄到上海要几天", "ask_info"),
    ], spread=True)


async def test_a_product_said_twice_is_still_searched(client):
    chat = await open_shop(client, TALK, "round29-twice")
    body = await chat.say("苹果苹果")
    assert body["intent"] == "search"
    assert "白水苹果" in body["reply"]
