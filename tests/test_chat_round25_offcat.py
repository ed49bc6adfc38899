"""Twenty-fifth round: things the shop does not sell, found in the blind pair 25 (docs/chat.md "Twenty-fifth
round: off-catalogue"), each tried with sentences of our own:

1. A milk powder said with a brand cut into characters the catalogue holds (爱他美奶粉, 贝因美奶粉) is not the yak's:
   没有找到「爱他美奶粉」 — it PUT THE YAK'S MILK POWDER IN THE DRAFT. 牦牛奶粉 is still the shop's.
2. A seasoning base made for a dish (四川火锅底料 牛油 大红袍, 重庆火锅底料 麻辣) is goods of its own — it DRAFTED
   THE SHOP'S PEPPER or spicy chicken. Pepper bought for a base (花椒 做火锅底料用) is still the pepper.
3. A word the catalogue holds only as a tag (辣条 of a 酱干) beside a brand's goods (辣条 卫龙 大面筋) asks for
   those goods: 没有找到 — it DRAFTED THE 酱干.
4. A flower asked as a plant, real or not (兰花是真花还是假花, 玫瑰花是真的花吗) is the flower, not the tea or
   jam named after it: ask_info, 没有找到「兰花」 — it DRAFTED THE 兰花 TEA.
5. A baby's formula (3段婴幼儿配方奶粉), jewellery of another material or a maker (翡翠手镯, 卡地亚 手镯) and a counted
   brand (六个核桃, a drink) list nothing under 没有找到: no yak's powder, no silver, no walnuts.
6. Whether a product must be kept cold (宣威火腿切片要冷藏吗, 腊肉要冷藏吗) is a question answered from the page,
   never an order; a one-character hi inside a name (酸辣粉 嗨吃家) is no greeting.
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop

NOT_FOUND = "没有找到「"


async def _said(client, message: str) -> dict:
    chat = await open_shop(client, DEMO_CATALOG_CSV, "offcat25")
    return await chat.say(message)


async def test_a_branded_milk_powder_is_not_the_yaks(client):
    async def check(said, echoed):
        body = await _said(client, said)
        assert f"{NOT_FOUND}{echoed}」" in body["reply"], body["reply"]
        assert body["slots"]["sku"] is None
        assert body["products"] == []

    await each_case(check, [("爱他美奶粉", "爱他美奶粉"), ("有没有贝因美奶粉", "贝因美奶粉"),
                            ("来两罐美素佳儿奶粉", "美素佳儿奶粉")], spread=True)


async def test_the_yaks_milk_powder_is_still_found(client):
    body = await _said(client, "牦牛奶粉")
    assert body["slots"]["sku"] == "SC-HY-0001", body["reply"]


async def test_a_seasoning_base_is_goods_of_its_own(client):
    async def check(said, echoed):
        body = await _said(client, said)
        assert f"{NOT_FOUND}{echoed}」" in body["reply"], body["reply"]
        assert body["slots"]["sku"] is None

    await each_case(check, [("四川火锅底料 牛油 大红袍", "四川火锅底料"), ("重庆火锅底料 麻辣", "重庆火锅底料"),
                            ("麻辣烫底料有吗", "麻辣烫底料")], spread=True)


async def test_pepper_for_a_base_is_still_the_pepper(client):
    body = await _said(client, "花椒 做火锅底料用")
    assert NOT_FOUND not in body["reply"], body["reply"]
    assert body["products"] != []


async def test_a_brands_goods_beside_a_tag_word_are_not_drafted(client):
    async def check(said):
        body = await _said(client, said)
        assert NOT_FOUND in body["reply"], body["reply"]
        assert body["slots"]["sku"] is None

    await each_case(check, ["辣条 卫龙 大面筋", "辣条 卫龙"])


async def test_a_flower_asked_as_a_plant_is_not_the_tea(client):
    async def check(said, echoed):
        body = await _said(client, said)
        assert f"{NOT_FOUND}{echoed}」" in body["reply"], body["reply"]
        assert body["intent"] == "ask_info"
        assert body["products"] == []

    await each_case(check, [("你们的兰花是真花还是假花", "兰花"), ("玫瑰花是真的花吗", "玫瑰花")], spread=True)


async def test_unfair_alternatives_are_not_listed(client):
    async def check(said):
        body = await _said(client, said)
        assert NOT_FOUND in body["reply"], body["reply"]
        assert body["products"] == []

    await each_case(check, ["飞鹤星飞帆3段婴幼儿配方奶粉700g*6罐 官方旗舰", "卡地亚 手镯 LOVE",
                            "你们的翡翠手镯有证书吗", "金手镯", "六个核桃 一箱"])


async def test_a_plain_bracelet_still_finds_the_silver(client):
    body = await _said(client, "手镯有吗")
    assert body["slots"]["sku"] == "GZ-LS-0002", body["reply"]


async def test_whether_kept_cold_is_a_question_not_an_order(client):
    async def check(said):
        body = await _said(client, said)
        assert body["intent"] == "ask_info", body["reply"]
        assert "请确认订单" not in body["reply"]

    await each_case(check, ["宣威火腿切片要冷藏吗", "腊肉要冷藏吗"])


async def test_a_hi_inside_a_name_is_no_greeting(client):
    body = await _said(client, "酸辣粉 嗨吃家")
    assert body["intent"] == "search", body["reply"]
    hello = await _said(client, "嗨 老板")
    assert hello["intent"] == "greet", hello["reply"]
