"""Twenty-fourth round (lead): kinds found by trying the assistant as a shopper would, outside the labelled sets.

1. A face, a hand or a heart set after the words (能便宜点吗🙏, 有满减吗😊, 谢谢❤️) says nothing of what is asked: the
   question is answered as without it (能便宜点吗🙏 was 没太明白). A face alone is read as before; a gesture of yes
   (👍) still says yes, and a food emoji still names its food.
2. A discount asked of the love card (爱心卡能打折吗, 爱心卡有优惠吗, 买卡有折扣吗) is answered: the card sells at
   its face value (it was the balance of the customer's cards, or an order of one card).
3. Whether the shop delivers somewhere, asked with no goods (市区能送吗, 我在乡下 送不送, 你们送货到村里吗, 县城能配送吗,
   上门送吗, 新疆能送吗) gets the shipping answer, saying it delivers: it was 没有找到「市区能送」, 没太明白, an order
   listing Xinjiang's goods, or the status of the customer's orders. Places beyond the mainland's divisions (香港能寄吗,
   寄到台湾要几天, 国外能发吗) are told the goods cannot be sent there (it said 3 to 5 days). A courier asked for
   (发顺丰吗, 静宁苹果走顺丰吗, 用的什么快递) is told the supplier chooses it (it was 没有找到「发顺丰」).
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

NO_PROMOTIONS = "没有满减、优惠券"
FACE_VALUE = "爱心卡按面值卖"
DELIVERS = "能送，内地的地址都能寄到"
MAINLAND_ONLY = "只能寄到内地（大陆）的地址"
COURIER = "快递公司由发货的供货商家选"


async def test_a_mood_set_after_the_words_is_read_as_without_it(client):
    async def check(said, answer):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "mood")
        body = await chat.say(said)
        assert answer in body["reply"], body["reply"]

    await each_case(check, [
        ("能便宜点吗🙏", NO_PROMOTIONS),
        ("能便宜点吗😊", NO_PROMOTIONS),
        ("有满减吗🤔", NO_PROMOTIONS),
        ("包邮吗❤️", "运费以下单时显示为准"),
        ("有没有🍯😋", "蜂蜜"),
    ], spread=True)


async def test_a_yes_gesture_with_a_face_still_places_the_order(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "mood-yes")
    assert summary_lines(await chat.say("来两箱静宁苹果")).startswith("静宁苹果")
    placed = await chat.say("👍😄")
    assert placed["intent"] == "confirm", placed["reply"]


async def test_a_discount_asked_of_the_love_card_is_its_face_value(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "card-discount")
        body = await chat.say(said)
        assert body["intent"] == "ask_info", body["reply"]
        assert FACE_VALUE in body["reply"]

    await each_case(check, ["爱心卡能打折吗", "爱心卡可以打折吗", "爱心卡有优惠吗", "买卡有折扣吗"])


async def test_another_platforms_card_is_not_the_love_card(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "jd-card")
    body = await chat.say("京东卡打折吗")
    assert FACE_VALUE not in body["reply"], body["reply"]


async def test_whether_the_shop_delivers_somewhere_is_answered(client):
    async def check(said, answer):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "delivers")
        body = await chat.say(said)
        assert body["intent"] == "ask_info", body["reply"]
        assert answer in body["reply"], body["reply"]
        assert body["products"] == [] or said.startswith("静宁")

    await each_case(check, [
        ("市区能送吗", DELIVERS),
        ("新疆能送吗", DELIVERS),
        ("我在乡下 送不送", DELIVERS),
        ("你们送货到村里吗", DELIVERS),
        ("县城能配送吗", DELIVERS),
        ("上门送吗", DELIVERS),
        ("香港能寄吗", MAINLAND_ONLY),
        ("寄到台湾要几天", MAINLAND_ONLY),
        ("国外能发吗", MAINLAND_ONLY),
        ("发顺丰吗", COURIER),
        ("能不能发中通", COURIER),
        ("用的什么快递", COURIER),
        ("静宁苹果走顺丰吗", COURIER),
    ], spread=True)


async def test_when_it_is_sent_is_not_whether_it_is_delivered(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "when-sent")
    body = await chat.say("今天能发吗")
    assert "48小时内发出" in body["reply"], body["reply"]
    assert DELIVERS not in body["reply"]


async def test_giving_and_ordering_are_not_delivery_questions(client):
    async def check(said, intent):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "not-delivery")
        body = await chat.say(said)
        assert body["intent"] == intent, body["reply"]
        assert DELIVERS not in body["reply"]

    await each_case(check, [
        ("爱心卡能送吗", "ask_info"),  # giving a card held: how to give it
        ("来两箱静宁苹果 能送吗", "order"),
    ], spread=True)
