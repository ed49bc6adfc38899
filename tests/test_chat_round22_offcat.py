"""Twenty-second round: off-catalogue messages (services, finance, takeaway), as the shopper sees them (demo
catalogue).

1. 功能 glued before the thing it describes (红牛功能饮料, 功能饮料有吗) is the kind of the goods, no help asked:
   the drink is not found (没有找到「红牛功能饮料」), the shop's juices only shown under it as others, never as a match.
2. 本 after a character that is no number (儿童绘本推荐, 课本有吗) is the book itself, not a measure word:
   没有找到「儿童绘本」, never three unrelated products recommended.
3. Money matters and services asked of the assistant (余额宝转出, 微信零钱提现, 车险续保, 借我两千, 美元汇率多少,
   在线问诊, 照片冲印, 京东E卡回收, 我家水管漏了 找个师傅, 今晚吃啥 帮我点) are `fallback` with the short honest answer,
   never a love-card balance, a search or help; 爱心卡余额 and 有没有车险 keep their reading.
4. Takeaway food named (麻辣烫外卖, 有没有螺蛳粉外卖, 黄焖鸡米饭 外卖, 土豆丝外卖来一份, 附近有烧烤能送吗) is a thing
   asked for, answered 没有找到「…外卖」 (an order when counted), nothing offered or drafted; the errand itself
   (帮我点个外卖 麦当劳) stays `fallback`.
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop

# --- 1. 功能 as the kind of goods -----------------------------------------------------------------------------------

async def test_a_kind_said_with_the_help_word_is_not_found_and_not_matched(client):
    async def check(message, thing):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round22-kind")
        body = await chat.say(message)
        assert body["intent"] in ("search", "order"), body["reply"]
        assert f"没有找到「{thing}」" in body["reply"]
        assert body["slots"]["sku"] is None

    await each_case(check, [("红牛功能饮料", "红牛功能饮料"), ("功能饮料有吗", "功能饮料"),
                            ("来两瓶功能饮料", "功能饮料")], spread=True)


async def test_the_help_word_alone_still_asks_for_help(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round22-help")
    assert (await chat.say("你有哪些功能"))["intent"] == "help"


# --- 2. books ------------------------------------------------------------------------------------------------------

async def test_a_book_is_not_found_and_nothing_is_recommended(client):
    async def check(message, thing):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round22-book")
        body = await chat.say(message)
        assert f"没有找到「{thing}」" in body["reply"]
        assert body["products"] == []

    await each_case(check, [("儿童绘本推荐", "儿童绘本"), ("绘本推荐", "绘本"), ("课本有吗", "课本")], spread=True)


# --- 3. money matters and services --------------------------------------------------------------------------------

async def test_money_matters_and_services_get_the_short_honest_answer(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round22-service")
        body = await chat.say(message)
        assert body["intent"] == "fallback", body["reply"]
        assert "办不了" in body["reply"]
        assert body["products"] == []
        assert body["slots"]["amount_fen"] is None

    await each_case(check, ["余额宝转出", "微信零钱提现", "车险续保", "重疾险怎么买", "借我两千", "能借我500吗",
                            "英镑汇率", "比特币行情", "在线问诊", "照片冲印", "京东E卡回收", "我家水管漏了 找个师傅",
                            "家里马桶堵了 叫个师傅", "手机屏幕碎了 能修吗", "今晚吃啥 帮我点"])


async def test_the_love_card_balance_and_a_question_whether_sold_keep_their_reading(client):
    async def check(message, intent):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round22-kept")
        body = await chat.say(message)
        assert body["intent"] == intent, body["reply"]

    await each_case(check, [("爱心卡余额", "card_balance"), ("我的余额", "card_balance"),
                            ("有没有车险", "search")], spread=True)


# --- 4. takeaway ---------------------------------------------------------------------------------------------------

async def test_takeaway_food_is_a_thing_not_found(client):
    async def check(message, intent, thing):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round22-takeaway")
        body = await chat.say(message)
        assert body["intent"] == intent, body["reply"]
        assert f"没有找到「{thing}」" in body["reply"]
        assert body["products"] == []
        assert body["slots"]["sku"] is None

    await each_case(check, [("麻辣烫外卖", "search", "麻辣烫外卖"), ("有没有螺蛳粉外卖", "search", "螺蛳粉外卖"),
                            ("黄焖鸡米饭 外卖", "search", "黄焖鸡米饭外卖"), ("寿司外卖", "search", "寿司外卖"),
                            ("土豆丝外卖来一份", "order", "土豆丝外卖"), ("来一碗小米粥，外卖", "order", "小米粥外卖")],
                    spread=True)


async def test_takeaway_ordered_for_the_shopper_stays_an_errand(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round22-errand")
    body = await chat.say("帮我点个外卖 麦当劳")
    assert body["intent"] == "fallback"
    assert "办不了" in body["reply"]
