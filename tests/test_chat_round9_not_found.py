"""Ninth round: a thing named is looked for. Messages that name goods the shop does not sell get 没有找到「…」 (a
search, nothing offered), not the generic 没太明白, tried with sentences of our own over the demo catalogue:

1. a thing asked about with a question word or a particle around it (剃须刀能充电的吗, 洗发水 去屑的, 雨衣 加厚的呢);
2. pinyin that spells a common noun of the language (kou hong, yu rong fu, shou ji ke): read as that noun;
3. talk stays talk: greetings, thanks, questions to the assistant, the weather, jokes, remarks and complaints with
   no thing in them (太慢了吧, 好累了), going somewhere (寄到我公司去), pinyin of talk (mei you, ke yi).
"""
from __future__ import annotations

from api.keys import ASSISTANT
from tests.support.cases import each_case
from tests.support.chat import say_once

NOT_FOUND = "没有找到「"
NOT_UNDERSTOOD = "没太明白"


async def said(client, message: str) -> dict:
    return await say_once(client, message, name="round9")


# --- 1. a thing asked about with a question word or a particle ----------------------------------------------------

async def test_a_thing_asked_about_is_not_found(client):
    async def check(message, echo):
        body = await said(client, message)
        assert body["intent"] == "search", body["reply"]
        assert NOT_FOUND + echo + "」" in body["reply"], body["reply"]
        assert body["products"] == [], body["reply"]
        assert body["slots"]["sku"] is None

    await each_case(check, [
    ("剃须刀能充电的吗", "剃须刀能充电"),
    ("洗发水 去屑的", "洗发水去屑"),
    ("保温杯能装热水吗", "保温杯能装热水"),
    ("拖把 能拧干的吗", "拖把能拧干"),
    ("雨衣 加厚的呢", "雨衣加厚"),
    ("台灯 能调光吗", "台灯能调光"),
    ("羽绒服 加长款的呢", "羽绒服加长款"),
    ("电热毯 单人的 有没", "电热毯单人"),
], spread=True)


# --- 2. pinyin of a thing not sold -----------------------------------------------------------------------------------

async def test_pinyin_of_a_thing_not_sold_is_not_found(client):
    async def check(message, echo):
        body = await said(client, message)
        assert body["intent"] == "search", body["reply"]
        assert NOT_FOUND + echo in body["reply"], body["reply"]
        assert body["products"] == [], body["reply"]

    await each_case(check, [
    ("kou hong", "口红"),
    ("yu rong fu", "羽绒服"),
    ("yurongfu you ma", "羽绒服"),
    ("shou ji ke", "手机"),
], spread=True)


async def test_pinyin_of_a_catalogue_word_still_finds_it(client):
    body = await said(client, "hetao you ma")
    assert body["intent"] == "search", body["reply"]
    assert "核桃" in body["products"][0]["name"], body["reply"]


# --- 3. talk stays talk -----------------------------------------------------------------------------------------------

async def test_talk_stays_talk(client):
    async def check(message, intent):
        body = await said(client, message)
        assert body["intent"] == intent, body["reply"]
        assert NOT_FOUND not in body["reply"], body["reply"]
        assert body["products"] == [], body["reply"]

    await each_case(check, [
    ("你好", "greet"),
    ("谢谢", "greet"),
    ("你是机器人吗", "fallback"),
    ("今天天气怎么样", "fallback"),
    ("讲个笑话", "fallback"),
    ("你们几点下班", "ask_info"),  # the shop's hours (round 25: online at any time), still no goods
    ("太慢了吧", "fallback"),
    ("好累了", "fallback"),
    ("我饿了", "fallback"),
    ("寄到我公司去", "change_address"),  # round 22: the company's address is asked for (still never 没有找到)
    ("开个网店 能给我供货吗", "fallback"),
    ("mei you", "fallback"),
    ("ke yi", "fallback"),
], spread=True)


async def test_the_part_of_speech_table_is_read_with_the_vocabulary(client):
    """jieba's part-of-speech table (~0.2 s to load) is read when the vocabulary is built, in the background, and
    kept with it: the first message that needs it (剃须刀能充电的吗) pays nothing for it."""
    vocab = await client.app[ASSISTANT].vocabulary()
    assert vocab.word_tags.get("剃须刀") == "n"
    assert vocab.word_tags.get("北京") == "ns"  # a place: not a thing (bot.things_named.is_thing)
