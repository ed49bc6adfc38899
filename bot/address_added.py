"""A part added to the saved address (门牌号加上8栋302, 地址后面加个3单元, 补充一下门牌号 12-3,
小区名字漏了 加上阳光花园): the saved address keeps all it has and gets the part said; nothing is searched,
nothing replaced.

The part is put where it belongs: a building, unit or room number (8栋302, 3单元, 12-3) at the end; a name (阳光花园)
before the building, unit and room the address ends with, if any."""
from __future__ import annotations

import re

# What part of the address is named as missing or added (门牌号, 小区名字, 单元号, 楼栋).
_PART = (r"(?:(?:收货|收件)?地址(?:里|上|的)?|门牌号?码?|楼号|楼栋号?|栋号|房号|房间号|单元号?"
         r"|小区(?:的)?(?:名字|名称|名)?|楼层|几栋几单元)")
# Said missing (漏了, 没写, 忘了写): the part named before a word of adding.
_MISSING = r"(?:漏了|漏写了|没写|没有写|没写上|忘了写|忘写了|少了|少写了|没填|没有填|忘了填|落了|丢了)?"
_ADD = (r"(?:后面|最后|末尾|结尾|里|上)?(?:再|帮我|给我|麻烦)?"
        r"(?:加上|加个|加一下|加一个|加|补上|补充一下|补充|补个|补一下|添上|添加|添个|填上|写上)(?:一下)?")
_ADDED = re.compile(rf"^(?:(?:帮我|麻烦|那个|哦|对了)?{_PART}{_MISSING}[，,\s]*)?(?:{_PART})?{_ADD}[:：]?\s*"
                    rf"(?:{_PART})?"
                    r"[:：，,\s]*(?P<added>[\u4e00-\u9fa5A-Za-z\d-]{1,24}?)[吧哈呀啊。.!！~～\s]*$")
# A house number: building, unit, room (8栋302, 3单元, 12-3, 302室).
_NUM = r"[\dA-Za-z一二三四五六七八九十-]"
HOUSE = re.compile(rf"^{_NUM}+(?:(?:栋|幢|座|号楼|单元|室|层|楼|号|户){_NUM}*)*$")
_HOUSE_WORD = re.compile(r"栋|幢|号楼|单元|室")
_NAME_END = re.compile(r"(?:小区|花园|苑|园|庭|府|城|公寓|大厦|家园|新村|社区|广场|公馆|湾|里|村|院|中心)$")
# The building, unit and room a saved address ends with (3栋1单元502).
_TAIL = re.compile(r"(?:[\dA-Za-z一二三四五六七八九十-]+(?:栋|幢|座|号楼|单元|室|层|户)|(?<=[栋幢座元层])\d+)+$")


def said(text: str) -> str | None:
    """The part said to be added to the saved address, or None when the message says no such thing. A part named
    (门牌号, 小区, 地址) must be said, or what is added must be a building, unit or room (加上8栋302) — never
    再加上两袋大米, an order."""
    m = _ADDED.fullmatch(text.strip())
    if m is None:
        return None
    added = m.group("added")
    named = re.search(_PART, m.group()[:m.start("added")]) is not None
    house = HOUSE.fullmatch(added) is not None and (named or _HOUSE_WORD.search(added) is not None)
    if not house and not (named and _NAME_END.search(added) and not re.search(r"\d", added)):
        return None
    return added


def added_to(detail: str, added: str) -> str:
    """The street part of the address with `added` put in: a house number at the end, a name before the house
    number the address ends with."""
    detail = detail.strip()
    if added in detail:
        return detail
    if HOUSE.fullmatch(added):
        return f"{detail}{added}"
    tail = _TAIL.search(detail)
    return f"{detail[:tail.start()]}{added}{tail.group()}" if tail else f"{detail}{added}"
