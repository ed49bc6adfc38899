"""Fifteenth round (lead): cards and brands the shop does not sell are never offered as a match nor a love-card
action.

1. another shop's card, voucher or credit asked about as goods keeps the intent of what the shopper does (有没有 →
   search, 买/来/要 → order, 多少钱 → ask_price, 能用吗/能刷吗/能抵扣吗 → ask_info) and is answered 没有找到「the card
   as said」 with the sentence that the shop sells love cards only (or, asked whether it pays here, that only the
   love card and WeChat Pay do): nothing listed, nothing drafted (bot/card_goods.py, bot/turns/honest.py);
2. a 爱心卡 of another programme (老年人爱心卡, 公交爱心卡, 医疗爱心卡) is a short honest fallback, never a love-card
   action; the shop's own (消费扶贫爱心卡, 爱心助农卡, 我的爱心卡) is unchanged (bot/other_cards.py);
3. a maker named before a catalogue word with 的 (良品铺子的坚果, 三只松鼠的核桃) and a drink made with a catalogue word
   (红茶拿铁, 核桃露) are not found; the shop's products of the kind only as alternatives (bot/makers.py,
   bot/made_of.py).

Over the demo catalogue.
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop

SELLS_LOVE_CARDS_ONLY = "我们只卖消费扶贫爱心卡"
PAYS_HERE = "本店只收消费扶贫爱心卡和微信支付"


# --- 1. another's card asked about as goods --------------------------------------------------------------------------

async def test_another_shops_card_asked_for_is_not_found_and_nothing_drafted(client):
    async def check(message, intent, said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "card-goods")
        body = await chat.say(message)
        assert body["intent"] == intent, body["reply"]
        assert f"没有找到「{said}」" in body["reply"], body["reply"]
        assert SELLS_LOVE_CARDS_ONLY in body["reply"]
        assert body["products"] == []
        assert body["slots"] == {"sku": None, "qty": None, "amount_fen": None, "unit": None, "total_qty_text": None}

    await each_case(check, [
    ("有没有家乐福购物卡", "search", "家乐福购物卡"),
    ("卖不卖肯德基兑换券", "search", "肯德基兑换券"),
    ("买5张大润发购物卡", "order", "大润发购物卡"),
    ("来300元话费", "order", "话费"),
    ("要100张粽子券", "order", "粽子券"),
    ("买两张500面值的永辉卡", "order", "永辉卡"),
    ("沃尔玛卡多少钱一张", "ask_price", "沃尔玛卡"),
    ("一张盒马卡多少钱", "ask_price", "盒马卡"),
], spread=True)


async def test_another_shops_card_offered_in_payment_is_told_what_pays_here(client):
    async def check(message, said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "card-pays")
        body = await chat.say(message)
        assert body["intent"] == "ask_info", body["reply"]
        assert f"没有找到「{said}」" in body["reply"], body["reply"]
        assert PAYS_HERE in body["reply"]
        assert body["slots"]["amount_fen"] is None

    await each_case(check, [
    ("大润发的卡能在你们这付吗", "大润发的卡"),
    ("支付宝消费券能抵扣吗", "支付宝消费券"),
    ("政府发的消费券能用吗", "政府发的消费券"),
    ("工会卡能刷吗", "工会卡"),
    ("淘宝购物金能用吗", "淘宝购物金"),
    ("单位发的购物卡可以用吗", "单位发的购物卡"),
], spread=True)


async def test_buying_another_shops_card_then_confirming_places_nothing(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "card-confirm")
    await chat.say("买5张大润发购物卡")
    body = await chat.say("确认")
    assert body["order"] is None
    assert "大润发" not in body["reply"]


async def test_another_card_mid_order_keeps_the_order(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "card-mid")
    await chat.say("洛南核桃 两袋")
    body = await chat.say("再来3张沃尔玛购物卡")
    assert "没有找到「沃尔玛购物卡」" in body["reply"], body["reply"]
    done = await chat.say("确认")
    assert done["order"] is not None, done["reply"]


async def test_love_cards_and_errands_are_unchanged(client):
    async def check(message, intent):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "card-kept")
        body = await chat.say(message)
        assert body["intent"] == intent, body["reply"]
        assert "没有找到" not in body["reply"]

    await each_case(check, [
    ("买两张200的爱心卡", "buy_card"),
    ("我的卡还剩多少", "card_balance"),
    ("帮我交话费", "fallback"),
    ("银行卡怎么绑定", "fallback"),
], spread=True)


# --- 2. another programme's 爱心卡 ----------------------------------------------------------------------------------

async def test_another_programmes_love_card_is_told_apart(client):
    async def check(message, issuer):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "programme")
        body = await chat.say(message)
        assert body["intent"] == "fallback", body["reply"]
        assert issuer in body["reply"], body["reply"]
        assert "消费扶贫爱心卡是另一种卡" in body["reply"]
        assert body["slots"]["unit"] is None

    await each_case(check, [
    ("老年人爱心卡怎么办", "当地政府部门"),
    ("敬老爱心卡能用吗", "当地政府部门"),
    ("残疾人爱心卡", "当地政府部门"),
    ("医疗爱心卡在哪办", "当地政府部门"),
    ("公交爱心卡怎么充值", "交通部门"),
    ("地铁爱心卡刷不了", "交通部门"),
], spread=True)


async def test_the_shops_own_love_card_stays_its_own(client):
    async def check(message, intent):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "own-card")
        body = await chat.say(message)
        assert body["intent"] == intent, body["reply"]

    await each_case(check, [
    ("买一张消费扶贫爱心卡", "buy_card"),
    ("爱心助农卡还剩多少", "card_balance"),
    ("我的爱心卡余额", "card_balance"),
    ("送老人爱心卡 200的", "buy_card"),
], spread=True)


# --- 3. makers before 的, drinks made with a catalogue word ----------------------------------------------------------

async def test_a_makers_goods_or_a_drink_is_not_found(client):
    async def check(message, said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "makers")
        body = await chat.say(message)
        assert f"没有找到「{said}」" in body["reply"], body["reply"]
        assert "为您找到" not in body["reply"]
        assert body["slots"]["sku"] is None

    await each_case(check, [
    ("有良品铺子的坚果吗", "良品铺子的坚果"),
    ("要百草味的芒果干", "百草味的芒果干"),
    ("三只松鼠的核桃有吗", "三只松鼠的核桃"),
    ("金龙鱼的大米多少钱", "金龙鱼的大米"),
    ("有红茶拿铁吗", "红茶拿铁"),
    ("核桃露来一箱", "核桃露"),
    ("蜂蜜柚子茶饮料有吗", "蜂蜜柚子茶饮料"),
], spread=True)


async def test_the_shops_own_goods_said_with_de_are_still_found(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "own-goods")
        body = await chat.say(message)
        assert "没有找到" not in body["reply"], body["reply"]
        assert body["products"] != [] or body["slots"]["sku"] is not None

    await each_case(check, ["好吃的核桃有吗", "红茶有吗", "你们家的大米怎么卖", "要两盒30枚装的广生源土鸡蛋"])
