"""The house-number part of an address changed (门牌号改一下 是3栋1单元502 / 门牌号不对 是18号): how it is said, and
the saved street line with the new building, unit and room, or the new street number in place of the old one."""
from __future__ import annotations

import re

from bot.part_changes import FIX as _FIX
from bot.part_changes import WRONG as _WRONG

# 门牌号改一下 是3栋1单元502 / 楼号写错了 应该是5栋2单元301: the house-number part of the saved address, changed.
_HOUSE_WORD = r"(?:门牌号?|楼号|楼栋号?|房号|房间号|单元号|几栋几单元|栋号|门牌号码)"
HOUSE_CHANGE = re.compile(rf"{_HOUSE_WORD}(?:码)?{_WRONG}?[，,\s]*{_FIX}?[，,\s]*(?:应该是|应为|改成|改为|换成|是|为)?"
                          r"[:：]?\s*(?P<house>[\dA-Za-z一二三四五六七八九十-]+\s*(?:栋|幢|座|号楼|单元|室|层|楼|号|户)"
                          r"[\dA-Za-z一二三四五六七八九十栋幢座号楼单元室层户\s-]*)")
_HOUSE_TAIL = re.compile(r"(?:[\dA-Za-z一二三四五六七八九十-]+(?:栋|幢|座|号楼|单元|室|层|户)|(?<=[栋幢座元层])\d+)+$")


def rehoused(detail: str, house: str) -> str:
    """The street part of `detail` with `house` as its building, unit and room (replacing those it had)."""
    street = _HOUSE_TAIL.sub("", detail.strip())
    if _STREET_NUMBER.match(house):  # 门牌号不对 是18号: the street number replaced (…路8号 → …路18号), never added
        street = _STREET_NUMBER_END.sub("", street)
    return street + house


_STREET_NUMBER = re.compile(r"[\dA-Za-z-]+号(?!楼)")
_STREET_NUMBER_END = re.compile(r"[\dA-Za-z-]+号$")
