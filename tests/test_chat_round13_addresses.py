"""Thirteenth round, addresses given in pieces: a held-out set (kept outside the repository) showed the assistant
losing the pieces of an address said over several turns, in any order, or inside an order while a choice was
pending. Fixed as rules and tried here with sentences of our own, as the shopper sees them (the reply, the address
saved, the summary, the order placed):

1. a receiver alone (寄给我妈 王秀珍 / 收货人 曾师傅 / 收件人：李桂兰), a phone alone, a place alone are kept in the
   dialogue state, the reply says what is still missing, nothing is saved until receiver, phone and place are there;
2. a place and a name on one line with no phone (河南省…三组 李国强) is change_address, kept, and asks for the phone;
3. an address piece inside an order while a choice is pending: the choice made and the piece kept;
4. English labels (address: … name: … tel: …) and a latin name beside the phone;
5. a change after the summary (寄到我哥那 宁夏…): a new place, the same receiver and phone; 对 就这 confirms;
6. guards: 寄到我公司去 (no address words), order numbers and card codes are no phones, a product is no receiver.
"""
from __future__ import annotations

from pathlib import Path

from models.paths import DEMO_CATALOG_CSV
from tests.support.chat import Chat, my_orders, open_shop, summary_lines


async def saved(chat: Chat) -> list[dict]:
    resp = await chat.client.get("/api/v1/me/addresses", headers=chat.headers)
    return (await resp.json())["items"]


async def default_line(chat: Chat) -> str:
    [a] = [a for a in await saved(chat) if a["is_default"]]
    return f"{a['name']} {a['phone']} {a['province']}{a['city']}{a['county']}{a['detail']}"


# --- 1. pieces over several turns, no order under way ------------------------------------------------------------

async def test_a_receiver_a_phone_and_a_place_said_one_by_one_are_kept_then_saved(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "pieces", address=False)
    first = await chat.say("寄给我妈 王秀珍")
    assert first["intent"] == "change_address", first["reply"]
    assert "还差省市县+详细地址和手机号" in first["reply"]
    assert await saved(chat) == []  # never a half-written address
    second = await chat.say("电话 13619971234")
    assert "还差省市县+详细地址" in second["reply"], second["reply"]
    assert "收件人姓名" not in second["reply"]
    third = await chat.say("地址 宁夏固原市西吉县吉强镇")
    assert "收货地址已保存" in third["reply"], third["reply"]
    assert await default_line(chat) == "王秀珍 13619971234 宁夏回族自治区固原市西吉县吉强镇"


async def test_a_phone_then_places_then_the_name_alone_completes_the_address(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "phone-first", address=False)
    await chat.say("手机号是139 1234 5678")
    await chat.say("地址 宁夏固原市西吉县吉强镇")
    placed = await chat.say("送到 湖南省娄底市新化县上梅镇 新化一中食堂")  # the newer place wins
    assert "还差收件人姓名" in placed["reply"], placed["reply"]
    named = await chat.say("曾师傅")
    assert named["intent"] == "change_address", named["reply"]
    assert await default_line(chat) == "曾师傅 13912345678 湖南省娄底市新化县上梅镇新化一中食堂"


# --- 2. a place and a name on one line, no phone -----------------------------------------------------------------

async def test_a_place_and_a_name_with_no_phone_is_kept_and_the_phone_asked(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "place-name", address=False)
    await chat.say("收件人：李桂兰")
    body = await chat.say("河南省周口市郸城县汲冢镇李庄村三组 李国强")
    assert body["intent"] == "change_address", body["reply"]
    assert "还差手机号" in body["reply"]
    assert body["products"] == []
    await chat.say("13700001234")
    assert await default_line(chat) == "李国强 13700001234 河南省周口市郸城县汲冢镇李庄村三组"


# --- the order with no saved address: pieces over three turns, confirmed -----------------------------------------

async def test_with_no_saved_address_an_order_takes_the_pieces_of_three_turns_and_is_placed_there(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "three-turns", address=False)
    await chat.say("金线美大米两袋")
    name = await chat.say("收货人 王芳")
    assert "还差省市县+详细地址和手机号" in name["reply"], name["reply"]
    await chat.say("地址 宁夏固原市西吉县吉强镇新华街5号")
    body = await chat.say("电话 13912345678")
    assert "寄到：王芳 139****5678 宁夏回族自治区固原市西吉县吉强镇新华街5号" in body["reply"], body["reply"]
    placed = await chat.say("对 就这")
    assert placed["intent"] == "confirm", placed["reply"]
    [order] = await my_orders(chat)
    assert order["total_fen"] == 9000
    assert order["shipping"]["name"] == "王芳"
    assert order["shipping"]["detail"] == "吉强镇新华街5号"


async def test_pieces_said_before_the_order_are_asked_to_be_completed_when_it_comes(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "before-order", address=False)
    await chat.say("收件人：李桂兰")
    ordered = await chat.say("金线美大米两袋")
    assert "还差省市县+详细地址和手机号" in ordered["reply"], ordered["reply"]
    await chat.say("13512345678")
    body = await chat.say("送到 湖南省娄底市新化县上梅镇 新化一中食堂")
    assert "寄到：李桂兰 135****5678 湖南省娄底市新化县上梅镇新化一中食堂" in body["reply"], body["reply"]


# --- 3. an address piece inside an order while a choice is pending -----------------------------------------------

async def test_an_address_piece_inside_the_choice_keeps_both(client, tmp_path: Path):
    catalog = tmp_path / "catalog.csv"
    catalog.write_bytes(DEMO_CATALOG_CSV.read_bytes() + (
        "SX-FS-0002,吕梁小米 5kg,吕梁山,粮油米面,袋,68.00,300,方山县小杂粮专业合作社,合作社,山西省,吕梁市,方山县,"
        "SX-FP-2020-52950,2027-09-30,140,小米|杂粮|方山|吕梁,黄小米|粟米\n").encode())
    chat = await open_shop(client, catalog, "choice", address=False)
    listed = await chat.say("吕梁小米")
    assert len(listed["products"]) == 2, listed["reply"]
    body = await chat.say("五公斤一袋的 来两袋 寄到山西省吕梁市岚县东村镇")
    assert "还差收件人姓名和手机号" in body["reply"], body["reply"]
    done = await chat.say("赵四 13812345678")
    assert summary_lines(done) == "吕梁小米 5kg ×2袋（共10kg），136元"
    assert "寄到：赵四 138****5678 山西省吕梁市岚县东村镇" in done["reply"]


# --- 4. English labels -------------------------------------------------------------------------------------------

async def test_english_labels_and_a_latin_name_are_an_address(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "english", address=False)
    body = await chat.say("address: 广州市天河区体育西路100号 Tony 13500001111")
    assert body["intent"] == "change_address", body["reply"]
    assert await default_line(chat) == "Tony 13500001111 广东省广州市天河区体育西路100号"
    again = await chat.say("name: 王小明 tel: 13500002222 address: 广州市天河区体育西路100号")
    assert again["intent"] == "change_address", again["reply"]
    assert await default_line(chat) == "王小明 13500002222 广东省广州市天河区体育西路100号"


# --- 5. a change after the summary, a phone changed on a saved address -------------------------------------------

async def test_a_new_place_after_the_summary_keeps_the_receiver_and_phone_and_is_confirmed(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "brother")
    await chat.say("金线美大米两袋")
    body = await chat.say("哦不对 寄到我哥那 宁夏中卫市海原县海城镇文化街")
    assert "寄到：张三 138****8000 宁夏回族自治区中卫市海原县海城镇文化街" in body["reply"], body["reply"]
    placed = await chat.say("对 就这")
    assert placed["intent"] == "confirm", placed["reply"]
    [order] = await my_orders(chat)
    assert order["shipping"]["county"] == "海原县"


async def test_a_phone_alone_changes_the_phone_of_the_saved_address(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "new-phone")
    body = await chat.say("电话 13619971234")
    assert body["intent"] == "change_address", body["reply"]
    assert await default_line(chat) == "张三 13619971234 广东省清远市佛冈县石角镇XX路8号"


# --- 6. guards ---------------------------------------------------------------------------------------------------

async def test_guards_no_address_words_order_numbers_card_codes_and_products_are_no_pieces(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "guards", address=False)
    company = await chat.say("寄到我公司去")
    assert company["intent"] != "change_address", company["reply"]
    number = await chat.say("订单号 20261205751630705489")
    assert number["intent"] == "order_status", number["reply"]
    code = await chat.say("卡号 AX12345678901")
    assert code["intent"] == "claim_card", code["reply"]
    await chat.say("收货人 王芳")
    honey = await chat.say("土蜂蜜")
    assert honey["products"] != [], honey["reply"]
    whole = await chat.say("13800138000 广东省清远市佛冈县石角镇3栋2单元501 张三")
    assert "收货地址已保存" in whole["reply"], whole["reply"]
    assert await default_line(chat) == "张三 13800138000 广东省清远市佛冈县石角镇3栋2单元501"
