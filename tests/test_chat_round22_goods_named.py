"""Twenty-second round (F27): goods named that were read as services, talk or another card.

1. A service noun glued to a goods head (洗车液, 美甲套装, 按摩膏, 清洗剂) is goods: a search answered
   没有找到「洗车液」, never "这个我们办不了 … 上门维修、家政这类服务".
2. A bare thing named by its use and its head (除螨仪, 驱蚊液, 去污剂), where jieba reads the first character as a
   preposition, is a thing asked for (没有找到「除螨仪」), never "没太明白".
3. Cards that are goods (显卡, 内存卡, 网卡, with a model before them: 4090显卡) asked for or bought are a search for a
   thing not sold (没有找到「4090显卡」, with the note that only love cards are sold), never 别的卡 alone.
4. 根 / 碗 / 辆 / 颗 / 副 / 顶 after a verb of getting (来根数据线) are how the thing is asked, no part of its name:
   「数据线」, not 「根数据线」.

Demo catalogue.
"""
from __future__ import annotations

from tests.support.cases import each_case
from tests.support.chat import say_once


async def test_a_service_glued_to_a_goods_head_is_goods(client):
    async def check(message, thing):
        body = await say_once(client, message)
        assert body["intent"] == "search"
        assert f"没有找到「{thing}」" in body["reply"]
        assert "办不了" not in body["reply"]

    await each_case(check, [
        ("洗车液", "洗车液"),
        ("有没有洗车液", "洗车液"),
        ("美甲套装", "美甲套装"),
        ("空调清洗剂有吗", "空调清洗剂"),
    ], spread=True)


async def test_a_bare_thing_named_by_its_use_is_searched(client):
    async def check(message):
        body = await say_once(client, message)
        assert body["intent"] == "search"
        assert f"没有找到「{message}」" in body["reply"]

    await each_case(check, [
        "除螨仪",
        "驱蚊液",
        "去污剂",
    ])


async def test_a_card_that_is_goods_is_a_thing_not_found(client):
    async def check(message, thing):
        body = await say_once(client, message)
        assert body["intent"] == "search"
        assert f"没有找到「{thing}」" in body["reply"]

    await each_case(check, [
        ("4090显卡有吗", "4090显卡"),
        ("显卡有吗", "显卡"),
        ("来个内存卡", "内存卡"),
    ], spread=True)


async def test_a_measure_word_after_the_getting_verb_is_no_part_of_the_name(client):
    async def check(message):
        body = await say_once(client, message)
        assert "「数据线" in body["reply"]
        assert "「根" not in body["reply"]

    await each_case(check, [
        "来根数据线",
        "来根数据线 type-c",
    ])


async def test_a_measure_word_with_goods_sold_still_orders_one(client):
    async def check(message):
        body = await say_once(client, message)
        assert body["intent"] == "order"
        assert body["slots"]["qty"] == 1

    await each_case(check, [
        "来份木耳",
        "来袋大米",
    ])
