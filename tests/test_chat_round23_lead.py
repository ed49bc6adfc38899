"""Twenty-third round (lead): kinds found by trying the assistant as a shopper would, outside the labelled sets.

1. How heavy or how big a pack is, asked of a word several products share (大米多重, 核桃重不重, 蜂蜜多大一瓶,
   大米几斤一袋), lists each product's pack and price and asks which; it was 没有找到「大米多重」 (the question
   glued to the name), or an order opened for one bottle (蜂蜜多大一瓶) or one box (一箱苹果有多少个). Asked of the
   product in the draft (这个多重) it answers for that one. A count asked of goods sold by weight (苹果一箱多少个) is
   said to be unwritten, never guessed.
2. Bargaining and promotions asked with no goods named (能便宜点吗, 有满减吗, 最近有什么活动, 新人有优惠吗,
   买10箱能打折吗) get the shop's answer: certified products sell at their price, no promotions (it was 没太明白
   or 没有找到「满减」). 能便宜点吗 at a summary keeps the draft's count (it was read as "the cheaper one",
   the count lost).
3. A price tie said as a description (贵一点的 after a list where two teas share the dearest price) lists those to
   choose from; it was 没太明白.
4. 算了 opening a pick or a description (算了 就第一个吧, 算了 换成最便宜那款) is a change of mind, read as the pick;
   it cancelled. 算了 alone still drops the draft.
5. A way to pay said as wanted (我要对公转账, 我们走对公转账) gets the shop's payment answer as when asked (it was
   没有找到「公转账」); 医保卡能用吗 stays the question whether another card pays here (the round's money-matters rule
   had made it an errand).
6. A place and a size said after a list (蔚县5kg的来一袋 after two 蔚县 millets were shown) take the product of that
   place in that size; the round's place pick (bot/turns/placed_names.py) had dropped the size and listed both.
7. Talk handing the address over (先把地址给你：…, 地址发你 …, 地址如下：…) is never the receiver: it was saved as
   给你 / 如下, and the real name (符先生) was glued to the street.
8. Thanks said inside an address (李四 北京市…88号 谢谢 139…) leave the address whole: it was 不客气 and nothing saved.
9. 俩 / 仨 between a buying verb and the goods (来仨静宁苹果) count them (it asked 要几箱); a sum of money said right
   before the card with a face said apart (买2000元爱心卡 面值500的) is that many cards of the face (it was "no 2000元
   face"); a printed code mistyped (AX1.….ABCD) is tried and refused, never asked for again.
10. A grower or a firm asking how to sell here (我想报名当供应商, 我们合作社的木耳想在你们这卖, 怎么入驻,
    怎么申请认定扶贫产品) is told how certification and a supplier's account work (`bot/selling_here.py`); it was
    an exam errand, a list of fungus, 没太明白 or 没有找到「怎么申请」.
11. Food made for babies asked for (宝宝辅食有啥推荐, 婴儿米粉有吗) is not found: the best sellers (ginger sweets, spicy
    tofu) had been recommended for a baby. When it arrives asked by the day (明天能到吗, 后天能收到吗) gets the shop's
    shipping times (it was 没太明白).
"""
from __future__ import annotations

from pathlib import Path

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, say_once, summary_lines


async def test_the_weight_of_a_word_several_products_share_lists_each_pack(client):
    async def check(asked):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-weights")
        body = await chat.say(asked)
        assert body["intent"] == "ask_info"
        assert body["reply"].startswith("有4款：\n1. "), body["reply"]
        assert "金线美大米 5kg：每袋5kg（10斤），45元一袋。" in body["reply"]
        assert body["reply"].endswith("要哪一款？")
        assert body["order"] is None
        assert body["slots"]["sku"] is None
        picked = await chat.say("第二个")
        assert "桦川星火大米" in picked["reply"], picked["reply"]
        assert "要几袋" in picked["reply"]

    await each_case(check, [
        "大米多重",
        "大米重不重",
        "大米几斤一袋",
        "大米一袋有多重",
    ])


async def test_a_pack_said_with_the_question_opens_no_order(client):
    async def check(asked):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-weights-no-order")
        body = await chat.say(asked)
        assert body["intent"] == "ask_info"
        assert body["slots"]["qty"] is None
        assert body["order"] is None
        assert "请确认订单" not in body["reply"], body["reply"]
        assert body["reply"].endswith("要哪一款？")
        assert len(body["products"]) == 5

    await each_case(check, [
        "蜂蜜多大一瓶",
        "一箱苹果有多少个",
    ])


async def test_a_count_asked_of_goods_sold_by_weight_is_not_guessed(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-count-by-weight")
    body = await chat.say("静宁苹果一箱多少个")
    assert body["reply"] == ("静宁苹果 红富士 10斤：每箱10斤，58元一箱。按重量卖的，每箱有多少个商品页没有写，"
                             "下单前可以联系商家确认。")


async def test_how_heavy_this_one_is_answers_for_the_draft(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-weight-this")
    await chat.say("来一箱静宁苹果")
    body = await chat.say("这个多重")
    assert body["reply"].startswith("静宁苹果 红富士 10斤：每箱10斤，58元一箱。"), body["reply"]
    assert "等您确认下单" in body["reply"]


async def test_bargaining_and_promotions_get_the_shops_answer(client):
    async def check(asked):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-discounts")
        body = await chat.say(asked)
        assert body["intent"] == "fallback"
        assert body["reply"].startswith("店里的认定扶贫产品都按认定的价格销售，没有满减、优惠券"), body["reply"]
        assert body["products"] == []
        assert body["order"] is None

    await each_case(check, [
        "能便宜点吗",
        "有满减吗",
        "最近有什么活动",
        "新人有优惠吗",
        "买10箱能打折吗",
        "少点呗",
    ])


async def test_bargaining_at_a_summary_keeps_the_draft(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-discount-draft")
    await chat.say("来一箱静宁苹果")
    body = await chat.say("能便宜点吗")
    assert body["slots"]["qty"] == 1
    assert "等您确认下单" in body["reply"], body["reply"]
    placed = await chat.say("确认")
    assert placed["order"]["total_fen"] == 5800


async def test_a_cheaper_product_or_anothers_voucher_is_no_bargain(client):
    async def check(asked):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-not-discounts")
        body = await chat.say(asked)
        assert "按认定的价格销售" not in body["reply"], body["reply"]

    await each_case(check, [
        "有没有便宜点的大米",
        "美团优惠券领一下",
        "肯德基优惠券有吗",
        "有没有便宜点的车险",
        "京东卡打折吗",
    ])


async def test_a_price_tie_said_as_a_description_lists_the_tied(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-dearer")
    await chat.say("茶叶")
    body = await chat.say("贵一点的")
    assert body["reply"].startswith("刚才这几款里最贵的是128元，有这几款：\n1. "), body["reply"]
    assert len(body["products"]) == 2
    picked = await chat.say("第二个")
    assert picked["slots"]["sku"] == body["products"][1]["sku"]


async def test_never_mind_then_a_pick_is_the_pick(client):
    async def check(said, sku):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-never-mind-pick")
        await chat.say("茶叶")
        body = await chat.say(said)
        assert body["intent"] == "order"
        assert body["slots"]["sku"] == sku

    await each_case(check, [
        ("算了 就第一个吧", "HI-BS-0001"),
        ("算了 换成最便宜那款", "SC-MB-0001"),
    ], spread=True)


async def test_never_mind_alone_still_drops_the_draft(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-never-mind")
    await chat.say("来一箱静宁苹果")
    body = await chat.say("算了")
    assert body["intent"] == "cancel"
    assert "已经取消" in body["reply"]


async def test_ways_to_pay_said_or_asked_get_the_payment_answer(client):
    async def check(said, answer):
        body = await say_once(client, said)
        assert body["intent"] == "ask_info"
        assert answer in body["reply"], body["reply"]

    await each_case(check, [
        ("我要对公转账", "不支持对公转账"),
        ("我们走对公转账", "不支持对公转账"),
        ("医保卡能用吗", "本店只收消费扶贫爱心卡和微信支付"),
    ], spread=True)


MILLETS = Path(__file__).parent / "data" / "chat_round23_lead_catalog.csv"  # 蔚县 millet in 2.5kg and 5kg, 朝阳小米


async def test_a_place_and_a_size_after_a_list_take_that_size(client):
    async def check(said):
        chat = await open_shop(client, MILLETS, "round23-place-size")
        await chat.say("有小米吗")
        body = await chat.say(said)
        assert summary_lines(body) == "蔚县桃花小米 5kg ×1袋（共5kg），72元"

    await each_case(check, [
        "蔚县5kg的来一袋",
        "蔚县的5kg来一袋",
    ])


async def test_talk_around_an_address_is_neither_the_receiver_nor_the_street(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round23-address-talk", address=False)
        body = await chat.say(said)
        assert body["intent"] == "change_address"
        saved = "收货地址已保存：符先生 138****3210 海南省琼中黎族苗族自治县营根镇海榆路20号。"
        assert saved in body["reply"], body["reply"]

    await each_case(check, [
        "先把地址给你：海南省琼中黎族苗族自治县营根镇海榆路20号 符先生 138 7654 3210",
        "地址发你 海南省琼中黎族苗族自治县营根镇海榆路20号 符先生 13876543210",
        "地址如下：海南省琼中黎族苗族自治县营根镇海榆路20号，符先生，13876543210",
        "符先生 海南省琼中黎族苗族自治县营根镇海榆路20号 谢谢 13876543210",
    ])


async def test_spoken_counts_before_the_goods_count_them(client):
    async def check(said, qty):
        body = await say_once(client, said)
        assert body["slots"]["sku"] == "GS-JN-0001"
        assert body["slots"]["qty"] == qty

    await each_case(check, [
        ("来仨静宁苹果", 3),
        ("来俩静宁苹果", 2),
    ], spread=True)


async def test_a_sum_before_the_card_and_a_face_apart_buy_that_many_cards(client):
    body = await say_once(client, "买2000元爱心卡 面值500的")
    assert body["reply"] == "请确认：消费扶贫爱心卡，面值500元 ×4张，合计2000元。确认购买吗？"


async def test_a_mistyped_printed_code_is_tried_and_refused(client):
    body = await say_once(client, "我的卡码是 AX1.1234567890123456.ABCD")
    assert body["intent"] == "claim_card"
    assert body["reply"].startswith("没能领取这张卡"), body["reply"]


async def test_how_to_sell_here_is_answered(client):
    async def check(said):
        body = await say_once(client, said)
        assert body["intent"] == "ask_info"
        assert body["reply"].startswith("想在这里卖货，产品要先认定为扶贫产品"), body["reply"]
        assert body["products"] == []

    await each_case(check, [
        "我想报名当供应商",
        "我们合作社的木耳想在你们这卖",
        "怎么入驻",
        "怎么申请认定扶贫产品",
    ])


async def test_food_for_babies_is_never_a_grown_ups_snack(client):
    async def check(said, echoed):
        body = await say_once(client, said)
        assert f"没有找到「{echoed}」" in body["reply"], body["reply"]
        assert body["products"] == []

    await each_case(check, [
        ("宝宝辅食有啥推荐", "宝宝辅食"),
        ("婴儿米粉有吗", "婴儿米粉"),
    ], spread=True)


async def test_when_it_arrives_by_the_day_gets_the_shipping_times(client):
    async def check(said):
        body = await say_once(client, said)
        assert body["intent"] == "ask_info"
        assert "一般付款后48小时内发出" in body["reply"], body["reply"]

    await each_case(check, [
        "明天能到吗",
        "后天能收到吗",
    ])
