"""Thirty-first round: food talk — dishes ordered from a kitchen, cooking, growing, health (the blind set offcat31).

1. A cooked dish ordered with the verb of ordering a meal or glued to 外卖 (点一份宫保鸡丁, 叫一份黄焖鸡米饭,
   点份椒麻鸡, 点一份腊肉炒蒜苔外卖, 来份酸辣土豆丝外卖) was a search or an order, and the shop's 腊肉 or 鸡 was
   listed or drafted: the takeaway errand, `fallback`, nothing offered (bot/dishes_ordered.py). 来一份腊肉 and
   帮我点一份黄焖鸡米饭 (the order of a thing not sold, as sets 16 and 21 read it) stay orders.
2. How to cook or prepare a food (腊肉怎么炒好吃, 木耳怎么泡发, 羊肉怎么去膻, 土豆炖牛肉的做法, 葛粉怎么冲才不结块,
   腊肉要泡多久) was answered from the product's page with the product put in the draft slot: no recipe is given here,
   `fallback` with a short honest answer, nothing offered (bot/how_to_asked.py "recipe"). How a product is kept
   (蜂蜜需不需要放冰箱) stays a question of its page, and a count said (腊肉来两袋 怎么做) an order.
3. How to grow, tend or cure a crop or feed a beast (猕猴桃怎么嫁接, 核桃树有虫子怎么治, 土豆种多深合适,
   养土鸡用什么饲料, 辣椒苗发黄怎么办) was a search listing the fruit, the 木耳 or the eggs: `fallback`, the farming
   advice not given (bot/how_to_asked.py "farming"); goods received with a trouble (收到的核桃有虫子怎么办) stay
   after-sales.
4. Whether someone ill may eat a named food (糖尿病能不能吃红枣, 血糖高能喝蜂蜜吗, 我老伴术后能吃羊肉吗), a food
   asked as a cure (黄芪和党参一起吃能治病吗, 红枣补血是真的吗) and which department to see or what heals fastest
   (腰疼挂什么科, 感冒了吃什么好得快) offered the product or searched: a doctor's question, `fallback`, nothing offered
   (bot/health_talk.py, bot/advice_not_given.py). A fact of a product's page asked for someone
   (红原牦牛奶粉适合老人喝吗) stays `ask_info`.
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop


async def _fallback_offering_nothing(client, said: str, name: str, answer: str) -> None:
    chat = await open_shop(client, DEMO_CATALOG_CSV, name)
    body = await chat.say(said)
    assert (body["intent"], body["products"], body["slots"].get("sku")) == ("fallback", [], None), body["reply"]
    assert answer in body["reply"], body["reply"]


async def test_a_dish_ordered_from_a_kitchen_is_the_errand(client):
    async def check(said):
        await _fallback_offering_nothing(client, said, "round31-dish", "办不了")

    await each_case(check, ["点一份香菇滑鸡饭", "点份椒麻鸡", "叫一份黄焖鸡米饭", "点一份腊肉炒蒜苔外卖",
                            "叫一份板栗烧鸡外卖", "来份酸辣土豆丝外卖", "外卖点个手抓饭", "帮我点份木须肉盖饭"])


async def test_a_product_sold_by_the_portion_stays_an_order(client):
    async def check(said, products):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round31-portion")
        body = await chat.say(said)
        assert (body["intent"], bool(body["products"])) == ("order", products), body["reply"]

    await each_case(check, [("来一份腊肉", True), ("帮我点一份黄焖鸡米饭", False), ("土豆丝外卖来一份", False)],
                    spread=True)


async def test_how_to_cook_a_food_is_no_recipe(client):
    async def check(said):
        await _fallback_offering_nothing(client, said, "round31-recipe", "做法")

    await each_case(check, ["腊肉怎么炒好吃", "木耳怎么泡发", "羊肉怎么去膻", "土豆炖牛肉的做法", "苦荞茶怎么泡",
                            "葛粉怎么冲才不结块", "板栗怎么剥壳快", "普洱茶饼怎么撬开", "腊肉要泡多久",
                            "天麻炖乌鸡放多少天麻", "蜂蜜水用开水冲可以吗"])


async def test_how_a_product_is_kept_stays_a_question_of_its_page(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round31-keep")
    body = await chat.say("蜂蜜需不需要放冰箱")
    assert (body["intent"], "详见商品页" in body["reply"]) == ("ask_info", True), body["reply"]


async def test_a_count_with_a_cooking_question_stays_an_order(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round31-count")
    body = await chat.say("腊肉来两袋 怎么做")
    assert (body["intent"], body["slots"]["qty"]) == ("order", 2), body["reply"]


async def test_how_to_grow_a_crop_is_no_farming_advice(client):
    async def check(said):
        await _fallback_offering_nothing(client, said, "round31-farming", "农技")

    await each_case(check, ["猕猴桃怎么嫁接", "核桃树有虫子怎么治", "土豆种多深合适", "木耳怎么栽培",
                            "养土鸡用什么饲料", "刺梨什么时候修剪", "辣椒苗发黄怎么办", "红枣裂果怎么办",
                            "天麻怎么人工种植"])


async def test_goods_received_with_a_trouble_stay_after_sales(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round31-received")
    body = await chat.say("收到的核桃有虫子怎么办")
    assert (body["intent"], "农技" in body["reply"]) == ("ask_info", False), body["reply"]


async def test_a_health_question_of_a_food_is_a_doctors(client):
    async def check(said):
        await _fallback_offering_nothing(client, said, "round31-health", "医生")

    await each_case(check, ["糖尿病能不能吃红枣", "血糖高能喝蜂蜜吗", "我老伴术后能吃羊肉吗",
                            "黄芪和党参一起吃能治病吗", "红枣补血是真的吗", "腰疼挂什么科", "感冒了吃什么好得快",
                            "胃不好能喝红茶吗"])


async def test_a_page_fact_asked_for_someone_stays_a_question(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round31-fact")
    body = await chat.say("红原牦牛奶粉适合老人喝吗")
    assert (body["intent"], bool(body["products"])) == ("ask_info", True), body["reply"]
