"""Twentieth round: occasions, love cards per person, packs by the amount, qualities and address questions, as the
shopper sees them.

1. an occasion a product is tagged with is no match (bot/festival_words.PEOPLES_DAYS, bot/qualities.OCCASIONS): 有卖
   康乃馨的吗，母亲节要送 / 母亲节送妈妈哪款护手霜好 answer 没有找到「康乃馨」/「护手霜」 (whom and when it is for are
   no part of the name: festival_words.without_for_someone) and nothing tagged 母亲节 is listed or drafted; 母亲节送
   什么好 and 母亲节草莓来一盒 still offer or order the tagged goods; beside other goods (鸡蛋来两盒 母亲节送妈妈) the
   occasion only prefers the goods tagged with it and brings in none (bot/tag_words.occasions_apart);
2. love cards counted per person (bot/cards_per_person.py): 买爱心卡 人均100 我们部门12个人 一人一张 → 100元 ×12张;
   人均预算100 买大米 stays a budget for goods;
3. a pack chosen by the amount, never by a tag (bot/turns/fitting.amount_over_tags, bot/tag_words.py): 鄱阳湖大米
   50斤，学校食堂用 → 5kg ×5 though the 10kg is tagged 食堂; 大米60斤 单位食堂 → 10kg ×3; none divides: both asked;
4. a quality glued before a catalogue word (散养鸡蛋, 农家土鸡蛋, 手工的挂面) is no other thing (bot/product_words:
   散养 + 鸡 does not make 散养鸡 when 鸡 begins 鸡蛋);
5. where or how the address, the receiver or the phone is filled in or changed, asked (收件人在哪写, 怎么改收货地址,
   收货人怎么改): help about the address (bot/address_questions.py), never a receiver called 在哪写.

Over tests/data/chat_round20_occasions_cards_packs_catalog.csv (草莓 tagged 母亲节, 粽子 端午, 月饼 中秋, 腊肉 春节;
鄱阳湖大米 5kg and 10kg, the 10kg tagged 食堂 and 单位; 鸡蛋 tagged 散养; 蜂蜜; 挂面) and the demo catalogue.
"""
from __future__ import annotations

from pathlib import Path

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

CATALOG = Path(__file__).parent / "data" / "chat_round20_occasions_cards_packs_catalog.csv"
STRAWBERRIES = "R20-CM-0001"
ADDRESS_SAVED = "张三 138****8000 广东省清远市佛冈县石角镇XX路8号"


# --- 1. an occasion tag is no match ---------------------------------------------------------------------------------

async def test_a_thing_not_sold_for_an_occasion_is_not_found_and_the_tagged_goods_are_no_match(client):
    async def check(message, thing):
        chat = await open_shop(client, CATALOG, "round20-occasion")
        body = await chat.say(message)
        assert f"没有找到「{thing}」" in body["reply"]
        assert STRAWBERRIES not in [p["sku"] for p in body["products"]]
        assert body["order"] is None
        assert "请确认订单" not in body["reply"]

    await each_case(check, [("有卖康乃馨的吗，母亲节要送", "康乃馨"), ("母亲节送妈妈哪款护手霜好", "护手霜"),
                            ("来两束康乃馨 母亲节送妈妈", "康乃馨"), ("母亲节买护手霜两支", "护手霜"),
                            ("父亲节送爸爸的剃须刀有吗", "剃须刀"), ("三八节送老婆的口红有吗", "口红"),
                            ("有鲜花吗 母亲节用", "鲜花"), ("端午节送领导的茶叶有吗", "茶叶"),
                            ("情人节巧克力有卖吗", "巧克力")], spread=True)


async def test_the_occasion_alone_still_offers_its_goods(client):
    async def check(message, sku):
        chat = await open_shop(client, CATALOG, "round20-occasion-goods")
        body = await chat.say(message)
        assert sku in [p["sku"] for p in body["products"]], body["reply"]
        assert "没有找到" not in body["reply"]

    await each_case(check, [("母亲节送什么好", STRAWBERRIES), ("母亲节有什么推荐的", STRAWBERRIES),
                            ("端午有什么礼盒", "R20-ZZ-0001"), ("母亲节的草莓有吗", STRAWBERRIES)], spread=True)


async def test_goods_named_with_their_occasion_are_ordered(client):
    async def check(message, line):
        chat = await open_shop(client, CATALOG, "round20-occasion-order")
        assert summary_lines(await chat.say(message)) == line

    await each_case(check, [("母亲节草莓来一盒", "东港草莓 1.5kg ×1盒（共1.5kg），68元"),
                            ("端午的粽子来三盒", "嘉兴肉粽 10只装 ×3盒（共30只），177元"),
                            ("端午礼盒来两盒", "嘉兴肉粽 10只装 ×2盒（共20只），118元"),
                            ("中秋礼盒来一盒", "广式月饼礼盒 6枚装 ×1盒（共6枚），128元")], spread=True)


async def test_an_occasion_beside_other_goods_brings_in_none_of_its_own(client):
    async def check(message, line):
        chat = await open_shop(client, CATALOG, "round20-occasion-beside")
        assert summary_lines(await chat.say(message)) == line

    await each_case(check, [("鸡蛋来两盒 母亲节送妈妈", "山里鸡蛋 30枚装 ×2盒（共60枚），79.60元"),
                            ("蜂蜜两瓶 中秋送人", "秦巴蜂蜜 500g ×2瓶（共1kg），116元"),
                            ("教师节买点蜂蜜送老师 两瓶", "秦巴蜂蜜 500g ×2瓶（共1kg），116元")], spread=True)


# --- 2. love cards per person ---------------------------------------------------------------------------------------

async def test_love_cards_counted_per_person(client):
    async def check(message, summary):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round20-cards")
        body = await chat.say(message)
        assert body["intent"] == "buy_card", body["reply"]
        assert summary in body["reply"]

    await each_case(check, [("买爱心卡 人均100 我们部门12个人 一人一张", "面值100元 ×12张，合计1200元"),
                            ("给同事一人一张500的 一共8个人", "面值500元 ×8张，合计4000元"),
                            ("人手一张200的，15个人", "面值200元 ×15张，合计3000元"),
                            ("买爱心卡 每人200 共5人", "面值200元 ×5张，合计1000元"),
                            ("每人一张卡 100的 我们组9个人", "面值100元 ×9张，合计900元"),
                            ("公司10个员工 人手一张爱心卡 500面值", "面值500元 ×10张，合计5000元"),
                            ("每人一张100的 一共三十人", "面值100元 ×30张，合计3000元")], spread=True)


async def test_a_budget_per_person_for_goods_buys_no_card(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round20-budget")
    body = await chat.say("人均预算100 买大米")
    assert body["intent"] != "buy_card"
    assert "大米" in body["products"][0]["name"]


async def test_another_shops_card_per_person_is_not_a_love_card(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round20-other-card")
    body = await chat.say("京东卡 一人一张500 一共8个人")
    assert body["intent"] != "buy_card"
    assert "只卖消费扶贫爱心卡" in body["reply"]


# --- 3. the pack by the amount ----------------------------------------------------------------------------------------

async def test_the_pack_is_chosen_by_the_amount_not_by_a_tag(client):
    async def check(message, line):
        chat = await open_shop(client, CATALOG, "round20-packs")
        assert summary_lines(await chat.say(message)) == line

    await each_case(check, [("鄱阳湖大米50斤，学校食堂用", "鄱阳湖大米 5kg ×5袋（共25kg），225元"),
                            ("大米60斤 单位食堂", "鄱阳湖大米 10kg ×3袋（共30kg），258元"),
                            ("鄱阳湖大米30斤 食堂用", "鄱阳湖大米 5kg ×3袋（共15kg），135元"),
                            ("大米15kg 食堂", "鄱阳湖大米 5kg ×3袋（共15kg），135元"),
                            ("大米100斤 公司食堂", "鄱阳湖大米 10kg ×5袋（共50kg），430元"),
                            ("公司食堂用的大米 80斤", "鄱阳湖大米 10kg ×4袋（共40kg），344元")], spread=True)


async def test_a_count_of_packs_or_a_pack_named_keeps_its_reading(client):
    async def check(message, line):
        chat = await open_shop(client, CATALOG, "round20-packs-kept")
        assert summary_lines(await chat.say(message)) == line

    await each_case(check, [("鄱阳湖大米 食堂用的来两袋", "鄱阳湖大米 10kg ×2袋（共20kg），172元"),
                            ("鄱阳湖大米10kg的 来40斤", "鄱阳湖大米 10kg ×2袋（共20kg），172元")], spread=True)


async def test_no_pack_holding_the_amount_asks_with_every_pack(client):
    chat = await open_shop(client, CATALOG, "round20-packs-ask")
    body = await chat.say("大米35斤 食堂")
    assert "凑不成整袋" in body["reply"]
    assert sorted(p["sku"] for p in body["products"]) == ["R20-DM-0001", "R20-DM-0002"]


# --- 4. a quality glued before a catalogue word ---------------------------------------------------------------------

async def test_a_quality_glued_before_the_goods_is_no_other_thing(client):
    async def check(message, line):
        chat = await open_shop(client, CATALOG, "round20-quality")
        assert summary_lines(await chat.say(message)) == line

    await each_case(check, [("散养鸡蛋来两盒", "山里鸡蛋 30枚装 ×2盒（共60枚），79.60元"),
                            ("农家土鸡蛋两盒", "山里鸡蛋 30枚装 ×2盒（共60枚），79.60元"),
                            ("正宗散养鸡蛋三盒", "山里鸡蛋 30枚装 ×3盒（共90枚），119.40元"),
                            ("野生的蜂蜜来一瓶", "秦巴蜂蜜 500g ×1瓶（共500g），58元"),
                            ("手工的挂面来两袋", "竹溪挂面 2.5kg ×2袋（共5kg），64元")], spread=True)


async def test_free_range_eggs_in_the_demo_catalogue(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round20-eggs")
    body = await chat.say("散养鸡蛋来两盒")
    assert summary_lines(body) == "广生源鸡蛋 30枚装 ×2盒（共60枚），79.60元"


# --- 5. where or how the address is said -----------------------------------------------------------------------------

async def test_where_or_how_to_say_the_address_is_help(client):
    async def check(message, answer):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round20-address")
        body = await chat.say(message)
        assert body["intent"] == "help", body["reply"]
        assert answer in body["reply"]
        assert "已保存" not in body["reply"]

    await each_case(check, [("收件人在哪写", "下单时直接说"), ("地址在哪填", "下单时直接说"),
                            ("收件人电话在哪填", "下单时直接说"), ("怎么填写收货人信息", "下单时直接说"),
                            ("怎么改收货地址", "地址改成"), ("收货地址在哪里改", "地址改成"),
                            ("收货人怎么改", "收货人改成"), ("怎么修改收件人", "收货人改成"),
                            ("收件人电话怎么改", "电话改成")], spread=True)


async def test_the_address_question_keeps_the_order_and_its_address(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round20-address-draft")
    await chat.say("金线美大米来两袋")
    asked = await chat.say("收件人在哪写")
    assert "等您确认下单" in asked["reply"]
    body = await chat.say("确认")
    assert body["order"]["total_fen"] == 9000


async def test_a_change_said_with_its_value_still_changes(client):
    async def check(message, saved):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round20-address-change")
        body = await chat.say(message)
        assert body["intent"] == "change_address", body["reply"]
        assert saved in body["reply"]

    await each_case(check, [("收件人改成李四", "李四 138****8000"),
                            ("地址改成北京市朝阳区建国路88号", "北京市朝阳区建国路88号")], spread=True)
