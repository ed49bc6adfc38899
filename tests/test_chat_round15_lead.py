"""Fifteenth round (lead): more of a line said as a range, latin names beside a catalogue word, lists not found.

1. 再来两三袋 after a line of one bag asks how many more (已有1袋，再加几袋？); the count answered comes on top of
   the line (两袋 → ×3袋), and 算了不加了 leaves the line as it was (bot/turns/relative.py, Line.more);
2. a latin word after a catalogue word, glued or after a space, names another thing (苹果 iphone, 小米 redmi:
   没有找到, nothing listed), unless it is a unit, a food word, a filler or chat slang (核桃 yyds: walnuts);
3. things the shop does not sell, named in a list (奶粉、手机壳), are echoed each apart, never run together; a thing
   joined by 和 to a kind the shop has (茶叶和咖啡) is echoed alone (bot/honesty.echo);
4. one count said for each of several products (红枣和核桃各来两袋, 蜂蜜、大米每样要一瓶) is a line of each, every
   product asked about in turn when it has several kinds (bot/each_of.py);
5. a count said while a product is being chosen (那来两袋) stays when the choice is a description (便宜点的那个), and
   a superlative said as a pick (最便宜的那瓶), not as a question (哪个最便宜), chooses (bot/turns/described.py);
6. a size said at the summary (要5斤的) that no pack of the product holds is an amount, asked as such (凑不成整箱),
   never silently ignored with the old summary shown again (bot/turns/goods.replace_product);
7. 再来一单 / 和上次一样 / 老样子: the lines of the latest goods order, put up to confirm (bot/turns/again.py);
8. a place whose name is also a kind of goods written inside product names (普洱 in 勐海普洱熟茶) names those goods,
   not whatever comes from the place (普洱来两饼 listed the black-boned chicken of 普洱市: bot/products.py);
9. a count before a food word is a brand (六个核桃) only when glued to it: 乌骨鸡来两只，腊肉一斤 is two lines, not
   没有找到「两只腊肉」 (bot/other_things.py);
10. a piece of a message that names no product but another size or more of one (，再来一箱5斤装的) is of the product
    named before it: a line of its own (bot/each_of.same_product);
11. a fruit said with the suffix 子 (梨子, 枣子) is that fruit, read before any typo is mended (梨子 was heard as 李子
    and a plum ordered); 茄子 is no 番茄, 瓜子 no melon (bot/suffixed_nouns.py);
12. a printed card code typed in groups (AX1 6200 1234 … mac in lower case) is read as printed, both dots and the
    base32 mac's case restored (bot/shop_questions.said_code), so the claim finds the card.

Over the demo catalogue.
"""
from __future__ import annotations

from api.keys import CARD_CODES
from bot.shop_questions import said_code
from models.paths import DEMO_CATALOG_CSV
from tests.support.chat import my_orders, open_shop, summary_lines


async def test_more_said_as_a_range_asks_how_many_more_and_adds_them(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round15")
    await chat.say("金线美大米来一袋")
    asked = await chat.say("再来两三袋")
    assert asked["reply"] == "好的，金线美大米 5kg已有1袋，再加几袋？"
    body = await chat.say("两袋")
    assert summary_lines(body) == "金线美大米 5kg ×3袋（共15kg），135元"
    await chat.say("确认")
    assert [o["total_fen"] for o in await my_orders(chat)] == [13500]


async def test_no_more_after_all_keeps_the_line_as_it_was(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round15")
    await chat.say("金线美大米来一袋")
    await chat.say("再加个两三袋吧")
    body = await chat.say("算了不加了")
    assert summary_lines(body) == "金线美大米 5kg ×1袋（共5kg），45元"


async def test_a_range_without_a_word_of_more_still_asks_the_count(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round15")
    await chat.say("金线美大米来两袋")
    asked = await chat.say("两三袋吧")
    assert asked["reply"].endswith("要几袋？")
    assert "已有" not in asked["reply"]


async def test_a_latin_name_after_a_catalogue_word_is_another_thing(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round15")
    replies = {message: await chat.say(message) for message in ("苹果 iphone", "苹果 ipad有吗", "小米 redmi")}
    assert {m: body["products"] for m, body in replies.items()} == {m: [] for m in replies}
    assert "没有找到「苹果 iphone」" in replies["苹果 iphone"]["reply"]


async def test_units_food_words_and_slang_beside_a_catalogue_word_keep_it(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round15")
    walnuts = await chat.say("核桃 yyds")
    assert [p for p in walnuts["products"] if "核桃" not in p["name"]] == []
    assert walnuts["products"]
    honey = await chat.say("蜂蜜 honey")
    assert [p for p in honey["products"] if "蜜" not in p["name"]] == []
    assert honey["products"]


async def test_things_not_sold_in_a_list_are_echoed_apart(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round15")
    listed = await chat.say("有没有奶粉、手机壳")
    assert "没有找到「奶粉、手机壳」" in listed["reply"]
    joined = await chat.say("茶叶和咖啡有吗")
    assert "没有找到「咖啡」" in joined["reply"]
    assert joined["products"]


async def test_one_count_for_each_of_several_products_is_a_line_each(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round15")
    body = await chat.say("临县红枣和赫章核桃各来两袋")
    assert summary_lines(body) == "临县红枣 1kg ×2袋（共2kg），70元\n赫章核桃 2斤 ×2袋（共4斤），90元"


async def test_each_of_two_kinds_asks_about_both_in_turn(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round15")
    first = await chat.say("红枣、核桃各两袋")
    assert "临县红枣 1kg" in first["reply"]
    second = await chat.say("第一个")
    assert "赫章核桃 2斤" in second["reply"]
    body = await chat.say("第三个")
    assert summary_lines(body) == "临县红枣 1kg ×2袋（共2kg），70元\n赫章核桃 2斤 ×2袋（共4斤），90元"


async def test_the_count_said_while_choosing_stays_when_the_cheapest_is_picked(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round15")
    await chat.say("核桃多少钱")
    await chat.say("那来两袋")
    body = await chat.say("便宜点的那个")
    assert summary_lines(body) == "洛南核桃 2斤 ×2袋（共4斤），84元"


async def test_the_cheapest_said_as_a_pick_chooses_it_with_the_weight_said(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round15")
    await chat.say("我要三斤蜂蜜")
    body = await chat.say("最便宜的那瓶")
    assert summary_lines(body) == "春中宝蜂蜜 500g ×3瓶（共1.5kg），174元"


async def test_a_weight_with_no_pack_of_that_size_is_asked_not_ignored(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round15")
    await chat.say("静宁苹果来一箱")
    asked = await chat.say("要5斤的")
    assert asked["reply"].startswith("“5斤”凑不成整箱。")
    assert asked["slots"]["qty"] is None


async def test_the_last_order_asked_again_is_put_up_to_confirm(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round15")
    none_yet = await chat.say("再来一单")
    assert none_yet["reply"].startswith("您还没有买过东西")
    await chat.say("临县红枣和赫章核桃各来两袋")
    await chat.say("确认")
    again = await chat.say("和上次一样")
    assert summary_lines(again) == "临县红枣 1kg ×2袋（共2kg），70元\n赫章核桃 2斤 ×2袋（共4斤），90元"
    await chat.say("确认")
    assert [o["total_fen"] for o in await my_orders(chat)] == [16000, 16000]


async def test_a_place_that_is_also_a_kind_of_goods_names_the_goods(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round15")
    body = await chat.say("普洱来两饼")
    names = [p["name"] for p in body["products"]]
    assert names == ["景迈山普洱生茶 357g", "勐海普洱熟茶 357g", "勐库冰岛普洱生茶 200g"]


async def test_a_count_and_a_food_word_apart_are_two_lines_not_a_brand(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round15")
    body = await chat.say("乌骨鸡来两只，腊肉一斤")
    assert summary_lines(body) == "无量山乌骨鸡 整只约1.2kg ×2只，256元\n从江香猪 腊肉 500g ×1袋（共500g），68元"


async def test_another_size_said_after_a_comma_is_a_line_of_the_same_product(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round15")
    await chat.say("昭通丑苹果一箱，再来一箱5斤装的")
    body = await chat.say("10斤的")
    assert summary_lines(body) == "昭通丑苹果 5斤装 ×1箱（共5斤），32.90元\n昭通丑苹果 10斤 ×1箱（共10斤），59.90元"


async def test_a_fruit_said_with_its_suffix_is_that_fruit_never_a_homophone(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round15")
    pears = await chat.say("梨子来一箱")
    assert [p for p in pears["products"] if "梨" not in p["name"]] == []
    assert pears["products"]
    eggplant = await chat.say("茄子多少钱")
    assert eggplant["products"] == []


async def test_a_printed_code_typed_in_groups_is_read_as_printed(client):
    printed = client.app[CARD_CODES].printed("6200123412345678")
    _, number, mac = printed.split(".")
    typed = f"我的卡 AX1 {number[:4]} {number[4:8]} {number[8:12]} {number[12:]} {mac.lower()}"
    assert said_code(typed) == printed
