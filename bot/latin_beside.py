"""Latin words typed beside a product's name: which of them say nothing more than the product (a unit, a buying or
filler word, a food word, chat slang: 大米 5kg, 蜂蜜 honey, 核桃 yyds) and which name another thing the catalogue
word is only part of (奇异果TV, 苹果 iphone, 小米 redmi: bot.product_words)."""
from __future__ import annotations

import re

from bot import everyday

# Latin letters right after a catalogue word, glued or after one space (奇异果TV, 芒果tv, 苹果 iphone, 小米 redmi).
ACRONYM = re.compile(r" ?([a-z]{2,12})(?![a-z0-9])")
# Chat slang typed in latin letters beside a product: praise and laughter, not another thing's name (核桃 yyds).
_SLANG = frozenset("yyds nb hh hhh haha hahaha hhhh lol emm em xswl awsl kk qaq plus".split())
_LATIN_UNITS = frozenset({"kg", "ml", "cm", "mm", "km", "pcs", "pc", "box", "l", "g"})

ENGLISH_FILLER = frozenset(
    "please pls plz thanks thank thx want wanna buy the a an of me give get some how much is are do does you have "
    "sell any i to for my order please, ok okay yes no and with in this that one two three four five".split())


def plain_latin(word: str) -> bool:
    """A latin word that may stand beside a product's name: a unit, a filler or buying word, a food word, slang."""
    return word in _LATIN_UNITS or word in ENGLISH_FILLER or word in _SLANG or everyday.plain_latin(word)
