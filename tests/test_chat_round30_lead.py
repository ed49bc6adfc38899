"""Thirtieth round (lead): the lead's list left open by round 29, then kinds found in the blind pair 30.

1. Whether the address can be changed, asked alone (能改地址吗, 地址还能换吗, 收货地址可以改吗), was 抱歉，我没太明白:
   yes, the new address is asked for, and the next address said is the draft's (or kept for the next orders).
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

_NEW = "北京市朝阳区建国路88号 王五 13700137000"


async def test_whether_the_address_can_change_asks_for_the_new_one(client):
    async def check(asked):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round30-may")
        await chat.say("来两袋镇赉大米")
        body = await chat.say(asked)
        assert (body["intent"], "请把新的收货地址" in body["reply"]) == ("change_address", True), body["reply"]
        moved = await chat.say(_NEW)
        assert "寄到：王五 137****7000 北京市朝阳区建国路88号" in moved["reply"], moved["reply"]
        assert summary_lines(moved) == "镇赉大米 5kg ×2袋（共10kg），104元"

    await each_case(check, ["能改地址吗", "地址还能换吗", "收货地址可以改吗？", "请问能不能改一下地址"])


async def test_whether_the_address_can_change_with_no_draft_keeps_the_new_one(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round30-may-alone")
    await chat.say("能改地址吗")
    body = await chat.say(_NEW)
    assert "收货地址已保存：王五 137****7000 北京市朝阳区建国路88号" in body["reply"], body["reply"]
