"""Thirtieth round: services asked as if shopping (pair 30, offcat30).

1. The car and its fuel (帮我加个油, 附近哪里有加油站, 92号汽油今天多少钱一升, 柴油怎么买, 充电桩在哪充电, 汽车保养一次
   多少钱, 附近哪有换胎的) were searches, prices or help — 帮我加个油 searched for 「油」: `fallback` now, answered
   that fuel and the car's care are not done here (bot/services_asked.py); 机油 and 轮胎 stay goods asked for.
2. Trips (明天去广州的高铁票还有吗, 飞机票退票怎么退, 帮我查下航班延误没, 学生票怎么买, 米脂到榆林的班车) were stock
   questions, help or searches: `fallback`, a seat, a refund, a flight or a bus line being the carrier's.
3. The bank (花呗怎么提额 — read 提的 by a slip mended —, 怎么开通网银, 我要取现金) was ask_info or a search of
   「开通网银」: `fallback`.
4. A course or an insurance priced or bought (驾校报名多少钱, 核桃编程的课多少钱, 古筝培训班一节课多少钱,
   钢琴陪练怎么收费, 瑜伽私教课多少钱, 给我妈买个养老保险, 家财险怎么买) was a price, an order or help of a
   service sold: `fallback`.
   Whether the shop has one (有没有游泳课, 有没有车险) stays a search answered 没有找到「…」, as the kept sets have it.
5. One's own parcel (帮我寄一箱东西回老家, 你们能帮我寄土特产给亲戚吗 我自己的东西, 寄文件到上海要多久, 京东快递电话
   多少, 国际快递寄药) was an order, a search or an order's status: `fallback`; goods sent to the shopper (苹果给我寄
   两箱) stay an order.
6. A repair (换个手机电池多少钱, 小米手机换屏多少钱, 热水器坏了) was a price or after-sales: `fallback`. 手机贴膜 and
   修手机 换屏 said alone stay things asked for (the kept sets label them so).
7. An app whose name holds a food word, asked how it is used (梨视频怎么下载, 荔枝FM怎么用, 土豆网还能看吗, 苹果ID
   密码忘了), was a search or help — with the shop's pears, lychees, potatoes and apples at hand: `fallback`, the
   food word being part of the name; 梨 and 苹果 asked for stay goods.
8. Forms: 我要买作文书 (a book of essays) was homework: an order of a thing not sold; 找一下羽毛球拍 was an order (拍
   of 球拍 read as 拍下, to buy): a search; a pasted title ending 正品 多少钱 (云南文山三七粉100g 田七粉 超细粉 正品
   多少钱) was a question whether genuine: its price asked (正品 alone is a title's selling word; 是正品吗 still
   asks).
"""
from __future__ import annotations

from pathlib import Path

from tests.support.cases import each_case
from tests.support.chat import say_once

SHOP = Path(__file__).parent / "data" / "chat_round30_services_catalog.csv"  # pears, lychees, potatoes, apples …
NOT_FOUND = "没有找到"
CANNOT = "这个我们办不了"


def _set_aside(client):
    async def check(said: str, kind: str) -> None:
        body = await say_once(client, said, SHOP, name="r30-services")
        assert body["intent"] == "fallback", body["reply"]
        assert body["products"] == []
        assert body["order"] is None
        assert CANNOT in body["reply"], body["reply"]
        assert kind in body["reply"], body["reply"]
    return check


# --- 1. the car and its fuel ----------------------------------------------------------------------------------------

async def test_fuel_and_the_cars_care_are_not_done_here(client):
    await each_case(_set_aside(client), [
        ("帮我加个油", "加油"), ("附近哪里有加油站", "加油"), ("92号汽油今天多少钱一升", "加油"),
        ("柴油怎么买", "加油"), ("充电桩在哪充电", "充电"), ("汽车保养一次多少钱", "汽车保养"),
        ("附近哪有换胎的", "汽车保养"),
    ], spread=True)


async def test_car_goods_stay_goods(client):
    async def check(said, intent, echo):
        body = await say_once(client, said, SHOP, name="r30-services-car-goods")
        assert body["intent"] == intent, body["reply"]
        assert f"{NOT_FOUND}「{echo}" in body["reply"], body["reply"]

    await each_case(check, [("汽车机油什么价", "ask_price", "汽车机油"), ("轮胎多少钱", "ask_price", "轮胎")],
                    spread=True)


# --- 2. trips --------------------------------------------------------------------------------------------------------

async def test_trips_are_the_carriers(client):
    await each_case(_set_aside(client), [
        ("明天去广州的高铁票还有吗", "订票"), ("飞机票退票怎么退", "订票"), ("帮我查下航班延误没", "订票"),
        ("学生票怎么买", "订票"), ("米脂到榆林的班车", "订票"),
    ], spread=True)


# --- 3. the bank ----------------------------------------------------------------------------------------------------

async def test_the_bank_is_not_here(client):
    await each_case(_set_aside(client), [
        ("花呗怎么提额", "借贷"), ("怎么开通网银", "银行"), ("我要取现金", "银行"),
    ], spread=True)


# --- 4. courses and insurance priced or bought -----------------------------------------------------------------------

async def test_courses_and_insurance_priced_or_bought(client):
    await each_case(_set_aside(client), [
        ("驾校报名多少钱", "报名"), ("核桃编程的课多少钱", "课程"), ("古筝培训班一节课多少钱", "课程"),
        ("钢琴陪练怎么收费", "课程"), ("瑜伽私教课多少钱", "抱歉"), ("给我妈买个养老保险", "保险"),
        ("家财险怎么买", "保险"),
    ], spread=True)


async def test_whether_the_shop_has_one_stays_a_search(client):
    async def check(said, echo):
        body = await say_once(client, said, SHOP, name="r30-services-has")
        assert body["intent"] == "search", body["reply"]
        assert f"{NOT_FOUND}「{echo}" in body["reply"], body["reply"]
        assert body["order"] is None

    await each_case(check, [("有没有游泳课", "游泳课"), ("有没有车险", "车险")], spread=True)


# --- 5. one's own parcel --------------------------------------------------------------------------------------------

async def test_ones_own_parcel_is_not_sent_here(client):
    await each_case(_set_aside(client), [
        ("帮我寄一箱东西回老家", "寄快递"), ("你们能帮我寄土特产给亲戚吗 我自己的东西", "寄快递"),
        ("寄文件到上海要多久", "寄快递"), ("京东快递电话多少", "寄快递"), ("国际快递寄药", "寄快递"),
    ], spread=True)


async def test_goods_sent_to_the_shopper_stay_an_order(client):
    body = await say_once(client, "庄浪苹果给我寄两箱", SHOP, name="r30-services-sent")
    assert body["intent"] == "order", body["reply"]
    assert body["slots"]["sku"] == "R30S-GSZL-0001"
    assert body["slots"]["qty"] == 2


# --- 6. repairs -----------------------------------------------------------------------------------------------------

async def test_repairs_are_not_done_here(client):
    await each_case(_set_aside(client), [
        ("换个手机电池多少钱", "维修"), ("小米手机换屏多少钱", "维修"), ("热水器坏了", "维修"),
    ], spread=True)


# --- 7. apps named with a food word ---------------------------------------------------------------------------------

async def test_an_apps_food_word_is_no_food(client):
    await each_case(_set_aside(client), [
        ("梨视频怎么下载", "软件"), ("荔枝FM怎么用", "软件"), ("土豆网还能看吗", "软件"), ("苹果ID密码忘了", "软件"),
    ], spread=True)


async def test_the_food_asked_for_stays_goods(client):
    async def check(said, intent, sku):
        body = await say_once(client, said, SHOP, name="r30-services-food")
        assert body["intent"] == intent, body["reply"]
        assert sku in [p["sku"] for p in body["products"]], body["reply"]

    await each_case(check, [
        ("有没有梨", "search", "R30S-AHDS-0001"), ("苹果多少钱", "ask_price", "R30S-GSZL-0001"),
    ], spread=True)


# --- 8. forms -------------------------------------------------------------------------------------------------------

async def test_forms_of_things_asked(client):
    async def check(said, intent, echo):
        body = await say_once(client, said, SHOP, name="r30-services-forms")
        assert body["intent"] == intent, body["reply"]
        assert echo in body["reply"], body["reply"]
        assert body["order"] is None

    await each_case(check, [
        ("我要买作文书", "order", f"{NOT_FOUND}「作文书"), ("找一下羽毛球拍", "search", f"{NOT_FOUND}「羽毛球拍"),
    ], spread=True)


async def test_a_pasted_title_ending_with_genuine_asks_the_price(client):
    body = await say_once(client, "云南文山三七粉100g 田七粉 超细粉 正品 多少钱", SHOP, name="r30-services-title")
    assert body["intent"] == "ask_price", body["reply"]
    assert body["order"] is None


async def test_genuine_asked_is_still_a_question(client):
    body = await say_once(client, "文山三七粉是正品吗", SHOP, name="r30-services-genuine")
    assert body["intent"] == "ask_info", body["reply"]
