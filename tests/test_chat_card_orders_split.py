"""Love cards past one order's limit bought in chat (a union clerk buying one for each of 300 staff): the summary says
how they are split (每单最多100张，分成3单下), and the confirm places every order at once, all or none
(`models.services.card_purchase.purchase_card_orders`). What is placed is stored, so this runs on both engines
(the reading rules of round 30's cards: tests/test_chat_round30_cards.py)."""
from __future__ import annotations

from pathlib import Path

from tests.support.cases import each_case
from tests.support.chat import my_orders, open_shop

CARDS = Path(__file__).parent / "data" / "chat_round30_cards_catalog.csv"


async def test_cards_past_one_orders_limit_are_split_as_the_summary_says(client):
    async def check(said, split, totals):
        chat = await open_shop(client, CARDS, "round30-bulk")
        body = await chat.say(said)
        assert split in body["reply"]
        placed = await chat.say("确认购买")
        assert (placed["order"]["kind"], f"共{len(totals)}单" in placed["reply"]) == ("card", True)
        orders = await my_orders(chat)
        assert sorted(o["total_fen"] for o in orders if o["kind"] == "card") == sorted(totals)

    await each_case(check, [
        ("给300个员工每人发一张200的爱心卡", "每单最多100张，分成3单下（每单100张），每单分别付款。",
         [2000000, 2000000, 2000000]),
        ("买250张100的爱心卡", "每单最多100张，分成3单下（100张、100张、50张）", [1000000, 1000000, 500000]),
    ], spread=True)


async def test_the_clerk_sees_every_order_placed(client):
    chat = await open_shop(client, CARDS, "round30-clerk")
    await chat.say("给300个员工每人发一张200的爱心卡")
    await chat.say("爱心卡能开发票吗")
    placed = await chat.say("确认购买")
    numbers = [o["order_no"] for o in await my_orders(chat)]
    assert [n in placed["reply"] for n in numbers] == [True, True, True]
    assert "合计300张，60000元" in placed["reply"]
