"""Fourteenth round: words typed the way people type them (bot/everyday.py, bot/pinyin_words.py, bot/typos.py,
bot/product_facts.py):

1. English mixed in, a kind word glued to a Chinese place (give me 1 box 静宁apple, 2 bags of 五常rice): that kind of
   that place, with the count;
2. a pinyin count after the product said in Chinese (木耳 lai liang dai, 蜂蜜 yao san ping): the count;
3. a two-character trade word typed with another character of the same sound and a count (霉茶两罐 → 莓茶); with no
   count, or a word of the language, nothing is mended (霉干菜, 发霉了 退货);
4. a question noun glued to the product (狼牙蜜保质期多久, 木耳口感怎么样): that product's record is the answer.

Over tests/data/chat_round14_words_catalog.csv (one product of each kind: 五常大米, 静宁苹果, 永顺莓茶, 中宁枸杞,
柞水木耳, 临县红枣, 易县狼牙蜜).
"""
from __future__ import annotations

from pathlib import Path

from tests.support.chat import each_afresh, open_shop, say_once

CATALOG = Path(__file__).parent / "data" / "chat_round14_words_catalog.csv"


async def test_english_kind_glued_to_a_chinese_place_is_that_product(client):
    chat = await open_shop(client, CATALOG, "r14english")
    assert await each_afresh(chat, "give me 1 box 静宁apple", "i want 2 bags of 五常rice", "order 3 packs 红枣") == {
        "give me 1 box 静宁apple": "静宁苹果 5斤装 ×1箱（共5斤），32元",
        "i want 2 bags of 五常rice": "五常大米 5kg ×2袋（共10kg），120元",
        "order 3 packs 红枣": "临县红枣 1kg ×3袋（共3kg），105元",
    }


async def test_pinyin_count_after_the_product(client):
    chat = await open_shop(client, CATALOG, "r14pinyin")
    assert await each_afresh(chat, "木耳 lai liang dai", "蜂蜜 yao san ping", "红枣liang dai") == {
        "木耳 lai liang dai": "柞水木耳 250g ×2袋（共500g），98元",
        "蜂蜜 yao san ping": "易县狼牙蜜 500g ×3瓶（共1.5kg），204元",
        "红枣liang dai": "临县红枣 1kg ×2袋（共2kg），70元",
    }


async def test_one_character_typed_by_sound_with_a_count(client):
    chat = await open_shop(client, CATALOG, "r14typo")
    assert await each_afresh(chat, "霉茶两罐", "枸奇两罐", "红早一袋", "蜂密两瓶") == {
        "霉茶两罐": "永顺莓茶 100g ×2罐（共200g），90元",
        "枸奇两罐": "中宁枸杞 250g ×2罐（共500g），76元",
        "红早一袋": "临县红枣 1kg ×1袋（共1kg），35元",
        "蜂密两瓶": "易县狼牙蜜 500g ×2瓶（共1kg），136元",
    }


async def test_typos_never_turn_an_unsold_thing_into_a_match(client):
    chat = await open_shop(client, CATALOG, "r14guard")
    for message in ("霉干菜有吗", "梅干菜来一袋", "红早餐"):
        body = await chat.say(message)
        assert body["products"] == [], message
        assert "没有找到" in body["reply"], message
    body = await chat.say("发霉了 退货")
    assert body["intent"] == "ask_info"
    assert body["products"] == []


async def test_question_noun_glued_to_the_product_is_answered_from_its_record(client):
    chat = await open_shop(client, CATALOG, "r14asked")
    shelf = await chat.say("狼牙蜜保质期多久")
    assert shelf["intent"] == "ask_info"
    assert "易县狼牙蜜 500g" in shelf["reply"]
    assert "保质期" in shelf["reply"]
    origin = await chat.say("红枣产地是哪")
    assert "山西省吕梁市临县" in origin["reply"]
    taste = await chat.say("木耳口感怎么样")
    assert taste["intent"] == "ask_info"
    assert "柞水木耳 250g" in taste["reply"]
    assert taste["order"] is None
    unsold = await chat.say("手机产地")
    assert unsold["products"] == []


async def test_an_english_name_written_beside_its_chinese_is_a_name(client):
    body = await say_once(client, "MANGO芒果 女装 风衣")
    assert "没有找到" in body["reply"]


async def test_a_fish_named_with_a_catalogue_word_drafts_nothing(client):
    body = await say_once(client, "带鱼 冰鲜")
    assert body["order"] is None
    assert "没有找到「带鱼冰鲜」" in body["reply"]
