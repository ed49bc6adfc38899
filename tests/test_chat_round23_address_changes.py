"""Twenty-third round: address and receiver changes said as people say them.

1. A part of the saved address named by its level word alone (镇改成汤塘镇, 地址那个村改成…, 县应该是英德市,
   乡镇改成汤塘) changes that part of the address and keeps the rest; it was 没有找到「镇改成汤塘镇」. An address
   with no part of that level changes nothing and says so.
2. Words saying what stays (别的不变, 其他都不变哈, 收件人勿变, 名字不变, 地址不变) beside a change say nothing new: the
   change is read alone, the rest kept from the current address.
3. A new address in English words (my address change to 海南省…, please change my address to …, my address is now …)
   is a change of address (it was a search for the place's products); with no street, receiver or phone said, the
   receiver and phone on file are kept, and with none on file they are asked for, never searched.
4. The phone said wrong in any doing verb (电话整错了 是136-0443-0001, 手机号记错了 应该是…, 搞错啦) is the phone put
   right, its dashes or spaces allowed; it was 没太明白.
5. The address changed with the Wu or south-western 一下 (地址换一记 改成福建省…, 地址改一哈 寄到…) takes the new
   address said after it (it asked for the whole address again and kept the old one), and the summary shows it.
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

ON_FILE = "张三 138****8000 广东省清远市佛冈县石角镇XX路8号"


async def test_a_part_named_by_its_level_changes_only_that_part(client):
    async def check(said, shipped):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-level")
        await chat.say("镇赉大米来一袋")
        body = await chat.say(said)
        assert body["intent"] == "change_address"
        assert "没有找到" not in body["reply"]
        assert f"寄到：{shipped}" in body["reply"], body["reply"]
        assert summary_lines(body) == "镇赉大米 5kg ×1袋（共5kg），52元"
        placed = await chat.say("确认")
        assert placed["order"]["total_fen"] == 5200

    await each_case(check, [
        ("镇改成汤塘镇 别的不变", "张三 138****8000 广东省清远市佛冈县汤塘镇XX路8号"),
        ("地址那个镇改成汤塘镇别的不变", "张三 138****8000 广东省清远市佛冈县汤塘镇XX路8号"),
        ("乡镇改成汤塘", "张三 138****8000 广东省清远市佛冈县汤塘镇XX路8号"),
        ("县应该是英德市 其他都不变哈", "张三 138****8000 广东省清远市英德市石角镇XX路8号"),
        ("路改成建设路", "张三 138****8000 广东省清远市佛冈县石角镇建设路8号"),
    ], spread=True)


async def test_a_level_the_address_does_not_have_changes_nothing(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-level-absent")
    await chat.say("镇赉大米来一袋")
    body = await chat.say("村改成王集村")
    assert body["intent"] == "change_address"
    assert "您的收货地址里没有「村」" in body["reply"], body["reply"]
    assert "王集村" not in body["reply"]


async def test_a_new_address_said_in_english_keeps_the_receiver_on_file(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-english")
        await chat.say("镇赉大米来一袋")
        body = await chat.say(said)
        assert body["intent"] == "change_address"
        assert "为您找到" not in body["reply"]
        assert "没有找到" not in body["reply"]
        assert "寄到：张三 138****8000 海南省五指山市通什镇" in body["reply"], body["reply"]

    await each_case(check, [
        "my address change to 海南省五指山市通什镇 please",
        "please change my address to 海南省五指山市通什镇",
        "my address is now 海南省五指山市通什镇, thanks",
    ])


async def test_a_new_address_in_english_with_none_on_file_asks_for_the_rest(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-english-first", address=False)
    await chat.say("镇赉大米来一袋")
    body = await chat.say("my address change to 海南省五指山市通什镇 please")
    assert body["intent"] == "change_address"
    assert "为您找到" not in body["reply"]
    assert "没有找到" not in body["reply"]
    assert "收件人" in body["reply"], body["reply"]
    assert "手机号" in body["reply"]
    body = await chat.say("符先生 13876543210")
    assert "寄到：符先生 138****3210 海南省五指山市通什镇" in body["reply"], body["reply"]


async def test_the_phone_said_wrong_is_put_right(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-phone")
        await chat.say("镇赉大米来一袋")
        body = await chat.say(said)
        assert body["intent"] == "change_address"
        assert "寄到：张三 136****0001 广东省清远市佛冈县石角镇XX路8号" in body["reply"], body["reply"]

    await each_case(check, [
        "电话整错了 是136-0443-0001",
        "手机号记错了 应该是136 0443 0001 名字不变",
        "电话号码搞错啦 13604430001",
    ])


async def test_receiver_and_phone_changed_together_the_address_kept(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-receiver")
    await chat.say("镇赉大米来一袋")
    body = await chat.say("收件人换成 钱出纳 手机 137-1234-0000 地址不用改")
    assert "寄到：钱出纳 137****0000 广东省清远市佛冈县石角镇XX路8号" in body["reply"], body["reply"]


async def test_a_new_address_with_the_receiver_kept_is_the_one_shipped_to(client):
    async def check(said, shipped):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-new-kept")
        await chat.say("镇赉大米来一袋")
        body = await chat.say(said)
        assert body["intent"] == "change_address"
        assert f"寄到：张三 138****8000 {shipped}" in body["reply"], body["reply"]
        placed = await chat.say("确认")
        assert placed["order"]["total_fen"] == 5200
        status = await chat.say("我的订单")
        assert ON_FILE not in status["reply"]

    await each_case(check, [
        ("地址换一记 改成福建省宁德市寿宁县鳌阳镇胜利街12号 收件人勿变", "福建省宁德市寿宁县鳌阳镇胜利街12号"),
        ("收货人不变 地址改一哈 寄到四川省成都市武侯区科华北路5号", "四川省成都市武侯区科华北路5号"),
    ], spread=True)
