"""Fifteenth round (lead), group counts continued (bot/group_people.py, bot/group_counts.py), as the shopper sees them:

1. per person, with people of any description (给60个驻村工作队员每人发一袋小米, 为20位退休老党员每人准备一罐茶): the
   count of people times what each gets;
2. a breakdown whose first part says the size and goods, after a prefix (帮亲戚带：大姑两箱5斤的苹果，二叔一箱，我自己
   两箱，一共要5箱): the total said (else the sum) of the size said once; parts naming their own goods stay apart;
3. 接龙 entries whose count follows a size with × (红枣500g×2): packs of that size, summed;
4. a weight of goods named with their place and 的 (要20斤延寿的大米) over several sizes: read against the packs;
5. an order sentence holding an address after a prefix (地址写我家：广东省…8号，芒果10斤的要5箱): the address taken,
   the order read (bot/addressing.py);
6. English with a size (3 boxes of Jingning apples, the 5 jin ones): the size picks the variant (bot/english_sizes.py).

Over tests/data/chat_round15_group_counts_2_catalog.csv (延寿大米 2.5/5/10kg, 静宁苹果 5斤装/10斤装, 田东芒果 …).
"""
from __future__ import annotations

from pathlib import Path

from tests.support.chat import each_afresh, open_shop, say_once, summary_lines

CATALOG = Path(__file__).parent / "data" / "chat_round15_group_counts_2_catalog.csv"

APPLES_5_5 = "静宁苹果 5斤装 ×5箱（共25斤），160元"


async def test_people_of_any_description_times_what_each_gets(client):
    chat = await open_shop(client, CATALOG, "r15people")
    assert await each_afresh(chat, "给60个驻村工作队员每人发一袋小米", "给45名环卫工人每人一箱5斤装的苹果",
                             "为20位退休老党员每人准备一罐茶叶", "给8位留守老人每位送两袋5kg大米") == {
        "给60个驻村工作队员每人发一袋小米": "武乡小米 2.5kg ×60袋（共150kg），2340元",
        "给45名环卫工人每人一箱5斤装的苹果": "静宁苹果 5斤装 ×45箱（共225斤），1440元",
        "为20位退休老党员每人准备一罐茶叶": "都匀毛尖 250g罐装 ×20罐（共5kg），1760元",
        "给8位留守老人每位送两袋5kg大米": "延寿大米 5kg ×16袋（共80kg），944元",
    }


async def test_people_counted_asks_the_variant_with_the_total(client):
    body = await say_once(client, "为20位退休老党员每人准备一罐茶")
    assert body["slots"]["qty"] == 20


async def test_a_breakdown_with_the_size_in_its_first_part(client):
    chat = await open_shop(client, CATALOG, "r15sized")
    assert await each_afresh(chat, "帮亲戚带：大姑两箱5斤的苹果，二叔一箱，我自己两箱，一共要5箱",
                             "帮亲戚带：大姑两箱5斤的苹果，二叔一箱，我自己两箱",
                             "同事拼单：小王三袋5kg的大米，小李一袋，我两袋") == {
        "帮亲戚带：大姑两箱5斤的苹果，二叔一箱，我自己两箱，一共要5箱": APPLES_5_5,
        "帮亲戚带：大姑两箱5斤的苹果，二叔一箱，我自己两箱": APPLES_5_5,
        "同事拼单：小王三袋5kg的大米，小李一袋，我两袋": "延寿大米 5kg ×6袋（共30kg），354元",
    }


async def test_parts_naming_their_own_goods_are_not_summed(client):
    chat = await open_shop(client, CATALOG, "r15own")
    body = await chat.say("同事拼单：小王三袋5kg的大米，小李一袋小米")
    assert "×4袋" not in body["reply"]


async def test_relay_entries_with_a_size_times_a_count(client):
    chat = await open_shop(client, CATALOG, "r15times")
    assert await each_afresh(chat, "1.张 红枣500g×2 2.王 红枣500g×1 3.我 红枣500g×4",
                             "1.张 红枣500g×2 2.王 红枣1kg×1 3.我 红枣500g*3") == {
        "1.张 红枣500g×2 2.王 红枣500g×1 3.我 红枣500g×4": "若羌红枣 500g ×7袋（共3.5kg），175元",
        "1.张 红枣500g×2 2.王 红枣1kg×1 3.我 红枣500g*3":
            "若羌红枣 500g ×5袋（共2.5kg），125元\n若羌红枣 1kg ×1袋（共1kg），45元",
    }


async def test_a_weight_of_goods_named_with_their_place_and_de(client):
    chat = await open_shop(client, CATALOG, "r15place")
    assert await each_afresh(chat, "要20斤延寿的大米", "来10斤延寿的大米", "来20斤田东的芒果", "要10斤静宁的苹果") == {
        "要20斤延寿的大米": "延寿大米 10kg ×1袋（共10kg），110元",
        "来10斤延寿的大米": "延寿大米 5kg ×1袋（共5kg），59元",
        "来20斤田东的芒果": "田东芒果 10斤装 ×2箱（共20斤），158元",
        "要10斤静宁的苹果": "静宁苹果 10斤装 ×1箱（共10斤），58元",
    }


async def test_a_weight_of_jingning_apples_on_the_demo_catalogue(client):
    body = await say_once(client, "要10斤静宁的苹果")
    assert summary_lines(body) == "静宁苹果 红富士 10斤 ×1箱（共10斤），58元"


async def test_an_order_sentence_holding_an_address(client):
    chat = await open_shop(client, CATALOG, "r15addr")
    assert await each_afresh(chat, "地址写我家：广东省广州市天河区天河路8号，芒果10斤的要5箱",
                             "寄到我单位，地址是广东省深圳市南山区科技园路1号，要两箱5斤装的苹果") == {
        "地址写我家：广东省广州市天河区天河路8号，芒果10斤的要5箱": "田东芒果 10斤装 ×5箱（共50斤），395元",
        "寄到我单位，地址是广东省深圳市南山区科技园路1号，要两箱5斤装的苹果": "静宁苹果 5斤装 ×2箱（共10斤），64元",
    }


async def test_the_address_in_an_order_sentence_is_where_it_goes(client):
    chat = await open_shop(client, CATALOG, "r15addr2")
    body = await chat.say("地址写我家：广东省广州市天河区天河路8号，芒果10斤的要5箱")
    assert "寄到：张三 138****8000 广东省广州市天河区天河路8号\n" in body["reply"]


async def test_the_address_in_an_order_sentence_is_kept_for_a_new_shopper(client):
    chat = await open_shop(client, CATALOG, "r15addr3", address=False)
    body = await chat.say("地址写我家：广东省广州市天河区天河路8号，芒果10斤的要5箱")
    assert body["reply"].startswith("好的，地址记下了。还差收件人姓名和手机号")


async def test_english_with_a_size_picks_the_variant(client):
    chat = await open_shop(client, CATALOG, "r15english")
    assert await each_afresh(chat, "I want 3 boxes of Jingning apples, the 5 jin ones", "2 bags of the 5kg rice",
                             "2 bags of Yanshou rice, the 10kg ones") == {
        "I want 3 boxes of Jingning apples, the 5 jin ones": "静宁苹果 5斤装 ×3箱（共15斤），96元",
        "2 bags of the 5kg rice": "延寿大米 5kg ×2袋（共10kg），118元",
        "2 bags of Yanshou rice, the 10kg ones": "延寿大米 10kg ×2袋（共20kg），220元",
    }


async def test_english_with_no_place_of_the_catalogue_is_unchanged(client):
    chat = await open_shop(client, CATALOG, "r15english2")
    body = await chat.say("I want an apple watch")
    assert body["intent"] == "fallback"
