"""Twenty-seventh round (talk): kinds found in the blind pair 27 (shoppers27) and their neighbours.

1. An order undone and the undoing said again after it (单子不要了 还没付钱的那个 撤了 / 订单不要了，没付款那个撤掉吧)
   cancels the unpaid order placed: it was read as a replacement and became an ORDER of 「还没付钱、撤」.
2. Whether an order, once placed, can still be undone, asked as the rule (下了单还能取消吗, 下单以后可以撤销吗,
   付了款还能退单不) is answered with the rule and drops nothing (it was a CANCEL of the draft); 昨天下的单能取消吗
   still cancels that order.
3. Letters and digits typed in full width (ＡＸ２.５ＨＫ９Ｐ３Ｍ７, １３９…, ２００元) are read as ASCII; a card's
   code said before the claim word (ＡＸ２.５ＨＫ９Ｐ３Ｍ７ 领取) claims (it was 没有找到「ax2 领取」).
4. The love card named and then only a paying verb (爱心卡抵扣, 爱心卡付吧) pays (it was the card's balance).
5. 用了多少了 is a question of how much (上次领的卡用了多少了，还剩多少: the balance), never goods arrived short (the
   after-sales answer was given).
6. Greetings of other tongues typed in Chinese characters (扎西德勒, 萨瓦迪卡, 亚克西) and a self-introduction with the
   post after the unit (你好，我是县医院食堂的采购) greet (they were 没有找到「扎西德勒」 and 哈哈，谢谢夸奖).
7. A shop word's initials typed with whole syllables of a verb, the whole message (zmyong = 怎么用, zm mai = 怎么买,
   ye cha xun = 余额查询, ye hai sheng duo shao): read as the words (they were 没有找到「夜叉 xun」); wo ye yao is no
   balance."""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import my_orders, open_shop, say_once

# --- 1. an order undone, said twice ------------------------------------------------------------------------------

async def test_an_order_undone_and_said_again_cancels_the_unpaid_order(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round27-undo")
        await chat.say("静宁苹果来一箱")
        placed = await chat.say("确认")
        assert placed["order"] is not None
        body = await chat.say(said)
        assert body["intent"] == "cancel_order"
        assert "已取消" in body["reply"]
        assert [o["status"] for o in await my_orders(chat)] == ["cancelled"]

    await each_case(check, ["单子不要了 还没付钱的那个 撤了", "订单不要了，没付款那个撤掉吧"])


# --- 2. whether cancelling is possible, asked as the rule ---------------------------------------------------------

async def test_whether_an_order_can_be_cancelled_is_the_rule_and_keeps_the_draft(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round27-rule")
        drafted = await chat.say("静宁苹果来一箱")
        body = await chat.say(said)
        assert body["intent"] == "ask_info"
        assert "还没付款的订单" in body["reply"]
        again = await chat.say("确认")
        assert again["order"] is not None, drafted["reply"]

    await each_case(check, ["下了单还能取消吗", "下单以后可以撤销吗", "付了款还能退单不"])


async def test_an_order_pointed_at_is_still_cancelled(client):
    body = await say_once(client, "昨天下的单能取消吗", name="round27-pointed")
    assert body["intent"] == "cancel_order"


# --- 3. full width -----------------------------------------------------------------------------------------------

async def test_a_full_width_code_before_the_claim_word_claims(client):
    async def check(said):
        body = await say_once(client, said, name="round27-wide-code")
        assert body["intent"] == "claim_card"

    await each_case(check, ["ＡＸ２.５ＨＫ９Ｐ３Ｍ７ 领取", "K9X2-77QP-3M5T 兑换",
                            "ＡＸ１.ＨＫ９Ｐ３Ｍ７２Ｑ 帮我领取"])


async def test_full_width_amounts_and_phones_are_read(client):
    body = await say_once(client, "买一张２００元的爱心卡", name="round27-wide-amount")
    assert body["slots"]["amount_fen"] == 20000
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round27-wide-phone", address=False)
    await chat.say("静宁苹果来一箱")
    body = await chat.say("收货人王五 电话１３９１２３４５６７８ 西藏拉萨市城关区北京中路１２号")
    assert "139****5678" in body["reply"]


# --- 4. and 5. the love card paying, and how much is used ---------------------------------------------------------

async def test_the_card_named_with_a_paying_verb_pays(client):
    async def check(said):
        body = await say_once(client, said, name="round27-card-pays")
        assert body["intent"] == "pay_order"

    await each_case(check, ["爱心卡抵扣", "爱心卡付吧", "爱心卡直接扣款"])


async def test_how_much_was_used_is_the_balance_not_goods_short(client):
    async def check(said):
        body = await say_once(client, said, name="round27-used")
        assert body["intent"] == "card_balance"
        assert "破损" not in body["reply"]

    await each_case(check, ["上次领的卡用了多少了，还剩多少", "卡里用了多少了"])


# --- 6. greetings --------------------------------------------------------------------------------------------------

async def test_greetings_of_other_tongues_and_introductions_greet(client):
    async def check(said):
        body = await say_once(client, said, name="round27-greet")
        assert body["intent"] == "greet"
        assert "没有找到" not in body["reply"]

    await each_case(check, ["扎西德勒！", "萨瓦迪卡", "亚克西", "你好，我是县医院食堂的采购", "我是镇中学的司机"])


async def test_a_greeting_before_a_request_leaves_the_request(client):
    body = await say_once(client, "扎西德勒 有苹果吗", name="round27-greet-ask")
    assert body["intent"] == "search"


# --- 7. initials with syllables ------------------------------------------------------------------------------------

async def test_initials_typed_with_whole_syllables_are_read_as_words(client):
    async def check(said, intent):
        body = await say_once(client, said, name="round27-pinyin")
        assert body["intent"] == intent

    await each_case(check, [("zmyong", "help"), ("zm mai", "help"), ("ye cha xun", "card_balance"),
                            ("ye hai sheng duo shao", "card_balance")], spread=True)


async def test_a_syllable_like_initials_among_pronouns_is_no_balance(client):
    body = await say_once(client, "wo ye yao", name="round27-pinyin-not")
    assert body["intent"] != "card_balance"
