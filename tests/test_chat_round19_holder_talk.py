"""Nineteenth round: what shoppers say about orders they placed, their cards, the draft and the address, as they see it.

1. paying "that order" in other words (那单用爱心卡扣, 单子的钱怎么交, 卡上的钱够付那单吗 不够的用微信) pays it
   (bot/holder_talk.py); a way of paying asked (那单能货到付款吗) or whether it was paid (那单付了吗) pays nothing;
2. an order placed undone with a reason or a count (订单撤了吧 收货人写错了, 重复下单了 撤掉一单) is cancelled
   (which one when several); a draft never placed (不下了不下了, 还没下呢 撤了吧) is dropped and the order placed stays;
3. a card's balance asked in Cantonese (帮我睇下张卡仲剩几多) is the balance (bot/regional_words.py: 仲 is 还);
4. where an order is, asked in regional words (阿拉买额物事到哪了, 俺的东西咋还没到), is its status;
5. a new address said with a mark or in English (new address: …, 📍… 改成这个地址, 地址整错了 改成…) is a change of
   address (bot/address_labels.py, bot/addressing.py), never a search;
6. yes in relaxed forms at the summary (好滴～就它了, 中 就这么着) places the order (bot/lexicon.YES);
7. after 收件人改一下: a name with a phone changes both (bot/turns/asked_parts.py), 算了不改了 keeps the order and its
   address; after 要改哪一行, a bare 1 picks the first line (bot/turns/goods.answer_choice);
8. 转赠卡怎么操作 is how to give a card (bot/other_cards.py: 赠 before 卡 is the love card).

Over the demo catalogue; the shopper's saved address is 张三 13800138000 广东省清远市佛冈县石角镇XX路8号.
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cards import buy_cards
from tests.support.cases import each_case
from tests.support.chat import Chat, my_orders, open_shop, summary_lines

CHICKEN = "清远麻鸡来一只"  # 98 元
GIVE_AWAY = "在「我的爱心卡」里点这张卡的“转赠”"


async def _placed(client, face: int | None = None, orders: int = 1) -> Chat:
    """A shopper with `orders` unpaid orders placed in chat (清远麻鸡, then 镇赉大米), holding a card of `face` fen."""
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round19-holder")
    if face is not None:
        await buy_cards(client, chat.headers, face=face)
    for message in (CHICKEN, "镇赉大米来两袋")[:orders]:
        await chat.say(message)
        placed = await chat.say("确认")
        assert placed["order"] is not None, placed["reply"]
    return chat


async def _statuses(chat: Chat) -> list[str]:
    return [o["status"] for o in await my_orders(chat) if o["kind"] == "goods"]


# --- 1. paying that order ------------------------------------------------------------------------------------------

async def test_that_order_paid_in_other_words_is_paid_with_the_card(client):
    async def check(message):
        chat = await _placed(client, face=20000)
        body = await chat.say(message)
        assert body["intent"] == "pay_order", body["reply"]
        assert "已用爱心卡尾号" in body["reply"]
        assert await _statuses(chat) == ["paid"]

    await each_case(check, ["刚下的那个单子帮我把钱付了", "上午那笔订单付一下", "那单从爱心卡里扣",
                            "我那个订单用礼品卡抵一下", "这一单用卡结一下", "昨天那个单子钱还没交 现在交"])


async def test_that_order_paid_without_a_card_says_how(client):
    chat = await _placed(client)
    body = await chat.say("单子的钱怎么交啊")
    assert body["intent"] == "pay_order", body["reply"]
    assert "您还没有可用的爱心卡" in body["reply"]


async def test_a_card_short_of_that_order_is_said_so(client):
    chat = await _placed(client, face=5000)
    body = await chat.say("卡上的钱够付那单吗 不够的用微信")
    assert body["intent"] == "pay_order", body["reply"]
    assert "不够付" in body["reply"]
    assert await _statuses(chat) == ["pending_payment"]


async def test_a_way_of_paying_or_whether_it_was_paid_asked_pays_nothing(client):
    async def check(message, intent):
        chat = await _placed(client, face=20000)
        body = await chat.say(message)
        assert body["intent"] == intent, body["reply"]
        assert await _statuses(chat) == ["pending_payment"]

    await each_case(check, [("那单能货到付款吗", "ask_info"), ("那单付了吗", "order_status"),
                            ("我那笔订单扣款了没", "order_status")], spread=True)


# --- 2. cancelling an order placed, dropping a draft ----------------------------------------------------------------

async def test_an_order_undone_with_a_reason_is_cancelled(client):
    async def check(message):
        chat = await _placed(client)
        body = await chat.say(message)
        assert body["intent"] == "cancel_order", body["reply"]
        assert "已取消" in body["reply"]
        assert await _statuses(chat) == ["cancelled"]

    await each_case(check, ["订单撤了吧 收货人写错了", "刚才那单不要了 下错了", "单子我要撤销 地址填错了",
                            "还没付款呢 取消吧", "刚拍的那单作废"])


async def test_one_of_two_orders_undone_asks_which(client):
    async def check(message):
        chat = await _placed(client, orders=2)
        body = await chat.say(message)
        assert body["intent"] == "cancel_order", body["reply"]
        assert "要取消哪一笔" in body["reply"]
        assert await _statuses(chat) == ["pending_payment", "pending_payment"]

    await each_case(check, ["重复下单了 撤掉一单", "多下了一单 撤一个"])


async def test_a_draft_never_placed_is_dropped_and_the_order_placed_stays(client):
    async def check(message):
        chat = await _placed(client)
        await chat.say("镇赉大米来两袋")
        body = await chat.say(message)
        assert body["intent"] == "cancel", body["reply"]
        assert "这一单不下了" in body["reply"]
        assert await _statuses(chat) == ["pending_payment"]

    await each_case(check, ["不下了不下了", "还没下呢 撤了吧", "不买了不买了", "还没提交呢 算了"])


# --- 3. and 4. balances and orders asked in regional words ---------------------------------------------------------

async def test_a_balance_asked_in_cantonese_is_the_balance(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round19-balance")
        await buy_cards(client, chat.headers, face=20000)
        body = await chat.say(message)
        assert body["intent"] == "card_balance", body["reply"]
        assert "余额200元" in body["reply"]

    await each_case(check, ["帮我睇下张卡仲剩几多", "我张卡仲有几多钱", "卡里还剩多少米 够买两袋大米不"])


async def test_where_an_order_is_asked_in_regional_words_is_its_status(client):
    async def check(message):
        chat = await _placed(client)
        body = await chat.say(message)
        assert body["intent"] == "order_status", body["reply"]
        assert "清远麻鸡" in body["reply"]

    await each_case(check, ["阿拉买额物事到哪了", "俺的东西咋还没到", "我嘅单去到边", "侬个订单到了伐"])


# --- 5. a new address said with a mark or in English -----------------------------------------------------------------

async def test_a_new_address_marked_or_in_english_changes_the_address(client):
    async def check(message, place):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round19-address")
        await chat.say(CHICKEN)
        body = await chat.say(message)
        assert body["intent"] == "change_address", body["reply"]
        assert f"收货地址已改为：张三 138****8000 {place}" in body["reply"]
        assert summary_lines(body) == "清远麻鸡 整只约1.5kg ×1只，98元"

    await each_case(check, [("new address: 上海市浦东新区张江路100号", "上海市浦东新区张江路100号"),
                            ("📍浙江省杭州市西湖区文三路20号 改成这个地址", "浙江省杭州市西湖区文三路20号"),
                            ("地址整错了 改成浙江省杭州市西湖区文三路20号", "浙江省杭州市西湖区文三路20号"),
                            ("🏠北京市朝阳区建国路88号 就寄这个地址吧", "北京市朝阳区建国路88号"),
                            ("地址弄错了 应该是北京市朝阳区建国路88号", "北京市朝阳区建国路88号")], spread=True)


# --- 6. yes in relaxed forms ---------------------------------------------------------------------------------------

async def test_a_relaxed_yes_at_the_summary_places_the_order(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round19-yes")
        await chat.say(CHICKEN)
        body = await chat.say(message)
        assert body["intent"] == "confirm", body["reply"]
        assert [o["total_fen"] for o in await my_orders(chat)] == [9800]

    await each_case(check, ["好滴～就它了", "嗯 对 就按这个来 下单 啊", "中 就这么着", "就要它了", "行 就它吧"])


# --- 7. after 收件人改一下 and 要改哪一行 ---------------------------------------------------------------------------

async def test_a_name_with_a_phone_changes_receiver_and_phone_only(client):
    async def check(answer, shown):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round19-receiver")
        await chat.say(CHICKEN)
        await chat.say("收件人改一下")
        body = await chat.say(answer)
        assert f"收货地址已改为：{shown} 广东省清远市佛冈县石角镇XX路8号" in body["reply"]
        assert summary_lines(body) == "清远麻鸡 整只约1.5kg ×1只，98元"

    await each_case(check, [("李秀兰 13911112222", "李秀兰 139****2222"), ("13622223333 王建国", "王建国 136****3333")],
                    spread=True)


async def test_not_changing_after_all_keeps_the_order_and_its_address(client):
    async def check(asked, answer):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round19-kept")
        await chat.say(CHICKEN)
        await chat.say(asked)
        body = await chat.say(answer)
        assert "不改了" in body["reply"]
        assert "寄到：张三 138****8000 广东省清远市佛冈县石角镇XX路8号" in body["reply"]
        placed = await chat.say("确认")
        assert placed["order"]["total_fen"] == 9800

    await each_case(check, [("收件人改一下", "算了不改了"), ("电话换一个", "还是用原来的吧"), ("收件人改一下", "算了")],
                    spread=True)


async def test_a_bare_number_picks_the_line_asked_about(client):
    async def check(answer):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round19-line")
        await chat.say("来两盒广生源鸡蛋 30枚的")
        await chat.say("再来一箱广生源鸡蛋60枚礼盒装")
        await chat.say("鸡蛋换成三盒")
        body = await chat.say(answer)
        assert summary_lines(body) == ("广生源鸡蛋 30枚装 ×3盒（共90枚），119.40元\n"
                                       "广生源鸡蛋 60枚礼盒装 ×1箱（共60枚），76元")

    await each_case(check, ["1", "第一个"])


# --- 8. giving a card ------------------------------------------------------------------------------------------------

async def test_how_to_give_a_card_is_the_give_away_answer(client):
    async def check(message):
        body = await (await open_shop(client, DEMO_CATALOG_CSV, "round19-give")).say(message)
        assert body["intent"] == "ask_info", body["reply"]
        assert GIVE_AWAY in body["reply"]

    await each_case(check, ["转赠卡怎么操作", "卡怎么送给别人", "转赠卡在哪弄"])
