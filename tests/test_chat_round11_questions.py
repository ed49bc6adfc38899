"""Eleventh round of kinds from a held-out set (C22): questions a shop assistant answers and card actions, each as a
rule, tried with sentences of our own over the demo catalogue (both engines). See docs/chat.md, "Eleventh round"."""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cards import buy_cards
from tests.support.cases import each_case
from tests.support.chat import my_orders, open_shop, say_once

# --- 1. how the love card works, with 买/送/转 in the question -------------------------------------------------------


async def test_a_question_about_the_card_is_answered_from_its_rules(client):
    async def check(message):
        body = await say_once(client, message)
        assert body["intent"] == "ask_info", (message, body["reply"])
        assert "认定扶贫产品" in body["reply"], body["reply"]
        assert body["slots"]["amount_fen"] is None  # no card purchase started
        assert body["slots"]["sku"] is None  # nor a product put in a draft

    await each_case(check, ["爱心卡是不是啥都能买", "这卡只能买扶贫产品吗 苹果能买不",
                                     "爱心卡可以转给我妹用吗 她在广州", "卡能送人吗 送朋友", "这张卡买茶叶行不行",
                                     "爱心卡是不是只能在专柜用"])


async def test_giving_the_card_names_the_giving_button(client):
    body = await say_once(client, "卡能送人吗 送朋友")
    assert "转赠" in body["reply"], body["reply"]


async def test_buying_cards_to_give_stays_a_purchase(client):
    async def check(message, amount, count):
        body = await say_once(client, message)
        assert body["intent"] == "buy_card", (message, body["reply"])
        assert body["slots"]["amount_fen"] == amount
        assert body["slots"]["qty"] == count

    await each_case(check, [("买两张爱心卡送朋友", None, 2),
                                                    ("送人用的爱心卡 来三张200的", 20000, 3),
                                                    ("送人用的爱心卡 来仨100的", 10000, 3),
                                                    ("爱心卡要俩500的", 50000, 2)], spread=True)


# --- 2. paying with a card ----------------------------------------------------------------------------------------

async def _unpaid_order(client, face: int):
    """A consumer holding one card of `face` fen, with one unpaid order of 清远麻鸡 (98 元) placed in chat."""
    chat = await open_shop(client, DEMO_CATALOG_CSV, "payer")
    await buy_cards(client, chat.headers, face=face)
    await chat.say("清远麻鸡来一只")
    placed = await chat.say("确认")
    assert placed["order"] is not None, placed["reply"]
    return chat


async def test_paying_with_the_card_pays_the_order(client):
    async def check(message):
        chat = await _unpaid_order(client, 20000)
        body = await chat.say(message)
        assert body["intent"] == "pay_order", (message, body["reply"])
        assert "已用爱心卡尾号" in body["reply"], body["reply"]
        assert (await my_orders(chat))[0]["status"] == "paid"

    await each_case(check, ["付款用爱心卡", "这单拿爱心卡结", "用我的卡结一下"])


async def test_a_split_the_card_cannot_cover_is_answered_honestly(client):
    chat = await _unpaid_order(client, 5000)
    body = await chat.say("卡里余额先抵一部分 剩下微信付")
    assert body["intent"] == "pay_order", body["reply"]
    assert "不够付" in body["reply"], body["reply"]
    assert "还不能一部分用卡" in body["reply"], body["reply"]
    assert (await my_orders(chat))[0]["status"] == "pending_payment"  # nothing taken from the card


async def test_a_balance_question_stays_a_balance_question(client):
    async def check(message):
        body = await say_once(client, message)
        assert body["intent"] == "card_balance", (message, body["reply"])

    await each_case(check, [
        "卡里还有多少钱",
        "查下爱心卡余额",
    ])


# --- 3. what a named product is like ------------------------------------------------------------------------------

async def test_a_quality_asked_is_answered_from_the_data(client):
    async def check(message, sku):
        body = await say_once(client, message)
        assert body["intent"] == "ask_info", (message, body["reply"])
        assert "商品资料里写着" in body["reply"] or "商品页没有写" in body["reply"], body["reply"]
        assert sku is None or body["products"][0]["sku"] == sku

    await each_case(check, [("古蔺麻辣鸡辣不辣", "SC-GL-0001"), ("腊肉是柴火熏的吗 咸吗", None),
                                          ("核桃好剥吗", None), ("刺梨汁甜不甜", None)], spread=True)


async def test_a_quality_the_data_holds_is_said_yes(client):
    body = await say_once(client, "古蔺麻辣鸡辣不辣")
    assert "写着“辣”" in body["reply"], body["reply"]


async def test_a_quality_the_data_lacks_is_said_so(client):
    body = await say_once(client, "刺梨汁甜不甜")
    assert "商品页没有写甜不甜" in body["reply"], body["reply"]


async def test_the_weight_of_one_is_read_from_the_pack_and_opens_no_line(client):
    body = await say_once(client, "清远麻鸡一只大概几斤")
    assert body["intent"] == "ask_info", body["reply"]
    assert "大约3斤" in body["reply"], body["reply"]
    assert body["slots"]["qty"] is None  # 一只 is the question, not a quantity


async def test_two_products_compared_are_described_from_their_data(client):
    body = await say_once(client, "红茶和绿茶有啥区别")
    assert body["intent"] == "ask_info", body["reply"]
    assert "区别没有写" in body["reply"], body["reply"]
    assert len(body["products"]) == 2


async def test_a_thing_not_sold_asked_about_is_not_found(client):
    body = await say_once(client, "香肠辣不辣")
    assert body["intent"] == "ask_info", body["reply"]
    assert "没有找到「香肠" in body["reply"], body["reply"]
    assert body["products"] == []


# --- 4. advice and occasions --------------------------------------------------------------------------------------

async def test_advice_and_occasions_are_recommendations(client):
    async def check(message):
        body = await say_once(client, message)
        assert body["intent"] == "recommend", (message, body["reply"])
        assert body["products"], body["reply"]

    await each_case(check, ["哪种茶叶好喝", "哪款腊肉好吃", "有啥特产 带回老家的", "回老家带点啥好"])


# --- 5. several questions in one message; goods already bought ---------------------------------------------------

async def test_a_price_asked_first_leads(client):
    async def check(message):
        body = await say_once(client, message)
        assert body["intent"] == "ask_price", (message, body["reply"])

    await each_case(check, [
        "腊肉多少钱 有货没 明天能发吗",
        "蜂蜜多少钱 包邮吗",
    ])


async def test_goods_already_bought_are_an_order_status(client):
    async def check(message):
        body = await say_once(client, message)
        assert body["intent"] == "order_status", (message, body["reply"])
        assert body["slots"]["sku"] is None  # no new order for what was bought

    await each_case(check, [
        "我买的苹果几天到",
        "我昨天订的蜂蜜发了没",
    ])


async def test_stock_asked_first_stays_a_stock_question(client):
    body = await say_once(client, "腊肉有货吗 多少钱")
    assert body["intent"] == "ask_info", body["reply"]
