"""Twenty-first round: things said bare, as the shopper sees them (demo catalogue).

1. A message that is only a thing the shop does not sell (a noun phrase, perhaps with a size, a count, a purpose or a
   quality: 猫砂, 加绒卫衣, 基围虾, U盘 64G, 暖宝宝 贴的 一箱, 电火锅 多功能) is a search answered
   没有找到「the thing」 with its words unsplit, never "抱歉，我没太明白" nor help; chit-chat, greetings and thanks
   keep their reading (bot/bare_things.py).
2. Another shop's card or voucher named alone (京东E卡, 星巴克礼品卡, 加油卡 中石化, 芒果TV会员) is a search for a
   thing the shop does not have, with the honest answer that only the love card is sold; what is done with a card
   held (公交卡充值, 京东卡余额) and the love card's own requests keep their readings (bot/card_goods.named_alone).
3. The words quoted in 没有找到「…」 are the thing, not the verb that gets it: 订个生日蛋糕 → 「生日蛋糕」
   (bot/getting_verbs.py).
4. A snack or gift brand before a generic goods word names that brand's goods: 良品铺子年货礼盒 → 没有找到, never our
   gift boxes listed as matches nor a draft; 核桃礼盒, 年货礼盒 keep listing ours (bot/snack_brands.py).
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop

NOT_UNDERSTOOD = "我没太明白"
LOVE_CARD_ONLY = "我们只卖消费扶贫爱心卡"


# --- 1. a thing said bare ---------------------------------------------------------------------------------------

async def test_a_thing_said_bare_is_a_search_for_it(client):
    async def check(message, thing):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21b")
        body = await chat.say(message)
        assert body["intent"] == "search", body["reply"]
        assert f"没有找到「{thing}」" in body["reply"]
        assert body["products"] == []

    await each_case(check, [("猫砂", "猫砂"), ("加绒卫衣", "加绒卫衣"), ("基围虾", "基围虾"), ("U盘 64G", "U盘"),
                            ("暖宝宝 贴的 一箱", "暖宝宝"), ("电火锅 多功能", "电火锅"), ("冰袖", "冰袖"),
                            ("猫爬架", "猫爬架"), ("猫砂盆", "猫砂盆"), ("蛋挞皮", "蛋挞皮"),
                            ("四件套 过年换新", "四件套"), ("猫砂 5袋", "猫砂")], spread=True)


async def test_talk_greetings_and_thanks_keep_their_reading(client):
    async def check(message, intent):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21t")
        body = await chat.say(message)
        assert body["intent"] == intent, body["reply"]
        assert "没有找到" not in body["reply"]

    await each_case(check, [("今天好冷", "fallback"), ("哈哈哈", "fallback"), ("你是机器人吗", "fallback"),
                            ("无聊", "fallback"), ("你好", "greet"), ("谢谢", "greet"), ("老板", "greet"),
                            ("有什么功能", "help")], spread=True)


# --- 2. another shop's card named alone --------------------------------------------------------------------------

async def test_another_card_named_alone_is_a_search_answered_honestly(client):
    async def check(message, name):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21c")
        body = await chat.say(message)
        assert body["intent"] == "search", body["reply"]
        assert f"没有找到「{name}」" in body["reply"]
        assert LOVE_CARD_ONLY in body["reply"]
        assert body["products"] == []

    await each_case(check, [("京东E卡", "京东E卡"), ("星巴克礼品卡", "星巴克礼品卡"), ("山姆会员卡", "山姆会员卡"),
                            ("加油卡 中石化", "加油卡"), ("肯德基券", "肯德基券"), ("游戏点卡", "游戏点卡"),
                            ("月饼券", "月饼券"), ("芒果TV会员", "芒果TV会员")], spread=True)


async def test_what_is_done_with_a_card_held_is_no_search(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21h")
        body = await chat.say(message)
        assert body["intent"] == "fallback", body["reply"]
        assert "没有找到" not in body["reply"]

    await each_case(check, ["公交卡充值", "京东卡余额", "银行卡怎么绑定", "会员卡 怎么办"])


async def test_the_love_card_keeps_its_readings(client):
    async def check(message, intent):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21l")
        body = await chat.say(message)
        assert body["intent"] == intent, body["reply"]
        assert LOVE_CARD_ONLY not in body["reply"]

    await each_case(check, [("我的爱心卡", "card_balance"), ("爱心卡余额", "card_balance"),
                            ("买爱心卡", "buy_card")], spread=True)


# --- 3. the thing quoted, not the verb ---------------------------------------------------------------------------

async def test_the_thing_quoted_is_said_without_the_verb_that_gets_it(client):
    async def check(message, thing):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21v")
        body = await chat.say(message)
        assert f"没有找到「{thing}」" in body["reply"]

    await each_case(check, [("订个生日蛋糕", "生日蛋糕"), ("帮我买个充电宝", "充电宝"), ("想订一束玫瑰花", "玫瑰花"),
                            ("给我来一双拖鞋", "拖鞋"), ("我想订购一台洗碗机", "洗碗机"), ("要个订书机", "订书机")],
                    spread=True)


# --- 4. a snack or gift brand -----------------------------------------------------------------------------------

async def test_a_snack_brand_names_its_goods_never_ours(client):
    async def check(message, thing):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21s")
        body = await chat.say(message)
        assert f"没有找到「{thing}」" in body["reply"]
        assert "为您找到" not in body["reply"]
        assert body["order"] is None

    await each_case(check, [("良品铺子年货礼盒", "良品铺子年货礼盒"), ("百草味 坚果大礼包", "百草味坚果大礼包"),
                            ("来伊份 零食礼包", "来伊份零食礼包"), ("三只松鼠坚果礼盒 来5盒", "三只松鼠坚果礼盒"),
                            ("旺旺大礼包", "旺旺大礼包"), ("徐福记糖果", "徐福记糖果"),
                            ("稻香村点心礼盒", "稻香村点心礼盒"), ("洽洽坚果", "洽洽坚果")], spread=True)


async def test_gift_boxes_without_a_brand_list_ours(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21g")
        body = await chat.say(message)
        assert "没有找到" not in body["reply"]
        assert body["products"] != []

    await each_case(check, ["核桃礼盒", "红枣礼盒", "年货礼盒", "送长辈的坚果礼盒", "买个坚果礼盒", "中秋礼盒"])
