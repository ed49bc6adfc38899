"""Asking for a person (人工客服): an honest answer where to go, and never a change of the saved receiver.

联系人工客服 holds 联系人 ("contact person", a label of the address form) followed by 工客服; it was read as a new
receiver named 工客服 and saved over the customer's address.
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import Chat, open_shop


async def shopper(client) -> Chat:
    return await open_shop(client, DEMO_CATALOG_CSV, "human")


async def test_asking_for_a_person_says_where_to_go(client):
    async def check(message):
        chat = await shopper(client)
        body = await chat.say(message)
        # the contract's ask_info names no such question; the reply says where to go
        assert body["intent"] == "fallback"
        assert "我的订单" in body["reply"]

    await each_case(check, ["怎么联系人工客服", "联系人工客服", "我要找人工客服", "转人工", "有真人吗"])


async def test_asking_for_a_person_keeps_the_saved_receiver(client):
    chat = await shopper(client)
    await chat.say("联系人工客服")
    body = await chat.say("来一瓶蜂蜜")
    assert "工客服" not in body["reply"]


async def test_a_contact_person_label_still_names_the_receiver(client):
    chat = await shopper(client)
    body = await chat.say("联系人 李四 13900139000")
    assert body["intent"] == "change_address"
    assert "李四" in body["reply"]


async def test_a_lost_card_is_frozen_by_its_holder_not_by_a_person_who_is_not_there(client):
    """The lost-card answer names what the holder can do on the page (冻结 in 我的爱心卡, which exists), not a
    customer-service person (the answer to 人工客服 says no person is online)."""
    async def check(message):
        chat = await shopper(client)
        body = await chat.say(message)
        assert body["intent"] == "ask_info", body["reply"]
        assert "「我的爱心卡」里点这张卡的“冻结”" in body["reply"]
        assert "解冻" in body["reply"]
        assert "付款码" in body["reply"]
        assert "客服" not in body["reply"]

    await each_case(check, ["卡丢了咋办", "我的爱心卡丢了", "爱心卡被偷了怎么办", "爱心卡能挂失吗"])


async def test_giving_a_card_away_names_the_button_the_page_has(client):
    body = await (await shopper(client)).say("爱心卡可以送给朋友用吗")
    assert "“转赠”" in body["reply"]
    assert "“领取”" in body["reply"]
