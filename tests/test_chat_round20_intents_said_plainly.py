"""Twentieth round: the intent of everyday lines, as the shopper sees it.

1. how buying here works, asked of the place or the way (怎么在这里下单, 请问在哪里下单, 在你这咋买东西啊) is help
   (bot/plain_intents.py); 怎么买苹果 names goods and stays an order;
2. the draft dropped in other words (把刚才选的都清掉, 先不下了，我再想想, 不下了 我问问家里人) is cancelled
   (bot/lexicon.CANCEL, plain_intents.drops_then_defers); 我再想想 alone cancels nothing;
3. yes said over and over or with 的 (嗯对对对 就这个 就这个, 嗯嗯 没问题的, 对 就要这个) places the order at
   the summary (bot/cues.is_only); 对 再来一瓶 still adds a bottle;
4. a way of paying told (用微信付款, 微信支付, 我用支付宝付) is the order paid there: where to pay it, never a
   search for 「微信支付」 (bot/pay_ways.told); asked (可以用微信支付吗) it stays the ways of paying;
5. two orders placed twice, one undone (下了两单重复了 取消一个) asks which (bot/holder_talk.py), never the draft;
6. a received card asked vaguely (那个卡嗯怎么弄进去啊 就是人家给我的那个卡) is how to claim it (bot/card_holding.py);
7. an address said after filler (嗯那个地址啊 就是我家 福州市…) is the address, its receiver the name said
   (bot/addressing.ADDRESS_FILLER), never a search for 「嗯那个地址」;
8. the wrong goods received (快递送错了，我买的是蜂蜜收到的是大米, 发错货了) is after-sales, not an order's status
   (bot/shop_questions._WRONG_GOODS); 寄错地址了 is not;
9. advice for a use (食堂用的米哪种划算, 学校用的油买哪个好) recommends the kind; a device not sold (推荐个适合老人用的
   按摩仪) is 没有找到「按摩仪」, never an errand refused nor an offer (bot/honesty.service_spans).

Over the demo catalogue; the shopper's saved address is 张三 13800138000 广东省清远市佛冈县石角镇XX路8号.
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cards import buy_cards
from tests.support.cases import each_case
from tests.support.chat import Chat, my_orders, open_shop, say_once, summary_lines

CHICKEN = "清远麻鸡来一只"  # 98 元
HONEY = "春中宝蜂蜜来两瓶"  # 116 元


async def _placed(client, face: int | None = None, orders: int = 1) -> Chat:
    """A shopper with `orders` unpaid orders placed in chat (清远麻鸡, then 春中宝蜂蜜), holding a card of `face`
    fen."""
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round20-plain")
    if face is not None:
        await buy_cards(client, chat.headers, face=face)
    for message in (CHICKEN, HONEY)[:orders]:
        await chat.say(message)
        placed = await chat.say("确认")
        assert placed["order"] is not None, placed["reply"]
    return chat


async def _statuses(chat: Chat) -> list[str]:
    return [o["status"] for o in await my_orders(chat) if o["kind"] == "goods"]


# --- 1. how buying here works --------------------------------------------------------------------------------------

async def test_how_to_buy_here_is_help(client):
    async def check(message):
        body = await say_once(client, message, name="round20-help")
        assert body["intent"] == "help", body["reply"]
        assert body["products"] == []

    await each_case(check, ["怎么在这里下单", "请问在哪里下单", "在你这咋买东西啊", "手机上怎么下单", "从哪里买啊",
                            "在这上面咋买东西", "怎么在小程序上买东西"])


async def test_how_to_buy_a_product_still_names_it(client):
    body = await say_once(client, "怎么买苹果", name="round20-help-apple")
    assert body["intent"] == "order", body["reply"]
    assert "昭通丑苹果" in body["reply"]


# --- 2. the draft dropped --------------------------------------------------------------------------------------------

async def test_the_draft_dropped_in_other_words_is_cancelled(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round20-drop")
        await chat.say(HONEY)
        body = await chat.say(message)
        assert body["intent"] == "cancel", body["reply"]
        assert "这一单不下了" in body["reply"]
        assert await my_orders(chat) == []

    await each_case(check, ["把刚才选的都清掉", "先不下了，我再想想", "不下了 我问问家里人", "先不买了 回头再说",
                            "算了不买了", "全删了"])


async def test_a_thought_alone_keeps_the_draft(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round20-think")
    await chat.say(HONEY)
    body = await chat.say("我再想想")
    assert body["intent"] == "fallback", body["reply"]
    placed = await chat.say("确认")
    assert placed["order"] is not None, placed["reply"]


# --- 3. yes said over and over ---------------------------------------------------------------------------------------

async def test_a_yes_said_over_and_over_places_the_order(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round20-yes")
        await chat.say(HONEY)
        body = await chat.say(message)
        assert body["intent"] == "confirm", body["reply"]
        assert [o["total_fen"] for o in await my_orders(chat)] == [11600]

    await each_case(check, ["嗯对对对 就这个 就这个", "嗯嗯 没问题的", "对 就要这个", "对，就这些，帮我下单吧",
                            "好好好 就这样", "可以可以 就这些"])


async def test_a_yes_with_more_asked_adds_it(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round20-yes-more")
    await chat.say(HONEY)
    body = await chat.say("对 再来一瓶")
    assert summary_lines(body) == "春中宝蜂蜜 500g ×3瓶（共1.5kg），174元"


# --- 4. a way of paying told -----------------------------------------------------------------------------------------

async def test_a_way_of_paying_told_says_where_to_pay_that_order(client):
    async def check(message):
        chat = await _placed(client)
        body = await chat.say(message)
        assert body["intent"] == "pay_order", body["reply"]
        assert "微信支付请在「我的订单」里付" in body["reply"]
        assert await _statuses(chat) == ["pending_payment"]

    await each_case(check, ["用微信付款", "微信支付", "微信付吧", "我用支付宝付"])


async def test_paying_that_order_with_the_gift_card_pays_it(client):
    chat = await _placed(client, face=20000)
    body = await chat.say("那单用礼品卡抵扣一下")
    assert body["intent"] == "pay_order", body["reply"]
    assert await _statuses(chat) == ["paid"]


async def test_a_way_of_paying_asked_pays_nothing(client):
    chat = await _placed(client)
    body = await chat.say("可以用微信支付吗")
    assert body["intent"] == "ask_info", body["reply"]
    assert await _statuses(chat) == ["pending_payment"]


# --- 5. one of two orders placed twice -------------------------------------------------------------------------------

async def test_two_orders_placed_twice_one_undone_asks_which(client):
    chat = await _placed(client, orders=2)
    body = await chat.say("下了两单重复了 取消一个")
    assert body["intent"] == "cancel_order", body["reply"]
    assert "要取消哪一笔" in body["reply"]
    assert await _statuses(chat) == ["pending_payment", "pending_payment"]


# --- 6. a received card asked vaguely --------------------------------------------------------------------------------

async def test_a_card_someone_gave_asked_vaguely_is_how_to_claim_it(client):
    async def check(message):
        body = await say_once(client, message, name="round20-claim")
        assert body["intent"] == "claim_card", body["reply"]
        assert "领取爱心卡" in body["reply"]

    await each_case(check, ["那个卡嗯怎么弄进去啊 就是人家给我的那个卡", "朋友送我的卡咋绑", "别人给的卡怎么用"])


# --- 7. an address said after filler ---------------------------------------------------------------------------------

async def test_an_address_after_filler_is_the_address(client):
    async def check(message, saved):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round20-address", address=False)
        await chat.say(HONEY)
        body = await chat.say(message)
        assert body["intent"] == "change_address", body["reply"]
        assert body["reply"].startswith(f"收货地址已保存：{saved}")

    await each_case(check, [
        ("嗯那个地址啊 就是我家 福州市鼓楼区五一北路10号 王芳 13912345678",
         "王芳 139****5678 福建省福州市鼓楼区五一北路10号"),
        ("地址啊 就是 福州市鼓楼区五一北路10号 王芳 13912345678", "王芳 139****5678 福建省福州市鼓楼区五一北路10号"),
        ("嗯 就是 广州市天河区体育西路5号 周杰 13622223333", "周杰 136****3333 广东省广州市天河区体育西路5号")],
        spread=True)


async def test_an_address_after_filler_at_the_summary_changes_it(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round20-address-change")
    await chat.say(HONEY)
    body = await chat.say("嗯那个地址啊 就是我家 福州市鼓楼区五一北路10号 王芳 13912345678")
    assert body["intent"] == "change_address", body["reply"]
    assert "收货地址已改为：王芳 139****5678 福建省福州市鼓楼区五一北路10号" in body["reply"]
    assert summary_lines(body) == "春中宝蜂蜜 500g ×2瓶（共1kg），116元"


# --- 8. the wrong goods received -------------------------------------------------------------------------------------

async def test_the_wrong_goods_received_is_after_sales(client):
    async def check(message):
        body = await say_once(client, message, name="round20-wrong")
        assert body["intent"] == "ask_info", body["reply"]
        assert "发错货" in body["reply"]

    await each_case(check, ["快递送错了，我买的是蜂蜜收到的是大米", "发错货了", "我买的是红茶 你们发的是绿茶",
                            "收到的东西不对 不是我买的"])


async def test_a_wrong_address_is_no_wrong_goods(client):
    body = await say_once(client, "寄错地址了", name="round20-wrong-address")
    assert "发错货" not in body["reply"]


# --- 9. advice for a use; a device not sold --------------------------------------------------------------------------

async def test_advice_for_a_use_recommends_the_kind(client):
    async def check(message, kind):
        body = await say_once(client, message, name="round20-use")
        assert body["intent"] == "recommend", body["reply"]
        assert body["products"], body["reply"]
        assert all(kind in p["name"] for p in body["products"]), body["reply"]

    await each_case(check, [("学校用的油买哪个好", "油"), ("饭店用的辣椒哪个划算", "椒"),
                            ("食堂用的米哪种划算", "米")], spread=True)


async def test_a_device_not_sold_is_not_found(client):
    async def check(message):
        body = await say_once(client, message, name="round20-device")
        assert body["intent"] == "recommend", body["reply"]
        assert "没有找到「按摩仪」" in body["reply"]
        assert body["products"] == []

    await each_case(check, ["推荐个适合老人用的按摩仪", "推荐个按摩仪"])
