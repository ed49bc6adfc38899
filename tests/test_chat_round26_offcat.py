"""Twenty-sixth round (off-catalogue): things the shop does not sell, other platforms, banks and services.

1. A thing said with a flavour (红枣味饮料, 蜂蜜味的饮料, 来两瓶苹果味汽水, 红枣口味的酸奶) is that thing, which the
   shop lacks: 没有找到「红枣味饮料」 and nothing listed or drafted (it listed, and drafted, the 刺梨 juice and the
   dates); a flavour the shop's goods have (刺梨味饮料) still lists them.
2. The shop's love card asked whether it works on another platform or in another shop (饿了么上能用你们的卡吗,
   爱心卡能在京东用吗) is told it is spent only here (it was read as the card's balance).
3. Frozen dumplings named with their filling (韩式煎饺 白菜猪肉, 荠菜猪肉大馄饨) and a vinegar of a fruit (苹果醋)
   list nothing as others: the pork and the apples are no substitute. Kinds of the same thing stay (三只松鼠每日坚果
   → nuts, 智利车厘子 → cherries).
4. A word that begins with a buying word and buys nothing (订书机, 电磁加热, 加热即食, 拍照手机) drafts nothing and is
   a search (an appliance or a stapler was read as an order); a model's X7 (OPPO Find X7) is no count of seven.
5. A bank's branch or hours (招商银行网点几点关门), money changed (能换外币吗), a loan's cost (微粒贷利息多少), a car
   bought by instalments (我想分期付款买车) and a parcel taken in (能帮忙代收快递吗) are errands the shop cannot do
   (they got the shop's hours, the refund answer, a payment of no order, and "能送").
6. A repairer asked whether he comes to the door (空调加氟上门吗) is the errand's answer, not 没有找到「空调加氟上门」.
7. A question of a thing not sold (口红有没有小样, 蛋糕可以写字吗, 榴莲包开吗, 冰箱送货上楼吗, 运动鞋能试穿吗,
   猫粮是进口的吗) is `ask_info` answered 没有找到「the thing」 (it echoed the question, or was not understood).
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, say_once

NOT_FOUND = "没有找到"


async def _say(client, message: str) -> dict:
    return await say_once(client, message, name="round26-offcat")


# --- 1. a thing said with a flavour ------------------------------------------------------------------------------

async def test_a_flavoured_thing_the_shop_lacks_lists_and_drafts_nothing(client):
    async def check(said, thing):
        body = await _say(client, said)
        assert f"{NOT_FOUND}「{thing}」" in body["reply"], body["reply"]
        assert body["products"] == [], body["products"]
        assert body["order"] is None

    await each_case(check, [("蜂蜜味的饮料有没有", "蜂蜜味的饮料"), ("红枣味饮料多少钱", "红枣味饮料"),
                            ("来两瓶苹果味汽水", "苹果味汽水"), ("红枣口味的酸奶有吗", "红枣口味的酸奶")], spread=True)


async def test_a_flavoured_thing_drafts_nothing_after_a_pending_line(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round26-flavour")
    await chat.say("买两箱刺柠吉刺梨复合果汁")
    body = await chat.say("买三箱红枣味饮料")
    assert f"{NOT_FOUND}「红枣味饮料」" in body["reply"], body["reply"]
    assert "×3箱" not in body["reply"], body["reply"]


async def test_a_flavour_the_shop_has_still_lists_its_goods(client):
    body = await _say(client, "刺梨味饮料有吗")
    assert [p["sku"] for p in body["products"]][:1] == ["GZ-HS-0001"], body["products"]


# --- 2. the love card on another platform ------------------------------------------------------------------------

async def test_the_love_card_is_spent_only_here(client):
    async def check(said):
        body = await _say(client, said)
        assert body["intent"] == "fallback", body["intent"]
        assert "只能在本店" in body["reply"], body["reply"]

    await each_case(check, ["饿了么上能用你们的卡吗", "爱心卡能在京东用吗", "爱心卡拼多多上能用吗",
                            "美团外卖能用爱心卡吗"])


# --- 3. no unfair substitutes --------------------------------------------------------------------------------------

async def test_fillings_and_vinegars_list_nothing_as_others(client):
    async def check(said):
        body = await _say(client, said)
        assert NOT_FOUND in body["reply"], body["reply"]
        assert body["products"] == [], body["products"]

    await each_case(check, ["湾仔码头 韭菜猪肉水饺 1kg 家庭装", "白菜猪肉煎饺有吗", "有没有苹果醋", "买一瓶苹果醋"])


async def test_kinds_of_the_same_thing_are_still_listed_as_others(client):
    async def check(said, sku):
        body = await _say(client, said)
        assert NOT_FOUND in body["reply"], body["reply"]
        assert sku in [p["sku"] for p in body["products"]], body["products"]

    await each_case(check, [("来两斤智利车厘子", "SC-WC2-0001"), ("有没有三只松鼠每日坚果", "GZ-HZ-0001")], spread=True)


# --- 4. words that begin with a buying word ------------------------------------------------------------------------

async def test_an_appliance_or_a_stapler_is_searched_not_ordered(client):
    async def check(said):
        body = await _say(client, said)
        assert body["intent"] == "search", (body["intent"], body["reply"])
        assert body["order"] is None
        assert NOT_FOUND in body["reply"], body["reply"]

    await each_case(check, ["订书机", "订书钉有吗", "九阳 电饭煲 5L IH电磁加热", "懒人菜 小龙虾 预制菜 加热即食 500g",
                            "OPPO Find X7 哈苏影像 5G拍照手机"])


# --- 5. banks, loans and errands -----------------------------------------------------------------------------------

async def test_banks_loans_and_parcels_are_errands_the_shop_cannot_do(client):
    async def check(said):
        body = await _say(client, said)
        assert body["intent"] == "fallback", (body["intent"], body["reply"])
        assert "办不了" in body["reply"], body["reply"]

    await each_case(check, ["工商银行网点几点开门", "能换点美元吗", "能换外币吗", "借呗利息多少", "我想分期付款买车",
                            "能帮忙代收快递吗", "可以帮我取个快递吗"])


# --- 6. at the door ---------------------------------------------------------------------------------------------

async def test_a_repairer_at_the_door_is_the_errands_answer(client):
    body = await _say(client, "热水器维修上门吗")
    assert body["intent"] == "fallback", body["intent"]
    assert "办不了" in body["reply"], body["reply"]


# --- 7. a question of a thing not sold -------------------------------------------------------------------------

async def test_a_question_of_a_thing_not_sold_names_the_thing(client):
    async def check(said, thing):
        body = await _say(client, said)
        assert body["intent"] == "ask_info", (body["intent"], body["reply"])
        assert f"{NOT_FOUND}「{thing}」" in body["reply"], body["reply"]

    await each_case(check, [("面霜有没有小样", "面霜"), ("生日蛋糕能写字吗", "生日蛋糕"), ("榴莲包开吗", "榴莲"),
                            ("洗衣机送货上楼吗", "洗衣机"), ("皮鞋可以试穿吗", "皮鞋"), ("狗粮是进口的吗", "狗粮")],
                    spread=True)
