"""Fifteenth round (lead): quantities said by group buyers and by people who correct themselves, as the shopper sees
them (bot/group_counts.py, bot/bulk.py, bot/corrections.py).

1. per person × people (给30个员工每人一箱苹果, 一家一袋大米 一共8家, 给12位老师每人发一罐茶叶): the total count;
2. a breakdown by person: the total said wins (…，一共要4箱), else the parts summed (李姐3盒，老王2盒，我1盒); a 接龙
   list sums the entries of the same goods; 一共要12瓶 after a size (蜂蜜500g的) keeps that variant;
3. a self-correction in one message (不不不, 不对, 算了还是): the count or size said last, never a cancel;
4. a weight with the product named with its origin and 的 (要30斤泰来的大米): read against the packs;
5. 半打 / 一打 after a pack size: packs of that size;
6. 来个 / 买个: one pack.

Over tests/data/chat_round15_group_counts_catalog.csv (大米 2.5/5/10kg, 苹果 5斤装/10斤装, 鸡蛋 15枚装/30枚装 …).
"""
from __future__ import annotations

from pathlib import Path

from tests.support.chat import each_afresh, open_shop, summary_lines

CATALOG = Path(__file__).parent / "data" / "chat_round15_group_counts_catalog.csv"

APPLES_10_30 = "静宁苹果 10斤装 ×30箱（共300斤），1740元"
RICE_5_3 = "泰来大米 5kg ×3袋（共15kg），165元"


async def test_per_person_times_people_is_the_total(client):
    chat = await open_shop(client, CATALOG, "r15each")
    assert await each_afresh(chat, "给30个员工每人一箱10斤装的苹果", "每人两袋2.5kg的小米，一共25人",
                             "一家一袋5kg的泰来大米，一共8家", "给12位老师每人发一罐茶叶", "每户一盒鸭蛋，20户") == {
        "给30个员工每人一箱10斤装的苹果": APPLES_10_30,
        "每人两袋2.5kg的小米，一共25人": "武乡小米 2.5kg ×50袋（共125kg），1950元",
        "一家一袋5kg的泰来大米，一共8家": "泰来大米 5kg ×8袋（共40kg），440元",
        "给12位老师每人发一罐茶叶": "都匀毛尖 250g罐装 ×12罐（共3kg），1056元",
        "每户一盒鸭蛋，20户": "高邮咸鸭蛋 20枚装 ×20盒（共400枚），800元",
    }


async def test_the_count_per_person_stays_when_the_variant_is_chosen(client):
    chat = await open_shop(client, CATALOG, "r15choose")
    asked = await chat.say("给30个员工每人一箱苹果")
    assert "静宁苹果 5斤装" in asked["reply"]
    assert summary_lines(await chat.say("第一个")) == APPLES_10_30


async def test_a_breakdown_by_person_is_its_total_or_its_sum(client):
    chat = await open_shop(client, CATALOG, "r15parts")
    assert await each_afresh(chat, "张姐两箱，老李一箱，我一箱，一共要4箱 5斤装苹果", "李姐3盒，老王2盒，我1盒 鸭蛋",
                             "鸭蛋 妈妈一盒，婆婆一盒，自己两盒", "这次蜂蜜500g的，一共要12瓶") == {
        "张姐两箱，老李一箱，我一箱，一共要4箱 5斤装苹果": "静宁苹果 5斤装 ×4箱（共20斤），128元",
        "李姐3盒，老王2盒，我1盒 鸭蛋": "高邮咸鸭蛋 20枚装 ×6盒（共120枚），240元",
        "鸭蛋 妈妈一盒，婆婆一盒，自己两盒": "高邮咸鸭蛋 20枚装 ×4盒（共80枚），160元",
        "这次蜂蜜500g的，一共要12瓶": "罗平蜂蜜 500g ×12瓶（共6kg），576元",
    }


async def test_a_total_said_first_then_shared_out_stays_the_total(client):
    chat = await open_shop(client, CATALOG, "r15shared")
    asked = await chat.say("苹果两箱，一箱寄给我妈，一箱寄给我姐")
    assert asked["slots"]["qty"] == 2


async def test_parts_of_different_goods_are_not_summed(client):
    chat = await open_shop(client, CATALOG, "r15apart")
    body = await chat.say("5kg泰来大米两袋 2.5kg武乡小米一袋")
    assert summary_lines(body) == "泰来大米 5kg ×2袋（共10kg），110元\n武乡小米 2.5kg ×1袋（共2.5kg），39元"


async def test_a_relay_list_sums_the_entries_of_the_same_goods(client):
    chat = await open_shop(client, CATALOG, "r15relay")
    body = await chat.say("接龙\n1.王 红枣1kg×2\n2.李 红枣1kg×1\n3.我 红枣1kg×3")
    assert summary_lines(body) == "若羌红枣 1kg ×6袋（共6kg），270元"


async def test_a_relay_list_of_different_goods_is_several_lines(client):
    chat = await open_shop(client, CATALOG, "r15relay2")
    body = await chat.say("接龙\n1.王 红枣1kg×2\n2.李 蜂蜜1kg×1\n3.我 红枣1kg×1")
    assert summary_lines(body) == "若羌红枣 1kg ×3袋（共3kg），135元\n罗平蜂蜜 1kg ×1瓶（共1kg），90元"


async def test_a_self_correction_keeps_the_count_or_size_said_last(client):
    chat = await open_shop(client, CATALOG, "r15fix")
    assert await each_afresh(chat, "来8瓶500g蜂蜜，不不不，4瓶", "5kg大米三袋 不对 两袋",
                             "10斤装的苹果先来两箱…算了还是三箱", "大米来一袋5kg的…算了还是10kg的吧") == {
        "来8瓶500g蜂蜜，不不不，4瓶": "罗平蜂蜜 500g ×4瓶（共2kg），192元",
        "5kg大米三袋 不对 两袋": "泰来大米 5kg ×2袋（共10kg），110元",
        "10斤装的苹果先来两箱…算了还是三箱": "静宁苹果 10斤装 ×3箱（共30斤），174元",
        "大米来一袋5kg的…算了还是10kg的吧": "泰来大米 10kg ×1袋（共10kg），100元",
    }


async def test_sura_alone_still_cancels(client):
    chat = await open_shop(client, CATALOG, "r15cancel")
    body = await chat.say("苹果来两箱，算了不要了")
    assert body["intent"] == "cancel"


async def test_a_weight_of_goods_named_with_their_origin_and_de(client):
    chat = await open_shop(client, CATALOG, "r15origin")
    assert await each_afresh(chat, "要30斤泰来的大米", "来20斤武乡的小米", "来15斤静宁的苹果") == {
        "要30斤泰来的大米": RICE_5_3,
        "来20斤武乡的小米": "武乡小米 5kg ×2袋（共10kg），144元",
        "来15斤静宁的苹果": "静宁苹果 5斤装 ×3箱（共15斤），96元",
    }


async def test_a_dozen_after_a_pack_size_counts_packs(client):
    chat = await open_shop(client, CATALOG, "r15dozen")
    assert await each_afresh(chat, "鸡蛋30枚装来半打", "鸡蛋15枚装的来一打") == {
        "鸡蛋30枚装来半打": "罗田土鸡蛋 30枚装 ×6盒（共180枚），300元",
        "鸡蛋15枚装的来一打": "罗田土鸡蛋 15枚装 ×12盒（共180枚），336元",
    }


async def test_a_dozen_with_no_size_is_twelve_eggs(client):
    chat = await open_shop(client, CATALOG, "r15dozen2")
    body = await chat.say("一打鸡蛋")
    assert body["reply"].startswith("“1打（12个）”凑不成整盒。")


async def test_lai_ge_is_one_pack(client):
    chat = await open_shop(client, CATALOG, "r15one")
    assert await each_afresh(chat, "马尾绣香囊来个", "买个柚子", "来个柚子吧") == {
        "马尾绣香囊来个": "三都马尾绣 香囊 ×1个，58元",
        "买个柚子": "南康甜柚 4个装 ×1箱（共4个），39元",
        "来个柚子吧": "南康甜柚 4个装 ×1箱（共4个），39元",
    }
