"""沃干 → 沃柑: a short word the shop does not know that sounds exactly like one of its product words (by each
character's common reading) is asked about under 没有找到 — 您说的是不是「沃柑」？ with that word's products listed to
pick from — never read as the product and never put in an order. Two-character words are not corrected silently
(喜茶 is no 硒茶, bot.vocabulary.heard_as); asking lets the shopper say which they meant."""

from __future__ import annotations

import re

from bot.vocabulary import Vocabulary, pinyin_key

_SHORT_WORD = re.compile("[\u4e00-\u9fff]{2,4}")


def meant(said: str, vocab: Vocabulary) -> str:
    """The catalogue word `said` sounds exactly like, or "" (not a short Chinese word, or none sounds so)."""
    said = said.strip()
    if not _SHORT_WORD.fullmatch(said):
        return ""
    word = vocab.word_sounding(pinyin_key(said))
    return word if word and word != said else ""
