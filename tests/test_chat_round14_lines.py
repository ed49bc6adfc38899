"""Fourteenth round (lead): lines of an order are never lost on the way to its summary, as the shopper sees it.

1. a second product ordered while the address is still asked for is a second line (枸杞 一斤 → 红枣 两斤, no saved
   address), and the address question says what is noted so far (bot/turns/goods.py, quantity.summarise);
2. several products in one message, more than one needing a choice (蜂蜜两瓶 大米一袋 with several sizes of each):
   the second is asked about once the first is chosen, never dropped (Draft.queued, quantity.next_queued).

Over tests/data/chat_round12_catalog.csv (蜂蜜 250g/500g, 苹果 5斤装/10斤装, 花椒 100g/250g, 核桃, 大米 5kg).
"""
from __future__ import annotations

from pathlib import Path

from tests.support.chat import my_orders, open_shop, summary_lines

ADDRESS_LINE = "广东省清远市佛冈县石角镇XX路8号 张三 13800138000"

ROUND12 = Path(__file__).parent / "data" / "chat_round12_catalog.csv"


async def test_a_second_product_while_the_address_is_asked_is_a_second_line(client):
    chat = await open_shop(client, ROUND12, "round14", address=False)
    await chat.say("核桃 两斤")
    asked = await chat.say("大米 一袋")
    assert asked["reply"].startswith("已记下：叶城核桃 1kg ×1袋、五常大米 5kg ×1袋。")
    body = await chat.say(ADDRESS_LINE)
    assert summary_lines(body) == "叶城核桃 1kg ×1袋（共1kg），40元\n五常大米 5kg ×1袋（共5kg），65元"


async def test_both_unclear_products_of_one_message_are_asked_in_turn(client):
    chat = await open_shop(client, ROUND12, "round14")
    first = await chat.say("蜂蜜两瓶 苹果一箱")
    assert "罗平蜂蜜 250g" in first["reply"]
    second = await chat.say("500g的")
    assert "静宁苹果 10斤装" in second["reply"]
    body = await chat.say("第一个")
    assert summary_lines(body) == "罗平蜂蜜 500g ×2瓶（共1kg），96元\n静宁苹果 5斤装 ×1箱（共5斤），32元"


async def test_the_order_placed_holds_both_lines(client):
    chat = await open_shop(client, ROUND12, "round14")
    for message in ("蜂蜜两瓶 苹果一箱", "500g的", "第一个", "确认"):
        await chat.say(message)
    assert [o["total_fen"] for o in await my_orders(chat)] == [12800]
