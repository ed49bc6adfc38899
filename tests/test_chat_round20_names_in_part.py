"""Twentieth round: a product named by part of its name, often with its place.

1. A place and a word that is a whole token of one name from that place (明前, 雨前, 特级, 功夫, 手工), said with 的 /
   那个 / 那种 or glued: 竹溪的明前, 婺源那个明前的来两罐, 竹溪明前来一盒, 利川那种功夫的 find the product whose name
   holds both; 明前的事 (no place), 德化的明前 (no tea from there), 德化的天气 stay unfound (bot/name_parts.with_place);
   竹溪的雨前 (only 婺源's tea is 雨前) offers no 竹溪 tea, only 婺源's apart (bot/name_parts.only_elsewhere).
2. A name said with its thing's head shortened or merged: 德化白瓷杯 / 白瓷杯两套 / 德化杯子 for "德化白瓷 功夫茶杯"
   (杯 ends 茶杯, a word of the same name); 安溪铁观音杯子 and 竹溪贡茶杯 stay other things (bot/name_parts.headed).
3. A leading verb of looking: 看下臭鳜鱼 / 瞅下房县香菇 / 找下竹溪贡茶 / 搜下X — 看下 is how the request is said, no
   product word (bot/look_verbs.py).
4. A homophone of a product word glued to the place it comes from (竹山峰蜜 1斤装多少钱 → the 500 g honey of 竹山, and
   its price); 竹山山峰, 竹山峰会 stay unfound (bot/name_parts.heard_after_place).

Over tests/data/chat_round20_names_in_part_catalog.csv, and the demo catalogue for 利川红 功夫红茶.
"""
from __future__ import annotations

from pathlib import Path

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

CATALOG = Path(__file__).parent / "data" / "chat_round20_names_in_part_catalog.csv"


def _names(body: dict) -> list[str]:
    return [p["name"] for p in body["products"]]


# --- 1. a place and a word of one of its names ------------------------------------------------------------------

async def test_a_place_and_a_word_of_its_name_find_that_product(client):
    async def check(message, name):
        chat = await open_shop(client, CATALOG, "round20p")
        body = await chat.say(message)
        assert _names(body) == [name], body["reply"]

    await each_case(check, [("竹溪的明前", "竹溪贡茶 明前 100g"), ("湖北的明前有吗", "竹溪贡茶 明前 100g"),
                            ("石阡那种手工的", "石阡苔茶 手工 100g"), ("婺源雨前的多少钱", "婺源绿茶 雨前 250g"),
                            ("房县那种特级的香菇", "房县香菇 特级 250g")], spread=True)


async def test_a_place_and_a_word_of_its_name_ordered_is_drafted(client):
    async def check(message, line):
        chat = await open_shop(client, CATALOG, "round20o")
        assert summary_lines(await chat.say(message)) == line

    await each_case(check, [("婺源那个明前的来两罐", "婺源绿茶 明前 100g ×2罐（共200g），196元"),
                            ("竹溪明前来一盒", "竹溪贡茶 明前 100g ×1盒（共100g），88元")], spread=True)


async def test_a_word_that_only_says_which_kind_still_names_the_product_of_its_place(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round20k")
    body = await chat.say("利川那种功夫的")
    assert _names(body) == ["利川红 功夫红茶 150g"], body["reply"]


async def test_the_word_without_the_place_or_from_another_place_is_not_found(client):
    async def check(message):
        chat = await open_shop(client, CATALOG, "round20n")
        body = await chat.say(message)
        assert f"没有找到「{message}」" in body["reply"]
        assert body["products"] == []

    await each_case(check, ["明前的事", "德化的明前", "信阳的明前", "德化的天气"])


async def test_a_word_of_a_name_from_another_place_offers_nothing_of_this_place(client):
    chat = await open_shop(client, CATALOG, "round20e")
    body = await chat.say("竹溪的雨前")
    assert "没有找到「竹溪的雨前」" in body["reply"]
    assert "竹溪贡茶" not in body["reply"]
    assert _names(body) == ["婺源绿茶 雨前 250g"]


# --- 2. the thing's head said short -----------------------------------------------------------------------------

async def test_a_head_said_short_after_a_word_of_the_name_is_that_product(client):
    async def check(message):
        chat = await open_shop(client, CATALOG, "round20h")
        body = await chat.say(message)
        assert _names(body) == ["德化白瓷 功夫茶杯 6只装"], body["reply"]

    await each_case(check, ["德化白瓷杯", "德化白瓷杯子", "德化杯子", "白瓷杯子"])


async def test_cups_said_short_are_ordered(client):
    chat = await open_shop(client, CATALOG, "round20c")
    body = await chat.say("白瓷杯两套")
    assert summary_lines(body) == "德化白瓷 功夫茶杯 6只装 ×2套（共12只），256元"


async def test_rice_said_by_its_head_is_the_rice(client):
    chat = await open_shop(client, CATALOG, "round20r")
    body = await chat.say("洪湖生态米")
    assert _names(body) == ["洪湖生态大米 5kg", "洪湖生态大米 10kg"], body["reply"]


async def test_a_head_no_word_of_that_name_ends_in_is_another_thing(client):
    async def check(message):
        chat = await open_shop(client, CATALOG, "round20x")
        body = await chat.say(message)
        assert f"没有找到「{message}」" in body["reply"]
        assert body["products"] == []

    await each_case(check, ["安溪铁观音杯子", "竹溪贡茶杯", "德化白瓷碗", "洪湖大米桶"])


# --- 3. a verb of looking ---------------------------------------------------------------------------------------

async def test_a_verb_of_looking_is_no_product_word(client):
    async def check(message, names):
        chat = await open_shop(client, CATALOG, "round20l")
        body = await chat.say(message)
        assert _names(body) == names, body["reply"]

    await each_case(check, [("看下臭鳜鱼", ["徽州臭鳜鱼 约500g"]), ("瞅下房县香菇", ["房县香菇 特级 250g"]),
                            ("找下竹溪贡茶", ["竹溪贡茶 明前 100g"]),
                            ("搜下竹山蜂蜜", ["竹山土蜂蜜 500g", "竹山土蜂蜜 250g"])], spread=True)


# --- 4. a homophone glued to its place --------------------------------------------------------------------------

async def test_a_homophone_glued_to_its_place_is_the_place_s_product(client):
    chat = await open_shop(client, CATALOG, "round20s")
    body = await chat.say("竹山峰蜜1斤装多少钱")
    assert _names(body) == ["竹山土蜂蜜 500g"], body["reply"]
    assert "每瓶68元" in body["reply"]


async def test_a_homophone_glued_to_its_place_is_ordered(client):
    chat = await open_shop(client, CATALOG, "round20t")
    await chat.say("竹山峰蜜两瓶")
    body = await chat.say("500g的")
    assert summary_lines(body) == "竹山土蜂蜜 500g ×2瓶（共1kg），136元"


async def test_a_word_that_only_sounds_alike_stays_unfound(client):
    async def check(message):
        chat = await open_shop(client, CATALOG, "round20u")
        body = await chat.say(message)
        assert f"没有找到「{message}」" in body["reply"]
        assert body["products"] == []

    await each_case(check, ["竹山山峰", "竹山峰会", "山峰"])
