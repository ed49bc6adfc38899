"""The intent of one message read without context, from its cues (bot.cues) and what the catalogue recognised."""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from bot import lexicon
from bot.cue_limits import changes_mind
from bot.cues import has
from bot.descriptions import described
from bot.getting_verbs import got
from bot.introductions import introduces
from bot.misspelt_things import typed_for_a_thing
from bot.phrasing import season_greeting
from bot.qualities import OCCASIONS
from bot.things_named import names_thing, only_talk

if TYPE_CHECKING:
    from bot.understanding import Understanding


def intent_of(u: Understanding, tags: Mapping[str, str], freq: Mapping[str, int]) -> str:
    """`tags`: jieba's part of speech of each word (Vocabulary.word_tags), to tell a thing named from talk; `freq`:
    jieba's frequency table (with every word's prefixes)."""
    c = u.cues
    if season_greeting(u.text):
        return "greet"  # 端午节安康: a wish, though 安康 is a city
    if "cancel" in c and not changes_mind(u.text, bool(u.quantity or u.specs or u.about_products or u.pick)
                                          or bool(described(u.text))):
        return "cancel"  # not 算了 还是要五斤的吧 一箱 / 算了 就第一个吧 / 算了 换成最便宜那款: a change of mind
    if ("card" in c and ("balance" in c or ("price" in c and "buy" not in c))) or (
            "balance" in c and has(u.text, ("余额",)) and not u.about_products):
        return "card_balance"
    if "card" in c and ("buy" in c or u.money_yuan is not None or u.card_count is not None or "add" in c):
        return "buy_card"
    if "strong_status" in c or u.order_no or ("status" in c and not u.about_products):
        return "order_status"
    if "price" in c:
        return "ask_price"
    greets = ("greet" in c or "thanks" in c or introduces(u.spaced)) and not _asks_after_greeting(u)
    if greets and not u.about_products and "buy" not in c:
        return "greet"
    if "yes" in c:
        return "confirm"
    if "no" in c:
        return "cancel"
    specific = bool(u.product_words)
    if "help" in c and not specific:
        return "help"
    asked_has = u.quantity is None and u.pick is None and "add" not in c and has_asked(u.spaced)
    if u.about_products and ("buy" in c or "add" in c or u.quantity is not None):
        browsing = asked_has or ("search" in c and u.quantity is None and "add" not in c and (
            _asks(u.text) or not specific or has(u.text, lexicon.BROWSE)))
        return "search" if browsing else "order"
    if u.about_products:
        return "search"
    if "card" in c:
        return "buy_card" if "buy" in c else "card_balance"
    if greets:
        return "greet"
    if u.product_text and asked_has:
        return "search"  # 有没有榴莲 想吃猫山王: whether it is sold, what is wanted said after (no count)
    if u.product_text and ("strong_buy" in c or ("buy" in c and (u.quantity is not None or got(u.spaced)))):
        return "order"  # 来个老人机, 来一束郁金香: a verb of getting and a measure word before the thing
    if u.product_text and ("search" in c or (u.bare and not only_talk(u.text, u.product_text, tags))):
        return "search"
    if (u.quantity is not None and "buy" in c) or ("strong_buy" in c and not u.product_text):
        return "order"
    if u.foreign or names_thing(u.text, u.product_text, tags):
        return "search"  # 洗衣机滚筒10公斤, 剃须刀能充电的吗: a thing asked for, even one not sold (没有找到「…」)
    if typed_for_a_thing(u.product_text, tags, freq):
        return "search"  # 粽紫, 狗量: 粽子, 狗粮 typed with a character of the same sound
    return "fallback"


# Whether the shop has a thing, asked in a clause of its own (有没有榴莲, 有核桃吗, 大米有吗, 核桃有没有, 枸杞有卖吗).
_HAS_ASKED = re.compile(r"^(?:请问|你们|你家|你们家|这里|店里|咱家)?(?:有没有|有没|有卖|有)\S*?(?:吗|么|嘛|没|不)$"
                        r"|^(?:请问|你们|你家|你们家|这里|店里|咱家)?有没有?\S+$"
                        r"|^\S+?(?:有吗|有么|有没有|有没|有卖吗|有货吗|还有吗|有不|有的吗)$")


def has_asked(spaced: str) -> bool:
    """有没有榴莲 想吃猫山王 / 有核桃吗 想要纸皮的 / 大米有吗 要东北的: one clause of several asks whether the shop has
    it; what is wanted said beside it (想吃, 想要, 要 + a kind, no count) only narrows the search, it orders nothing."""
    clauses = spaced.split()
    return len(clauses) > 1 and any(_HAS_ASKED.match(c) for c in clauses)


def asks_has(clause: str) -> bool:
    """One clause asks whether the shop has a thing (有土鸡吗, 核桃有没有)."""
    return _HAS_ASKED.match(clause) is not None


def asking_clause(spaced: str) -> str:
    """The clause asking whether the shop has a thing when every other clause only says the occasion it is for (有卖
    五粮液吗 过年送礼用 → 有卖五粮液吗); empty otherwise (有没有榴莲 想吃猫山王: both name the thing)."""
    clauses = spaced.split()
    asking = next((c for c in clauses if _HAS_ASKED.match(c)), "") if len(clauses) > 1 else ""
    others = [c for c in clauses if c != asking]
    return asking if asking and all(_OCCASION_ONLY.match(c) for c in others) else ""


# A clause only of occasions and what for (过年送礼用, 春节送人的, 自己吃): it names nothing.
_OCCASION_ONLY = re.compile("^(?:" + "|".join(sorted(OCCASIONS, key=len, reverse=True))
                            + r"|送人|自己|自用|家用|给\S{1,3}?(?=[的用吃喝])|用|吃|喝|的|啊|呢|哈|吧)+$")


def _asks(text: str) -> bool:
    """有没有…/有…吗: a question about the catalogue even when it holds a buying word (想要的有吗)."""
    return (text.endswith(("吗", "么", "没有"))
            or text.startswith(("有没有", "有没", "有什么", "有啥", "有哪些", "推荐")))


def _asks_after_greeting(u: Understanding) -> bool:
    """亲 在吗 想问下有没有羽绒服 / 你好 你们卖不卖羽绒被: a greeting before a request is the request."""
    return "search" in u.cues and bool(u.product_text.strip())
