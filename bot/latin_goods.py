"""A thing the shop does not sell, named in English (buy 1 switch please, any airpods?, iphone iphone iphone, baby
formula available?): the intent of what the shopper does, and the thing's name as said.

An English message whose words, once the buying, asking and filler words and the numbers are set aside, name
something no catalogue word reads (a food word of bot.everyday would have been read as its Chinese):

* bought (buy, want, need, order, get, give me …) → `order`;
* asked its price (how much, price, cost) → `ask_price`;
* asked whether the shop has it (any, have, available, sell, in stock …), or named alone, even repeated → `search`.

A question of another kind (what can you do, who are you) names no thing and is left alone. Whatever the intent,
nothing is offered and nothing drafted: 没有找到「the thing」 (bot.turns.honest.service_answer).
"""
from __future__ import annotations

import re

from bot.everyday import plain_latin
from bot.latin_beside import ENGLISH_FILLER
from bot.pinyin_words import syllables_of

_ENGLISH = re.compile(r"^[A-Za-z0-9\s,.!?'’-]+$")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['’][a-z]+)?")
_BUY = frozenset("buy want wanna need order get give take purchase".split())
_PRICE = re.compile(r"\bhow much\b|\bprice\b|\bcost\b", re.IGNORECASE)
_ASK = frozenset("any have has available sell sells selling stock got there carry".split())
# Words of a sentence that asks something else, or talks: never part of a thing's name.
_OTHER = frozenset(
    "what who why where when which can could would will should shall hello hi hey bye thanks thank sorry help yes no "
    "ok okay cancel confirm not don't dont it its was were be am they he she us our here "
    "just also too very really so but or if then now today tomorrow "
    # the shop's own matters (card balance, pay the order) and pinyin greetings are read elsewhere
    "card cards order orders pay paid balance yuan rmb love delivery shipping address refund nihao ni hao".split())
_FILLER = frozenset("is are you your we please pls plz some a an the of me i my for to in stock do does much how "
                    "item items thing things "
                    "pc pcs piece pieces box boxes bottle bottles pack packs unit units one two three four five six "
                    "seven eight nine ten".split())


def asked(raw: str) -> tuple[str, str]:
    """(intent, thing) for an English message naming a thing (see the module); ("", "") for anything else."""
    if not _ENGLISH.match(raw) or not re.search(r"[A-Za-z]{3}", raw):
        return "", ""
    words = [w.lower() for w in _WORD.findall(raw)]
    if any(w in _OTHER for w in words) or all(syllables_of(w) for w in words):
        return "", ""  # mei you, ke yi: pinyin, read by bot.pinyin_words
    acts = [w for w in words if w in _BUY or w in _ASK]
    named = [w for w in words if w not in _BUY and w not in _ASK and w not in _FILLER and w not in ENGLISH_FILLER]
    if not named or any(plain_latin(w) or mashed(w) for w in named) or len(set(named)) > 3:
        return "", ""
    thing = " ".join(dict.fromkeys(named))  # iphone iphone iphone → iphone
    if _PRICE.search(raw):
        return "ask_price", thing
    if any(w in _BUY for w in acts):
        return "order", thing
    return "search", thing


_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def mashed(word: str) -> bool:
    """asdfgh, qwer, zxcvbn, hjkl, aaaa, sdfg: keys struck along a row, one key held, no vowel: no name."""
    if len(word) >= 4 and (len(set(word)) == 1 or not re.search(r"[aeiouy]", word)):
        return True
    return any(word[i:i + 4] in row for row in _ROWS for i in range(len(word) - 3))
