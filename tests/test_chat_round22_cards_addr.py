"""Twenty-second round: love cards counted and named, and an address said with "something for home".

1. Love cards counted with 俩 / 仨 glued to the face value (买俩一百的爱心卡, 来仨五百块的爱心卡): two (three) cards of
   100 (500) yuan. 俩一百 was read as one number that is none: one card, and the face asked again.
2. Love cards said in English, the count in digits or words before "love cards" and the face as "of 500", "500
   each", "five hundred each", "each 200 yuan" or before the card ("two 500 love cards"): 2 love cards of 500 was
   a summary of ONE card (面值500元 ×1张) and 500元 charged where 1000 was meant (money); "five hundred each" was no
   face at all (`bot/cards_counted.py`).
3. The face values asked with a reason before the question (公司要给员工发福利 你们爱心卡有哪些面值): the 要 of the
   reason started a card purchase; the face values are now answered and nothing is bought. A card bought with a
   buying verb (我要买爱心卡 有哪些面值, 爱心卡有哪些面值？我想买) or 要 on the card still starts the purchase.
4. An address said after "I want to send something home" (我想给老家寄点东西 地址是贵州省… 收件人张大山 电话
   151-8573-2210, 给我妈寄点吃的 地址…) is saved and the shopper asked what to send: it was 没有找到「老家寄点东西」
   and the address was not the intent (`bot/something_wanted.py`).
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import my_orders, open_shop, say_once, summary_lines


async def test_love_cards_counted_with_lia_or_sa_before_the_face(client):
    async def check(message, count, face):
        body = await say_once(client, message, name="round22-lia")
        assert f"面值{face} ×{count}张" in body["reply"]

    await each_case(check, [
        ("买俩一百的爱心卡", 2, "100元"),
        ("来仨五百块的爱心卡", 3, "500元"),
        ("爱心卡来俩 两百的", 2, "200元"),
        ("要俩1000元的爱心卡", 2, "1000元"),
        ("仨 50元的爱心卡 送同事", 3, "50元"),
    ], spread=True)


async def test_love_cards_said_in_english_are_counted_and_valued(client):
    async def check(message, count, face):
        body = await say_once(client, message, name="round22-english")
        assert f"面值{face} ×{count}张" in body["reply"]

    await each_case(check, [
        ("buy two love cards, five hundred each", 2, "500元"),
        ("2 love cards of 500 pls", 2, "500元"),
        ("three love cards of 200", 3, "200元"),
        ("I want 5 love cards, 100 each", 5, "100元"),
        ("I'd like 4 love cards, each 200 yuan", 4, "200元"),
        ("two 500 love cards please", 2, "500元"),
        ("a love card of one thousand", 1, "1000元"),
        ("love cards x3, 50 each", 3, "50元"),
    ], spread=True)


async def test_two_english_love_cards_are_charged_for_two(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round22-charged")
    await chat.say("2 love cards of 500 pls")
    placed = await chat.say("yes confirm")
    assert "共1000元" in placed["reply"]
    assert [o["total_fen"] for o in await my_orders(chat) if o["kind"] == "card"] == [100000]


async def test_face_values_asked_after_a_reason_are_answered_not_bought(client):
    async def check(message):
        body = await say_once(client, message, name="round22-faces")
        assert body["intent"] == "ask_info"
        assert "50元、100元、200元、500元、1000元" in body["reply"]

    await each_case(check, [
        "公司要给员工发福利 你们爱心卡有哪些面值",
        "年底了单位要发点福利 爱心卡面额有哪些",
        "送客户的话 爱心卡都有多少面值的",
    ])


async def test_face_values_then_a_purchase_of_thirty(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round22-faces-then")
    await chat.say("公司要给员工发福利 你们爱心卡有哪些面值")
    body = await chat.say("那要30张200的")
    assert "面值200元 ×30张，合计6000元" in body["reply"]


async def test_a_card_bought_with_the_faces_asked_is_still_bought(client):
    async def check(message):
        body = await say_once(client, message, name="round22-buy-faces")
        assert body["intent"] == "buy_card"

    await each_case(check, [
        "我要买爱心卡 有哪些面值",
        "爱心卡有哪些面值？我想买",
        "要张爱心卡 面值有几种",
    ])


async def test_an_address_said_with_something_to_send_is_saved(client):
    async def check(message, receiver):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round22-send-home", address=False)
        body = await chat.say(message)
        assert body["intent"] == "change_address"
        assert "收货地址已保存" in body["reply"]
        assert "想买点什么" in body["reply"]
        ordered = await chat.say("来一箱砀山酥梨")
        assert f"寄到：{receiver} 135****1234 安徽省宿州市砀山县人民路5号" in ordered["reply"]

    await each_case(check, [
        ("我想给老家寄点东西 地址是安徽省宿州市砀山县人民路5号 收件人张大山 电话 135-0557-1234", "张大山"),
        ("想往家里寄点吃的 收货地址 安徽省宿州市砀山县人民路5号 收件人 李秀英 手机 135 0557 1234", "李秀英"),
        ("给我妈寄点东西 地址安徽省宿州市砀山县人民路5号 收件人王芳 电话13505571234", "王芳"),
    ], spread=True)


async def test_something_to_send_home_alone_asks_what(client):
    body = await say_once(client, "我想给老家寄点东西", name="round22-send-alone")
    assert "没有找到" not in body["reply"]
    assert "想买点什么" in body["reply"]


async def test_goods_sent_home_with_an_address_are_still_ordered(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round22-goods-home", address=False)
    body = await chat.say("给老家寄一箱砀山酥梨 地址是安徽省宿州市砀山县人民路5号 收件人张大山 电话 135-0557-1234")
    assert summary_lines(body).startswith("砀山酥梨")
