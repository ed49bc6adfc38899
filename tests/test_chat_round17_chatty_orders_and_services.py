"""Seventeenth round: chatty orders and services, as the shopper sees them.

1. a greeting and a story before the order (老板你好！上次买的苹果巨甜 我妈都说好吃 这次再来两箱 冲冲冲): an order of
   the goods the story names, with the count; the praise and the cheers are no part of the name and 上次买的 asks no
   order status (bot/chat_around.py);
2. the size said in a clause of its own after the goods and the count (苹果来两箱 要10斤装的, 鸡蛋两盒，30个一盒那种):
   that pack with the count, only the products of that size listed when several hold it (bot/pack_sizes.only_sizes,
   bot/turns/goods.start_goods);
3. whether the shop has a kind, then what is wanted (有没有榴莲 想吃猫山王, 有核桃吗 想要纸皮的): a search, never an
   order of one (bot/intents.has_asked);
4. a service the assistant is asked to get done, 帮我 + a verb (帮我订张明天去广州的机票, 帮我P个图, 帮我砍一刀,
   代练上分): the short honest fallback, nothing offered (bot/service_goods.py);
5. a product title copied from another shop (元气森林 白桃味苏打气泡水 480ml*15瓶 整箱 0糖0卡): a search answered
   没有找到「its name」, no count, no love card; 0卡 / 千卡 are calories (bot/copied_titles.py, bot/other_cards.energy).

Over the demo catalogue, the shoppers' catalogue (tests/data/bot_eval_shoppers/catalog.csv: sizes of one product) and
tests/data/chat_packs_catalog.csv.
"""
from __future__ import annotations

from pathlib import Path

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

DATA = Path(__file__).parent / "data"
SHOPPERS = DATA / "bot_eval_shoppers" / "catalog.csv"
PACKS = DATA / "chat_packs_catalog.csv"
NO_SLOTS = {"sku": None, "qty": None, "amount_fen": None, "unit": None, "total_qty_text": None}


# --- 1. a story and praise around the order --------------------

async def test_story_and_praise_around_an_order_leave_the_goods_and_the_count(client):
    async def check(message, lines):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17-story")
        body = await chat.say(message)
        assert body["intent"] == "order", body["reply"]
        assert summary_lines(body) == lines

    await each_case(check, [
        ("老板你好！上次买的富川脐橙巨甜 我妈都说好吃 这次再来两箱 冲冲冲", "富川脐橙 10斤 ×2箱（共20斤），110元"),
        ("哈喽 之前的春中宝蜂蜜喝完了 再来三瓶", "春中宝蜂蜜 500g ×3瓶（共1.5kg），174元"),
        ("在吗在吗 上回的金线美大米很香 再整两袋", "金线美大米 5kg ×2袋（共10kg），90元"),
        ("亲 上个月买的赫章核桃收到了 特别好吃 再来两袋", "赫章核桃 2斤 ×2袋（共4斤），90元"),
        ("老板好 春中宝蜂蜜收到了 很好喝 再来两瓶 冲鸭", "春中宝蜂蜜 500g ×2瓶（共1kg），116元"),
    ], spread=True)


async def test_a_story_before_a_kind_lists_that_kind_with_the_count(client):
    async def check(message, word, qty):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17-story-kind")
        body = await chat.say(message)
        assert body["intent"] == "order", body["reply"]
        assert body["slots"]["qty"] == qty
        assert "没有找到" not in body["reply"]
        assert body["products"]
        assert all(word in p["name"] for p in body["products"]), body["products"]

    await each_case(check, [
        ("老板你好！上次买的苹果巨甜 我妈都说好吃 这次再来两箱 冲冲冲", "苹果", 2),
        ("哈喽 之前的蜂蜜喝完了 再来三瓶", "蜂", 3),
        ("在吗在吗 上回的小米很香 再整两袋", "小米", 2),
        ("你好呀 去年在你家买的脐橙贼甜 今年再来一箱", "脐橙", 1),
        ("在吗 上次那个腊肉味道绝了 我爸天天念叨 再来两份", "腊肉", 2),
        ("上次的茶叶朋友都说好喝 再来两罐 奥利给", "", 2),
        ("老板 前几天买的红枣已经吃完了 孩子爱吃 再来三袋吧", "枣", 3),
    ], spread=True)


async def test_a_thing_not_sold_in_the_story_is_not_ordered_as_the_goods(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r17-story-other")
    body = await chat.say("上次买的核桃夹子很好用 再来两个")
    assert body["products"] == []
    assert body["slots"]["sku"] is None
    assert "没有找到" in body["reply"]


async def test_the_request_naming_its_own_goods_leaves_the_story_out(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r17-story-own")
    body = await chat.say("上次买的苹果很甜 这次来两瓶春中宝蜂蜜")
    assert summary_lines(body) == "春中宝蜂蜜 500g ×2瓶（共1kg），116元"


async def test_where_the_last_purchase_is_stays_an_order_status_question(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r17-story-status")
    body = await chat.say("上次买的苹果到哪了")
    assert body["intent"] == "order_status"


# --- 2. the size in a clause of its own --------------------

async def test_a_size_said_after_the_count_picks_that_pack(client):
    async def check(catalog, message, lines):  # one catalogue per table: each is imported into the same shop
        chat = await open_shop(client, catalog, "r17-size")
        body = await chat.say(message)
        assert summary_lines(body) == lines

    await each_case(check, [
        (SHOPPERS, "鸡蛋两盒，30个一盒那种", "威宁土鸡蛋 30枚装 ×2盒（共60枚），110元"),
        (SHOPPERS, "土鸡蛋来两盒，要15个一盒的", "威宁土鸡蛋 15枚装 ×2盒（共30枚），59.80元"),
        (SHOPPERS, "猕猴桃来一盒 24个一盒那种", "花垣猕猴桃 24枚装 ×1盒（共24枚），69元"),
        (SHOPPERS, "苹果来两箱 要10斤装的", "静宁苹果 10斤装 ×2箱（共20斤），139.80元"),
        (SHOPPERS, "买三袋大米 5kg那种", "泰来大米 5kg ×3袋（共15kg），165元"),
        (SHOPPERS, "蜂蜜来一瓶 要大的", "金寨土蜂蜜 1kg ×1瓶（共1kg），108元"),
    ], spread=True)


async def test_a_size_said_after_the_count_picks_that_pack_of_another_catalogue(client):
    async def check(message, lines):
        chat = await open_shop(client, PACKS, "r17-size-packs")
        body = await chat.say(message)
        assert summary_lines(body) == lines

    await each_case(check, [
        ("鸡蛋两盒 15个一盒的", "罗田土鸡蛋 15枚装 ×2盒（共30枚），56元"),
        ("香菇三袋 要小的", "房县香菇 250g ×3袋（共750g），90元"),
        ("猕猴桃来一盒，24个一盒那种", "修文猕猴桃 24个装 ×1盒（共24个），69元"),
    ], spread=True)


async def test_several_products_of_the_size_named_are_the_only_ones_listed(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r17-size-list")
    body = await chat.say("苹果来两箱 要10斤装的")
    assert body["slots"]["qty"] == 2
    assert len(body["products"]) == 5
    assert all("10斤" in p["name"] for p in body["products"]), body["products"]
    assert "共9款" in body["reply"]


async def test_the_size_clause_then_a_pick_orders_that_pack_with_the_count(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r17-size-pick")
    await chat.say("苹果来两箱 要10斤装的")
    body = await chat.say("第一个")
    assert summary_lines(body) == "昭通丑苹果 10斤 ×2箱（共20斤），119.80元"


# --- 3. whether the shop has it, then what is wanted --------------------

async def test_asking_whether_it_is_sold_then_what_is_wanted_is_a_search(client):
    async def check(message, word):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17-has")
        body = await chat.say(message)
        assert body["intent"] == "search", body["reply"]
        assert "请确认订单" not in body["reply"]
        assert body["slots"]["qty"] is None
        assert body["products"]
        assert all(word in p["name"] for p in body["products"]), body["products"]

    await each_case(check, [
        ("有核桃吗 想要纸皮的", "纸皮核桃"),
        ("大米有吗 要东北的", "大米"),
        ("有没有红枣 要若羌的", "若羌红枣"),
        ("蜂蜜有没有 想要土蜂蜜", "蜂蜜"),
        ("你们家有茶叶吗 想喝红茶", "红"),
        ("请问有苹果吗 最好是冰糖心的", "苹果"),
    ], spread=True)


async def test_asking_for_a_kind_not_sold_then_a_variety_is_not_found(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r17-has-none")
    body = await chat.say("有没有榴莲 想吃猫山王")
    assert body["intent"] == "search"
    assert "没有找到「榴莲猫山王」" in body["reply"]
    assert body["products"] == []
    assert body["slots"] == NO_SLOTS


async def test_asking_whether_it_is_sold_with_a_count_is_still_an_order(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r17-has-count")
    body = await chat.say("有赫章核桃吗 来两袋")
    assert summary_lines(body) == "赫章核桃 2斤 ×2袋（共4斤），90元"


# --- 4. a service the assistant is asked to get done --------------------

async def test_a_service_asked_of_the_assistant_is_an_honest_fallback(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17-service")
        body = await chat.say(message)
        assert body["intent"] == "fallback", body["reply"]
        assert "这个我们办不了" in body["reply"]
        assert body["products"] == []
        assert body["slots"] == NO_SLOTS

    await each_case(check, [
        "帮我订张明天去广州的机票", "帮我抢两张演唱会门票", "帮我订个酒店", "帮我P个图", "帮我砍一刀", "帮我代打排位",
        "代练上分", "帮我预约故宫", "12306帮我抢票", "麻烦帮我订两张后天去成都的高铁票", "能帮我约个理发吗",
        "帮我修一下这张照片", "王者荣耀代练 上星耀", "帮我预约一下明天的体检", "帮我订张机票",
    ])


async def test_goods_asked_with_help_me_are_still_ordered(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r17-service-goods")
    body = await chat.say("帮我买两瓶春中宝蜂蜜")
    assert summary_lines(body) == "春中宝蜂蜜 500g ×2瓶（共1kg），116元"


async def test_a_ticket_bought_without_asking_the_assistant_keeps_its_order_intent(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r17-service-ticket")
    body = await chat.say("买三张博物馆门票")
    assert body["intent"] == "order"
    assert "没有找到「博物馆门票」" in body["reply"]


# --- 5. a title copied from another shop --------------------

async def test_a_copied_title_is_a_search_not_found_with_no_count_and_no_card(client):
    async def check(message, said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17-title")
        body = await chat.say(message)
        assert body["intent"] == "search", body["reply"]
        assert f"没有找到「{said}」" in body["reply"]
        assert body["slots"]["qty"] is None
        assert body["slots"]["amount_fen"] is None
        assert body["slots"]["sku"] is None
        assert "爱心卡" not in body["reply"]

    await each_case(check, [
        ("元气森林 白桃味苏打气泡水 480ml*15瓶 整箱 0糖0卡", "元气森林白桃味苏打气泡水"),
        ("蒙牛纯牛奶250ml*12盒 整箱 早餐奶", "蒙牛纯牛奶"),
        ("卫龙辣条106g*10包 网红零食", "卫龙辣条"),
        ("农夫山泉 550ml*24瓶 整箱", "农夫山泉"),
        ("伊利安慕希酸奶 205g×12盒 礼盒装", "伊利安慕希酸奶"),
        ("卡士酸奶 100g*6杯", "卡士酸奶"),
        ("低卡魔芋面 300g*5袋 0脂肪", "低卡魔芋面"),
        ("乐事薯片 70g/6包 原味", "乐事薯片"),
    ], spread=True)


async def test_calories_are_no_love_card(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r17-calories")
        body = await chat.say(message)
        assert body["intent"] not in ("buy_card", "card_balance", "claim_card"), body["reply"]
        assert body["slots"]["amount_fen"] is None
        assert body["slots"]["unit"] != "张"

    await each_case(check, ["0糖0卡的饮料有吗", "无糖0卡 气泡水 两瓶", "一瓶才10卡 热量低", "300千卡"])


async def test_the_love_card_with_numbers_is_still_bought(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r17-card")
    body = await chat.say("买2张100的卡")
    assert body["intent"] == "buy_card"
    assert body["slots"]["amount_fen"] == 10000


async def test_a_title_of_the_shops_own_goods_is_read_as_before(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r17-title-ours")
    body = await chat.say("春中宝蜂蜜 500g*2瓶 土蜂蜜")
    assert summary_lines(body) == "春中宝蜂蜜 500g ×2瓶（共1kg），116元"
