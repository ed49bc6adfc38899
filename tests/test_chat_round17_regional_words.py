"""Seventeenth round (lead): people from every part of China writing the way they speak, as the shopper sees it.

Regional function words are read as Mandarin before anything else reads the message (bot/regional_words.py, called
from bot/dialect.py), so they are the cue words they stand for and never a product word:

1. a yes at the summary in regional words (系呀 落单, 好额 就这样伐, 对着哩 下单, 得咯 整起): the order is placed;
2. dropping the draft (不整了, 拉倒吧, 算球了 莫买了, 勿要了, 覅了, 唔使喇): cancelled; 取消 我再想想 with a draft
   open drops the draft; 我嗰张单唔要喇 帮我取消咗佢 (单 with a classifier) cancels the order already placed;
3. greetings (老铁 在不, 早晨, 妹儿 在没得, 侬好, 在伐): greeted, never searched;
4. what can you do (你会些啥子, 点样落单, 侬帮阿拉做啥, 我唔识用 教下我, 都能干点啥): help;
5. paying (埋单, 帮我俾钱, 付款 用微信, 订单待支付 去付款): the unpaid order is paid or said how to pay, never a
   love card bought or the order's status; 付款 用微信 never charges a love card;
6. asking in regional words: 几钿 (a price, no order), 啥辰光到 (the order's status), 阿拉 / 额 (我) before an order,
   系咪…出的 (the origin, yes when the data says so), 推介 (推荐), 一百蚊 (块) with a recommendation.
Mandarin words that share a character stay: 余额, 额度, 成交额, 额尔古纳, 阿拉善, 系列, 早晨发货, 步伐, 喇叭, 莫干山.

Over the demo catalogue (春中宝蜂蜜 500g 58元, 广生源鸡蛋 30枚装, 金线美大米 5kg, all from 佛冈, 清远).
"""
from __future__ import annotations

from bot.regional_words import mandarin
from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import my_orders, open_shop, summary_lines

HONEY = "来两瓶春中宝蜂蜜"
HONEY_LINE = "春中宝蜂蜜 500g ×2瓶（共1kg），116元"
NOT_FOUND = "没有找到"
CANCELLED = "已经取消"


async def test_a_regional_yes_at_the_summary_places_the_order(client):
    async def check(message: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17region-yes")
        assert summary_lines(await chat.say(HONEY)) == HONEY_LINE
        body = await chat.say(message)
        assert body["reply"].startswith("下单成功"), body["reply"]
        assert [o["total_fen"] for o in await my_orders(chat)] == [11600]

    await each_case(check, ["好嘞 整吧", "中 下单吧", "要得 就这么定了", "系 确认", "系呀 落单", "冇问题 落单",
                            "得 落单", "好额 就这样伐", "好伐", "对着哩 下单", "对着呢 就这么定", "嗯呐 下吧", "妥了",
                            "得咯 整起", "系咁啦 确认"])


async def test_a_regional_no_drops_the_draft(client):
    async def check(message: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17region-no")
        await chat.say(HONEY)
        body = await chat.say(message)
        assert CANCELLED in body["reply"], body["reply"]
        assert NOT_FOUND not in body["reply"]
        assert await my_orders(chat) == []

    await each_case(check, ["不整了", "拉倒吧", "算球了 莫买了", "算逑 不搞了", "不弄了", "唔要喇", "勿要了", "覅了",
                            "唔使喇 多谢", "莫要了 下回再买", "算了算了 下次再说", "取消 我再想想",
                            "取消吧 我再考虑考虑", "先不要了"])


async def test_the_order_placed_is_cancelled_in_cantonese(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r17region-cancel-order")
    await chat.say(HONEY)
    await chat.say("好")
    body = await chat.say("我嗰张单唔要喇 帮我取消咗佢")
    assert "已取消" in body["reply"]
    assert [o["status"] for o in await my_orders(chat)] == ["cancelled"]


async def test_regional_greetings_greet(client):
    async def check(message: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17region-greet")
        body = await chat.say(message)
        assert body["reply"].startswith("您好"), body["reply"]
        assert body["products"] == []

    await each_case(check, ["老铁 在不", "早晨", "妹儿 在没得", "侬好", "侬好呀", "喂 有人冇", "在伐", "老乡 在不",
                            "靓女 早晨", "兄弟 在没得", "老铁 有人伐"])


async def test_asking_what_it_can_do_in_regional_words_is_help(client):
    async def check(message: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17region-help")
        body = await chat.say(message)
        assert body["reply"].startswith("我可以帮您"), body["reply"]

    await each_case(check, ["你会些啥子", "点样落单", "侬帮阿拉做啥", "我唔识用 教下我", "怎么个用法咧",
                            "你是机器人吧 都能干点啥", "你会啥子", "点样买嘢", "侬哪能用", "你都会干点啥"])


async def test_paying_in_regional_words_pays_the_unpaid_order(client):
    async def check(message: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17region-pay")
        await chat.say(HONEY)
        await chat.say("好")
        body = await chat.say(message)
        assert "共116元待付款" in body["reply"], body["reply"]
        assert [o["status"] for o in await my_orders(chat)] == ["pending_payment"]

    await each_case(check, ["埋单 用爱心卡", "埋单", "帮我俾钱", "付款 用微信", "订单待支付 去付款", "付款 用支付宝"])


async def test_paying_by_wechat_says_where(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r17region-wechat")
    await chat.say(HONEY)
    await chat.say("好")
    body = await chat.say("付款 用微信")
    assert "微信支付请在「我的订单」里付" in body["reply"]


async def test_a_price_asked_in_regional_words_opens_no_order(client):
    async def check(message: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17region-price")
        body = await chat.say(message)
        assert "58元" in body["reply"], body["reply"]
        assert "请确认订单" not in body["reply"]

    await each_case(check, ["春中宝蜂蜜几钿", "春中宝蜂蜜几钿一瓶", "春中宝蜂蜜几多钱", "额春中宝蜂蜜几钿"])


async def test_when_it_arrives_asked_in_wu_is_the_orders_status(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r17region-when")
    await chat.say(HONEY)
    await chat.say("好")
    body = await chat.say("啥辰光到")
    assert body["reply"].startswith("您最近的订单")


async def test_i_and_we_in_regional_words_order(client):
    async def check(message: str, line: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17region-we")
        assert summary_lines(await chat.say(message)) == line

    await each_case(check, [("阿拉要两瓶春中宝蜂蜜", HONEY_LINE),
                            ("额要一盒广生源鸡蛋", "广生源鸡蛋 30枚装 ×1盒（共30枚），39.80元"),
                            ("俾我两瓶春中宝蜂蜜", HONEY_LINE)], spread=True)


async def test_is_it_from_a_place_asked_in_regional_words(client):
    async def check(message: str, said: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17region-origin")
        body = await chat.say(message)
        assert body["reply"].startswith(said), body["reply"]

    await each_case(check, [("春中宝蜂蜜系咪佛冈出的", "是的，春中宝蜂蜜 500g是佛冈出的"),
                            ("金线美大米系咪佛冈出的", "是的，金线美大米 5kg是佛冈出的"),
                            ("广生源鸡蛋是不是清远产的", "是的，广生源鸡蛋 30枚装是清远产的"),
                            ("春中宝蜂蜜系唔系清远嘅", "是的，春中宝蜂蜜 500g是清远的")], spread=True)


async def test_recommending_asked_in_cantonese(client):
    async def check(message: str) -> None:
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17region-recommend")
        body = await chat.say(message)
        assert body["reply"].startswith("推荐这几款"), body["reply"]

    await each_case(check, ["推介几款茶叶", "两百蚊以内有咩推介", "一百蚊以内有啥子推荐", "一百块以内有什么推荐"])


def test_mandarin_words_sharing_a_character_stay():
    for text in ("卡里余额还有多少", "额度多少", "阿拉善的羊肉有吗", "系列产品有哪些", "早晨发货吗", "步伐", "喇叭",
                 "蜂蜜现在没有", "查下单", "看下午的", "额尔古纳的蓝莓", "成交额多少", "你额度还有多少", "莫干山的茶"):
        assert mandarin(text) == text
