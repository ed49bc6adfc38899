"""A count glued to another noun before the goods is part of a name, not how many (a twelfth held-out round's kind).

三只松鼠 坚果大礼包, 两只猴子 核桃: a Chinese number word + 个/只 glued before a noun of jieba's dictionary that no
catalogue word is (松鼠, a squirrel), itself followed by a catalogue word (坚果), counts that noun, and a shop does not
sell squirrels: the numeral and the noun name the maker of the goods after them. The count is no quantity, and the
whole name is something the shop does not sell, the catalogue word's products only alternatives.

Real counts stay counts: the counted word is a catalogue word (三只土鸡, 六个鸡蛋), the count is of packs (来七袋核桃),
or the word after the count is no noun (三只散养土鸡: 散养 is how they are kept).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Vocabulary

_COUNT = re.compile("^[一二两三四五六七八九十]+[个只]$")
_LONGEST = 4  # the longest noun looked for after the count


def named(u: Understanding, kept: list[str], vocab: Vocabulary) -> tuple[str, str]:
    """(the name as said, the catalogue word whose products are alternatives), or ("", "") when no count is a name."""
    known = sorted((t for t in kept if vocab.knows(t)), key=len, reverse=True)
    for found in u.quantities:
        if found.unit not in ("个", "只") or not _COUNT.match(u.text[found.start:found.end]):
            continue
        after = u.text[found.end:]
        noun = _noun(after, vocab)
        if not noun:
            continue
        joined = len(noun) + (after[len(noun):].startswith("的"))  # 三只松鼠的核桃: the maker's, with 的
        word = next((w for w in known if after.startswith(w, joined)), None)
        if word is None:
            continue
        u.quantities.remove(found)  # 三只 counts the squirrels of the name, not the goods
        u.quantity = u.quantities[0] if u.quantities else None
        u.specs = [s for s in u.specs if not s.endswith(("个", "只"))]
        return u.text[found.start:found.end] + after[:joined] + _said_with(word, after[joined:], u.spaced), word
    return "", ""


def _noun(after: str, vocab: Vocabulary) -> str:
    """The longest noun of jieba's dictionary the text starts with, when no catalogue word it is."""
    for size in range(min(_LONGEST, len(after)), 1, -1):
        piece = after[:size]
        if vocab.word_tags.get(piece, "") == "n" and not vocab.knows(piece):
            return piece
    return ""


def _said_with(word: str, rest: str, spaced: str) -> str:
    """The catalogue word with the words said together with it (坚果大礼包 of 三只松鼠 坚果大礼包 过年送人)."""
    chunk = next((c for c in spaced.split() if c.startswith(word) and rest.startswith(c)), "")
    return chunk or word
