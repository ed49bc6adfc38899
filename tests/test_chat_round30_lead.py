"""Thirtieth round (lead): the lead's list left open by round 29, then kinds found in the blind pair 30.

1. Whether the address can be changed, asked alone (能改地址吗, 地址还能换吗, 收货地址可以改吗), was 抱歉，我没太明白:
   yes, the new address is asked for, and the next address said is the draft's (or kept for the next orders).
2. A form of address with a south-western particle (老板好噻, 老板好哈) was 没太明白: a greeting.
3. The north-eastern yes at the summary (中 就这么地吧) was searched as goods: it places the order.
4. A category's everyday name (调料有哪些, 推荐几样调料 beside the 调味品) was 没有找到「调料」; said with whom it is
   for (饭店用的调料推荐几样) the restaurant was echoed as a thing: 调料 / 调味料 / 佐料 are the 调味品, and a place of
   use (饭店, 食堂) said before the kind is whom the goods are for; a dish's own 调料 (重庆小面调料) is a seasoning base
   not sold, never the shop's chilli.
5. Shop words typed as pinyin initials (yb多少 = 邮费多少, bzq多久 = 保质期多久, by吗 = 包邮吗, jg = 价格, kc = 库存)
   were 没太明白 or a search: read as the words.
6. The prices of two products asked at once (井冈蜜柚和元阳红米各多少钱, two lines pasted, 分别多少钱) answered the
   first only (分别 was echoed as goods: 「核桃分别」): every product named is listed with its price, to pick from.
7. Money each person may cost (每人200块左右，300人，发年货推荐点啥) was multiplied into 60000 yuan (nothing to
   recommend), and 给300个员工每人200块左右的年货 echoed 「300人每人要200块左右的年货」: a budget each, the goods
   around it listed.
8. 给45名环卫工人每人一箱… drafted 45 boxes but added 没说几个人，先按一人一份记下了: people of any description right
   before 每人 are counted.
9. Goods sent to another person with the address in pieces (给我妈寄两箱… → 海南省海口市…12号 → 刘淑芬 → 139…) SAVED
   THE PLACE WITH MY NAME AND PHONE (张三 138… at her street), searched 「刘淑芬」 as goods, and 确认 placed the order
   so: the draft remembers it is sent to someone else, the place is kept as a piece, her name and phone are asked, and
   确认 before they come asks again (never ships to my address).
10. A product sold out (木里松茸, stock 0) was listed with 要来几袋？, drafted into a summary to confirm, and only the
   confirm said 库存不够，已经卖完了。要改个数量吗？: every list says 暂时卖完, the summary says it cannot be placed so,
   and the confirm offers another product, not another count.
11. 哪个划算 right after a list (天麻 → three packs of two makers) was 没太明白: the products shown, each with its
   price per measure, and the better buy said (哪个便宜 still names the cheapest pack).
"""
from __future__ import annotations

from pathlib import Path

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

LEAD = Path(__file__).parent / "data" / "chat_round30_lead_catalog.csv"  # spices, tianma, oranges, red rice
_NEW = "北京市朝阳区建国路88号 王五 13700137000"


async def test_whether_the_address_can_change_asks_for_the_new_one(client):
    async def check(asked):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round30-may")
        await chat.say("来两袋镇赉大米")
        body = await chat.say(asked)
        assert (body["intent"], "请把新的收货地址" in body["reply"]) == ("change_address", True), body["reply"]
        moved = await chat.say(_NEW)
        assert "寄到：王五 137****7000 北京市朝阳区建国路88号" in moved["reply"], moved["reply"]
        assert summary_lines(moved) == "镇赉大米 5kg ×2袋（共10kg），104元"

    await each_case(check, ["能改地址吗", "地址还能换吗", "收货地址可以改吗？", "请问能不能改一下地址"])


async def test_whether_the_address_can_change_with_no_draft_keeps_the_new_one(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round30-may-alone")
    await chat.say("能改地址吗")
    body = await chat.say(_NEW)
    assert "收货地址已保存：王五 137****7000 北京市朝阳区建国路88号" in body["reply"], body["reply"]


async def test_a_form_of_address_with_a_particle_is_a_greeting(client):
    async def check(said):
        chat = await open_shop(client, LEAD, "round30-hello")
        body = await chat.say(said)
        assert (body["intent"], "您好" in body["reply"]) == ("greet", True), body["reply"]

    await each_case(check, ["老板好噻", "老板好哈", "老板好哇"])


async def test_the_north_eastern_yes_places_the_order(client):
    chat = await open_shop(client, LEAD, "round30-yes")
    await chat.say("给俺整两箱那个琼中绿橙 十斤的")
    body = await chat.say("中 就这么地吧")
    assert (body["intent"], body["order"]["total_fen"]) == ("confirm", 13800), body["reply"]


async def test_the_everyday_name_of_a_category_lists_it(client):
    async def check(said, intent):
        chat = await open_shop(client, LEAD, "round30-seasoning")
        body = await chat.say(said)
        listed = {p["sku"] for p in body["products"]}
        assert (body["intent"], listed <= {"PY-0001", "PY-0002", "PY-0013", "PY-0014"}, len(listed) > 1) == (
            intent, True, True), body["reply"]

    await each_case(check, [("调料有哪些", "search"), ("推荐几样调料", "recommend"),
                            ("饭店用的调料推荐几样", "recommend"), ("食堂用的调味料有吗", "search")], spread=True)


async def test_shop_words_typed_as_initials_are_answered(client):
    async def check(said, intent, answered):
        chat = await open_shop(client, LEAD, "round30-initials")
        body = await chat.say(said)
        assert (body["intent"], answered in body["reply"]) == (intent, True), body["reply"]

    await each_case(check, [("yb多少", "ask_info", "运费"), ("bzq多久 天麻", "ask_info", "保质期"),
                            ("井冈蜜柚jg多少", "ask_price", "29元")], spread=True)


async def test_the_prices_of_two_products_asked_at_once_are_both_listed(client):
    async def check(said, listed):
        chat = await open_shop(client, LEAD, "round30-prices")
        body = await chat.say(said)
        assert (body["intent"], [p["sku"] for p in body["products"]]) == ("ask_price", listed), body["reply"]

    await each_case(check, [
        ("井冈蜜柚和保亭山柚油各多少钱", ["PY-0057", "PY-0085"]),
        ("井冈蜜柚多少钱\n保亭山柚油多少钱", ["PY-0057", "PY-0085"]),
        ("草果、山柚油分别多少钱", ["PY-0001", "PY-0002", "PY-0085"]),
    ], spread=True)


async def test_a_product_picked_from_the_prices_listed_is_taken(client):
    chat = await open_shop(client, LEAD, "round30-prices-pick")
    await chat.say("井冈蜜柚和保亭山柚油各多少钱")
    body = await chat.say("第二个 来两瓶")
    assert summary_lines(body) == "保亭山柚油 500ml ×2瓶（共1L），256元"


async def test_money_each_person_may_cost_is_a_budget_each(client):
    async def check(said, intent):
        chat = await open_shop(client, LEAD, "round30-each")
        body = await chat.say(said)
        prices = [p["price_fen"] for p in body["products"]]
        assert (body["intent"], bool(prices), all(15000 <= p <= 25000 for p in prices)) == (intent, True, True), \
            body["reply"]

    await each_case(check, [("每人200块左右，300人，发年货推荐点啥", "recommend"),
                            ("给300个员工每人200块左右的年货", "search")], spread=True)


async def test_people_of_any_description_before_each_are_counted(client):
    chat = await open_shop(client, LEAD, "round30-workers")
    await chat.say("给45名环卫工人每人一箱琼中绿橙")
    body = await chat.say("第二个")
    assert (summary_lines(body), "没说几个人" in body["reply"]) == ("琼中绿橙 10斤 ×45箱（共450斤），3105元", False)


async def test_an_address_in_pieces_for_another_person_is_hers(client):
    chat = await open_shop(client, LEAD, "round30-mum")
    await chat.say("给我妈寄两箱琼中绿橙10斤的")
    piece = await chat.say("海南省海口市美兰区海甸岛五路12号")
    early = await chat.say("确认")
    await chat.say("刘淑芬")
    body = await chat.say("13912345678")
    assert ("还差收件人姓名和手机号" in piece["reply"], early["order"], "还差" in early["reply"]) == (True, None, True)
    assert "寄到：刘淑芬 139****5678 海南省海口市美兰区海甸岛五路12号" in body["reply"], body["reply"]
    placed = await chat.say("确认")
    assert placed["order"]["total_fen"] == 13800


async def test_an_order_for_another_person_with_no_new_address_ships_to_mine(client):
    chat = await open_shop(client, LEAD, "round30-mum-home")
    await chat.say("给我妈寄两箱琼中绿橙10斤的")
    body = await chat.say("确认")
    assert body["order"]["total_fen"] == 13800


async def test_a_product_sold_out_is_said_so_before_the_confirm(client):
    chat = await open_shop(client, LEAD, "round30-sold-out")
    listed = await chat.say("松茸有吗")
    drafted = await chat.say("来一袋")
    refused = await chat.say("确认")
    assert ("暂时卖完" in listed["reply"], "要来几袋" in listed["reply"]) == (True, False), listed["reply"]
    assert "木里松茸 干片 50g暂时卖完了，这样下不了单" in drafted["reply"], drafted["reply"]
    assert (refused["order"], "换一款看看" in refused["reply"]) == (None, True), refused["reply"]


async def test_which_is_the_better_buy_after_a_list_weighs_the_list(client):
    chat = await open_shop(client, LEAD, "round30-better-buy")
    await chat.say("天麻")
    body = await chat.say("哪个划算")
    assert (body["intent"], len(body["products"]), "合每100g" in body["reply"]) == ("recommend", 2, True), body["reply"]


async def test_a_dishs_own_seasoning_is_not_the_shops_chilli(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round30-noodle-seasoning")
    body = await chat.say("重庆小面调料有卖的没得")
    assert (body["slots"]["sku"], body["products"], "没有找到「重庆小面调料" in body["reply"]) == (None, [], True)


async def test_a_card_each_of_a_face_value_is_still_counted_per_person(client):
    chat = await open_shop(client, LEAD, "round30-cards-each")
    body = await chat.say("工会要给80个职工每人发一张200元的消费扶贫卡")
    assert (body["intent"], body["slots"]["qty"], body["slots"]["amount_fen"]) == ("buy_card", 80, 20000), body["reply"]
