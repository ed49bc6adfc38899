"""Twenty-fourth round: health and diet, what a product is like, and advice asked.

1. A food asked as a cure with none of the shop's goods named (吃苦瓜能降糖吗, 喝什么能降血压) is a doctor's question:
   a short honest answer, nothing listed (it was 没有找到「吃苦瓜能降糖」).
2. A health fact asked of a named product (藜麦含糖高不高, 升糖快不快 有没有加糖) is ask_info about it: what its page
   says, that it gives no sugar figure, and a doctor's advice (it was a search). Whether someone ill may eat it
   (糖尿病人能吃藜麦吗) is a doctor's question since round 31, as the labelled sets read it (nothing offered).
3. Advice asked for a sugar condition (我爸有糖尿病 送他点啥合适, 有没有适合糖尿病人吃的) is a recommendation that never
   offers sweets, honey or 梨膏, with the note that the pages state no health effects.
4. Advice asked for a health goal or a condition (想买点养胃的, 补血吃什么好, 孕妇能吃什么, 给我妈买点补身体的) is a
   recommendation with the same note, never a remedy promised (it was 没有找到「点养胃」).
5. Advice asked in slang or English, or by a business stocking up (安利一下, what's good here? need a gift,
   酒店自助早餐要备货 有哪些适合的推荐) is a recommendation (it was a search, 没太明白, or "we book no hotels");
   安利 as a brand stays.
6. A property asked of a named product (适合老人喝吗, 是几年的参, 能用电磁炉吗) is ask_info about that product.
7. An order said beside a condition stays an order.
8. A property asked of a thing not sold (这个大衣有M码吗, 这个耳机支持快充吗, 家具包安装吗) is ask_info answered
   没有找到, the question no part of the thing's name (it was a search for 「耳机支持快充」).
"""
from __future__ import annotations

import re

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

DOCTOR = "听医生的建议"
NO_FIGURE = "没有写含糖量"
NO_EFFECTS = "没有写这些产品的含糖量、功效"
SWEET = re.compile("糖|蜜|膏")


async def test_a_food_asked_as_a_cure_is_a_doctors_question(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "cure")
        body = await chat.say(said)
        assert body["intent"] == "fallback", body["reply"]
        assert DOCTOR in body["reply"]
        assert body["products"] == []

    await each_case(check, ["我血糖有点高，吃苦瓜能降糖吗", "喝什么能降血压", "吃洋葱能不能降血糖",
                            "糖尿病人能吃藜麦吗"])


async def test_a_health_fact_of_a_named_product_is_what_its_page_says(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "facts")
        body = await chat.say(said)
        assert body["intent"] == "ask_info", body["reply"]
        assert NO_FIGURE in body["reply"]
        assert DOCTOR in body["reply"]
        assert [p["sku"] for p in body["products"]] == ["SX-JL-0001"]

    await each_case(check, ["我有糖尿病，藜麦含糖高不高，算无糖的吗", "静乐藜麦升糖快不快", "藜麦有没有加糖"])


async def test_a_health_fact_asked_after_advice_is_of_the_product_named(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "facts-after")
    advised = await chat.say("我血糖高，推荐点能当主食的杂粮")
    assert advised["intent"] == "recommend", advised["reply"]
    asked = await chat.say("藜麦升糖快不快？有没有加糖")
    assert asked["intent"] == "ask_info", asked["reply"]
    assert NO_FIGURE in asked["reply"]


async def test_advice_for_a_sugar_condition_never_offers_sweets(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "sugar")
        body = await chat.say(said)
        assert body["intent"] == "recommend", body["reply"]
        assert body["products"], body["reply"]
        assert [p["name"] for p in body["products"] if SWEET.search(p["name"])] == []
        assert NO_EFFECTS in body["reply"]

    await each_case(check, ["我爸有糖尿病，送他点啥合适，要无糖的", "有没有适合糖尿病人吃的",
                            "我妈血糖高 买点啥给她好"])


async def test_advice_for_a_health_goal_promises_no_remedy(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "goal")
        body = await chat.say(said)
        assert body["intent"] == "recommend", body["reply"]
        assert body["products"], body["reply"]
        assert NO_EFFECTS in body["reply"]

    await each_case(check, ["想买点养胃的", "补血吃什么好", "孕妇能吃什么", "我想给我妈买点补身体的"])


async def test_advice_in_slang_english_or_for_a_business_is_a_recommendation(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "slang")
        body = await chat.say(said)
        assert body["intent"] == "recommend", body["reply"]
        assert body["products"], body["reply"]

    await each_case(check, ["有没有绝绝子的零食 安利一下", "求安利点好吃的",
                            "what's good here? need a gift for my boss",
                            "酒店自助早餐要备货，有哪些适合的推荐", "民宿要采购一批早餐用的杂粮 推荐下"])


async def test_anli_the_brand_is_no_advice(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "brand")
    body = await chat.say("安利的蛋白粉有吗")
    assert body["intent"] != "recommend", body["reply"]
    assert "没有找到" in body["reply"]


async def test_a_property_of_a_named_product_is_asked_of_it(client):
    async def check(said, sku):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "property")
        body = await chat.say(said)
        assert body["intent"] == "ask_info", body["reply"]
        assert [p["sku"] for p in body["products"]] == [sku]

    await each_case(check, [("红原牦牛奶粉适合老人喝吗", "SC-HY-0001"), ("靖宇林下参是几年的参", "JL-JY-0001"),
                            ("墨脱石锅能用电磁炉吗", "XZ-MT-0001"), ("石锅能不能放烤箱", "XZ-MT-0001")], spread=True)


async def test_the_years_of_a_root_are_said_unwritten(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "years")
    body = await chat.say("林下参是多少年份的")
    assert "没有写“年份”" in body["reply"], body["reply"]


async def test_an_order_beside_a_condition_stays_an_order(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "order-beside")
    body = await chat.say("我爸血糖高，来两袋静乐藜麦")
    assert summary_lines(body).startswith("静乐藜麦"), body["reply"]


async def test_a_property_of_a_thing_not_sold_is_not_found(client):
    async def check(said, thing):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "unsold-property")
        body = await chat.say(said)
        assert body["intent"] == "ask_info", body["reply"]
        assert f"没有找到「{thing}」" in body["reply"], body["reply"]
        assert body["products"] == []

    await each_case(check, [("这个大衣有M码吗", "大衣"), ("这个耳机支持快充吗", "耳机"), ("家具包安装吗", "家具"),
                            ("这款面霜孕妇能用吗", "面霜")], spread=True)
