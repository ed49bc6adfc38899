"""Seventeenth round (lead): young people typing on a phone, English, pinyin, slang and filler around what they mean.

1. English and pinyin for the everyday intents: a greeting (hi there, hello~, nihao, zaima 在吗) is greeted; how to buy
   (how to order?, how does this work, zenme mai) is helped; a yes at a summary (yes please, dui 就这样, en 确认, okk)
   places the order; 爱心卡 typed in pinyin (aixinka 200的来一张) drafts the card with its face value and count;
2. filler and slang around a change of the count while a summary waits (emmm 改成4袋吧 室友也要, 额 数量改成3,
   啊这 还是要两瓶吧, 改个数量 2): the summary shows the new count, never 没有找到「emmm 室友」;
3. shop slang for looking (蹲一个猕猴桃, 求链接 核桃, 有脐橙的链接吗) lists goods to choose from, never an order of
   one; 拍了 / 已拍 before a shipping question and 查单 / 看看我下过的单 ask after my orders;
4. paying said short (我要付款, 付个款) asks after the order to pay; 刚挑的不要了 我重新选 / 购物车清空 drops the draft;
5. moods and life talk in slang (绝绝子 今天又emo了, 上班好累 摸鱼中, 破防了) get the plain fallback, never a search;
   slang beside goods (救命 蜂蜜好好喝) is left out and the goods are found;
6. hi / hey / bye inside another English word (which, they, maybe) is no greeting.

Over the demo catalogue (金线美大米 5kg 袋, 春中宝蜂蜜 500g 瓶, 广生源鸡蛋 30枚 盒, several 猕猴桃, 核桃 and 脐橙).
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import my_orders, open_shop, summary_lines

RICE_TWO = "金线美大米 5kg ×2袋（共10kg），90元"
NOT_FOUND = "没有找到"


async def test_english_and_pinyin_greetings_and_how_to_buy(client):
    async def check(message: str, intent: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17phone1")
        body = await chat.say(message)
        assert body["intent"] == intent
        assert NOT_FOUND not in body["reply"]

    await each_case(check, [("hi there", "greet"), ("hello~", "greet"), ("Hello guys!", "greet"),
                            ("nihao", "greet"), ("zaima 在吗", "greet"), ("how to order?", "help"),
                            ("how does this work", "help"), ("How do I buy", "help"), ("zenme mai", "help"),
                            ("zenme xiadan", "help")], spread=True)


async def test_a_yes_typed_on_a_phone_places_the_order(client):
    async def check(message: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17phone2")
        await chat.say("来两袋金线美大米")
        body = await chat.say(message)
        assert body["reply"].startswith("下单成功")
        assert [o["total_fen"] for o in await my_orders(chat)] == [9000]

    await each_case(check, ["yes please", "dui 就这样", "en 确认", "okk", "yep", "haode 就这样吧"])


async def test_a_pinyin_yes_before_other_words_is_no_yes(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r17phone3")
    await chat.say("来两袋金线美大米")
    body = await chat.say("hao 多少钱")
    assert not body["reply"].startswith("下单成功")


async def test_the_love_card_typed_in_pinyin(client):
    async def check(message: str, said: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17phone4")
        body = await chat.say(message)
        assert body["intent"] == "buy_card"
        assert said in body["reply"]

    await each_case(check, [("aixinka 200的来一张", "面值200元 ×1张"), ("aixin ka 来两张 100的", "面值100元 ×2张"),
                            ("买一张aixin卡 500", "面值500元 ×1张")], spread=True)


async def test_filler_around_a_change_of_the_count(client):
    async def check(first: str, change: str, line: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17phone5")
        await chat.say(first)
        body = await chat.say(change)
        assert summary_lines(body) == line

    rice, honey, eggs = "来两袋金线美大米", "来一瓶春中宝蜂蜜", "来一盒广生源鸡蛋 30枚装"
    await each_case(check, [
        (rice, "emmm 改成4袋吧 室友也要", "金线美大米 5kg ×4袋（共20kg），180元"),
        (rice, "额 数量改成3", "金线美大米 5kg ×3袋（共15kg），135元"),
        (rice, "数量改为5", "金线美大米 5kg ×5袋（共25kg），225元"),
        (rice, "改个数量 1", "金线美大米 5kg ×1袋（共5kg），45元"),
        (rice, "嗯 改成6袋 同事也要", "金线美大米 5kg ×6袋（共30kg），270元"),
        (rice, "hmm 改成3吧", "金线美大米 5kg ×3袋（共15kg），135元"),
        (honey, "啊这 还是要两瓶吧", "春中宝蜂蜜 500g ×2瓶（共1kg），116元"),
        (eggs, "emmm 数量改一下 3 舍友也要", "广生源鸡蛋 30枚装 ×3盒（共90枚），119.40元"),
    ], spread=True)


async def test_a_phone_changed_at_the_summary_is_no_count(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r17phone6")
    await chat.say("来两袋金线美大米")
    body = await chat.say("收件人电话改成159 1234 5678")
    assert summary_lines(body) == RICE_TWO


async def test_shop_slang_for_looking_lists_goods(client):
    async def check(message: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17phone7")
        body = await chat.say(message)
        assert body["intent"] == "search"
        assert len(body["products"]) >= 2
        assert "请确认订单" not in body["reply"]

    await each_case(check, ["蹲一个猕猴桃", "蹲个便宜的大米", "求链接 核桃", "求个红茶链接", "有脐橙的链接吗"])


async def test_shop_slang_for_my_orders(client):
    async def check(message: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17phone8")
        await chat.say("来两袋金线美大米")
        await chat.say("确认")
        body = await chat.say(message)
        assert body["intent"] == "order_status"
        assert "金线美大米" in body["reply"]

    await each_case(check, ["拍了 什么时候发", "已拍 发货没", "拍下了 啥时候发货", "查单", "查下单", "看看我下过的单"])


async def test_paying_said_short(client):
    async def check(message: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17phone9")
        body = await chat.say(message)
        assert body["intent"] == "pay_order"

    await each_case(check, ["我要付款", "付个款", "付一下钱", "怎么付款", "我想付款"])


async def test_starting_the_choice_again_drops_the_draft(client):
    async def check(message: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17phone10")
        await chat.say("来两袋金线美大米")
        body = await chat.say(message)
        assert body["intent"] == "cancel"
        assert "已经取消" in body["reply"]

    await each_case(check, ["刚挑的不要了 我重新选", "购物车清空", "重新来", "全部清空 重新挑"])


async def test_slang_moods_are_no_search(client):
    async def check(message: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17phone11")
        body = await chat.say(message)
        assert body["intent"] == "fallback"
        assert NOT_FOUND not in body["reply"]

    await each_case(check, ["绝绝子 今天又emo了", "上班好累 摸鱼中", "笑死 我室友又翻车了", "破防了", "家人们谁懂啊",
                            "打工人打工魂", "yyds"])


async def test_slang_beside_goods_still_finds_them(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r17phone12")
    body = await chat.say("上班好累 来两袋金线美大米")
    assert summary_lines(body) == RICE_TWO


async def test_slang_beside_goods_is_left_out(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r17phone13")
    body = await chat.say("救命 蜂蜜好好喝")
    assert NOT_FOUND not in body["reply"]
    assert "春中宝蜂蜜 500g" in [p["name"] for p in body["products"]]


async def test_hi_inside_an_english_word_is_no_greeting(client):
    async def check(message: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17phone14")
        body = await chat.say(message)
        assert body["intent"] != "greet"

    await each_case(check, ["which one is better", "is shipping free", "they said its good"])
