"""Thirteenth round: numerals and counts people really type, read as the shopper means them (bot/numerals.py,
bot/said_counts.py, bot/rewrite.py, bot/everyday.py, bot/pinyin_words.py):

1. 俩 / 仨 after the goods (土鸡 俩, 苹果仨吧) count them; 咱俩 counts nothing;
2. keycap, circled and capital numerals (2️⃣瓶, 3⃣袋, ❸袋, 拾公斤, 贰袋) are numbers;
3. a range or a round figure (两三袋, 二三十个, 七八斤, 一两箱, 10来个, 2-3袋, 来个三五斤) is no count: the shopper is
   asked how many, never drafted 23 or 78 packs; 一两茶叶 stays one 两 (50 g);
4. multipliers (x2, *3, 乘2) after a size or the goods count packs;
5. a pack described before the count (10kg一袋那种 要十袋) is not the count; a count of people in a
   purpose (给三个孙子吃的) is none either;
6. pinyin counts and yes words (lai liang ping, 500g de lai 2 dai, queren, xing, hao de) and gestures
   (🆗 yes, 👋 hello).

Over tests/data/chat_round13_counts_catalog.csv (土鸡 by the 只, 苹果 5斤装 boxes, 粉条 500g bags, 蜂蜜 500g bottles,
鸡蛋 30枚装, 大米 10kg, 花椒 100g, 散茶 250g, 核桃 1kg).
"""
from __future__ import annotations

from pathlib import Path

from tests.support.chat import each_afresh, open_shop, summary_lines

CATALOG = Path(__file__).parent / "data" / "chat_round13_counts_catalog.csv"

CHICKENS_2 = "剑河土鸡 整只约1.5kg ×2只，196元"
NOODLES_2 = "定西粉条 500g ×2袋（共1kg），33.60元"
NOODLES_3 = "定西粉条 500g ×3袋（共1.5kg），50.40元"
HONEY_2 = "罗平蜂蜜 500g ×2瓶（共1kg），96元"
HONEY_3 = "罗平蜂蜜 500g ×3瓶（共1.5kg），144元"
RICE_1 = "五常大米 10kg ×1袋（共10kg），120元"
RICE_2 = "五常大米 10kg ×2袋（共20kg），240元"
RICE_10 = "五常大米 10kg ×10袋（共100kg），1200元"


async def test_lia_and_sa_after_the_goods_count_them(client):
    chat = await open_shop(client, CATALOG, "r13lia")
    assert await each_afresh(chat, "土鸡 俩", "苹果仨吧", "咱俩一起买 蜂蜜来一瓶") == {
        "土鸡 俩": CHICKENS_2,
        "苹果仨吧": "静宁苹果 5斤装 ×3箱（共15斤），96元",
        "咱俩一起买 蜂蜜来一瓶": "罗平蜂蜜 500g ×1瓶（共500g），48元",
    }


async def test_keycap_circled_and_capital_numerals_are_numbers(client):
    chat = await open_shop(client, CATALOG, "r13keycap")
    assert await each_afresh(chat, "蜂蜜2️⃣瓶", "粉条3⃣袋", "粉条来❸袋", "大米拾公斤", "粉条贰袋") == {
        "蜂蜜2️⃣瓶": HONEY_2, "粉条3⃣袋": NOODLES_3, "粉条来❸袋": NOODLES_3, "大米拾公斤": RICE_1,
        "粉条贰袋": NOODLES_2,
    }


RANGES = ("粉条来两三袋", "鸡蛋二三十个", "苹果七八斤", "蜂蜜一两箱", "鸡蛋10来个", "粉条 2-3袋", "核桃 来个三五斤")


async def test_a_range_is_no_count(client):
    chat = await open_shop(client, CATALOG, "r13range")
    counts = {}
    for message in RANGES:
        counts[message] = (await chat.say(message))["slots"]["qty"]
        await chat.say("取消")
    assert counts == dict.fromkeys(RANGES)


async def test_a_range_asks_how_many_of_the_product_named(client):
    chat = await open_shop(client, CATALOG, "r13ask")
    replies = {}
    for message in RANGES:
        replies[message] = (await chat.say(message))["reply"].rsplit("。", 1)[-1]
        await chat.say("取消")
    assert replies == {"粉条来两三袋": "要几袋？", "鸡蛋二三十个": "要几盒？", "苹果七八斤": "要几箱？",
                       "蜂蜜一两箱": "要几瓶？", "鸡蛋10来个": "要几盒？", "粉条 2-3袋": "要几袋？",
                       "核桃 来个三五斤": "要几袋？"}


async def test_a_range_for_the_product_shown_asks_how_many(client):
    chat = await open_shop(client, CATALOG, "r13shown")
    await chat.say("粉条")
    assert (await chat.say("两三袋吧"))["reply"].endswith("要几袋？")


async def test_the_count_answered_after_a_range_is_ordered(client):
    chat = await open_shop(client, CATALOG, "r13answer")
    await chat.say("粉条来两三袋")
    assert summary_lines(await chat.say("三袋")) == NOODLES_3


async def test_weights_and_plain_counts_still_count(client):
    chat = await open_shop(client, CATALOG, "r13guard")
    got = await each_afresh(chat, "一两茶叶", "二两花椒", "粉条一斤", "一斤半粉条", "粉条1.5kg", "三袋粉条",
                            "核桃 半斤")
    assert got == {
        "一两茶叶": "“1两”凑不成整袋。都匀毛尖 散茶 250g是250g装（0.5斤），88元/袋，要几袋？",
        "二两花椒": "汉源花椒 100g ×1袋（共100g），18元", "粉条一斤": "定西粉条 500g ×1袋（共500g），16.80元",
        "一斤半粉条": "“1.5斤”凑不成整袋。定西粉条 500g是500g装（1斤），16.80元/袋，要几袋？",
        "粉条1.5kg": NOODLES_3, "三袋粉条": NOODLES_3,
        "核桃 半斤": "“0.5斤”凑不成整袋。叶城核桃 1kg是1kg装（2斤），40元/袋，要几袋？",
    }


async def test_multipliers_count_packs(client):
    chat = await open_shop(client, CATALOG, "r13times")
    assert await each_afresh(chat, "大米10kg的 x2", "蜂蜜500g *3", "蜂蜜乘2", "蜂蜜500g乘3", "粉条 X2") == {
        "大米10kg的 x2": RICE_2, "蜂蜜500g *3": HONEY_3, "蜂蜜乘2": HONEY_2, "蜂蜜500g乘3": HONEY_3,
        "粉条 X2": NOODLES_2,
    }


async def test_a_pack_described_before_the_count_is_not_the_count(client):
    chat = await open_shop(client, CATALOG, "r13described")
    got = await each_afresh(chat, "大米10kg一袋那种 要十袋", "大米一袋10kg的 要十袋", "蜂蜜一瓶装的 来三瓶",
                       "大米10kg一袋 粉条两袋")
    assert got == {"大米10kg一袋那种 要十袋": RICE_10, "大米一袋10kg的 要十袋": RICE_10, "蜂蜜一瓶装的 来三瓶": HONEY_3,
                   "大米10kg一袋 粉条两袋": f"{RICE_1}\n{NOODLES_2}"}


async def test_people_counted_in_a_purpose_are_no_quantity(client):
    chat = await open_shop(client, CATALOG, "r13people")
    eggs = "剑河土鸡蛋 30枚装 ×2盒（共60枚），90元"
    got = await each_afresh(chat, "鸡蛋 给三个孙子吃的 来60个", "给几个孙子吃的 鸡蛋来60个", "五个人吃 鸡蛋要两盒")
    assert got == {"鸡蛋 给三个孙子吃的 来60个": eggs, "给几个孙子吃的 鸡蛋来60个": eggs, "五个人吃 鸡蛋要两盒": eggs}


async def test_pinyin_counts(client):
    chat = await open_shop(client, CATALOG, "r13pinyin")
    assert await each_afresh(chat, "lai liang dai fen tiao", "fengmi yao san ping", "fengmi 500g de lai 2 ping") == {
        "lai liang dai fen tiao": NOODLES_2, "fengmi yao san ping": HONEY_3, "fengmi 500g de lai 2 ping": HONEY_2,
    }


async def test_pinyin_counts_for_the_product_shown(client):
    chat = await open_shop(client, CATALOG, "r13pinyin2")
    await chat.say("粉条")
    assert summary_lines(await chat.say("500g de lai 2 dai")) == NOODLES_2


async def test_pinyin_and_gestures_confirm_a_waiting_summary(client):
    chat = await open_shop(client, CATALOG, "r13yes")
    placed = {}
    for yes in ("queren", "queding", "hao de", "xing", "🆗", "👍"):
        await chat.say("粉条两袋")
        placed[yes] = (await chat.say(yes))["order"] is not None
    assert placed == dict.fromkeys(("queren", "queding", "hao de", "xing", "🆗", "👍"), True)


async def test_a_waving_hand_is_a_greeting(client):
    chat = await open_shop(client, CATALOG, "r13wave")
    assert (await chat.say("👋"))["intent"] == "greet"
