"""Counts said the way people type them, that the quantity finders alone misread (a thirteenth held-out round's kind).

* 俩 / 仨 after the goods, with nothing after them but a particle (土鸡 俩, 苹果仨吧): two or three of its pack, as
  来俩 is; never 咱俩 / 我们仨 / 兄弟俩 (no catalogue word before them).
* One pack described before the count (10kg一袋那种 要十袋, 一袋10kg的 来十袋): 一袋 there says what the pack is,
  the count is the later one of the same pack.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from fractions import Fraction

from bot import packs
from bot.numerals import Found, to_number

_TRAILING = re.compile(r"(?<![咱我你他她它们俺第\d零〇一二两三四五六七八九十百千万])(?P<num>俩|仨)"
                       r"(?:就行|就好|就够|就可以|吧|啊|呀|哈|呢|了)*$")
_LONGEST = 8  # the longest catalogue word looked for before 俩 / 仨
# After a pack: it describes (一袋那种, 一瓶装的, 一袋的); before it: a size (10kg一袋).
_DESCRIBES = re.compile(r"\s*(?:装的?|的?那种|的?那款|的?那样的?|的)")
_SIZE = r"\d+(?:\.\d+)?\s*(?:kg|g|ml|l|公斤|千克|克|斤|升|毫升|枚)"
_SIZE_BEFORE = re.compile(rf"{_SIZE}\s*(?:装|的)?\s*$")
_SIZE_AFTER = re.compile(rf"\s*{_SIZE}\s*(?:装|的|那)")


def trailing_spoken(compact: str, words: Collection[str]) -> Found | None:
    """土鸡 俩 → 2 (its pack): 俩 / 仨 closing the message, straight after a catalogue word."""
    m = _TRAILING.search(compact)
    if m is None:
        return None
    before = compact[:m.start()]
    if not any(before[-n:] in words for n in range(2, min(_LONGEST, len(before)) + 1)):
        return None
    value = to_number(m.group("num"))
    return Found(value, m.start("num"), m.end("num")) if value else None


def without_described(found: list[Found], text: str, words: Collection[str]) -> list[Found]:
    """The quantities less a single pack that only describes the pack a later count of that same pack counts (no
    catalogue word between them: 大米10kg一袋 粉条两袋 is two lines)."""
    for i, q in enumerate(found):
        if q.value != Fraction(1) or q.unit not in packs.PACK_WORDS:
            continue
        later = next((f for f in found[i + 1:] if f.unit == q.unit or packs.same_pack(f.unit, q.unit)), None)
        if later is None or _names_goods(text[q.end:later.start], words):
            continue
        if _DESCRIBES.match(text, q.end) or _SIZE_BEFORE.search(text[:q.start]) or _SIZE_AFTER.match(text, q.end):
            return [f for f in found if f is not q]
    return found


def _names_goods(text: str, words: Collection[str]) -> bool:
    return any(text[i:j] in words for i in range(len(text)) for j in range(i + 2, min(len(text), i + _LONGEST) + 1))
