"""Cantonese and other dialect question words, read as Mandarin before anything else reads the message.

有冇 is 有没有, 冇 alone is 没(有); A唔A is A不A (卖唔卖, 有唔有, 要唔要) and 唔 before a verb or an adjective is 不
(唔要, 唔好); 几多钱 / 几多 is 多少钱 / 多少; 樽 嘅 嗰 啲 are 瓶 的 那 点 (一樽就得 is 一瓶就行). Read so, the
question words are cue words, and 冇 or 唔 — characters the reader does not know — are never taken for (part of) a
product's name. 唔该晒 / 多谢晒 / 唔该 alone (thanks) is 谢谢; 唔该 before a request (唔该，落单) is "please", left out.
"""
from __future__ import annotations

import re

from bot.minnan_words import plain as minnan
from bot.regional_words import mandarin
from bot.said_with_more import mended

_HAVE_NOT = re.compile("有冇得?")  # 有冇得剁辣椒: 有没有
_A_NOT_A = re.compile(r"([\u4e00-\u9fff])唔\1")
_NOT = re.compile("唔(?!该|係)")
_NONE = re.compile("冇")
_HOW_MUCH = re.compile("几多(?!少)")  # 茶几多少钱: 几 ends the thing's name (茶几), 多少 asks the price
_THANKS = re.compile(r"唔该晒|多谢晒|唔该(?![\s，,。.!！~～]*[\u4e00-\u9fff])")
# 唔该 before a request (唔该，落单 / 唔该 俾我两罐) is "please": it says nothing of thanks.
_PLEASE = re.compile(r"唔该[\s，,。.!！~～]*")
# Cantonese words beside a quantity: 樽 is a bottle (瓶), 嘅 is 的, 嗰 is 那, 啲 is 点 (some), 就得 is 就行 (一樽就得).
_WORDS = {"樽": "瓶", "嘅": "的", "嗰": "那", "啲": "点", "就得": "就行"}
_WORD = re.compile("|".join(sorted(_WORDS, key=len, reverse=True)))
# 整个二十斤的, 整个两箱: the northern 整 (get) with its 个 before a count or a size is a buying word like 来个; jieba
# cuts 整个 (whole) as one word, read as a product word (没有找到「整个」). 整个的 / 整个苹果 (whole) stay.
_GET_ONE = re.compile(r"整个(?=\s*[\d零〇一二两三四五六七八九十百半俩仨几])")


def plain(text: str) -> str:
    """The message with dialect question words in Mandarin (unchanged when it holds none)."""
    # 汝好, 偌济钱: Minnan words (bot/minnan_words.py); 却认 → 确认; 系 确认, 好额 就这样伐
    text = mandarin(minnan(mended(text)))  # regional function words first (唔识 before 唔)
    text = _GET_ONE.sub("来个", text)  # 整个十斤的 → 来个十斤的
    if any(ch in text for ch in "樽嘅嗰啲"):
        text = _WORD.sub(lambda m: _WORDS[m.group()], text)  # 最大嗰樽 → 最大那瓶
    if "冇" not in text and "唔" not in text and not _HOW_MUCH.search(text):
        return text
    text = _PLEASE.sub("", _THANKS.sub("谢谢", text))  # 唔该晒 / 唔该 alone: thanks; 唔该 来两瓶蜂蜜: please
    text = _HAVE_NOT.sub("有没有", text)
    text = _A_NOT_A.sub(r"\1不\1", text)
    text = _NOT.sub("不", text)
    text = _NONE.sub("没", text)
    return _HOW_MUCH.sub("多少", text)
