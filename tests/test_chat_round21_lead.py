"""Twenty-first round (lead): kinds found by trying the demo catalogue as a shopper would.

1. A quantity said alone while the product is still being chosen (核桃来两袋 → 改成三袋 / 不对，三袋 / 核桃来四斤 →
   还是要六斤吧) is the line's new quantity: it was "没太明白", or the list shown again, and the line kept the first
   quantity (赫章核桃 ×2袋 共4斤 after 六斤). A size that narrows the list (鸡蛋来两盒 → 要30枚的) keeps the count.
2. An address said for an order already placed (我刚才那单还没发货吧，地址写错了，改成北京市…) changes that order,
   while no parcel has left (models/services/order_reship.py): the one open order, the newest when said as just
   placed (刚才那单), every one when all are meant (那些都), or the one named after a list (订单2026… 改寄到新地址).
   Before, the address was saved for next time and the order went to the old one. 取消刚才那个订单 with several
   unpaid cancels the newest (it listed them all).
3. Two named products weighed (静宁苹果和洛川苹果哪个好) are both shown (one was listed); priced against each other
   (哪个便宜) both prices are given.
4. Honey with a baby said (宝宝能吃蜂蜜吗, 给一岁半的孩子买瓶蜂蜜) comes with the caution that babies under one must not
   eat honey; nothing else is said as health advice.
5. A receiver named as whose they are (我爸叫李建国, 她叫王秀英, 我姐名字叫张小红) beside an address is the receiver:
   the order went to one called 收货人, the name lost. A first address said with no name at all asks for the
   receiver (it was saved for one called 收货人).
6. Where the product in view comes from (这个苹果是哪个县的, 这个县是贫困县吗): asked of it. 县 was read as a product
   word (吉县苹果 answered, and put in the draft), 贫困县 as a thing not found.
7. A line still asked about (砀山酥梨来两盒 → 要几箱？, or which 核桃) while another is added (再加一箱洛川苹果)
   waits its turn and is asked after: it was dropped, and only the apples were in the summary.
8. A length of time (给10个月大的宝宝买瓶蜂蜜, 保质期18个月) is no count: it was ten (eighteen) bottles in the draft.
9. 要大的 where no one product is the biggest: among kiwis all of 5斤 a box it is said so; among apples of 10斤 and
   5斤 boxes the 10斤 ones are listed to choose from (both were 没太明白).
10. Money said for goods (买500块钱的大米, 买200元的镇赉大米) is turned into whole packs and asked (500元能买9袋…
    （共468元）): it was "没法按“500块”算" or a bare "要几袋？". A price said back to be checked (镇赉大米52块一袋吗,
    是52一袋吗, 58元一箱对吧) is a price question (it was 没有找到「镇赉大米52」).
11. Talk about the shop: a goodbye (再见, 谢谢 拜拜) is answered as one (it was 不客气); who runs it (你们是哪个单位的)
    is said before the help (it was 谢谢夸奖: 你们是… read as praise); where goods are sent from (东西是从哪里发货的,
    静宁苹果从哪里发货) is the shop's answer (it was the status of no order, or 没有找到「静宁苹果从哪里发货」).
12. Items dictated with pauses (嗯那个 给我来 来两箱那个 苹果 静宁的 呃 再要一袋大米 五公斤的) are each a line
    (`several_items._dictated`): the pieces naming no goods made the whole message one item, and the rice or the
    apples were lost.
13. A count corrected beside what one pack holds (三十个一盒的 要两盒 哦不对 是三盒, 不对 是四袋荞麦面 两公斤一袋的那种)
    is the corrected count: the 一盒 / 一袋 of the size was counted too (four boxes, five bags: money).
14. Two products priced against each other with a size said (甘孜牦牛肉干250g和苏尼特风干牛肉干 哪个便宜) is a price
    question, the size picking the pack; it was an order of the second (placed at 确认: money). Things the shop does
    not sell, compared, are not found (it answered with the cheapest product of the whole shop).
15. One product left after the amount or pack word narrows the list (牦牛的 250g 来2包) is chosen: it asked "which
    one?" over a list of one, and the next line (魔芋爽也来一盒) was lost behind it. A line named by its kind at a
    summary (茶叶换成礼盒装的, 干货换成礼盒装的) changes to that product's other pack (it listed both teas again, or
    swapped the 木耳 for a box of eggs).
16. Something wanted with only why or how after it (我想买点东西寄回老家, 我想买点东西但不知道从哪开始) asks what they
    would like (`bot/something_wanted.py`); it was 没有找到「点东西寄回老家」.
17. A printed card code said aloud, its dots said as 点 (卡号是 AX1点5R8T…), is the code: it started a card purchase.
18. Advice for a small child with the age said (宝宝一岁半 吃点啥好) is advice (一岁半 was a thing not found), with a
    caution about small children's food; a parcel with no news (上周买的脐橙怎么还没动静) is an order status (an order).

Demo catalogue (核桃 of 2斤 bags from four counties; 鸡蛋 of several boxes).
"""
from __future__ import annotations

from api.keys import CARD_CODES
from bot.shop_questions import said_code
from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines


async def test_a_quantity_changed_while_the_product_is_chosen_is_kept(client):
    async def check(first, change, pick, line):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-recount")
        await chat.say(first)
        changed = await chat.say(change)
        assert "没太明白" not in changed["reply"]
        body = await chat.say(pick)
        assert summary_lines(body) == line

    await each_case(check, [
        ("核桃来两袋", "改成三袋", "赫章的", "赫章核桃 2斤 ×3袋（共6斤），135元"),
        ("核桃来两袋", "不对，三袋", "第三个", "赫章核桃 2斤 ×3袋（共6斤），135元"),
        ("核桃来四斤", "还是要六斤吧", "赫章的", "赫章核桃 2斤 ×3袋（共6斤），135元"),
        ("核桃来四斤", "改成八斤", "赫章的", "赫章核桃 2斤 ×4袋（共8斤），180元"),
    ], spread=True)


async def test_a_size_that_narrows_the_list_keeps_the_count(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-narrowed")
    await chat.say("鸡蛋来两盒")
    body = await chat.say("要30枚的")
    assert body["slots"]["qty"] == 2


async def _placed(chat, message: str) -> str:
    await chat.say(message)
    body = await chat.say("下单")
    assert "下单成功" in body["reply"], body["reply"]
    return body["reply"].split("订单号", 1)[1].split("，", 1)[0]


async def test_an_address_said_for_the_placed_order_changes_that_order(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-reship-one")
    order_no = await _placed(chat, "来一箱静宁苹果")
    body = await chat.say("我刚才那单还没发货吧，地址写错了，改成北京市海淀区中关村大街1号 王芳 13912345678")
    assert f"订单{order_no}改寄到：王芳 139****5678 北京市海淀区中关村大街1号" in body["reply"]
    status = await chat.say("我的订单")
    assert order_no in status["reply"]


async def test_the_newest_of_several_when_it_is_said_as_just_placed(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-reship-newest")
    first = await _placed(chat, "来一箱静宁苹果")
    second = await _placed(chat, "来两袋赫章核桃")
    body = await chat.say("刚才那单收货人改成李四 13700001111")
    assert f"订单{second}改寄到：李四" in body["reply"]
    assert first not in body["reply"]


async def test_every_open_order_when_all_are_meant(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-reship-all")
    first = await _placed(chat, "来一箱静宁苹果")
    second = await _placed(chat, "来两袋赫章核桃")
    body = await chat.say("地址写错了，改成北京市海淀区中关村大街1号 王芳 13912345678，刚才买的那些都还没发吧")
    assert f"订单{second}、{first}改寄到" in body["reply"]


async def test_several_open_orders_are_listed_then_one_is_named(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-reship-which")
    first = await _placed(chat, "来一箱静宁苹果")
    await _placed(chat, "来两袋赫章核桃")
    asked = await chat.say("已经下的订单 收货人改成李四 13700001111")
    assert "要改哪一笔" in asked["reply"]
    body = await chat.say(f"订单{first} 改寄到新地址")
    assert f"订单{first}改寄到：李四 137****1111 广东省清远市佛冈县石角镇XX路8号。" in body["reply"]  # 新 is no house


async def test_an_address_said_before_any_order_is_only_saved(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-reship-none")
    body = await chat.say("我的订单地址改成北京市海淀区中关村大街1号 王芳 13912345678")
    assert "没有还没发货的订单" in body["reply"]


async def test_the_order_just_placed_is_cancelled_when_several_wait(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-cancel-newest")
    first = await _placed(chat, "来一箱静宁苹果")
    second = await _placed(chat, "来两袋赫章核桃")
    body = await chat.say("取消刚才那个订单")
    assert f"订单{second}已取消" in body["reply"]
    assert first not in body["reply"]


async def test_two_named_products_weighed_are_both_shown(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-weighed")
    body = await chat.say("静宁苹果和洛川苹果哪个好")
    assert [p["name"] for p in body["products"]] == ["静宁苹果 红富士 10斤", "洛川苹果 10斤"]
    picked = await chat.say("第二个来一箱")
    assert summary_lines(picked) == "洛川苹果 10斤 ×1箱（共10斤），69元"


async def test_two_named_products_priced_against_each_other(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-priced")
    body = await chat.say("洛川苹果跟静宁苹果哪个便宜")
    assert body["reply"].startswith("最便宜的是静宁苹果 红富士 10斤，58元/箱")
    assert "洛川苹果 10斤，69元/箱" in body["reply"]


async def test_honey_for_a_baby_comes_with_the_caution(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-honey-baby")
        body = await chat.say(message)
        assert "一岁以内的宝宝不能吃蜂蜜" in body["reply"]

    await each_case(check, [
        "宝宝能吃蜂蜜吗",
        "给一岁半的孩子买瓶蜂蜜",
        "小孩喝椴树蜜好不好",
    ])


async def test_no_caution_without_a_baby_and_honey(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-honey-none")
        body = await chat.say(message)
        assert "一岁以内" not in body["reply"]

    await each_case(check, [
        "来一瓶春中宝蜂蜜",
        "蜂蜜保质期18个月吗",
        "给孩子买点蜜桔",
    ])


async def test_a_receiver_named_as_whose_they_are_is_the_receiver(client):
    async def check(message, receiver):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-kin-named", address=False)
        body = await chat.say(message)
        assert f"寄到：{receiver} 135****1234 安徽省宿州市砀山县人民路5号" in body["reply"]

    await each_case(check, [
        ("给我爸寄两箱砀山酥梨，地址是安徽省宿州市砀山县人民路5号，我爸叫李建国，电话13505571234", "李建国"),
        ("寄两箱砀山酥梨给我妈 她叫王秀英 13505571234 安徽省宿州市砀山县人民路5号", "王秀英"),
        ("两箱砀山酥梨 安徽省宿州市砀山县人民路5号 13505571234 我姐名字叫张小红", "张小红"),
    ], spread=True)


async def test_a_first_address_without_a_name_asks_for_the_receiver(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-unnamed", address=False)
    await chat.say("来一箱砀山酥梨")
    asked = await chat.say("安徽省宿州市砀山县人民路5号 13505571234")
    assert "还差收件人姓名" in asked["reply"]
    body = await chat.say("收件人王秀英")
    assert "寄到：王秀英 135****1234 安徽省宿州市砀山县人民路5号" in body["reply"]


async def test_where_this_one_comes_from_is_asked_of_the_product_in_view(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-which-county")
    await chat.say("静宁苹果有认证吗")
    where = await chat.say("这个苹果是哪个县的")
    assert [p["name"] for p in where["products"]] == ["静宁苹果 红富士 10斤"]
    assert "静宁县" in where["reply"]
    poor = await chat.say("这个县是贫困县吗")
    assert "静宁县（国家扶贫开发工作重点县）" in poor["reply"]


async def test_a_line_still_asked_about_waits_while_another_is_added(client):
    async def check(first, second, answer, lines):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-waits")
        await chat.say(first)
        asked = await chat.say(second)
        assert "好的。好的" not in asked["reply"]
        body = await chat.say(answer)
        assert summary_lines(body) == lines

    await each_case(check, [
        ("砀山酥梨来两盒", "再加一箱洛川苹果", "两箱",
         "洛川苹果 10斤 ×1箱（共10斤），69元\n砀山酥梨 10斤 ×2箱（共20斤），79.80元"),
        ("核桃来两袋", "再加一箱洛川苹果", "赫章的",
         "洛川苹果 10斤 ×1箱（共10斤），69元\n赫章核桃 2斤 ×2袋（共4斤），90元"),
    ], spread=True)


async def test_an_age_in_months_is_no_count(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-months")
        await chat.say(message)
        body = await chat.say("春中宝的")
        assert summary_lines(body) == "春中宝蜂蜜 500g ×1瓶（共500g），58元"

    await each_case(check, [
        "给10个月大的宝宝买瓶蜂蜜",
        "三个月大的孩子 来瓶蜂蜜",
    ])


async def test_a_shelf_life_in_months_puts_no_count_in_the_draft(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-shelf-life")
    body = await chat.say("春中宝蜂蜜保质期18个月吗")
    assert body["slots"]["qty"] is None


async def test_the_big_one_among_packs_all_of_one_size_is_said_so(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-one-size")
    await chat.say("猕猴桃来一箱")
    body = await chat.say("要大的")
    assert body["reply"].startswith("这几款都是5斤一箱，没有大小之分。")


async def test_the_big_ones_among_several_sizes_are_listed_to_choose_from(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-biggest")
    await chat.say("苹果来一箱")
    body = await chat.say("要大的")
    assert body["reply"].startswith("最大的是10斤一箱，有这几款：")
    assert all(p["name"].endswith("10斤") for p in body["products"])
    picked = await chat.say("第二个")
    second = body["products"][1]
    assert summary_lines(picked).startswith(f"{second['name']} ×1箱（共10斤），")


async def test_money_said_for_goods_is_turned_into_packs_and_asked(client):
    async def check(message, slot, answer):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-money")
        body = await chat.say(message)
        assert answer in body["reply"]
        assert body["slots"]["qty"] is slot

    await each_case(check, [
        ("买500块钱的镇赉大米", None, "500元能买9袋镇赉大米 5kg（共468元）"),
        ("买200元的镇赉大米", None, "200元能买3袋镇赉大米 5kg（共156元）"),
        ("来30块钱的湄潭翠芽", None, "30元不够一罐"),
    ], spread=True)


async def test_a_price_said_back_is_a_price_question(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-price-check")
        body = await chat.say(message)
        assert body["intent"] == "ask_price"
        assert "没有找到" not in body["reply"]

    await each_case(check, [
        "镇赉大米52块一袋吗",
        "镇赉大米是52一袋吗",
        "静宁苹果58元一箱对吧",
    ])


async def test_talk_about_the_shop_is_answered(client):
    async def check(message, answer):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-shop-talk")
        body = await chat.say(message)
        assert answer in body["reply"]

    await each_case(check, [
        ("再见", "好的，再见！"),
        ("谢谢 拜拜", "好的，再见！"),
        ("你们是哪个单位的", "这里是爱心助农，消费扶贫的线上商城"),
        ("东西是从哪里发货的", "每款商品都由它产地的供货商家直接发货"),
        ("静宁苹果从哪里发货", "产自甘肃省平凉市静宁县"),
    ], spread=True)


async def test_items_dictated_with_pauses_are_each_a_line(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-dictated")
        body = await chat.say(message)
        if "请确认订单" not in body["reply"]:
            body = await chat.say("镇赉的")
        assert summary_lines(body) == "静宁苹果 红富士 10斤 ×2箱（共20斤），116元\n镇赉大米 5kg ×1袋（共5kg），52元"

    await each_case(check, [
        "来两箱那个 苹果 静宁的 再要一袋大米",
        "嗯那个 给我来 来两箱那个 苹果 静宁的 呃 再要一袋大米 五公斤的",
        "来两箱苹果 静宁的 呃 再要一袋镇赉大米",
    ])


async def test_a_corrected_count_beside_what_one_pack_holds(client):
    async def check(message, line):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-corrected")
        body = await chat.say(message)
        assert summary_lines(body) == line

    await each_case(check, [
        ("喂 那个 我要买 广生源鸡蛋 三十个一盒的 要两盒 哦不对 是三盒", "广生源鸡蛋 30枚装 ×3盒（共90枚），119.40元"),
        ("嗯…要三袋…不对 是四袋荞麦面 2.5公斤一袋的那种", "库伦荞麦面 2.5kg ×4袋（共10kg），144元"),
    ], spread=True)


async def test_a_size_said_in_a_price_comparison_is_no_order(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-size-compared")
    body = await chat.say("静宁苹果10斤和洛川苹果 哪个便宜")
    assert body["intent"] == "ask_price"
    assert body["reply"].startswith("最便宜的是静宁苹果 红富士 10斤，58元/箱")
    assert body["slots"]["qty"] is None


async def test_the_cheapest_of_things_not_sold_is_not_found(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-cheapest-unsold")
    body = await chat.say("甘孜牦牛肉干250g和苏尼特风干牛肉干 哪个便宜")
    assert "没有找到" in body["reply"]
    assert body["products"] == []


async def test_a_line_named_by_its_kind_changes_pack(client):
    async def check(change):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-kind-repacked")
        await chat.say("来两箱静宁苹果 再来一袋柞水木耳")
        body = await chat.say(change)
        assert summary_lines(body) == ("静宁苹果 红富士 10斤 ×2箱（共20斤），116元\n"
                                       "柞水木耳 礼盒 500g ×1盒（共500g），98元")

    await each_case(check, [
        "干货换成礼盒装的",
        "木耳换成礼盒装的",
    ])


async def test_one_product_left_by_the_pack_word_is_chosen(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-one-left")
    await chat.say("木耳有吗")
    body = await chat.say("柞水的 250g 来2包")
    assert summary_lines(body) == "柞水木耳 250g ×2袋（共500g），98元"


async def test_something_wanted_with_why_or_how_asks_what(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-something")
        body = await chat.say(message)
        assert body["reply"].startswith("好的，想买点什么？")

    await each_case(check, [
        "我想买点东西但不知道从哪开始",
        "我想买点东西寄回老家",
    ])


async def test_a_printed_code_said_aloud_with_its_dots_is_read_as_printed(client):
    printed = client.app[CARD_CODES].printed("6200123412345678")
    _, number, mac = printed.split(".")
    said = f"卡号是 AX1点{number}点{mac}"
    assert said_code(said) == printed
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-code-aloud")
    body = await chat.say(said)
    assert body["intent"] == "claim_card"


async def test_advice_for_a_small_child_is_advice_with_a_caution(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-small-child")
    body = await chat.say("宝宝一岁半 吃点啥好 有适合的吗")
    assert body["intent"] == "recommend"
    assert "整粒坚果、硬糖容易呛到" in body["reply"]


async def test_a_parcel_with_no_news_is_an_order_status(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round21-no-news")
    body = await chat.say("上周买的苹果怎么还没动静")
    assert body["intent"] == "order_status"
