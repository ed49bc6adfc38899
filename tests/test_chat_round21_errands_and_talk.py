"""Twenty-first round: errands, questions about the world and small talk, welfare for a group (bot/errands.py,
bot/world_questions.py, bot/welfare.py).

1. Errands and services the shop does not do, named in words the service lists lacked or with the errand's own verb
   (话费充值 50, 年夜饭 饭店预订, 全家福拍照 预约, 抢票 腊月二十八 回家, 春节回家的卧铺票, 过年出国旅游 泰国团,
   上门洗油烟机, 交交通罚款): fallback, 这个我们办不了 with the kind of service named, never an order, never
   没有找到「…」, never the other-card answer. Goods said with 订 / 预订 stay goods (订两箱苹果, 预订年货礼盒); a
   service asked whether sold or priced keeps its kind (有电影票吗, 上门修空调多少钱), and 买三张博物馆门票 stays an
   order not found.
2. Questions about the world and small talk (春晚几点开始, 明天会下雪吗, 放假几天, 高铁几点到, 你吃饭了吗): fallback,
   never a search; a question about the shop keeps its kind (过年放假还发货吗, 快递几点到).
3. Welfare for a group said without goods (给30个员工发福利, 公司年底给员工发点东西, 村里六十个老人 过年慰问):
   recommend, the shop's gift boxes, never 没有找到; the people counted kept on `Understanding.heads`; goods named
   beside it (公司发福利 订二十瓶蜂蜜) still order.

Over the demo catalogue.
"""
from __future__ import annotations

from bot import welfare
from bot.understanding import Understanding
from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop


async def _replies(client, messages: tuple[str, ...]) -> dict[str, dict]:
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21e")
    return {message: await chat.say(message) for message in messages}


# --- 1. errands --------------------

async def test_errands_are_a_short_honest_fallback_naming_their_kind(client):
    async def check(message, kind):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-errand")
        body = await chat.say(message)
        assert body["intent"] == "fallback", body["reply"]
        assert "这个我们办不了" in body["reply"]
        assert "这类服务都办理不了" in body["reply"]
        assert kind in body["reply"], body["reply"]
        assert "没有找到" not in body["reply"]
        assert "别的卡和券" not in body["reply"]
        assert body["products"] == []
        assert body["slots"]["qty"] is None

    await each_case(check, [
        ("话费充值 50", "充话费"), ("流量充值 30块", "充话费"), ("年夜饭 饭店预订", "订餐"), ("订个年夜饭包间", "订餐"),
        ("全家福拍照 预约", "拍照"), ("婚纱照拍摄 预约", "拍照"), ("抢票 腊月二十八 回家", "订票"),
        ("春节回家的卧铺票", "订票"), ("学生票 寒假回家", "订票"), ("订张正月初六的卧铺票", "订票"),
        ("过年出国旅游 泰国团", "旅游"), ("国庆去云南旅游 跟团", "旅游"), ("上门洗油烟机", "上门维修"),
        ("上门清洗空调", "上门维修"), ("交交通罚款", "交费"), ("缴一下物业费", "交费"), ("帮我叫个车", "叫车"),
    ], spread=True)


async def test_goods_booked_and_services_asked_keep_their_kind(client):
    said = await _replies(client, ("订两箱苹果", "预订年货礼盒", "有电影票吗", "上门修空调多少钱", "买三张博物馆门票"))
    assert said["订两箱苹果"]["intent"] == "order"
    assert said["订两箱苹果"]["products"] != []
    assert said["预订年货礼盒"]["products"] != []
    assert said["有电影票吗"]["intent"] == "search"
    assert said["上门修空调多少钱"]["intent"] == "ask_price"
    assert said["买三张博物馆门票"]["intent"] == "order"
    assert "没有找到「博物馆门票」" in said["买三张博物馆门票"]["reply"]


# --- 2. the world and small talk --------------------

async def test_questions_about_the_world_are_fallback_not_a_search(client):
    said = await _replies(client, ("春晚几点开始", "世界杯什么时候开赛", "明天会下雪吗", "周末会下雨吗", "放假几天",
                                   "放几天假", "什么时候放假", "高铁几点到", "飞机什么时候起飞", "枣庄是哪个省"))
    assert {m: b["intent"] for m, b in said.items()} == dict.fromkeys(said, "fallback")
    assert [m for m, b in said.items() if "没有找到" in b["reply"] or b["products"]] == []
    assert said["春晚几点开始"]["reply"].startswith("抱歉，日期、时间、天气这些我查不了")


async def test_small_talk_is_answered_kindly(client):
    said = await _replies(client, ("你吃饭了吗", "吃了没", "你几岁了"))
    assert {m: b["intent"] for m, b in said.items()} == dict.fromkeys(said, "fallback")
    assert all(b["reply"].startswith("哈哈，我是爱心助农的下单助手") for b in said.values()), said


async def test_questions_about_the_shop_keep_their_kind(client):
    said = await _replies(client, ("过年放假还发货吗", "快递几点到"))
    assert "fallback" not in {b["intent"] for b in said.values()}, said
    assert [m for m, b in said.items() if "查不了" in b["reply"]] == []


# --- 3. welfare for a group --------------------

async def test_welfare_for_a_group_is_advice_with_gifts(client):
    said = await _replies(client, ("给30个员工发福利", "公司年底给员工发点东西", "村里六十个老人 过年慰问",
                                   "工会给200名职工准备点年货", "给50户贫困户送点东西"))
    assert {m: b["intent"] for m, b in said.items()} == dict.fromkeys(said, "recommend")
    assert [m for m, b in said.items() if "没有找到" in b["reply"]] == []
    assert [m for m, b in said.items() if "礼盒" not in b["reply"]] == []
    assert {m: b["slots"]["qty"] for m, b in said.items()} == dict.fromkeys(said)


async def test_welfare_with_goods_named_is_still_an_order(client):
    said = await _replies(client, ("公司发福利 订二十瓶蜂蜜",))
    assert said["公司发福利 订二十瓶蜂蜜"]["intent"] == "order"
    assert "蜂蜜" in said["公司发福利 订二十瓶蜂蜜"]["reply"]


def test_the_people_counted_are_kept_for_the_next_message():
    said = ("给30个员工发福利", "村里六十个老人过年慰问", "公司年底给员工发点东西")
    counted = {text: Understanding(text=text, intent="search") for text in said}
    for u in counted.values():
        welfare.revise(u)
    assert {t: u.heads for t, u in counted.items()} == {"给30个员工发福利": 30, "村里六十个老人过年慰问": 60,
                                                        "公司年底给员工发点东西": None}
