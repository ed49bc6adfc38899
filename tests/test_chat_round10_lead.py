"""Tenth round, the lead's own finds while trying the assistant as a shopper (demo catalogue):

1. 斤儿 read as one measure word swallowed the next word's 儿 (小米十斤 儿媳妇坐月子熬粥 became ten packs of millet);
2. giving a card held (把我的爱心卡送给我妈) answered with the balance, or started buying a card: it is how to give it;
3. a code of letters and digits sent beside the card's scratch panel, not after 写着 (这个码能用吗 QW12ER34 刮开的);
4. asking the assistant to perform (唱首歌) was looked for as goods: jieba files 唱首歌 as a noun;
5. an address in labelled pieces with the receiver first (收货人 X 地址 … 手机 …) was read as an order question, and a
   building after the street (星光大厦B座301) cut the address short and left the receiver out.
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, say_once, summary_lines


async def test_a_weight_before_a_word_starting_with_er_stays_a_weight(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round10lead")
    listed = await chat.say("小米十斤 儿媳妇坐月子熬粥")
    assert "2.5kg" in listed["reply"], listed["reply"]
    summary = await chat.say("第一个")
    assert "×2袋（共5kg）" in summary_lines(summary)


async def test_giving_a_card_held_is_answered_how(client):
    async def check(message):
        body = await say_once(client, message, name="giver")
        assert body["intent"] == "ask_info", body["reply"]
        assert "“转赠”" in body["reply"]

    await each_case(check, ["把我的爱心卡送给我妈", "这张爱心卡我想转给我姐", "我那张卡转赠给同事"])


async def test_buying_a_card_as_a_present_is_still_buying(client):
    async def check(message):
        body = await say_once(client, message, name="buyer")
        assert body["intent"] == "buy_card", body["reply"]

    await each_case(check, [
        "买张爱心卡送给我妈",
        "送给我妈一张200的爱心卡",
    ])


async def test_a_code_beside_the_scratch_panel_is_a_claim(client):
    async def check(message):
        body = await say_once(client, message, name="claimer")
        assert body["intent"] == "claim_card", body["reply"]

    await each_case(check, [
        "这个码能用吗 QW12ER34 卡背面刮开的",
        "刮开涂层看到 A7B9C3D1 怎么领",
    ])


async def test_asking_the_assistant_to_perform_is_talk(client):
    async def check(message):
        body = await say_once(client, message, name="talker")
        assert body["intent"] == "fallback", body["reply"]
        assert "没有找到" not in body["reply"]

    await each_case(check, [
        "唱首歌",
        "讲个笑话",
    ])


async def my_addresses(chat) -> list[dict]:
    return (await (await chat.client.get("/api/v1/me/addresses", headers=chat.headers)).json())["items"]


async def test_a_labelled_or_phone_first_address_is_saved_while_a_pick_waits(client):
    async def check(message, receiver, line):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "labelled", address=False)
        await chat.say("核桃来一袋")
        body = await chat.say(message)
        assert body["intent"] == "change_address", body["reply"]
        saved = await my_addresses(chat)
        assert [a["name"] for a in saved] == [receiver]
        assert line in saved[0]["detail"]
        assert saved[0]["phone"] == "13912345678"
        assert "哪一款" in body["reply"]  # the question that waited is asked again

    await each_case(check, [
    ("收货人 李秀英 地址 贵州省毕节市赫章县城关镇 手机 一三九一二三四五六七八", "李秀英", "城关镇"),
    ("13912345678 浙江省杭州市西湖区文三路100号 星光大厦B座301 李工", "李工", "星光大厦B座301"),
    ("收件人 赵大爷 地址 四川省成都市武侯区浆洗街5号 电话 13912345678", "赵大爷", "浆洗街5号"),
], spread=True)
