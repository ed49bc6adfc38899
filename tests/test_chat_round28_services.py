"""Twenty-eighth round: services and money matters the shop cannot serve, said as questions (blind pairs 28).

1. Shares (帮我看看这只股票能不能买): the honest answer that such services are not offered; it was an order of
   「这只股票」.
2. A repair or a part fitted (手机屏幕碎了去哪修, 冰箱不制冷了找谁修, 电动车换个电瓶多少钱, 空调加氟多少钱 上门的,
   燃气灶打不着火 咋弄): repairs are not offered; it was the after-sales answer for orders, a search, or a price of
   「电动车换个电瓶」.
3. A pet's vet or groomer and a bank deposit (猫咪绝育多少钱, 宠物洗澡美容 预约, 存定期哪个银行利息高): not offered.
4. Food near the shopper (附近有什么好吃的外卖): takeaway is not offered; it was 没有找到「什么好吃的外卖」.
"""
from __future__ import annotations

from tests.support.cases import each_case
from tests.support.chat import say_once


async def test_services_the_shop_cannot_serve_are_said_so(client):
    async def check(said, kind):
        body = await say_once(client, said, name="round28-service")
        assert body["intent"] == "fallback"
        assert "这个我们办不了" in body["reply"]
        assert kind in body["reply"]
        assert body["products"] == []

    await each_case(check, [
        ("帮我看看这只股票能不能买", "理财"),
        ("手机屏幕碎了去哪修", "维修"),
        ("冰箱不制冷了找谁修", "维修"),
        ("电动车换个电瓶多少钱", "维修"),
        ("空调加氟多少钱 上门的", "维修"),
        ("燃气灶打不着火 咋弄", "维修"),
        ("猫咪绝育多少钱", "维修"),
        ("存定期哪个银行利息高", "理财"),
        ("附近有什么好吃的外卖", "外卖"),
    ], spread=True)


async def test_goods_received_broken_stay_after_sales(client):
    body = await say_once(client, "收到的蜂蜜瓶子碎了怎么办", name="round28-received")
    assert "这个我们办不了" not in body["reply"]
