"""Twenty-second round: yes, no and hello said with more words.

1. A yes with clauses that only take the summary as it stands (对对 就这些了 下单吧, 是的是的 就是这些 提交吧) is a
   yes: the order is placed. It was an order with nothing named (没有找到「这些」).
2. A dialect yes with placing said again (要得要得 下单, 得嘞 下单吧, 中 就这样下单吧, 行嘞 提交吧) is a yes.
3. A yes with the default address kept (确定 地址就用默认的那个, 好的 送家里默认地址就行, 对 就寄默认地址) places the
   order to the saved address; it was 没有找到「送店里默认地址就行」 and nothing was placed. A new address is no yes.
4. 确认 typed with a character of a near sound (却认 下单, 缺认, 确仁下单, 确忍 下单吧) is 确认; 却认为 stays.
5. A no said twice with a wrong tap (不要了不要了 点错了, 点错了点错了 不要, 算了算了 按错了) drops the draft; with no
   draft it is nothing to cancel, not an order already placed (cancel_order).
6. A greeting with "it is my first time here" (您好 我第一次用这个小程序, 你好 头一回来, 哈喽 我是新来的) is a greeting.
7. Cantonese how-to (点用㗎呢个, 呢个点用㗎, 点买㗎, 请问点买) is help; 一点用都没有, 早点买 stay.

Demo catalogue (春中宝蜂蜜 500g, 58元 a jar).
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, say_once, summary_lines

HONEY_LINE = "春中宝蜂蜜 500g ×2瓶（共1kg），116元"


async def _at_summary(client, name: str):
    chat = await open_shop(client, DEMO_CATALOG_CSV, name)
    body = await chat.say("春中宝蜂蜜来两瓶")
    assert summary_lines(body) == HONEY_LINE
    return chat


async def _placed_to_default(chat, body: dict) -> None:
    assert body["intent"] == "confirm", body["reply"]
    assert "下单成功" in body["reply"], body["reply"]
    assert body["order"]["items"] == [{"sku": "GD-FG-0004", "qty": 2}]
    assert body["order"]["total_fen"] == 11600
    resp = await chat.client.get(f"/api/v1/orders/{body['order']['order_no']}", headers=chat.headers)
    shipping = (await resp.json())["shipping"]
    assert "石角镇XX路8号" in str(shipping)


async def test_a_yes_said_with_more_words_places_the_order(client):
    async def check(yes):
        chat = await _at_summary(client, "round22-yes")
        await _placed_to_default(chat, await chat.say(yes))

    await each_case(check, [
        "对对 就这些了 下单吧", "是的是的 就是这些 提交吧", "嗯嗯 就这些 下单", "好嘞就这些下单",  # 1
        "要得要得 下单", "得嘞 下单吧", "中 就这样下单吧", "行嘞 提交吧",  # 2
        "确定 地址就用默认的那个", "好的 送家里默认地址就行", "对 就寄默认地址", "好嘞 就这样吧 地址还是原来那个",  # 3
        "却认 下单", "缺认", "确仁下单", "确忍 下单吧",  # 4
    ])


async def test_a_yes_with_a_change_places_nothing(client):
    async def check(more):
        chat = await _at_summary(client, "round22-yes-changed")
        body = await chat.say(more)
        assert body["order"] is None
        assert "下单成功" not in body["reply"]

    await each_case(check, ["好的 再来一瓶", "确定 改成三瓶", "对 就这些 再加一袋大米"])


async def test_a_no_with_a_wrong_tap_drops_the_draft(client):
    async def check(no):
        chat = await _at_summary(client, "round22-no")
        body = await chat.say(no)
        assert body["intent"] == "cancel"
        after = await chat.say("确认")
        assert after["order"] is None

    await each_case(check, ["不要了不要了 点错了", "点错了点错了 不要", "算了算了 按错了", "不要不要 按错了"])


async def test_intents_said_afresh(client):
    async def check(message, intent):
        body = await say_once(client, message, name="round22-afresh")
        assert body["intent"] == intent, body["reply"]
        assert body["order"] is None

    await each_case(check, [
        ("不要了不要了 点错了", "cancel"), ("点错了点错了 不要", "cancel"), ("拍错了 取消一下", "cancel_order"),  # 5
        ("您好 我第一次用这个小程序", "greet"), ("你好 头一回来", "greet"), ("哈喽 我是新来的", "greet"),
        ("老板好 新人第一次买", "greet"), ("您好 第一次用 怎么下单", "help"),  # 6
        ("点用㗎呢个", "help"), ("呢个点用㗎", "help"), ("点买㗎", "help"), ("请问点买", "help"),  # 7
    ], spread=True)


async def test_words_that_only_look_alike_are_no_yes_and_no_help(client):
    async def check(message):
        body = await say_once(client, message, name="round22-alike")
        assert body["intent"] not in ("confirm", "help"), body["intent"]

    await each_case(check, ["他却认为不好", "一点用都没有"])
