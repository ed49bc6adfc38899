"""Thirtieth round: love cards and placed orders (kinds found in the blind pair 30's shoppers set, scored at 37b249b).

1. A card the shopper holds, named by what it is worth, to pay with (我有两张卡，用500那张付款) DRAFTED TWO 500-YUAN
   CARDS (1000 yuan): it is pay_order, paid with the holder's card of that face value (else of that balance; of several
   alike, the one that covers the order with least left over). A sum no card of theirs is worth is said so and nothing
   is paid; with no order waiting, that is said (bot/card_by_face.py, bot/turns/card_paid.py).
2. 300 cards (给300个员工每人发一张200的爱心卡) were summed up as one order, and the confirm then refused it (没能下单：
   每单可购买 1 到 100 张): the summary now says the limit (每单最多100张，分成3单下) and the confirm places the three
   orders at once, all or none (models/services/card_purchase.purchase_card_orders; 1000 cards at most, else the count
   is asked again).
3. 我要领爱心卡 (领 = claim) was buy_card: claim_card, answered with how to claim. 领到的爱心卡还能用多少 was
   claim_card: the balance is asked, 领到的 only says how the card was got (bot/card_holding.py).
4. 上一单莫要了，取消咯 (莫 = 不) dropped a draft there was none of: 上一单 names a placed order, cancelled
   (cancel_order).
5. After an order was cancelled, 帮我重新来一袋2.5kg的 cancelled again ("没有可以取消的待付款订单"): 重新 before a
   buying verb and a count orders again (bot/cue_limits.py), 重新 (and 帮 with nothing else left) names no goods,
   and the goods of the order just cancelled are what a message naming none means (bot/turns/cancelled_goods.py).
   重新来一遍 still starts over.

Over tests/data/chat_round30_cards_catalog.csv (草果 250g/500g, 元阳梯田红米 2.5kg/5kg).
"""
from __future__ import annotations

from pathlib import Path

from tests.support.cards import balance, buy_cards
from tests.support.cases import each_case
from tests.support.chat import my_orders, open_shop, summary_lines

CARDS = Path(__file__).parent / "data" / "chat_round30_cards_catalog.csv"


async def _holding_two_cards(client, name: str):
    """A shopper holding a 200-yuan and a 500-yuan card, with an order of 49 yuan waiting to be paid."""
    chat = await open_shop(client, CARDS, name)
    await buy_cards(client, chat.headers, face=20000)
    held = await buy_cards(client, chat.headers, face=50000)
    await chat.say("来一袋元阳红米2.5kg")
    placed = await chat.say("确认")
    assert placed["order"]["total_fen"] == 4900
    return chat, {c["face_value_fen"]: c["card_no"] for c in held}


async def test_a_card_named_by_its_worth_pays_with_that_card(client):
    async def check(said, face):
        chat, held = await _holding_two_cards(client, "round30-face")
        body = await chat.say(said)
        paid = f"已用爱心卡尾号{held[face][-4:]}支付订单"
        assert (body["intent"], paid in body["reply"]) == ("pay_order", True)
        assert await balance(client, chat.headers, held[face]) == face - 4900

    await each_case(check, [("我有两张卡，用500那张付款", 50000), ("用那张200的付", 20000),
                            ("用面值500的卡付款", 50000), ("拿五百块那张卡结账", 50000)], spread=True)


async def test_a_card_worth_what_none_of_theirs_is_worth_is_said_so(client):
    chat, _ = await _holding_two_cards(client, "round30-unheld")
    body = await chat.say("用1000那张付款")
    assert (body["intent"], "您没有1000元的可用爱心卡" in body["reply"]) == ("pay_order", True)
    assert [o["status"] for o in await my_orders(chat) if o["kind"] == "goods"] == ["pending_payment"]


async def test_a_card_named_by_its_worth_with_no_order_waiting(client):
    chat = await open_shop(client, CARDS, "round30-nothing")
    body = await chat.say("我有两张卡，用500那张付款")
    said = (body["intent"], body["slots"]["amount_fen"], "没有待付款的订单" in body["reply"])
    assert said == ("pay_order", None, True)


async def test_cards_bought_by_their_worth_are_still_bought(client):
    async def check(said, line):
        chat = await open_shop(client, CARDS, "round30-buying")
        body = await chat.say(said)
        assert (body["intent"], body["reply"]) == ("buy_card", line)

    await each_case(check, [
        ("买两张500的卡", "请确认：消费扶贫爱心卡，面值500元 ×2张，合计1000元。确认购买吗？"),
        ("给领导买张爱心卡 200的", "请确认：消费扶贫爱心卡，面值200元 ×1张，合计200元。确认购买吗？"),
    ], spread=True)


async def test_more_cards_than_can_be_bought_at_once_are_asked_again(client):
    chat = await open_shop(client, CARDS, "round30-too-many")
    body = await chat.say("买2000张100的爱心卡")
    assert body["reply"] == "爱心卡每单最多100张，一次最多买1000张（分单下），2000张超出了。要买多少张？"
    again = await chat.say("500张")
    assert "分成5单下（每单100张）" in again["reply"]
    assert await my_orders(chat) == []


async def test_claiming_a_card_and_its_balance(client):
    async def check(said, intent):
        chat = await open_shop(client, CARDS, "round30-claim")
        body = await chat.say(said)
        assert body["intent"] == intent

    await each_case(check, [("我要领爱心卡", "claim_card"), ("我想领一张卡", "claim_card"),
                            ("领到的爱心卡还能用多少", "card_balance")], spread=True)


async def test_the_last_order_undone_in_dialect_is_cancelled(client):
    async def check(said):
        chat = await open_shop(client, CARDS, "round30-last")
        await chat.say("来两袋元阳红米5kg")
        await chat.say("确认")
        body = await chat.say(said)
        assert (body["intent"], [o["status"] for o in await my_orders(chat)]) == ("cancel_order", ["cancelled"])

    await each_case(check, ["上一单莫要了，取消咯", "上一笔不要了"])


async def test_goods_ordered_again_after_an_order_was_cancelled(client):
    async def check(between, said):
        chat = await open_shop(client, CARDS, "round30-again")
        await chat.say("来两袋元阳红米5kg")
        await chat.say("确认")
        if between:
            await chat.say(between)
        await chat.say("哎呀买错了，刚那单取消")
        body = await chat.say(said)
        assert summary_lines(body) == "元阳梯田红米 2.5kg ×1袋（共2.5kg），49元"
        placed = await chat.say("确认")
        assert placed["order"]["total_fen"] == 4900

    await each_case(check, [("", "帮我重新来一袋2.5kg的"), ("草果多少钱", "帮我重新来一袋2.5kg的"),
                            ("", "重新买一袋2.5kg的")], spread=True)


async def test_starting_over_is_still_starting_over(client):
    chat = await open_shop(client, CARDS, "round30-afresh")
    await chat.say("来一袋元阳红米2.5kg")
    body = await chat.say("重新来一遍")
    assert (body["intent"], body["slots"]["sku"]) == ("cancel", None)
