"""Twenty-third round: order lines named with a purpose or a place, and questions about the shop's products.

1. A dish glued after the goods (想买点小米熬米油, 红枣泡水喝, 小米熬粥) says what they are for: the goods are
   ordered (it was 没有找到「点小米熬米油」, the dish read as part of a thing's name).
2. A place said with 那个 after a list (朝阳那个来三袋) is the shown product whose name holds the place word, never
   every product from that city (建平荞麦面 is from 朝阳市 too, and was listed with it).
3. Where a product comes from, asked of the shop's goods (你们卖的枸杞是宁夏中宁的吗): a question answered from
   the data; a thing not sold is 没有找到「枸杞」 (not 「枸杞是宁夏中宁」), others say where they are from.
4. Doubt of purity (土蜂蜜会不会掺糖, 有没有兑水) is a question: what the page says and that it shows no test result.
5. The origin of two products asked at once (红枣和小米的产地分别是哪) lists each one's origin from the data.
6. A size asked (卡垫尺寸多大) is the size the name gives (60×90cm), never a weight made up; the shop's shipping
   time asked with where the shopper is (发货要几天 我在广东清远) is the shop's shipping answer, not 没有找到 nor an
   order status.
"""
from __future__ import annotations

from pathlib import Path

from tests.support.cases import each_case
from tests.support.chat import open_shop, say_once, summary_lines

CATALOG = Path(__file__).parent / "data" / "chat_round23_lines_questions_catalog.csv"


async def test_a_dish_glued_after_the_goods_is_what_they_are_for(client):
    async def check(said, line):
        chat = await open_shop(client, CATALOG, "round23-dish")
        body = await chat.say(said)
        assert body["intent"] == "order"
        assert "没有找到" not in body["reply"], body["reply"]
        assert summary_lines(body).startswith(line), body["reply"]

    await each_case(check, [
        ("宝宝9个月了 想买点小米熬米油 蔚县的2.5kg来一袋", "蔚县桃花小米 2.5kg ×1袋"),
        ("家里老人胃不好 想买点小米熬粥 蔚县的来一袋", "蔚县桃花小米 2.5kg ×1袋"),
        ("红枣泡水喝 要两袋", "阜平红枣 500g ×2袋"),
    ], spread=True)


async def test_a_place_said_after_a_list_is_the_shown_name_holding_it(client):
    async def check(pick, line):
        chat = await open_shop(client, CATALOG, "round23-place")
        listed = await chat.say("恁这有小米没有")
        assert len(listed["products"]) == 2
        body = await chat.say(pick)
        assert summary_lines(body).startswith(line), body["reply"]
        assert "荞麦面" not in body["reply"]

    await each_case(check, [
        ("中 朝阳那个来三袋", "朝阳小米 2.5kg ×3袋"),
        ("蔚县的来一袋", "蔚县桃花小米 2.5kg ×1袋"),
    ], spread=True)


async def test_where_goods_not_sold_come_from_is_not_found_by_their_name(client):
    body = await say_once(client, "你们卖的枸杞是宁夏中宁的吗", CATALOG, "round23-goji")
    assert body["intent"] == "ask_info"
    assert "没有找到「枸杞」" in body["reply"], body["reply"]


async def test_goods_from_elsewhere_say_where_they_are_from(client):
    body = await say_once(client, "你家卖的红枣是新疆的吗", CATALOG, "round23-dates")
    assert body["intent"] == "ask_info"
    assert "没有写“新疆”" in body["reply"], body["reply"]
    assert "产自河北省保定市阜平县" in body["reply"]
    assert not body["reply"].startswith("是的")


async def test_doubt_of_purity_is_answered_from_the_page(client):
    async def check(said):
        body = await say_once(client, said, CATALOG, "round23-honey")
        assert body["intent"] == "ask_info"
        assert "商品页没有写检测结果" in body["reply"], body["reply"]
        assert "土蜂蜜" in body["reply"]
        assert not body["reply"].startswith("是的")
        assert body["order"] is None

    await each_case(check, [
        "蜂蜜是真的土蜂蜜吗 会不会掺糖",
        "土蜂蜜有没有兑水",
    ])


async def test_each_origin_asked_at_once(client):
    body = await say_once(client, "红枣和小米的产地分别是哪", CATALOG, "round23-origins")
    assert body["intent"] == "ask_info"
    assert "产自河北省保定市阜平县" in body["reply"], body["reply"]
    assert "产自辽宁省朝阳市朝阳县" in body["reply"]


async def test_a_size_asked_is_the_size_in_the_name(client):
    async def check(said):
        body = await say_once(client, said, CATALOG, "round23-size")
        assert body["intent"] == "ask_info"
        assert "60×90cm" in body["reply"], body["reply"]
        assert "没有写每件多重" not in body["reply"]
        assert body["order"] is None

    await each_case(check, [
        "江孜卡垫尺寸多大",
        "卡垫多大尺寸",
        "卡垫规格是多少",
    ])


async def test_the_shipping_time_is_the_shops_answer(client):
    async def check(said):
        body = await say_once(client, said, CATALOG, "round23-ship")
        assert body["intent"] == "ask_info"
        assert "48小时内发出" in body["reply"], body["reply"]

    await each_case(check, [
        "发货要几天 我在广东清远",
        "我在广州 发货需要几天",
        "蜂蜜发货要多久",
    ])
