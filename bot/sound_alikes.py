"""沃干 → 沃柑: a short word the shop does not know that sounds exactly like one of its product words (by each
character's common reading) is asked about under 没有找到 — 您说的是不是「沃柑」？ with that word's products listed to
pick from — never read as the product and never put in an order. Two-character words are not corrected silently
(bot.vocabulary.heard_as); asking lets the shopper say which they meant. Only a product's own name after its
place (隆安沃柑 → 沃柑) or an alias is asked about, never a tag or a part of a name (冲印 is no 冲饮, 喜茶 no 硒茶)."""

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
    return word if word and word != said and word in _names(vocab) else ""


def _names(vocab: Vocabulary) -> frozenset[str]:
    """Each product's name after its place (隆安沃柑 → 沃柑) and its aliases."""
    out: set[str] = set()
    for known in vocab.products.values():
        out.update(known.aliases)
        place = known.county.rstrip("县市区旗")
        out.add(known.core.removeprefix(place) if place and known.core.startswith(place) else known.core)
    return frozenset(out)
