"""The reproductions of the chat issue, as a shopper would meet them, over HTTP and a real database.

The small catalogue has 金线美大米 5kg (袋), 春中宝蜂蜜 500g and 秦岭土蜂蜜 1kg (瓶), 广生源鸡蛋 30枚装 (盒),
静宁苹果 10斤 and 昭通丑苹果 5kg (箱).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.chat import Chat, my_orders, with_address
from tests.support.http import admin_headers, consumer_headers, import_csv

BEIJING = "北京市朝阳区建国路88号 李四 13900139000"
FOGANG = "广东省清远市佛冈县石角镇XX路8号 张三 13800138000"


@pytest.fixture
async def shopper(client, small_catalog) -> Chat:
    await import_csv(client, small_catalog, await admin_headers(client))
    return Chat(client, await consumer_headers(client, "shopper"))


async def test_a_weight_is_read_against_the_pack_and_the_summary_says_what_it_amounts_to(shopper):
    await with_address(shopper)
    body = await shopper.say("我要买10斤大米")  # 5kg bags: one bag is 10斤
    assert body["slots"]["sku"] == "T-RICE-01"
    assert body["slots"]["qty"] == 1
    assert body["slots"]["unit"] == "袋"
    assert body["slots"]["total_qty_text"] == "共5kg"
    assert "×1袋（共5kg）" in body["reply"]
    assert "68元" in body["reply"]


async def test_a_weight_no_whole_pack_holds_is_asked_with_the_options(shopper):
    await with_address(shopper)
    body = await shopper.say("要3斤大米")  # 5kg bags only: 3斤 is not a whole bag
    assert body["slots"]["qty"] is None
    assert "凑不成整袋" in body["reply"]
    assert "确认下单" not in body["reply"]


async def test_honey_by_the_jin_picks_the_bottles_that_hold_it(shopper):
    await with_address(shopper)
    body = await shopper.say("要3斤春中宝蜂蜜")  # 500g bottles: 3斤 is three bottles
    assert (body["slots"]["sku"], body["slots"]["qty"]) == ("T-HONEY-01", 3)
    assert "共1.5kg" in body["reply"]


async def test_sixty_eggs_are_two_boxes_of_thirty(shopper):
    await with_address(shopper)
    body = await shopper.say("来60个鸡蛋")
    assert (body["slots"]["sku"], body["slots"]["qty"]) == ("T-EGG-01", 2)
    assert "共60枚" in body["reply"]


async def test_a_pack_word_the_product_is_not_sold_in_is_asked(shopper):
    await with_address(shopper)
    body = await shopper.say("金线美大米来两箱")  # sold by the 袋
    assert body["slots"]["qty"] is None
    assert "按袋卖" in body["reply"]


async def test_the_product_name_sent_back_keeps_the_count_said_before(shopper):
    await with_address(shopper)
    await shopper.say("我想买两瓶蜂蜜")
    body = await shopper.say("春中宝蜂蜜 500g")  # the name as offered, pack size included
    assert (body["slots"]["sku"], body["slots"]["qty"]) == ("T-HONEY-01", 2)


async def test_an_address_inside_the_order_sentence_is_the_delivery_address_not_an_origin(shopper):
    body = await shopper.say(f"我要买两袋大米寄到{FOGANG}")
    assert body["slots"]["sku"] == "T-RICE-01"
    assert body["slots"]["qty"] == 2
    assert "请确认订单" in body["reply"]
    assert "佛冈县石角镇" in body["reply"]


async def test_the_address_changes_at_the_summary_and_the_order_ships_there(shopper):
    await with_address(shopper)
    await shopper.say("静宁苹果来两箱")
    body = await shopper.say(f"地址改成{BEIJING}")
    assert body["intent"] == "change_address"
    assert "北京市朝阳区建国路88号" in body["reply"]
    body = await shopper.say("收货人改成王五")
    assert "王五" in body["reply"]
    body = await shopper.say("电话改成 137-0000-1234")
    assert "137****1234" in body["reply"]
    body = await shopper.say("确认下单")
    assert body["order"] is not None
    [order] = await my_orders(shopper)
    assert order["total_fen"] == 2 * 7900
    detail = await (await shopper.client.get(f"/api/v1/orders/{order['order_no']}", headers=shopper.headers)).json()
    shipping = str(detail)
    assert "建国路88号" in shipping
    assert "王五" in shipping
    assert "13700001234" in shipping


async def test_a_quantity_change_while_the_address_is_awaited_is_a_change(shopper):
    await shopper.say("静宁苹果来一箱")
    body = await shopper.say("改成三箱")
    assert body["slots"]["qty"] == 3
    assert "没能识别" not in body["reply"]
    body = await shopper.say(FOGANG)
    assert "×3箱" in body["reply"]


async def test_a_first_address_given_while_the_quantity_is_asked_is_saved_and_the_question_stays(shopper):
    body = await shopper.say("我想买静宁苹果")  # no address yet; the quantity is asked
    assert body["slots"]["qty"] is None
    body = await shopper.say(FOGANG)
    assert body["intent"] == "change_address"  # an address alone, whatever the step
    assert "收货地址已保存" in body["reply"]
    assert "已改为" not in body["reply"]  # nothing was replaced
    assert "要几箱" in body["reply"]  # the pending question stays
    body = await shopper.say("两箱")
    assert "请确认订单" in body["reply"]
    assert "佛冈县石角镇" in body["reply"]
    body = await shopper.say(BEIJING)  # now one is replaced
    assert body["intent"] == "change_address"
    assert "收货地址已改为" in body["reply"]
    assert "确认下单吗" in body["reply"]


async def test_a_word_typed_with_characters_of_the_same_sound_is_heard(client):
    """A mistyped word is heard in any reading of its characters (己 is jǐ or qǐ: 枸己 → 枸杞), and even when each
    mistyped character alone ends some catalogue word (合 of 杂粮组合, 桃 of 核桃)."""
    catalog = Path(__file__).parent / "data" / "bot_eval_shoppers" / "catalog.csv"  # 和田薄皮核桃, 同心枸杞
    await import_csv(client, catalog.read_bytes(), await admin_headers(client))
    shopper = await with_address(Chat(client, await consumer_headers(client, "typist")))
    body = await shopper.say("枸己来一罐 250g的")
    assert (body["slots"]["sku"], body["slots"]["qty"]) == ("SP-0077", 1)
    await shopper.say("取消")
    body = await shopper.say("要一袋合桃 1kg的")
    assert (body["slots"]["sku"], body["slots"]["qty"]) == ("SP-0048", 1)


async def test_a_word_cut_into_characters_each_known_alone_is_heard_whole(shopper):
    await with_address(shopper)
    body = await shopper.say("峰蜜来两瓶")  # 峰 ends 双峰, 蜜 ends 百花蜜: still 蜂蜜 mistyped
    assert body["products"]
    assert all("蜂蜜" in p["name"] for p in body["products"])
    assert "没有找到" not in body["reply"]


async def test_a_price_question_opens_no_order(shopper):
    await with_address(shopper)
    body = await shopper.say("静宁苹果多少钱一箱")
    assert body["intent"] == "ask_price"
    assert "79元" in body["reply"]
    assert "确认下单" not in body["reply"]
    body = await shopper.say("确认")  # nothing was put to the customer to confirm yet
    assert body["order"] is None


async def test_last_one_means_the_last_shown(shopper):
    await with_address(shopper)
    body = await shopper.say("有哪些蜂蜜")
    shown = [p["sku"] for p in body["products"]]
    body = await shopper.say("最后一个")
    assert body["slots"]["sku"] == shown[-1]


async def test_removing_one_line_keeps_the_others(shopper):
    await with_address(shopper)
    await shopper.say("两瓶春中宝蜂蜜和三袋金线美大米")
    body = await shopper.say("不要蜂蜜了")
    assert "金线美大米" in body["reply"]
    assert "春中宝" not in body["reply"].split("请确认订单")[-1]


async def test_nothing_unrelated_is_offered_for_things_the_shop_does_not_sell(shopper):
    await with_address(shopper)
    for message in ("苹果手机有吗", "来两根苹果数据线", "小米14多少钱", "床垫 乳胶 1.5米", "银耳钉有没有"):
        body = await shopper.say(message)
        assert body["products"] == [], message
        assert body["slots"]["sku"] is None, message
        assert body["order"] is None, message


async def test_shop_questions_are_answered_from_the_data(shopper):
    await with_address(shopper)
    await shopper.say("静宁苹果多少钱")
    body = await shopper.say("这个是扶贫产品吗")
    assert body["intent"] == "ask_info"
    assert "认定证书" in body["reply"]
    body = await shopper.say("能开发票吗")
    assert body["intent"] == "ask_info"
    assert "发票" in body["reply"]
