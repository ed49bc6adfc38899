"""Twenty-fourth round: errands, takeaway and services; unsold things offered as matches (pair 24, offcat24).

1. A catalogue word inside the name of another thing offers nothing (bot/heads_after.py): a tea set whose 茶 the
   reading joined across the shopper's space (普洱 茶具 read as 普洱茶), a pillow (苦荞 枕头, 荞麦壳枕), a foot bath
   (艾草 足浴包, 生姜 泡脚包). It was the catalogue's tea, buckwheat tea or moxa sticks offered as a match, and the
   moxa sticks drafted.
2. A catalogue word said before another food's kind that none of its products is (大红袍 武夷岩茶: the shop's 大红袍
   is a pepper) names that other food: 没有找到「…」, the peppers never offered.
3. Alternatives under 没有找到「…」 only of the same thing (bot/fair_substitutes.py): a word of a shelf (零食, 休闲,
   蔬菜, 饮料) lists nothing, nor does a word translating a latin brand (Cherry樱桃 键盘), a drink made of the word
   (柚子茶) or a brand whose food word is said again (六个核桃 核桃乳). 五常大米 still lists the shop's rice.
4. Takeaway ordered with the shopper's verb (点份螺蛳粉外卖, 叫个麻辣烫外卖) or a chain's food ordered (能点肯德基吗)
   is the errand (bot/takeaway.py); 有没有螺蛳粉外卖 stays a search of a thing not sold.
5. A meal sent to an address (麦当劳早餐 送到阳光小区) or to the door (火锅外卖 送上门) is the errand; the shop's goods
   sent to an address stay an order.
6. A service done by someone is an errand, answered 这个我们办不了 (bot/service_goods.py, bot/money_services.py,
   bot/errands.py): a repairer or a hirer nearby (附近有没有修手机的), a car hired (租一辆特斯拉), a repairer found
   (水管漏水找人修), a banquet room booked (订个生日宴包间), another maker's after-sales (小米手机售后在哪), the price
   of gold (黄金多少钱一克), lessons one to one (古筝培训课 一对一), a parcel at a courier looked up (帮我查个顺丰快递
   SF1234567890; 快递到哪了 still asks of the shopper's orders). 黄金茶 is still priced.
7. A brand said before the foods it sells (好想你 红枣 灰枣 礼盒: bot/snack_brands.py) is that brand's goods: 没有找到
   「…」, the shop's dates only as alternatives, never as a match.
8. A pasted title whose pack is a size times a count with no piece word (德国进口啤酒 整箱 500ml*24) is a search of it
   (bot/copied_titles.py), never 24 of something ordered.
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

NOT_FOUND = "没有找到「"
NOT_SAME = "不是同一款"
CANNOT = "这个我们办不了"
TAKEAWAY = "点外卖、送餐"


async def _nothing_offered(client, said: str, name: str) -> dict:
    chat = await open_shop(client, DEMO_CATALOG_CSV, name)
    body = await chat.say(said)
    assert body["reply"].startswith("抱歉，" + NOT_FOUND), body["reply"]
    assert body["products"] == [], body["reply"]
    assert "请确认订单" not in body["reply"]
    return body


async def test_a_catalogue_word_inside_another_things_name_offers_nothing(client):
    async def check(said, echoed):
        body = await _nothing_offered(client, said, "other-thing")
        assert echoed in body["reply"], body["reply"]

    await each_case(check, [
        ("普洱 茶具 套装 紫砂壶", "茶具"),
        ("普洱 茶杯", "茶杯"),
        ("苦荞 枕头 荞麦壳枕", "枕头"),
        ("荞麦 枕头", "枕头"),
        ("艾草 足浴包", "足浴包"),
        ("生姜 泡脚包", "泡脚包"),
    ], spread=True)


async def test_a_foot_bath_is_never_drafted_as_moxa_sticks(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "foot-bath")
    body = await chat.say("艾草 足浴包 来两个")
    assert "艾条" not in body["reply"], body["reply"]
    assert body["slots"]["sku"] is None


async def test_a_word_before_another_foods_kind_names_that_food(client):
    async def check(said):
        body = await _nothing_offered(client, said, "other-food")
        assert "花椒" not in body["reply"]

    await each_case(check, ["大红袍 武夷岩茶", "大红袍 岩茶"])


async def test_alternatives_are_only_of_the_same_thing(client):
    async def check(said):
        await _nothing_offered(client, said, "no-alternatives")

    await each_case(check, [
        "藤椅 阳台 休闲",
        "鱿鱼丝 零食 碳烤",
        "木耳菜 新鲜蔬菜",
        "苹果醋 饮料 海升",
        "Cherry樱桃MX3.0S机械键盘 红轴",
        "蜂蜜柚子茶 韩国 1kg",
        "六个核桃 核桃乳 240ml*20罐",
    ])


async def test_an_unsold_rice_still_lists_the_shops_rice(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "rice")
    body = await chat.say("五常大米 稻花香 10kg")
    assert NOT_SAME in body["reply"], body["reply"]
    assert "大米" in body["products"][0]["name"]


async def test_takeaway_ordered_with_the_shoppers_verb_is_the_errand(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "takeaway-ordered")
        body = await chat.say(said)
        assert body["intent"] == "fallback", body["reply"]
        assert TAKEAWAY in body["reply"]

    await each_case(check, ["点份螺蛳粉外卖", "叫个麻辣烫外卖", "订个火锅外卖 今晚吃", "能点肯德基吗 全家桶",
                            "叫个烧烤外卖 羊肉串50串"])


async def test_a_meal_sent_to_an_address_or_the_door_is_the_errand(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "meal-sent")
        body = await chat.say(said)
        assert body["intent"] == "fallback", body["reply"]
        assert TAKEAWAY in body["reply"]

    await each_case(check, ["麦当劳早餐 送到阳光小区", "肯德基 送到阳光花园小区3栋", "火锅外卖 海底捞 送上门"])


async def test_the_shops_goods_sent_to_an_address_stay_an_order(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "goods-sent")
    body = await chat.say("静宁苹果两箱 送到阳光小区")
    assert summary_lines(body).startswith("静宁苹果")


async def test_a_service_done_by_someone_is_an_errand(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "service")
        body = await chat.say(said)
        assert body["intent"] == "fallback", body["reply"]
        assert CANNOT in body["reply"]

    await each_case(check, ["附近有没有修手机的", "周边有租车的吗", "租一辆特斯拉Model Y", "水管漏水找人修",
                            "找个人来修一下热水器", "订个生日宴包间 十个人", "订个满月酒包间", "小米手机售后在哪",
                            "华为手机售后电话", "黄金多少钱一克", "今天金价多少", "古筝培训课 一对一",
                            "帮我查个顺丰快递 SF1234567890", "查下中通快递到哪了"])


async def test_a_brand_before_its_foods_lists_the_shops_only_as_alternatives(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "date-brand")
    body = await chat.say("好想你 红枣 灰枣 礼盒")
    assert body["reply"].startswith("抱歉，没有找到「好想你"), body["reply"]
    assert "本店有这些红枣，" + NOT_SAME in body["reply"]


async def test_a_pasted_title_counted_in_its_pack_is_a_search(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "pasted-beer")
    body = await chat.say("德国进口啤酒 整箱 500ml*24")
    assert body["intent"] == "search", body["reply"]
    assert body["reply"].startswith("抱歉，没有找到「德国进口啤酒"), body["reply"]


async def test_what_the_shop_sells_or_keeps_is_read_as_before(client):
    async def check(said, intent, shown):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "as-before")
        body = await chat.say(said)
        assert body["intent"] == intent, body["reply"]
        assert shown in body["reply"]

    await each_case(check, [
        ("大红袍 花椒", "search", "大红袍花椒"),
        ("黄金茶多少钱一克", "ask_price", "保靖黄金茶"),
        ("有没有螺蛳粉外卖", "search", "没有找到「螺蛳粉外卖」"),
        ("快递到哪了", "order_status", ""),
    ], spread=True)
