"""Twenty-second round: a yes said with where to send it.

1. A yes at a summary with a place named by its word alone (确认 寄到公司, 好的 送我单位, 确认 寄我妈家) is not
   placed at the address on file: that place's address is asked for (请发公司的地址…); it was
   没有找到「寄到公司」. 家 (寄到我家) is the address on file and the order is placed, as an order sent home always
   was. An order said with the place (来一箱静宁苹果 寄到公司) is drafted and the place's address asked for (the
   summary offered the address on file).
2. A yes with a new address (确认 地址改成北京市… 李四 139…) places the order at that address and the reply says so
   (下单成功 … 寄到：李四 …).
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop

ASKED = "的地址：省市县、详细地址、收货人和手机号"


async def test_a_yes_with_another_place_asks_its_address(client):
    async def check(message, where):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r22-where-other")
        await chat.say("来一箱静宁苹果")
        body = await chat.say(message)
        assert f"请发{where}{ASKED}" in body["reply"], body["reply"]
        assert "下单成功" not in body["reply"]
        assert "没有找到" not in body["reply"]
        answered = await chat.say("北京市朝阳区建国路88号 李四 13900139000")
        assert "寄到：李四 139****9000 北京市朝阳区建国路88号" in answered["reply"], answered["reply"]

    await each_case(check, [("确认 寄到公司", "公司"), ("确认，寄到我公司", "您公司"), ("好的 送到单位", "单位"),
                            ("确认 寄我妈家", "您妈家"), ("可以 发到学校吧", "学校")], spread=True)


async def test_a_yes_sent_home_is_placed_at_the_address_on_file(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r22-where-home")
        await chat.say("来一箱静宁苹果")
        body = await chat.say(message)
        assert "下单成功" in body["reply"], body["reply"]

    await each_case(check, ["确认 寄到我家", "好的 送家里"])


async def test_an_order_with_another_place_asks_its_address(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r22-where-order")
        body = await chat.say(message)
        assert "静宁苹果 红富士 10斤 ×1箱" in body["reply"], body["reply"]
        assert ASKED in body["reply"], body["reply"]
        assert "石角镇" not in body["reply"]

    await each_case(check, [
        "来一箱静宁苹果 寄到公司",
        "静宁苹果来一箱 送我单位去",
    ])


async def test_a_yes_with_a_new_address_is_placed_there(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r22-where-new")
        await chat.say("来一箱静宁苹果")
        body = await chat.say(message)
        if "下单成功" not in body["reply"]:  # the summary shown again at the new address, then placed
            assert "寄到：李四" in body["reply"], body["reply"]
            body = await chat.say("确认")
        assert "下单成功" in body["reply"], body["reply"]
        assert "寄到：李四 139****9000 北京市朝阳区建国路88号" in body["reply"], body["reply"]

    await each_case(check, [
        "确认 地址改成北京市朝阳区建国路88号 李四 13900139000",
        "好 下单 寄到北京市朝阳区建国路88号 李四 13900139000",
    ])
