"""Twenty-first round (lead): kinds found by trying the demo catalogue as a shopper would.

1. A quantity said alone while the product is still being chosen (核桃来两袋 → 改成三袋 / 不对，三袋 / 核桃来四斤 →
   还是要六斤吧) is the line's new quantity: it was "没太明白", or the list shown again, and the line kept the first
   quantity (赫章核桃 ×2袋 共4斤 after 六斤). A size that narrows the list (鸡蛋来两盒 → 要30枚的) keeps the count.

Demo catalogue (核桃 of 2斤 bags from four counties; 鸡蛋 of several boxes).
"""
from __future__ import annotations

import pytest

from models.paths import DEMO_CATALOG_CSV
from tests.support.chat import open_shop, summary_lines


@pytest.mark.parametrize("first, change, pick, line", [
    ("核桃来两袋", "改成三袋", "赫章的", "赫章核桃 2斤 ×3袋（共6斤），135元"),
    ("核桃来两袋", "不对，三袋", "第三个", "赫章核桃 2斤 ×3袋（共6斤），135元"),
    ("核桃来四斤", "还是要六斤吧", "赫章的", "赫章核桃 2斤 ×3袋（共6斤），135元"),
    ("核桃来四斤", "改成八斤", "赫章的", "赫章核桃 2斤 ×4袋（共8斤），180元"),
])
async def test_a_quantity_changed_while_the_product_is_chosen_is_kept(client, first, change, pick, line):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-recount")
    await chat.say(first)
    changed = await chat.say(change)
    assert "没太明白" not in changed["reply"]
    body = await chat.say(pick)
    assert summary_lines(body) == line


async def test_a_size_that_narrows_the_list_keeps_the_count(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-narrowed")
    await chat.say("鸡蛋来两盒")
    body = await chat.say("要30枚的")
    assert body["slots"]["qty"] == 2


async def _placed(chat, message: str) -> str:
    await chat.say(message)
    body = await chat.say("下单")
    assert "下单成功" in body["reply"], body["reply"]
    return body["reply"].split("订单号", 1)[1].split("，", 1)[0]


async def test_an_address_said_for_the_placed_order_changes_that_order(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-reship-one")
    order_no = await _placed(chat, "来一箱静宁苹果")
    body = await chat.say("我刚才那单还没发货吧，地址写错了，改成北京市海淀区中关村大街1号 王芳 13912345678")
    assert f"订单{order_no}改寄到：王芳 139****5678 北京市海淀区中关村大街1号" in body["reply"]
    status = await chat.say("我的订单")
    assert order_no in status["reply"]


async def test_the_newest_of_several_when_it_is_said_as_just_placed(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-reship-newest")
    first = await _placed(chat, "来一箱静宁苹果")
    second = await _placed(chat, "来两袋赫章核桃")
    body = await chat.say("刚才那单收货人改成李四 13700001111")
    assert f"订单{second}改寄到：李四" in body["reply"]
    assert first not in body["reply"]


async def test_every_open_order_when_all_are_meant(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-reship-all")
    first = await _placed(chat, "来一箱静宁苹果")
    second = await _placed(chat, "来两袋赫章核桃")
    body = await chat.say("地址写错了，改成北京市海淀区中关村大街1号 王芳 13912345678，刚才买的那些都还没发吧")
    assert f"订单{second}、{first}改寄到" in body["reply"]


async def test_several_open_orders_are_listed_then_one_is_named(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-reship-which")
    first = await _placed(chat, "来一箱静宁苹果")
    await _placed(chat, "来两袋赫章核桃")
    asked = await chat.say("已经下的订单 收货人改成李四 13700001111")
    assert "要改哪一笔" in asked["reply"]
    body = await chat.say(f"订单{first} 改寄到新地址")
    assert f"订单{first}改寄到：李四 137****1111" in body["reply"]


async def test_an_address_said_before_any_order_is_only_saved(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-reship-none")
    body = await chat.say("我的订单地址改成北京市海淀区中关村大街1号 王芳 13912345678")
    assert "没有还没发货的订单" in body["reply"]


async def test_the_order_just_placed_is_cancelled_when_several_wait(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-cancel-newest")
    first = await _placed(chat, "来一箱静宁苹果")
    second = await _placed(chat, "来两袋赫章核桃")
    body = await chat.say("取消刚才那个订单")
    assert f"订单{second}已取消" in body["reply"]
    assert first not in body["reply"]
