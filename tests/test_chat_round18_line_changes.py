"""Eighteenth round: a line of the draft changed the way people say it, as the shopper sees it.

1. a count for a product two lines share (鸡蛋换成两盒 with a 30枚 box and a 60枚 box of eggs): which line is asked,
   listing both, nothing changed until answered; the line chosen takes the count (bot/turns/line_counts.py);
2. a pack style said for a line (换成礼盒装的 / 蜂蜜要礼盒的 / 改成散装的): the product of the same kind in that
   style, count kept; none in that style: said so, the line kept (bot/turns/pack_styles.py);
3. a size described at the summary after a list of different products (换成大的那瓶 / 要最小的那个): the largest
   (smallest) of the list seen, count kept (bot/turns/described.py);
4. a position said while the address is asked, after a list (换成2号): that item, count kept (bot/turns/goods.py);
5. after 收件人改一下 / 电话改一下 / 地址改下, a bare name, phone or address is that part, nothing else changed
   (bot/turns/asked_parts.py);
6. "this" said of the product in view (这个米来两袋 / 这个大米多少钱): that product, never the whole kind
   (bot/turns/this_one.py);
7. a dish named by a character that says how it is cooked (生煎, 香煎) is 没有找到, never 生姜 (bot/typos.py).

Over the demo catalogue and tests/data/chat_round18_line_changes_catalog.csv (honeys of 250g, 500g and 1kg; 红糖
in a bag and in a gift box).
"""
from __future__ import annotations

from pathlib import Path

from models.paths import DEMO_CATALOG_CSV
from tests.support.chat import my_orders, open_shop, summary_lines

LINES = Path(__file__).parent / "data" / "chat_round18_line_changes_catalog.csv"
EGGS_30 = "广生源鸡蛋 30枚装 ×2盒（共60枚），79.60元"


async def _two_egg_lines(client, name: str):
    chat = await open_shop(client, DEMO_CATALOG_CSV, name)
    await chat.say("来两盒广生源鸡蛋 30枚的")
    await chat.say("再来一箱广生源鸡蛋60枚礼盒装")
    return chat


async def test_a_count_for_two_lines_of_one_product_asks_which_line(client):
    chat = await _two_egg_lines(client, "r18lc-which")
    asked = await chat.say("鸡蛋换成两盒")
    assert "要改哪一行" in asked["reply"]
    assert [p["sku"] for p in asked["products"]] == ["GD-FG-0001", "GD-FG-0002"]


async def test_the_line_chosen_takes_the_count(client):
    chat = await _two_egg_lines(client, "r18lc-chosen")
    await chat.say("鸡蛋换成两盒")
    body = await chat.say("第二个")
    assert summary_lines(body) == f"{EGGS_30}\n广生源鸡蛋 60枚礼盒装 ×2箱（共120枚），152元"


async def test_the_order_placed_after_the_line_chosen(client):
    chat = await _two_egg_lines(client, "r18lc-placed")
    for message in ("鸡蛋换成两盒", "第二个", "确认"):
        await chat.say(message)
    assert [o["total_fen"] for o in await my_orders(chat)] == [23160]


async def test_one_line_of_the_product_takes_the_count_at_once(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18lc-one")
    await chat.say("来两盒广生源鸡蛋 30枚的")
    await chat.say("再来两瓶春中宝蜂蜜")
    body = await chat.say("鸡蛋换成一盒")
    assert summary_lines(body) == "广生源鸡蛋 30枚装 ×1盒（共30枚），39.80元\n春中宝蜂蜜 500g ×2瓶（共1kg），116元"


async def test_a_gift_box_of_the_same_kind_keeps_the_count(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18lc-gift")
    await chat.say("来两袋和田骏枣")
    body = await chat.say("换成礼盒装的")
    assert summary_lines(body) == "和田骏枣 礼盒 2kg ×2盒（共4kg），196元"


async def test_no_gift_box_of_that_kind_is_said_and_the_line_kept(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18lc-nogift")
    await chat.say("来一瓶春中宝蜂蜜")
    body = await chat.say("蜂蜜要礼盒的")
    assert body["reply"].startswith("春中宝蜂蜜 500g没有礼盒装的，订单没有改。")
    assert summary_lines(body) == "春中宝蜂蜜 500g ×1瓶（共500g），58元"


async def test_plain_goods_instead_of_the_gift_box(client):
    chat = await open_shop(client, LINES, "r18lc-plain")
    await chat.say("来两盒望谟红糖 礼盒")
    body = await chat.say("改成散装的")
    assert summary_lines(body) == "望谟红糖 500g ×2袋（共1kg），50元"


async def test_the_largest_of_the_list_seen_at_the_summary(client):
    chat = await open_shop(client, LINES, "r18lc-big")
    await chat.say("有什么蜂蜜")
    await chat.say("来两瓶雷山百花蜂蜜")
    body = await chat.say("换成大的那瓶")
    assert summary_lines(body) == "册亨槐花蜂蜜 1kg ×2罐（共2kg），196元"


async def test_the_smallest_of_the_list_seen_at_the_summary(client):
    chat = await open_shop(client, LINES, "r18lc-small")
    await chat.say("有什么蜂蜜")
    await chat.say("第二个来一瓶")
    body = await chat.say("要最小的那个")
    assert summary_lines(body) == "石阡土蜂蜜 250g ×1瓶（共250g），36元"


async def test_a_position_while_the_address_is_asked_keeps_the_count(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18lc-pos", address=False)
    await chat.say("有什么蜂蜜")
    await chat.say("第一个来两瓶")
    body = await chat.say("换成2号")
    assert body["reply"].startswith("已记下：镇坪秦巴土蜂蜜 500g ×2瓶。")


async def test_a_bare_name_after_the_receiver_asked(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18lc-name")
    await chat.say("来一瓶春中宝蜂蜜")
    await chat.say("收件人改一下")
    body = await chat.say("王芳")
    assert "寄到：王芳 138****8000 广东省清远市佛冈县石角镇XX路8号" in body["reply"]
    assert summary_lines(body) == "春中宝蜂蜜 500g ×1瓶（共500g），58元"


async def test_a_bare_phone_after_the_phone_asked_is_never_a_count(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18lc-phone")
    await chat.say("来一瓶春中宝蜂蜜")
    await chat.say("电话改一下")
    body = await chat.say("139 1234 5678")
    assert "寄到：张三 139****5678 广东省清远市佛冈县石角镇XX路8号" in body["reply"]
    assert summary_lines(body) == "春中宝蜂蜜 500g ×1瓶（共500g），58元"


async def test_a_bare_address_after_the_address_asked(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18lc-place")
    await chat.say("来一瓶春中宝蜂蜜")
    await chat.say("地址改下")
    body = await chat.say("浙江省杭州市西湖区文三路100号")
    assert "寄到：张三 138****8000 浙江省杭州市西湖区文三路100号" in body["reply"]
    assert summary_lines(body) == "春中宝蜂蜜 500g ×1瓶（共500g），58元"


async def test_a_bare_street_is_in_the_same_county(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18lc-street")
    await chat.say("来一瓶春中宝蜂蜜")
    await chat.say("地址改下")
    body = await chat.say("石角镇幸福路12号")
    assert "寄到：张三 138****8000 广东省清远市佛冈县石角镇幸福路12号" in body["reply"]


async def test_a_count_after_the_receiver_asked_is_still_a_count(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18lc-count")
    await chat.say("来一瓶春中宝蜂蜜")
    await chat.say("收件人改一下")
    body = await chat.say("来两瓶")
    assert summary_lines(body) == "春中宝蜂蜜 500g ×2瓶（共1kg），116元"


async def test_this_kind_word_is_the_product_in_view(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18lc-this")
    await chat.say("金线美大米")
    body = await chat.say("这个米来两袋")
    assert summary_lines(body) == "金线美大米 5kg ×2袋（共10kg），90元"


async def test_the_price_of_this_kind_word_is_the_product_in_the_draft(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18lc-thisprice")
    await chat.say("来两袋金线美大米")
    body = await chat.say("这个大米多少钱")
    assert body["reply"].startswith("金线美大米 5kg，每袋45元")


async def test_a_dish_named_by_how_it_is_cooked_is_not_found(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r18lc-dish")
    body = await chat.say("来两份生煎")
    assert "没有找到「生煎」" in body["reply"]
    assert body["order"] is None
