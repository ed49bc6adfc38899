"""Twenty-fourth round (lead): kinds found by trying the assistant as a shopper would, outside the labelled sets.

1. A face, a hand or a heart set after the words (能便宜点吗🙏, 有满减吗😊, 谢谢❤️) says nothing of what is
   asked: the question is answered as without it (能便宜点吗🙏 was 没太明白). A face alone is read as before; a
   gesture of yes (👍) still says yes, and a food emoji still names its food.
2. A discount asked of the love card (爱心卡能打折吗, 爱心卡有优惠吗, 买卡有折扣吗) is answered: the card sells
   at its face value (it was the balance of the customer's cards, or an order of one card).
3. Whether the shop delivers somewhere, asked with no goods (市区能送吗, 我在乡下 送不送, 你们送货到村里吗,
   县城能配送吗, 上门送吗, 新疆能送吗) gets the shipping answer, saying it delivers: it was 没有找到「市区能送」,
   没太明白, an order listing Xinjiang's goods, or the status of the customer's orders. Places beyond the
   mainland's divisions (香港能寄吗, 寄到台湾要几天, 国外能发吗) are told the goods cannot be sent there (it said 3
   to 5 days). A courier asked for (发顺丰吗, 静宁苹果走顺丰吗, 用的什么快递) is told the supplier chooses it (it
   was 没有找到「发顺丰」).

Found in the blind pair 24 (docs/chat.md "Twenty-fourth round (lead)"), each tried with sentences of our own:

4. A yes said with a part of the summary found right or something to send later (地址没问题，确定;
   确认，开票抬头后面再发你) places the order: it was 没有找到「地址没问题」 or the invoice answer, nothing placed.
5. A line refused and replaced in one message (算了不要5斤的了，换成10斤的两箱; 不要这个了 换成…) changes the
   line: it CANCELLED THE DRAFT (or kept the old line beside the new one).
6. A share said beside the total of its pack (团购…每人一盒 我这边要6盒) buys the total: it was one box, "no count
   of people said"; 我这边 names no goods.
7. A product word said short or mistyped (红寺堡枸 / 红寺堡枸杀, 250克的) is the product whose name it begins: it
   PUT SIX BOTTLES OF THE COUNTY'S WINE IN THE DRAFT (588元).
8. 退了 said of an order not paid (那个订单给我退了嘛，还没付钱的) cancels it: it was read as paying it; a refund
   asked of an order paid (那单付了钱的 能退吗) is after-sales, never a payment.
9. An address the shop cannot take is told why: beyond the mainland (寄去香港九龍旺角彌敦道XX號，收件人陳生 — it
   was a search; at a summary 寄到台湾台北市… SAVED A BROKEN ADDRESS); a landline and no mobile (…刘女士
   010-8888-6666: it was the customer's orders).
10. How buying here goes (想了解下在这采购的整个流程，从下单到开票) is answered step by step (it was the invoice
    answer); thanks for goods bought before (谢谢啊，上回买的东西收到了，挺好) is 不客气 (it was the orders); a
    group's forwarded post (【转发】@所有人 今晚8点直播间抢红包 速度进群) gets the shop's own answer.
11. Which of two named things is the better buy (静宁苹果和洛川苹果哪个划算, 跟…比，哪个划算) gives both prices:
    it listed one (or 没有找到「洛川苹果比」). Outdoor food said as the purpose (徒步路餐，牦牛肉干要400克) keeps
    the order (it was 没有找到「徒步路餐、牦牛肉干」). A pinyin syllable glued to Chinese characters spells the
    catalogue word with them (有没有静宁ping果).
"""
from __future__ import annotations

from pathlib import Path

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import my_orders, open_shop, summary_lines, with_address

LEAD = Path(__file__).parent / "data" / "chat_round24_lead_catalog.csv"  # 红寺堡 goji and wine, 新宁 oranges in 2 sizes

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


async def test_a_yes_with_the_summary_found_right_or_more_to_come_places_it(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "yes-more")
        await chat.say("来两箱静宁苹果")
        placed = await chat.say(said)
        assert placed["order"] is not None, placed["reply"]
        assert placed["order"]["total_fen"] == 11_600

    await each_case(check, ["地址没问题，确定", "确认，开票抬头后面再发你", "对 确认 发票后面再说", "数量对的 下单吧"])


async def test_a_line_refused_and_replaced_is_changed_never_cancelled(client):
    async def check(first, said, line):
        chat = await open_shop(client, LEAD, "replaced")
        await chat.say(first)
        assert summary_lines(await chat.say(said)) == line

    await each_case(check, [
        ("来一箱新宁脐橙5斤的", "算了不要5斤的了，换成10斤的两箱", "新宁脐橙 10斤 ×2箱（共20斤），124元"),
        ("来一箱新宁脐橙5斤的", "5斤的不要了 换10斤的", "新宁脐橙 10斤 ×1箱（共10斤），62元"),
        ("来一箱新宁脐橙5斤的", "不要这个了 换成盐池滩羊肉两袋", "盐池滩羊肉 500g ×2袋（共1kg），136元"),
    ], spread=True)


async def test_a_share_beside_the_total_buys_the_total(client):
    async def check(said, line):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "share-total")
        body = await chat.say(said)
        assert summary_lines(body) == line
        assert "没说几个人" not in body["reply"]

    await each_case(check, [
        ("【转发】@王会计 团购和田骏枣礼盒，每人一盒🙏 我这边要6盒", "和田骏枣 礼盒 2kg ×6盒（共12kg），588元"),
        ("每人一盒和田骏枣礼盒 一共要20盒", "和田骏枣 礼盒 2kg ×20盒（共40kg），1960元"),
    ], spread=True)


async def test_a_share_alone_is_still_one_each(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "share-alone")
    body = await chat.say("每人一盒和田骏枣礼盒")
    assert "没说几个人" in body["reply"], body["reply"]


async def test_a_product_said_short_is_the_one_it_begins(client):
    async def check(said, line):
        chat = await open_shop(client, LEAD, "said-short")
        assert summary_lines(await chat.say(said)) == line

    await each_case(check, [
        ("半打红寺堡枸杀 250克的", "红寺堡枸杞 头茬 250g ×6袋（共1.5kg），234元"),
        ("红寺堡枸来一袋500g的", "红寺堡枸杞 500g ×1袋（共500g），69元"),
    ], spread=True)


async def test_sent_back_of_an_order_not_paid_cancels_it(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "sent-back")
    await chat.say("来两箱静宁苹果")
    placed = await chat.say("确认")
    body = await chat.say("那个订单给我退了嘛，还没付钱的")
    assert body["intent"] == "cancel_order", body["reply"]
    [order] = [o for o in await my_orders(chat) if o["order_no"] == placed["order"]["order_no"]]
    assert order["status"] == "cancelled"


async def test_a_refund_asked_of_an_order_paid_is_after_sales(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "refund-asked")
    body = await chat.say("那单付了钱的 能退吗")
    assert body["intent"] == "ask_info", body["reply"]
    assert "退款" in body["reply"]


async def test_an_address_the_shop_cannot_take_is_told_why(client):
    async def check(said, answer):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "address-elsewhere", address=False)
        body = await chat.say(said)
        assert body["intent"] == "change_address", body["reply"]
        assert answer in body["reply"], body["reply"]
        addresses = await (await chat.client.get("/api/v1/me/addresses", headers=chat.headers)).json()
        assert addresses["items"] == []

    await each_case(check, [
        ("寄去香港九龍旺角彌敦道XX號，收件人陳生", MAINLAND_ONLY),
        ("收货地址：台湾台北市信义路5号 王小明 0912345678", MAINLAND_ONLY),
        ("公司收货：北京市朝阳区XX大厦1201 行政部刘女士 010-8888-6666", "座机号不行"),
    ], spread=True)


async def test_an_address_beyond_the_mainland_at_a_summary_keeps_the_old_one(client):
    chat = await with_address(await open_shop(client, DEMO_CATALOG_CSV, "beyond-summary", address=False))
    await chat.say("来两箱静宁苹果")
    body = await chat.say("寄到台湾台北市信义路5号 王小明 0912345678")
    assert MAINLAND_ONLY in body["reply"], body["reply"]
    placed = await chat.say("确认")
    assert "台湾" not in placed["reply"], placed["reply"]


async def test_a_street_named_after_a_place_beyond_is_a_mainland_address(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "hongkong-road", address=False)
    body = await chat.say("湖北省武汉市江岸区香港路88号 李四 13900139000")
    assert "收货地址已保存" in body["reply"], body["reply"]


async def test_talk_around_the_shop_gets_its_answer(client):
    async def check(said, intent, answer):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "shop-talk")
        body = await chat.say(said)
        assert body["intent"] == intent, body["reply"]
        assert answer in body["reply"], body["reply"]

    await each_case(check, [
        ("我是单位行政，想了解下在这采购的整个流程，从下单到开票", "help", "付款"),
        ("购买流程是怎样的", "help", "确认订单"),
        ("谢谢啊，上回买的东西收到了，挺好", "greet", "不客气"),
        ("【转发】@所有人 今晚8点直播间抢红包🧧🧧 速度进群👉", "fallback", "群里转发"),
    ], spread=True)


async def test_the_better_buy_of_two_named_gets_both_prices(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "better-buy")
        body = await chat.say(said)
        assert body["intent"] == "ask_price", body["reply"]
        assert "58元/箱" in body["reply"]
        assert "69元/箱" in body["reply"]

    await each_case(check, ["静宁苹果和洛川苹果哪个划算", "静宁苹果跟洛川苹果比，哪个划算",
                            "静宁苹果还是洛川苹果 哪个实惠"])


async def test_the_purpose_or_a_pinyin_syllable_keeps_the_goods(client):
    async def check(said, sku):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "purpose-pinyin")
        body = await chat.say(said)
        assert sku in [p["sku"] for p in body["products"]] + [body["slots"]["sku"]], body["reply"]

    await each_case(check, [
        ("徒步路餐，牦牛肉干要400克", "SC-LT-0001"),
        ("有没有静宁ping果", "GS-JN-0001"),
    ], spread=True)
