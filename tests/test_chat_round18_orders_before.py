"""Eighteenth round: what shoppers say about orders and goods they already have, and about paying.

1. after-sales told as a story (上次买的苹果有点烂 能退吗, 之前在你家买的腊肉味道不对 想退): the after-sales answer with
   the product named as the card (the one of the customer's own order when there is one), never an order or a draft;
2. a past purchase ordered again by name (上次买的苹果 再来两箱, 跟上回一样的蜂蜜来一瓶): the very product of the
   customer's order with the new count; with none, the family asked about, as before;
3. what is in the draft (购物车里有啥, 我刚才选了哪些, 我点了啥): the summary or what is noted, never a search; with no
   draft, nothing is being ordered (and 我的订单 shows the orders placed);
4. ways of paying asked (可以用微信支付吗, 能刷信用卡吗, 可以分期吗): the two ways there are, never a search or a
   product;
5. local specialties (有什么特产, 来点家乡特产: recommended; 贵州有什么特产, 来点云南特产: that province's goods);
6. giving a love card (我想把卡转给我妹, 怎么把爱心卡送人): how 转赠 works, never a search or a card bought.

Over the demo catalogue (昭通丑苹果 10斤 / 5斤装 and other apples, several honeys and kinds of 腊肉).
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.chat import my_orders, open_shop, summary_lines

AFTER_SALES = "拍照"


async def _bought(client, name: str, *messages: str):
    chat = await open_shop(client, DEMO_CATALOG_CSV, name)
    for message in messages:
        await chat.say(message)
    await chat.say("确认")
    assert len(await my_orders(chat)) == 1
    return chat


async def test_after_sales_stories_are_answered_without_a_draft(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18-story")
    for message in ("上次买的苹果有点烂 能退吗", "前天收到的蜂蜜漏了 怎么赔", "之前在你家买的腊肉味道不对 想退",
                    "上周买的茶叶有股霉味 能换吗", "昨天到的猕猴桃好多都软了"):
        body = await chat.say(message)
        assert body["intent"] == "ask_info", message
        assert AFTER_SALES in body["reply"], message
        assert len(body["products"]) == 1, message
        assert body["slots"]["sku"] is None, message
        assert "刚才的订单还没完成" not in body["reply"], message


async def test_after_sales_shows_the_product_of_the_customers_order(client):
    chat = await _bought(client, "r18-story-own", "买一箱昭通丑苹果 5斤装")
    body = await chat.say("上次买的苹果有点烂 能退吗")
    assert [p["sku"] for p in body["products"]] == ["YN-ZY-0002"]


async def test_a_question_of_taste_is_no_after_sales(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18-taste")
    body = await chat.say("苹果有点酸吗")
    assert AFTER_SALES not in body["reply"]


async def test_a_past_purchase_named_again_is_that_product(client):
    chat = await _bought(client, "r18-again", "买一箱昭通丑苹果 5斤装")
    body = await chat.say("上次买的苹果 再来两箱")
    assert summary_lines(body) == "昭通丑苹果 5斤装 ×2箱（共10斤），65.80元"


async def test_the_same_honey_as_last_time(client):
    chat = await _bought(client, "r18-honey", "买两瓶春中宝蜂蜜")
    body = await chat.say("跟上回一样的蜂蜜来一瓶")
    assert summary_lines(body) == "春中宝蜂蜜 500g ×1瓶（共500g），58元"


async def test_a_past_purchase_of_another_product_leaves_the_family(client):
    chat = await _bought(client, "r18-other", "买两瓶春中宝蜂蜜")
    body = await chat.say("还要上次那种大米 两袋")
    assert len(body["products"]) > 1


async def test_with_no_order_the_family_is_asked_about(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18-none")
    body = await chat.say("上次买的苹果 再来两箱")
    assert len(body["products"]) > 1


async def test_the_draft_asked_is_its_summary(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18-draft")
    await chat.say("买两袋金线美大米")
    for message in ("购物车里有啥", "我刚才选了哪些", "现在订单里有什么", "我点了啥"):
        body = await chat.say(message)
        assert summary_lines(body) == "金线美大米 5kg ×2袋（共10kg），90元", message


async def test_a_draft_still_asked_says_what_is_noted(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18-noted")
    await chat.say("来两瓶春中宝蜂蜜")
    await chat.say("要一箱苹果")
    body = await chat.say("篮子里都有什么")
    assert "春中宝蜂蜜 500g ×2瓶" in body["reply"]
    assert "还没选是哪一款" in body["reply"]


async def test_no_draft_asked_says_nothing_is_ordered(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18-empty")
    body = await chat.say("购物车里有啥")
    assert "还没有在下的单" in body["reply"]
    assert "我的订单" in body["reply"]
    assert body["products"] == []


async def test_ways_of_paying_are_answered(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18-pay")
    for message in ("可以用微信支付吗", "能用支付宝吗", "支持货到付款吗", "能刷信用卡吗", "可以分期吗", "花呗能用吗"):
        body = await chat.say(message)
        assert body["intent"] == "ask_info", message
        assert body["products"] == [], message
        assert "微信支付" in body["reply"], message
    assert (await chat.say("可以用微信支付吗"))["reply"].startswith("可以用微信支付")
    assert (await chat.say("能刷信用卡吗"))["reply"].startswith("不支持信用卡")


async def test_a_credit_card_asked_for_is_not_a_way_of_paying(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18-credit")
    body = await chat.say("信用卡怎么办理")
    assert "付款方式" not in body["reply"]


async def test_specialties_are_recommended_or_searched_by_place(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18-local")
    for message in ("有什么特产", "来点家乡特产", "老家的特产有吗"):
        body = await chat.say(message)
        assert body["intent"] == "recommend", message
        assert body["products"], message
    for message, prefix in (("贵州有什么特产", "GZ-"), ("来点云南特产", "YN-")):
        body = await chat.say(message)
        assert body["intent"] == "search", message
        assert body["products"], message
        assert all(p["sku"].startswith(prefix) for p in body["products"]), message


async def test_giving_a_card_is_answered(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18-give")
    for message in ("我想把卡转给我妹", "这张卡能送人吗", "卡怎么转赠", "爱心卡可以转给别人用吗", "怎么把爱心卡送人"):
        body = await chat.say(message)
        assert body["intent"] == "ask_info", message
        assert "转赠" in body["reply"], message
        assert body["slots"]["amount_fen"] is None, message


async def test_what_was_bought_before_is_the_orders_placed(client):
    chat = await _bought(client, "r18-what", "买两瓶春中宝蜂蜜")
    body = await chat.say("我上次买了什么")
    assert body["intent"] == "order_status"
    assert "春中宝蜂蜜" in body["reply"]
