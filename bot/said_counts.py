"""Counts said the way people type them, that the quantity finders alone misread (a thirteenth held-out round's kind).

* 俩 / 仨 after the goods, with nothing after them but a particle (土鸡 俩, 苹果仨吧): two or three of its pack, as
  来俩 is; never 咱俩 / 我们仨 / 兄弟俩 (no catalogue word before them).
* 俩 / 仨 straight before a catalogue word or a pack size (给我整俩腊肉, 蜂蜜来俩500g的): the count.
* A lone number closing the message after a size, set apart by a space (骏枣 泽普 一公斤 二, 枸杞 500g 3): the count
  of that size's packs; glued on (一斤二) it is the size's decimal, 1.2 斤, and stays so.
* One pack described before the count (10kg一袋那种 要十袋, 一袋10kg的 来十袋): 一袋 there says what the pack is,
  the count is the later one of the same pack.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from fractions import Fraction
from typing import TYPE_CHECKING

from bot import packs
from bot.numerals import Found, to_number
from bot.pack_sizes import size_at

if TYPE_CHECKING:
    from bot.understanding import Understanding

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


_SPOKEN_BEFORE = re.compile(r"(?<![咱我你他她它们俺第\d零〇一二两三四五六七八九十百千万])(?P<num>俩|仨)")
_LONE_LAST = re.compile(r"(?<=\S)\s+(?P<num>[1-9]\d?|[一二两三四五六七八九十]{1,2}|俩|仨)\s*(?:个|吧|啊|呀)?$")


def spoken_before(u: Understanding, masked: str, spans: list[tuple[int, int]], words: Collection[str]) -> None:
    """The count when every quantity said is a size: 俩 / 仨 before the goods or a size, or a lone number closing the
    message (see the module)."""
    for m in _SPOKEN_BEFORE.finditer(masked):
        rest = u.text[m.end():m.end() + 8]  # the text, not `masked`: 来仨静宁苹果 (a product's whole name is masked)
        if any(rest[:n] in words for n in range(2, len(rest) + 1)) or size_at(u.text, m.end()):
            value = to_number(m.group("num"))
            if value:
                _counts(u, Found(value, m.start("num"), m.end("num")), spans)
                return
    last = _LONE_LAST.search(u.spaced) if u.quantities else None
    said = last.group("num") if last else ""
    value, at = (to_number(said), u.text.rfind(said)) if said else (None, -1)
    if value and at >= 0 and not any(start <= at < end for start, end in spans):
        _counts(u, Found(value, at, at + len(said)), spans)


def _counts(u: Understanding, found: Found, spans: list[tuple[int, int]]) -> None:
    u.quantities.insert(0, found)
    u.quantity = found
    spans.append((found.start, found.end))
