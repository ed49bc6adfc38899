"""Twenty-eighth round: address changes said loosely and addresses said aloud (blind pair 28).

1. A part of the address named and said wrong first, the right word after it (镇子写错了 不是石角镇 是汤塘镇 / 镇写错了
   是汤塘镇 / 镇子写错了 汤塘镇 / 地址写错了 不是8号 是18号) puts that word right: it was 我没太明白 (fallback), the
   parcel still going to the old town.
2. The receiver said wrong with 写 (收件人写错了 是王芳) is the new receiver: 收件人写 was read as a label and 错了 as
   the name, so nothing changed.
3. A street number put right (门牌号不对 是18号) replaces the old one (…XX路18号): it was ADDED after it
   (…XX路8号18号), an address no courier finds.
4. A phone changed to a number no mobile has (收货电话换成１３５００１３５００, ten digits) is asked again and
   nothing is changed: it was read as an order question (您还没有订单).
5. An address dictated by voice (嗯 那个 地址 你给我写 写 河南 洛阳 嵩县 城关镇 东街 不对 是西街 18号 啊 我叫 王秀英
   电话是 一三八 三七九 二 五六 七八): fillers and 写 写 left out, the part put right as it was said (西街), the pieces
   of the place joined, the phone read from Chinese digits in groups; it was a search for 「地址写写城关镇…」.
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

HONEY = "春中宝蜂蜜500g来两瓶"
HONEY_LINE = "春中宝蜂蜜 500g ×2瓶（共1kg），116元"


# --- 1. a part named and said wrong, then the right word --------------------------------------------------------

async def test_a_part_said_wrong_then_the_right_word_puts_it_right(client):
    async def check(said, shown):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round28-part")
        await chat.say(HONEY)
        body = await chat.say(said)
        assert body["intent"] == "change_address"
        assert f"寄到：张三 138****8000 广东省清远市佛冈县{shown}" in body["reply"]
        assert summary_lines(body) == HONEY_LINE

    await each_case(check, [
        ("镇子写错了 不是石角镇 是汤塘镇", "汤塘镇XX路8号"),
        ("镇写错了 是汤塘镇", "汤塘镇XX路8号"),
        ("镇子写错了，汤塘镇", "汤塘镇XX路8号"),
        ("镇名不对 应该是龙山镇", "龙山镇XX路8号"),
        ("地址写错了 不是8号 是18号", "石角镇XX路18号"),
    ], spread=True)


async def test_a_place_asked_about_is_no_change(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round28-part-asked")
    await chat.say(HONEY)
    body = await chat.say("镇写错了 是哪个镇")
    assert "已改为" not in body["reply"]


# --- 2. the receiver said wrong with 写 ------------------------------------------------------------------------------

async def test_the_receiver_said_wrong_is_the_new_one(client):
    async def check(said, name):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round28-receiver")
        await chat.say(HONEY)
        body = await chat.say(said)
        assert f"寄到：{name} 138****8000 广东省清远市佛冈县石角镇XX路8号" in body["reply"]

    await each_case(check, [
        ("收件人写错了 是王芳", "王芳"),
        ("收货人写错了，应该是李秀英", "李秀英"),
        ("收件人填错了 是赵强", "赵强"),
    ], spread=True)


# --- 3. the street number replaced ------------------------------------------------------------------------------

async def test_a_street_number_put_right_replaces_the_old_one(client):
    async def check(said, shown):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round28-house")
        await chat.say(HONEY)
        body = await chat.say(said)
        assert f"广东省清远市佛冈县{shown}" in body["reply"]
        assert "8号18号" not in body["reply"]

    await each_case(check, [
        ("门牌号不对 是18号", "石角镇XX路18号"),
        ("门牌号写错了 应该是28号", "石角镇XX路28号"),
        ("门牌号改一下 是3栋1单元502", "石角镇XX路8号3栋1单元502"),
    ], spread=True)


# --- 4. a phone of the wrong length ---------------------------------------------------------------------------------

async def test_a_phone_no_mobile_has_is_asked_again(client):
    async def check(said, number):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round28-phone")
        await chat.say(HONEY)
        body = await chat.say(said)
        assert body["intent"] == "change_address"
        assert f"这个号码{number}" in body["reply"]
        assert "已改为" not in body["reply"]

    await each_case(check, [
        ("收货电话换成１３５００１３５００", "1350013500"),
        ("手机号写错了 是139123456789", "139123456789"),
        ("电话改成 1390013900", "1390013900"),
    ], spread=True)


async def test_a_phone_of_eleven_digits_still_changes(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round28-phone-ok")
    await chat.say(HONEY)
    body = await chat.say("收货电话换成１３５００１３５０００")
    assert "寄到：张三 135****5000" in body["reply"]


# --- 5. an address dictated by voice ----------------------------------------------------------------------------

async def test_an_address_said_aloud_is_saved_as_meant(client):
    async def check(said, saved):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round28-voice", address=False)
        body = await chat.say(said)
        assert body["intent"] == "change_address"
        assert f"收货地址已保存：{saved}" in body["reply"]

    await each_case(check, [
        ("嗯 那个 地址 你给我写 写 河南 洛阳 嵩县 城关镇 东街 不对 是西街 18号 啊 我叫 王秀英 "
         "电话是 一三八 三七九 二 五六 七八",
         "王秀英 138****5678 河南省洛阳市嵩县城关镇西街18号"),
        ("那个 寄到 湖北 十堰 郧西 上津镇 不对不对是关防乡 嗯 我叫 张大爷 电话 幺三八 零零幺三 八零零零",
         "张大爷 138****8000 湖北省十堰市郧西县关防乡"),
        ("啊 地址是 河南 洛阳 栾川县 城关镇 五号 说错了 应该是八号 收货人 李桂兰 电话 13912345678",
         "李桂兰 139****5678 河南省洛阳市栾川县城关镇八号"),
    ], spread=True)


async def test_an_order_waiting_for_an_address_said_aloud_is_placed_there(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round28-voice-order", address=False)
    await chat.say(HONEY)
    body = await chat.say("嗯 地址 你帮我记一下 河南 洛阳 嵩县 城关镇 东街 不对 是西街 18号 我叫 王秀英 "
                          "电话 一三八 三七九 二 五六 七八")
    assert "寄到：王秀英 138****5678 河南省洛阳市嵩县城关镇西街18号" in body["reply"]
    placed = await chat.say("确认")
    assert placed["order"]["total_fen"] == 11600
