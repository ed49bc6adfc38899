"""Twenty-seventh round: off-catalogue things offered or drafted as the shop's (pair 27, offcat27).

1. A maker's name cut into single characters the catalogue knows one by one (美心月饼多少钱一盒, 来两盒美心月饼,
   美心的月饼多少钱) is another's mooncake: 没有找到「美心月饼」, nothing drafted (it DRAFTED the shop's mooncake);
   a name of the catalogue said so (红心猕猴桃) stays the shop's.
2. A foreign name glued before a catalogue word said with a space inside (西班牙 伊比利亚火腿 切片, 意大利 帕尔马火腿
   切片) is that name's ham: 没有找到 (it DRAFTED the shop's sliced ham); 宣威 火腿 切片 stays the shop's.
3. A brand whose second character is an adverb's (恒都牛肉多少钱, 来两斤恒都牛肉) is no adverb before a noun and no
   place heard near it (丰都): 没有找到「恒都牛肉」, the shop's beef only as alternatives (it was offered as a match);
   那就牛肉吧 is still beef.
4. Learning to grow or raise a thing, or a training (种植技术培训有吗 学种猕猴桃, 想学种花椒) is no fruit bought:
   nothing listed (the kiwis were offered as a match).
5. A count and a food word followed by a drink (六个核桃 饮料 整箱, 六个核桃 饮品 两箱) is the brand's drink: no
   walnuts offered and no count of six kept (the walnuts were offered as a match in an order).
6. A baby's formula brand asked whether in stock (那个伊利金领冠奶粉有现货吗, 君乐宝奶粉有现货吗) lists nothing: the
   yak's milk powder is no formula (it was listed as an alternative).
7. Another courier's parcel looked up by its number (查个快递 顺丰的 单号SF1234567) is an errand, not our order's
   status (it said 您还没有订单).
"""
from __future__ import annotations

from tests.support.cases import each_case
from tests.support.chat import say_once

NOT_FOUND = "没有找到"


# --- 1. a name cut into single characters ------------------------------------------------------------------------

async def test_a_name_cut_into_single_characters_is_anothers(client):
    async def check(said, echo):
        body = await say_once(client, said, name="r27-offcat-singles")
        assert f"{NOT_FOUND}「{echo}」" in body["reply"], body["reply"]
        assert body["slots"]["sku"] is None
        assert body["order"] is None

    await each_case(check, [("美心月饼多少钱一盒", "美心月饼"), ("来两盒美心月饼", "美心月饼"),
                            ("美心的月饼多少钱", "美心的月饼")], spread=True)


async def test_a_catalogue_name_of_single_characters_stays_the_shops(client):
    body = await say_once(client, "红心猕猴桃 有吗", name="r27-offcat-red-heart")
    assert NOT_FOUND not in body["reply"], body["reply"]
    assert body["products"], body["reply"]


# --- 2. a foreign name before a word said with a space inside ----------------------------------------------------

async def test_a_foreign_ham_said_with_a_space_is_not_the_shops(client):
    async def check(said, echo):
        body = await say_once(client, said, name="r27-offcat-ham")
        assert f"{NOT_FOUND}「{echo}」" in body["reply"], body["reply"]
        assert body["slots"]["sku"] is None

    await each_case(check, [("西班牙 伊比利亚火腿 切片", "伊比利亚火腿"), ("意大利 帕尔马火腿 切片", "帕尔马火腿")],
                    spread=True)


async def test_the_shops_ham_said_with_spaces_is_found(client):
    body = await say_once(client, "宣威 火腿 切片", name="r27-offcat-own-ham")
    assert body["slots"]["sku"] == "YN-XW-0001", body["reply"]


# --- 3. a brand with an adverb's character ------------------------------------------------------------------------

async def test_a_brand_sounding_like_a_place_is_not_found(client):
    async def check(said):
        body = await say_once(client, said, name="r27-offcat-hengdu")
        assert f"{NOT_FOUND}「恒都牛肉」" in body["reply"], body["reply"]
        assert body["order"] is None

    await each_case(check, ["恒都牛肉多少钱", "来两斤恒都牛肉", "恒都牛肉 2斤"])


async def test_an_adverb_before_the_thing_is_still_the_thing(client):
    body = await say_once(client, "那就牛肉吧", name="r27-offcat-then-beef")
    assert NOT_FOUND not in body["reply"], body["reply"]
    assert body["products"], body["reply"]


# --- 4. learning to grow a thing -----------------------------------------------------------------------------------

async def test_learning_to_grow_a_fruit_is_no_fruit_bought(client):
    async def check(said):
        body = await say_once(client, said, name="r27-offcat-training")
        assert body["products"] == [], body["reply"]
        assert body["slots"]["sku"] is None

    await each_case(check, ["种植技术培训有吗 学种猕猴桃", "想学种花椒", "学养土鸡 有课吗"])


# --- 5. a count and a food word before a drink ----------------------------------------------------------------------

async def test_a_counted_name_before_a_drink_is_the_brands_drink(client):
    async def check(said):
        body = await say_once(client, said, name="r27-offcat-walnut-drink")
        assert f"{NOT_FOUND}「六个核桃」" in body["reply"], body["reply"]
        assert body["products"] == []
        assert body["slots"]["qty"] != 6

    await each_case(check, ["六个核桃 饮料 整箱", "六个核桃 饮品 两箱", "来一箱六个核桃饮料"])


# --- 6. a baby's formula asked whether in stock ---------------------------------------------------------------------

async def test_a_formula_brand_asked_in_stock_lists_nothing(client):
    async def check(said):
        body = await say_once(client, said, name="r27-offcat-formula")
        assert NOT_FOUND in body["reply"], body["reply"]
        assert body["products"] == []

    await each_case(check, ["那个伊利金领冠奶粉有现货吗", "君乐宝奶粉有现货吗"])


# --- 7. another courier's parcel ------------------------------------------------------------------------------------

async def test_another_couriers_parcel_is_no_order_of_ours(client):
    async def check(said):
        body = await say_once(client, said, name="r27-offcat-courier")
        assert body["intent"] == "fallback", body["reply"]
        assert "您还没有订单" not in body["reply"]

    await each_case(check, ["查个快递 顺丰的 单号SF1234567", "查下快递 中通 单号YT12345678"])
