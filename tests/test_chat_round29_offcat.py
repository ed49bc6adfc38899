"""Twenty-ninth round: off-catalogue — the lottery, housing, work, the weather, homework, and forms (pair 29, offcat29).

1. 茶几多少钱 was read 茶多少少钱 (几多 taken for Cantonese 多少) and OFFERED the shop's tea as a match: 几多 before 少
   is no 多少, the price of 「茶几」 is asked and nothing is found.
2. A word said apart after a catalogue word, ending with one of its characters (有没有兰花，春兰: a kind of 兰, the
   flower), names a variety the shop lacks: it DRAFTED the 小兰花 tea; 没有找到「兰花、春兰」 now.
3. The lottery (刮刮乐在哪里买, 今晚福彩3D开奖结果, 七星彩几点开奖, 竞彩足球帮我买一注, 彩票店几点关门), housing
   (佛冈县城有没有一室一厅出租, 县城二手房多少钱一平, 宿舍能不能帮我找一个, 房租能用爱心卡交吗 — which STARTED a card
   action), work (我想找份工作, 幼儿园招厨师吗, 快递员还招人吗, 工厂普工一个月多少钱), the weather
   (清远这几天天气怎么样, 重庆明天热不热 — which OFFERED 重庆's goods, 今天适合晒被子吗, 今晚有没有霜冻) and homework
   (勾股定理是什么, 帮我背一下出师表, 帮我出十道口算题) were searches, orders, prices, help or card actions: all are
   `fallback` now, answered short and honestly (bot/life_matters.py); 空调坏了能来修吗 is somebody asked to the door.
   Goods stay goods (有没有工作服, 有没有作业本, 天气热了 想买个电风扇 你们这有吗, 有没有会议室出租), and so does the
   shop's shipping (台风天能发货吗).
4. A verb of getting and a measure word before a thing not sold (来一束郁金香, 来个老人机，大字大声音的) is an order of
   it, not a search; a takeaway dish's price (小米粥外卖多少钱) is asked, not searched for 「小米粥多少钱外卖」.
5. A pasted title of the shop's own goods ending with where it sells from (河南光山麻鸭咸鸭蛋 20枚装 红心流油 信阳特产
   消费帮扶, 宁夏盐池滩羊肉 羊排 1kg 冷冻 清真 吴忠扶贫产品, 黑龙江延寿大米 5kg 东北长粒香 新米 哈尔滨特产) is a search
   showing it, nothing drafted (they were ask_info or orders); 红心流油 says what the eggs are like, no 「红心流」.
"""
from __future__ import annotations

from pathlib import Path

from tests.support.cases import each_case
from tests.support.chat import say_once

SHOP = Path(__file__).parent / "data" / "chat_round29_offcat_catalog.csv"  # tea, 小兰花, 城口, eggs, rice, lamb
NOT_FOUND = "没有找到"


# --- 1. 茶几 -------------------------------------------------------------------------------------------------------

async def test_a_tea_table_is_no_tea(client):
    body = await say_once(client, "茶几多少钱", SHOP, name="r29-offcat-table")
    assert body["intent"] == "ask_price"
    assert f"{NOT_FOUND}「茶几」" in body["reply"], body["reply"]
    assert body["products"] == []


# --- 2. a variety said apart --------------------------------------------------------------------------------------

async def test_an_orchid_named_after_the_flower_is_not_the_tea(client):
    body = await say_once(client, "有没有兰花，春兰", SHOP, name="r29-offcat-orchid")
    assert f"{NOT_FOUND}「兰花、春兰」" in body["reply"], body["reply"]
    assert body["slots"]["sku"] is None
    assert body["order"] is None


# --- 3. life matters asked as if shopping -------------------------------------------------------------------------

async def test_life_matters_are_answered_honestly(client):
    async def check(said, answer):
        body = await say_once(client, said, SHOP, name="r29-offcat-life")
        assert body["intent"] == "fallback", body["reply"]
        assert body["products"] == []
        assert body["order"] is None
        assert answer in body["reply"], body["reply"]

    await each_case(check, [
        ("刮刮乐在哪里买", "彩票"), ("今晚福彩3D开奖结果", "彩票"), ("七星彩几点开奖", "彩票"),
        ("竞彩足球帮我买一注", "彩票"), ("彩票店几点关门", "彩票"),
        ("佛冈县城有没有一室一厅出租", "租房"), ("县城二手房多少钱一平", "买房"), ("宿舍能不能帮我找一个", "租房"),
        ("房租能用爱心卡交吗", "爱心卡也只能买"), ("城里有没有便宜的旅馆长租", "租房"),
        ("我想找份工作，工地的也行", "找工作"), ("幼儿园招厨师吗", "招人"), ("快递员还招人吗", "招人"),
        ("工厂普工一个月多少钱", "找工作"), ("帮我找个开车的活", "找工作"), ("扶贫车间招人吗", "招人"),
        ("清远这几天天气怎么样", "天气"), ("重庆明天热不热", "天气"), ("这周末会不会刮台风", "天气"),
        ("今天适合晒被子吗", "天气"), ("今晚有没有霜冻", "天气"),
        ("勾股定理是什么", "作业"), ("帮我背一下出师表", "作业"), ("五年级语文阅读理解答案", "作业"),
        ("帮我出十道口算题", "作业"), ("论文查重怎么弄", "作业"),
        ("空调坏了能来修吗", "办不了"),
    ], spread=True)


async def test_goods_and_the_shop_beside_such_words_stay(client):
    async def check(said, intent):
        body = await say_once(client, said, SHOP, name="r29-offcat-life-goods")
        assert body["intent"] == intent, body["reply"]

    await each_case(check, [
        ("有没有工作服，工地穿的", "search"), ("有没有作业本", "search"), ("有没有会议室出租", "search"),
        ("最近天气热了，想买个电风扇，你们这有吗", "search"), ("台风天能发货吗", "ask_info"),
    ], spread=True)


# --- 4. forms ------------------------------------------------------------------------------------------------------

async def test_a_thing_got_with_a_measure_word_is_ordered(client):
    async def check(said, intent, echo):
        body = await say_once(client, said, SHOP, name="r29-offcat-forms")
        assert body["intent"] == intent, body["reply"]
        assert f"{NOT_FOUND}「{echo}" in body["reply"], body["reply"]  # 「老人机、大字大声音」
        assert body["order"] is None

    await each_case(check, [
        ("来一束郁金香", "order", "郁金香"), ("来个老人机，大字大声音的", "order", "老人机"),
        ("小米粥外卖多少钱", "ask_price", "小米粥外卖"),
    ], spread=True)


# --- 5. pasted titles ----------------------------------------------------------------------------------------------

async def test_a_pasted_title_of_the_shops_goods_shows_them(client):
    async def check(said, sku):
        body = await say_once(client, said, SHOP, name="r29-offcat-titles")
        assert body["intent"] == "search", body["reply"]
        assert [p["sku"] for p in body["products"]] == [sku]
        assert body["order"] is None

    await each_case(check, [
        ("河南光山麻鸭咸鸭蛋 20枚装 红心流油 信阳特产 消费帮扶", "R29O-HAGS-0001"),
        ("宁夏盐池滩羊肉 羊排 1kg 冷冻 清真 吴忠扶贫产品", "R29O-NXYC-0001"),
        ("黑龙江延寿大米 5kg 东北长粒香 新米 哈尔滨特产", "R29O-HLYS-0001"),
    ], spread=True)
