"""The chat assistant through `POST /api/v1/chat`, over a real database (SQLite and PostgreSQL)."""
from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from api.keys import DATABASE, WECHATPAY_SANDBOX
from api.wechat.pay_sandbox import wait_for_deliveries
from models.clock import now_utc
from models.storage.database import activated
from models.tables.chat import ChatSession
from tests.support.chat import Chat, my_orders, with_address
from tests.support.http import admin_headers, consumer_headers, import_csv


def core(slots: dict) -> dict:
    """The draft part of the slots (the contract also carries unit and total_qty_text, checked where they matter)."""
    return {k: slots[k] for k in ("sku", "qty", "amount_fen")}


@pytest.fixture
async def admin(client) -> dict[str, str]:
    return await admin_headers(client)


@pytest.fixture
async def shop(client, admin, small_catalog):
    await import_csv(client, small_catalog, admin)
    return client


@pytest.fixture
async def alice(shop) -> Chat:
    return Chat(shop, await consumer_headers(shop, "alice"))


def skus(body: dict) -> list[str]:
    return [p["sku"] for p in body["products"]]


async def test_greeting_in_the_contract_shape(alice):
    body = await alice.say("你好")
    assert body["intent"] == "greet"
    assert body["products"] == []
    assert body["order"] is None
    assert body["suggestions"]


async def test_order_over_several_turns_with_choice_quantity_and_address(alice):
    body = await alice.say("我想买苹果")
    assert body["intent"] == "order"
    assert set(skus(body)) == {"T-APPLE-01", "T-APPLE-02"}
    assert core(body["slots"]) == {"sku": None, "qty": None, "amount_fen": None}
    body = await alice.say("静宁的")
    assert body["intent"] == "order"
    assert body["slots"]["sku"] == "T-APPLE-02"
    assert "几箱" in body["reply"]
    body = await alice.say("两箱")
    assert body["intent"] == "order"
    assert core(body["slots"]) == {"sku": "T-APPLE-02", "qty": 2, "amount_fen": None}
    assert "地址" in body["reply"]
    assert await my_orders(alice) == []
    body = await alice.say("广东省清远市佛冈县石角镇XX路8号 张三 13800138000")
    assert body["intent"] == "change_address"  # an address alone, whatever the step (docs/chat.md)
    assert "收货地址已保存" in body["reply"]
    assert "158元" in body["reply"]
    assert "确认" in body["reply"]
    body = await alice.say("确认")
    assert body["intent"] == "confirm"
    order = body["order"]
    assert order["kind"] == "goods"
    assert order["status"] == "pending_payment"
    assert order["total_fen"] == 15800
    assert order["items"] == [{"sku": "T-APPLE-02", "qty": 2}]
    assert order["order_no"] in body["reply"]
    [listed] = await my_orders(alice)
    assert listed["order_no"] == order["order_no"]
    assert listed["total_fen"] == 15800
    body = await alice.say("确认")  # the draft is gone: confirming again places nothing
    assert body["order"] is None
    assert len(await my_orders(alice)) == 1


async def test_one_message_order_with_the_default_address(alice):
    await with_address(alice)
    body = await alice.say("来两箱静宁苹果")
    assert body["intent"] == "order"
    assert core(body["slots"]) == {"sku": "T-APPLE-02", "qty": 2, "amount_fen": None}
    assert skus(body) == ["T-APPLE-02"]
    assert "确认" in body["reply"]
    body = await alice.say("好的")
    assert body["order"]["items"] == [{"sku": "T-APPLE-02", "qty": 2}]


async def test_corrections_and_an_added_line(alice):
    await with_address(alice)
    await alice.say("来两箱静宁苹果")
    body = await alice.say("改成三箱")
    assert body["intent"] == "order"
    assert core(body["slots"]) == {"sku": "T-APPLE-02", "qty": 3, "amount_fen": None}
    body = await alice.say("换昭通的")
    assert core(body["slots"]) == {"sku": "T-APPLE-01", "qty": 3, "amount_fen": None}
    body = await alice.say("再来两瓶蜂蜜")
    assert body["intent"] == "order"
    assert core(body["slots"]) == {"sku": "T-HONEY-01", "qty": 2, "amount_fen": None}
    assert set(skus(body)) == {"T-APPLE-01", "T-HONEY-01"}
    body = await alice.say("确认下单")
    assert sorted(body["order"]["items"], key=lambda i: i["sku"]) == [
        {"sku": "T-APPLE-01", "qty": 3}, {"sku": "T-HONEY-01", "qty": 2}]
    assert body["order"]["total_fen"] == 3 * 5990 + 2 * 5850


@pytest.mark.parametrize("word", ["取消", "算了", "不要了"])
async def test_cancel_drops_the_draft(alice, word):
    await with_address(alice)
    await alice.say("来两箱静宁苹果")
    body = await alice.say(word)
    assert body["intent"] == "cancel"
    assert core(body["slots"]) == {"sku": None, "qty": None, "amount_fen": None}
    body = await alice.say("确认")
    assert body["intent"] == "confirm"
    assert body["order"] is None
    assert await my_orders(alice) == []


async def test_buying_a_card_asks_for_the_face_value(alice):
    body = await alice.say("我想买一张爱心卡")
    assert body["intent"] == "buy_card"
    assert "200元" in body["reply"]
    assert body["slots"]["amount_fen"] is None
    body = await alice.say("三百")
    assert body["intent"] == "buy_card"
    assert body["slots"]["amount_fen"] is None
    assert "没有" in body["reply"]
    body = await alice.say("两百块的")
    assert body["intent"] == "buy_card"
    assert body["slots"]["amount_fen"] == 20000
    body = await alice.say("好")
    assert body["intent"] == "confirm"
    assert body["order"]["kind"] == "card"
    assert body["order"]["total_fen"] == 20000


async def test_card_with_face_and_count_in_one_message(alice):
    body = await alice.say("买三张500的卡")
    assert body["intent"] == "buy_card"
    assert body["slots"]["amount_fen"] == 50000
    assert "×3" in body["reply"]
    body = await alice.say("确认")
    assert body["order"]["total_fen"] == 150000
    assert body["order"]["kind"] == "card"


async def test_card_balance_and_order_status_answer_from_the_users_own_records(alice, shop):
    body = await alice.say("我的爱心卡还有多少钱")
    assert body["intent"] == "card_balance"
    assert "还没有爱心卡" in body["reply"]
    resp = await shop.post("/api/v1/cards/purchase", json={"face_value_fen": 10000, "quantity": 1},
                           headers=alice.headers)
    order_no = (await resp.json())["order_no"]
    await shop.post(f"/api/v1/orders/{order_no}/pay", json={"method": "wechat"}, headers=alice.headers)
    await wait_for_deliveries(shop.app[WECHATPAY_SANDBOX])
    body = await alice.say("卡里余额还有多少")
    assert body["intent"] == "card_balance"
    assert "100元" in body["reply"]
    body = await alice.say("我的订单到哪了")
    assert body["intent"] == "order_status"
    assert order_no in body["reply"]
    bob = Chat(shop, await consumer_headers(shop, "bob"))
    body = await bob.say("我的订单到哪了")
    assert body["intent"] == "order_status"
    assert order_no not in body["reply"]
    body = await bob.say(f"订单{order_no}发货了吗")
    assert body["intent"] == "order_status"
    assert "没有找到" in body["reply"]


@pytest.mark.parametrize("message, refused", [("我要买秦岭土蜂蜜", "T-HONEY-02"), ("定西土豆粉多少钱", "T-PEND-01")])
async def test_uncertified_or_expired_products_are_refused_with_alternatives(alice, message, refused):
    body = await alice.say(message)
    assert "不能购买" in body["reply"]
    assert refused not in skus(body)
    assert body["slots"]["sku"] is None


async def test_expired_honey_offers_the_certified_one(alice):
    body = await alice.say("我要买秦岭土蜂蜜")
    assert "T-HONEY-01" in skus(body)


async def test_unknown_product(alice):
    body = await alice.say("我想买两斤榴莲")
    assert body["intent"] == "order"
    assert body["products"] == []
    assert "榴莲" in body["reply"]


async def test_origin_filters(alice):
    body = await alice.say("有没有贵州的扶贫产品")
    assert body["intent"] == "search"
    assert skus(body) == ["T-CNJ-01"]
    body = await alice.say("佛冈的有什么")
    assert body["intent"] == "search"
    assert set(skus(body)) == {"T-EGG-01", "T-RICE-01", "T-HONEY-01", "T-GEFEN-01"}


async def test_price_question_then_an_ordinal_pick(alice):
    body = await alice.say("苹果多少钱")
    assert body["intent"] == "ask_price"
    assert len(body["products"]) == 2
    assert "元" in body["reply"]
    last = skus(body)[-1]
    body = await alice.say("最后一个")
    assert body["intent"] == "order"
    assert body["slots"]["sku"] == last


@pytest.mark.parametrize("message, qty", [("来十二瓶春中宝蜂蜜", 12), ("春中宝蜂蜜要二十瓶", 20),
                                          ("买3瓶春中宝蜂蜜", 3), ("春中宝蜂蜜来两瓶", 2)])
async def test_chinese_and_arabic_quantities(alice, message, qty):
    body = await alice.say(message)
    assert body["intent"] == "order"
    assert core(body["slots"]) == {"sku": "T-HONEY-01", "qty": qty, "amount_fen": None}


async def test_half_units_ask_for_a_whole_number(alice):
    body = await alice.say("静宁苹果要两箱半")
    assert core(body["slots"]) == {"sku": "T-APPLE-02", "qty": None, "amount_fen": None}
    assert "整箱" in body["reply"]
    assert "2箱还是3箱" in body["reply"]
    body = await alice.say("3")
    assert body["intent"] == "order"
    assert body["slots"]["qty"] == 3


async def test_the_dialogue_lives_in_the_database_so_any_worker_continues_it(make_client, small_catalog):
    first = await make_client()
    await import_csv(first, small_catalog, await admin_headers(first))
    second = await make_client()
    headers = await consumer_headers(first, "carol")
    body = await Chat(first, headers).say("我想买苹果")
    assert body["slots"]["sku"] is None
    body = await Chat(second, headers).say("第一个")
    assert body["intent"] == "order"
    assert body["slots"]["sku"] == skus(body)[0]


async def test_an_idle_dialogue_expires_after_thirty_minutes(alice, shop):
    await with_address(alice)
    await alice.say("来两箱静宁苹果")
    with activated(shop.app[DATABASE]):
        await ChatSession.all().update(updated_at=now_utc() - timedelta(minutes=31))
    body = await alice.say("确认")
    assert body["order"] is None
    assert await my_orders(alice) == []


async def test_concurrent_messages_from_one_user_leave_a_consistent_draft(alice):
    await with_address(alice)
    bodies = await asyncio.gather(*(alice.say(m) for m in ["来两箱静宁苹果", "来一瓶春中宝蜂蜜", "你好", "苹果多少钱"]))
    assert all(b["reply"] for b in bodies)
    body = await alice.say("确认")
    assert body["intent"] == "confirm"


async def test_a_revoked_product_is_no_longer_offered(alice, shop, admin):
    body = await alice.say("静宁苹果多少钱")
    assert skus(body) == ["T-APPLE-02"]
    resp = await shop.post("/api/v1/admin/products/T-APPLE-02/revoke", json={"reason": "抽检不合格"}, headers=admin)
    assert resp.status == 200, await resp.text()
    body = await alice.say("我要买静宁苹果")
    assert "T-APPLE-02" not in skus(body)
    assert "不能购买" in body["reply"]


HOSTILE = ["", "   ", "😀😀😀", "hello 你好 мир ١٢٣", "'; DROP TABLE \"order\"; --", "\x01\x1b[31m苹果\x07",
           "苹果" * 400, "第999999999999个", "买99999999999999999箱苹果", "\u202e反转文字", "%s%s%n{}{0}",
           "<script>alert(1)</script>"]


@pytest.mark.parametrize("message", HOSTILE)
async def test_hostile_input_gets_a_sensible_reply_and_the_dialogue_goes_on(alice, message):
    await with_address(alice)
    body = await alice.say(message)
    assert body["intent"] in {"greet", "help", "search", "ask_price", "order", "confirm", "cancel", "order_status",
                              "buy_card", "card_balance", "fallback", "ask_info", "recommend", "claim_card",
                              "pay_order", "cancel_order", "change_address"}
    await alice.say("取消")
    body = await alice.say("来一瓶春中宝蜂蜜")
    assert core(body["slots"]) == {"sku": "T-HONEY-01", "qty": 1, "amount_fen": None}


@pytest.mark.parametrize("payload, status", [({"message": "苹果" * 5000}, 422), ({"message": 12}, 422), ({}, 422),
                                             ({"message": "hi", "extra": 1}, 422),
                                             ({"message": "\x00苹果"}, 422)])  # NUL: refused at the edge (422)
async def test_malformed_requests_get_the_error_shape(alice, payload, status):
    resp = await alice.client.post("/api/v1/chat", json=payload, headers=alice.headers)
    assert resp.status == status
    assert set((await resp.json())["error"]) >= {"code", "message"}


async def test_only_consumers_chat(shop, admin):
    resp = await shop.post("/api/v1/chat", json={"message": "你好"})
    assert resp.status == 401
    resp = await shop.post("/api/v1/chat", json={"message": "你好"}, headers=admin)
    assert resp.status == 403


NEW_PRODUCT = (
    "sku,name,brand,category,unit,price,stock,supplier,supplier_type,origin_province,origin_city,origin_county,"
    "cert_no,cert_valid_until,poor_households,tags,aliases\n"
    "T-NUT-01,龙州澳洲坚果 500g,龙州,干货特产,袋,49.9,100,龙州县坚果合作社,合作社,广西壮族自治区,崇左市,龙州县,"
    "GX-FP-T009,2099-12-31,88,坚果|夏威夷果,夏威夷果\n"
).encode()


async def test_a_product_imported_later_is_understood_at_once(alice, shop, admin):
    body = await alice.say("来两袋夏威夷果")
    assert body["products"] == []
    await import_csv(shop, NEW_PRODUCT, admin)
    body = await alice.say("来两袋夏威夷果")
    assert body["intent"] == "order"
    assert core(body["slots"]) == {"sku": "T-NUT-01", "qty": 2, "amount_fen": None}
    body = await alice.say("龙州的有什么")
    assert skus(body) == ["T-NUT-01"]


async def test_several_products_in_one_message(alice):
    await with_address(alice)
    body = await alice.say("来两瓶春中宝蜂蜜和三袋金线美大米")
    assert body["intent"] == "order"
    assert "确认" in body["reply"]
    body = await alice.say("确认")
    assert sorted(body["order"]["items"], key=lambda i: i["sku"]) == [
        {"sku": "T-HONEY-01", "qty": 2}, {"sku": "T-RICE-01", "qty": 3}]


async def test_turns_beyond_the_concurrency_limit_wait_their_turn(make_client, small_catalog):
    """With room for one turn at a time, twelve consumers talking at once are all answered, each in their own
    dialogue."""
    client = await make_client(chat_concurrency=1)
    await import_csv(client, small_catalog, await admin_headers(client))
    chats = [Chat(client, await consumer_headers(client, f"queue-{i}")) for i in range(12)]
    bodies = await asyncio.gather(*(chat.say("我想买蜂蜜") for chat in chats))
    assert all(body["intent"] == "order" for body in bodies)
    picks = await asyncio.gather(*(chat.say("第一个") for chat in chats))
    assert all(body["slots"]["sku"] == bodies[0]["products"][0]["sku"] for body in picks)


async def test_an_address_sent_before_any_order_becomes_the_default(alice):
    body = await alice.say("广东省清远市佛冈县石角镇XX路8号 张三 13800138000")
    assert body["intent"] == "change_address"  # the contract's name for setting the address
    assert "收货地址已保存" in body["reply"]
    assert "138****8000" in body["reply"]
    resp = await alice.client.get("/api/v1/me/addresses", headers=alice.headers)
    items = (await resp.json())["items"]
    assert len(items) == 1, items
    [address] = items
    assert (address["county"], address["name"], address["is_default"]) == ("佛冈县", "张三", True)
    body = await alice.say("来两瓶春中宝蜂蜜")  # the order goes straight to the summary with that address
    assert "请确认订单" in body["reply"]
    assert "张三" in body["reply"]
