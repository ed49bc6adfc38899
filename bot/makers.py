"""A maker or a shop named before a catalogue word with 的 (良品铺子的坚果, 百草味的芒果干, 三只松鼠的核桃): its goods,
which the shop does not sell; the catalogue word's products are only alternatives (bot.product_words).

The words before 的 name a maker only when they are all nouns of the language or words it does not know (良品 铺子,
百草 味, 伊份) and the catalogue does not account for them (bot.product_words._named_before drops places, qualities
and the catalogue's own words). Whom the goods are for (孩子的奶粉, 老人的), what was done (上次买的), what they are
like (好吃的, 便宜的), whose (你们家的, 我的) and what pack (30枚装的) say which of the shop's goods, and stay
the shop's.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.cut_names import singles
from bot.lexicon import UNITS
from bot.recipients import PEOPLE

if TYPE_CHECKING:
    from bot.vocabulary import Vocabulary

_UNIT_CHARS = frozenset(w for w in UNITS if len(w) == 1)
_USE = tuple("能会可用给装供让适")  # before the words: a use or an ability (能孵小鸡的, 装蜂蜜的)
# jieba's noun tags, and none for a word it does not know (a brand it has never seen).
_NOUNS = frozenset({"n", "nz", "nr", "nt", "ng", "nrt", "nrfg", "x", "eng", ""})


def maker(said: str, name: str, vocab: Vocabulary) -> str:
    """`name` + 的 when `name` (the unexplained words at the end of `said`, the text before 的) names a maker, else
    ""."""
    name = name.strip()
    if len(name) < 2 or name in PEOPLE or any(name.endswith(p) for p in PEOPLE if len(p) > 1):
        return ""
    if said.rstrip()[:len(said.rstrip()) - len(name)].endswith(_USE):
        return ""  # 能孵小鸡的鸡蛋, 用来泡茶的: what it is for, not who makes it
    tokens = vocab.tokenizer.cut(name)
    if "装" in name or any(t[:1] in _UNIT_CHARS for t in tokens):
        return ""  # 30枚装的广生源土鸡蛋: the pack said, not a maker
    if not all(vocab.word_tags.get(t, "") in _NOUNS for t in tokens if t.strip()) and not singles(tokens, vocab):
        return ""  # 美心的月饼: a name cut into the catalogue's single characters is one all the same
    return name + "的"
