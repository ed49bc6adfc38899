"""Twenty-third round: other platforms' red envelopes, pasted titles, and the alternatives offered under 没有找到.

1. Another platform's red envelope asked whether it pays here (饿了么红包可以抵扣吗, 我有个京东红包 能付款吗) is told
   that only the love card and WeChat Pay pay here (bot/platform_credit.py); it was 没有找到「美团红包能抵扣」 or
   我没太明白. Nothing is listed or drafted.
2. A shop's title pasted as it is, with selling words and a size (【产地直发】… 1kg … 煲汤煮粥, … 新鲜水果 5斤,
   … 顺丰冷链), is a search: the shop's own goods are shown, no pack is drafted and no shipping question answered;
   a title of goods not sold (维达抽纸 24包 整箱, 耐克 … 官方正品) is 没有找到「the name」 (bot/copied_titles.py).
   A count said after the title (×3) or a buying verb still orders.
3. Food for a pet (狗零食, 猫粮, 给狗狗吃的…) is never offered the shop's food for people, and a drink, oil, essence or
   wine made from a catalogue word (花椒油, 玫瑰精油, 红茶拿铁, 金银花露, 青稞酒) is not that word's goods: nothing is
   listed for it. Alternatives that help stay (每日坚果 → nuts, 红枣粉 → dates) (bot/fair_substitutes.py).
"""
from __future__ import annotations

from tests.support.cases import each_case
from tests.support.chat import say_once, summary_lines

PAYS_HERE = "本店只收消费扶贫爱心卡和微信支付"


# --- 1. another platform's red envelope ------------------------------------------------------------------------------

async def test_a_platforms_red_envelope_is_told_what_pays_here(client):
    async def check(message):
        body = await say_once(client, message)
        assert PAYS_HERE in body["reply"], body["reply"]
        assert "没有找到" not in body["reply"]
        assert body["products"] == []
        assert body["intent"] == "fallback"

    await each_case(check, [
        "饿了么红包可以抵扣吗",
        "我有个京东红包 能付款吗",
        "拼多多红包在你们这能用吗",
    ])


# --- 2. pasted titles ---

async def test_a_title_of_the_shops_goods_shows_them_and_drafts_nothing(client):
    async def check(message, name):
        body = await say_once(client, message)
        assert body["intent"] == "search", body["reply"]
        assert name in body["reply"], body["reply"]
        assert "请确认订单" not in body["reply"]
        assert "48小时" not in body["reply"]

    await each_case(check, [
        ("【源头直发】新疆和田骏枣 特级 1kg 红枣 煮粥煲汤", "和田骏枣 特级 1kg"),
        ("修文猕猴桃 贵长 5斤 新鲜水果 产地直发", "修文猕猴桃 贵长 5斤"),
        ("盐池滩羊肉 羊排 1kg 冷链包邮", "盐池滩羊肉 羊排 1kg"),
    ], spread=True)


async def test_a_title_of_goods_not_sold_is_not_found(client):
    async def check(message, said):
        body = await say_once(client, message)
        assert body["intent"] == "search", body["reply"]
        assert f"没有找到「{said}" in body["reply"], body["reply"]
        assert body["slots"]["qty"] is None

    await each_case(check, [
        ("心相印抽纸 18包 整箱", "心相印抽纸"),
        ("阿迪达斯 三叶草 运动板鞋 白色 官方正品", "阿迪达斯"),
    ], spread=True)


async def test_a_count_after_a_title_still_orders(client):
    body = await say_once(client, "【扶贫好物】静宁苹果 10斤装 红富士 产地直发 ×2")
    assert "×2箱" in summary_lines(body)


# --- 3. fair alternatives --------------------------------------------------------------------------------------------

async def test_pet_food_is_never_offered_food_for_people(client):
    async def check(message):
        body = await say_once(client, message)
        assert body["products"] == [], body["reply"]
        assert "没有宠物食品" in body["reply"]

    await each_case(check, [
        "狗狗零食 鸡肉干",
        "有没有猫粮",
        "猫咪零食 冻干鸡肉",
    ])


async def test_a_drink_or_oil_made_from_a_word_offers_nothing_of_it(client):
    async def check(message):
        body = await say_once(client, message)
        assert "没有找到" in body["reply"], body["reply"]
        assert body["products"] == [], body["reply"]

    await each_case(check, [
        "花椒油有吗",
        "玫瑰精油",
        "红茶拿铁来一杯",
        "金银花露",
        "青稞酒 有卖吗",
        "核桃油",
    ])


async def test_alternatives_that_help_stay(client):
    async def check(message, kind):
        body = await say_once(client, message)
        assert f"本店有这些{kind}" in body["reply"], body["reply"]

    await each_case(check, [
        ("三只松鼠每日坚果", "坚果"),
        ("红枣 粉 来一罐", "红枣"),
    ], spread=True)
