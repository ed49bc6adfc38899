"""Several sizes of one product, each with its count, in one message: one line per size.

昭通苹果 10斤的两箱 5斤的一箱 / 两箱10斤的 一箱5斤装的 / 大的来一箱小的来两箱 (after a list of sizes) /
10斤的和5斤的各一箱 / 给爸妈和姐姐各买一箱苹果，爸妈要10斤的，姐姐要5斤的: each size said (a pack size: 10斤的,
5斤装; or a size described: 大的, 小箱的) with the count of packs said beside it, or the count 各 hands to each. With
two different sizes said, one said twice is counted twice (我要10斤的，妈妈要10斤的，姐姐要5斤的，各一箱: two of the
10斤). Fewer than two different sizes is no such message (10斤的两箱 alone is one line, read as before); the turn
(bot/turns/sized_lines.py) says which variant each is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.numerals import NUM, to_number

_MEASURE = r"kg|公斤|千克|g|克|斤|ml|毫升|l|升|枚|颗|粒"
_PACK = r"箱|袋|瓶|盒|罐|包|桶|提|份|件|听|篮|筐"
# A size: a pack's content said as a size (10斤的, 5斤装, 500g那种) or described (大的, 小箱的, 大包装).
_SIZE = (rf"(?:{NUM})\s*(?:{_MEASURE})(?:装的|装|的|那种|那款)"
         rf"|(?<![最大小])[大小](?:号|包装|{_PACK})?(?:装)?(?:的|那种|那款)"
         r"|礼盒(?:装的|装|的|那种|那款)")  # 给我姐买礼盒装的一盒: the gift-box variant
_COUNT = rf"(?:{NUM})\s*(?:{_PACK})"
_SAY = r"(?:要|来|拿|买|订|就|也|都|再|各)*"
_SIZE_FIRST = re.compile(rf"(?P<size>{_SIZE})\s*{_SAY}\s*(?P<count>{_COUNT})")  # 10斤的两箱, 大的来一箱
_COUNT_FIRST = re.compile(rf"(?P<count>{_COUNT})\s*(?:的)?\s*(?P<size>{_SIZE})")  # 两箱10斤的, 一箱5斤装
_SIZE_ALONE = re.compile(rf"(?P<size>{_SIZE})")
_EACH = re.compile(rf"各\s*(?:要|来|拿|买|订|发|送|给)?\s*(?P<count>{_COUNT})")  # 各买一箱, 各一箱
_COUNT_PARTS = re.compile(rf"(?P<num>{NUM})\s*(?P<unit>{_PACK})")


@dataclass(frozen=True)
class SizedCount:
    size: str  # as said: 10斤的, 5斤装, 大的
    count: int
    unit: str  # the pack word counted: 箱
    start: int  # where the pair stands in the text
    end: int


def _count(said: str) -> tuple[int, str] | None:
    m = _COUNT_PARTS.fullmatch(said.strip())
    value = to_number(m.group("num")) if m else None
    if m is None or value is None or value.denominator != 1 or value <= 0:
        return None
    return int(value), m.group("unit")


def _pairs(text: str, pattern: re.Pattern[str]) -> list[SizedCount]:
    out = []
    for m in pattern.finditer(text):
        counted = _count(m.group("count"))
        if counted is not None:
            out.append(SizedCount(m.group("size"), counted[0], counted[1], m.start(), m.end()))
    return out


def _each_alone(text: str) -> list[SizedCount]:
    """Sizes said alone, each given the count 各 hands out (各买一箱 … 爸妈要10斤的，姐姐要5斤的)."""
    each = _EACH.search(text)
    counted = _count(each.group("count")) if each else None
    if each is None or counted is None:
        return []
    return [SizedCount(m.group("size"), counted[0], counted[1], m.start(), m.end())
            for m in _SIZE_ALONE.finditer(text) if not (each.start() <= m.start() < each.end())]


def key(size: str) -> str:
    """The size without how it was said (10斤的, 10斤装 → 10斤; 大的, 大箱 → 大; 礼盒装的 → 礼盒): two sayings of one
    size are one."""
    return re.sub(r"(?:装的|装|的|那种|那款)$", "", size).rstrip("号")[:1] if size[0] in "大小" else \
        re.sub(r"(?:装的|装|的|那种|那款)$", "", size)


def sized_counts(text: str) -> list[SizedCount]:
    """The sizes said with their counts (see the module); [] unless two different sizes are."""
    for found in (_pairs(text, _SIZE_FIRST), _pairs(text, _COUNT_FIRST), _each_alone(text)):
        found = _with_single(text, found)
        units = {p.unit for p in found if key(p.size) != "礼盒"}  # a gift box is counted in its own pack word
        if len({key(p.size) for p in found}) >= 2 and len(units) <= 1:
            return found
    return []


_WANTED_ALONE = re.compile(rf"(?:要|来|买|拿)\s*(?P<size>{_SIZE})\s*(?=$|[，,。\s])")


def _with_single(text: str, found: list[SizedCount]) -> list[SizedCount]:
    """A size wanted with no count beside sizes counted (…一箱，我自己要5斤的): one pack of it."""
    if not found:
        return found
    alone = [SizedCount(m.group("size"), 1, found[0].unit, m.start("size"), m.end())
             for m in _WANTED_ALONE.finditer(text) if not any(p.start <= m.start("size") < p.end for p in found)]
    return sorted([*found, *alone], key=lambda p: p.start)
