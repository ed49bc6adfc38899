"""One place word of the address put right (不对不对 是汤塘镇 不是石角镇 / 不是5号 是8号 / 石角镇改成汤塘镇): the word
said wrong is replaced by the one said right in the current address, the rest of it kept. The part may be named by its
level word alone (镇改成汤塘镇, 地址那个村改成王集村, 县应该是英德市): the current address's part of that level is the
word said wrong (found by `placed`)."""
from __future__ import annotations

import re

# A place word: a town, village, street, district, county or house number, said alone (not 固始县的: 的 after it).
_WORD = r"[^\s，,。.!！?？是不的]{1,12}?(?:街道|大道|小区|社区|镇|乡|村|组|路|街|巷|弄|区|县|旗|号)"
# The part named and said wrong first (镇子写错了 / 村名不对 / 门牌号错了): only the words after it change it.
_PART_WRONG = (r"(?:街道|社区|小区|镇|乡|村|组|路|街|县|区|旗|门牌号?|地址)(?:子|名|名字|的名字)?"
               r"(?:[打写填输弄整搞记说]?错(?:了|啦)|不对)")
_BEFORE = (r"(?:(?:" + _PART_WRONG + r"|不对|错了|搞错了|写错了|说错了|弄错了|打错了|填错了|地址|镇名|乡镇|那个"
           r"|哦|噢|啊|呃|嗯|的"
           r"|(?:收货|收件|寄送|邮寄)(?:地址)?|地址(?:里|上|中)"  # 收货的镇改成汤塘镇, 地址里的村改成王集村
           r"|我?刚才?(?:下的|买的)?(?:那|这)?[一个]?单(?:子)?|(?:那|这)[一个]?单(?:子)?"
           # 地址镇改一下，石角镇改汤塘镇 / 改个镇，…: the change announced, then said
           r"|(?:镇|乡|村|街道|路)?名?(?:要|得|需要)?(?:改一下|改下|改个(?:镇|乡|村|地方)?|换一下|换个(?:镇|乡|村)?))"
           r"[，,。\s!！]*)*")
_AFTER = r"[。.!！~～]*"
_SWAPS = (
    re.compile(rf"(?P<before>{_BEFORE})(?:是|应该是|应为)\s*(?P<new>{_WORD})[，,\s]*(?:不是|而不是)\s*(?P<old>{_WORD}){_AFTER}"),
    re.compile(rf"(?P<before>{_BEFORE})(?:不是)\s*(?P<old>{_WORD})[，,\s]*(?:是|而是|应该是|应为)\s*(?P<new>{_WORD}){_AFTER}"),
    re.compile(rf"(?P<before>{_BEFORE})(?P<old>{_WORD})\s*(?:改成|改为|换成|应该是|应为|改)\s*(?P<new>{_WORD}){_AFTER}"),
)
# A level word: what kind of place a part of the address is (镇改成汤塘镇: the town).
LEVELS = ("街道", "社区", "小区", "大道", "镇", "乡", "村", "组", "县", "区", "旗", "市", "路", "街")
_LEVEL = "|".join(LEVELS)
_TO = "改成|改为|换成|应该是|应为|是"
_LEVEL_SWAP = re.compile(
    rf"(?P<before>{_BEFORE})(?:把)?(?:那个|这个)?(?:乡(?=镇))?(?P<old>{_LEVEL})(?:子|的?名字?|名称)?\s*"
    # 镇写错了 是老头沟镇 / 镇子写错了 汤塘镇: said wrong, then the new one
    rf"(?:(?:[打写填输弄整搞记说]?错(?:了|啦)|不对)[，,。\s]*(?:{_TO})?|{_TO})\s*(?!哪|什么|啥|几|多少)(?P<new>[^\s，,。.!！是不的]{{1,10}}?(?:{_LEVEL})?){_AFTER}")

# A question about the place (这个县是贫困县吗, 那个镇是哪个市的): no part of the address is put right.
_ASKED = re.compile(r"[吗嘛么呢？?]\s*$|是不是|是否|贫困|扶贫|脱贫|重点县")


def said(text: str) -> tuple[str, tuple[str, str]] | None:
    """(what was said before, (the word said wrong, the word said right)) when the message only puts one place word
    right; what was said before may name the order meant (刚才那单)."""
    m = None if _ASKED.search(text) else _LEVEL_SWAP.fullmatch(text.strip())  # not 这个县是贫困县吗: asked
    if m is not None:  # 地址那个镇改成汤塘镇: the level alone, never a word 那个镇
        level, new = m.group("old"), m.group("new")
        return m.group("before"), (level, new if new.endswith(LEVELS) else new + level)
    for pattern in _SWAPS:
        m = pattern.fullmatch(text.strip())
        if m is not None and m.group("old") != m.group("new"):
            return m.group("before"), (m.group("old"), m.group("new"))
    return None


# The parts of an address line in order, each ending in its level word (石角镇 / XX路 / 8号).
_PARTS = re.compile(rf".+?(?:{_LEVEL}|号|栋|单元|室|$)")


def placed(swap: tuple[str, str], regions: list[str], detail: str) -> tuple[str, str] | None:
    """(the current address's part of the level said, the new word) for a swap naming a level alone (镇 → 汤塘镇:
    石角镇 → 汤塘镇); the swap as it was when it names a word; None when the address has no part of that level. The
    county, city or province is the one of the region (the most precise first), a town, village or street the first
    of the detail."""
    level, new = swap
    if level not in LEVELS:
        return swap
    parts = [p for p in reversed(regions) if p] + [p for p in _PARTS.findall(detail) if p]
    part = next((p for p in parts if p.endswith(level) and p != level), None)
    return (part, new) if part is not None and part != new else None
