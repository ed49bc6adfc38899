"""One place word of the address put right (不对不对 是汤塘镇 不是石角镇 / 不是5号 是8号 / 石角镇改成汤塘镇): the word
said wrong is replaced by the one said right in the current address, the rest of it kept."""
from __future__ import annotations

import re

# A place word: a town, village, street, district, county or house number, said alone (not 固始县的: 的 after it).
_WORD = r"[^\s，,。.!！?？是不的]{1,12}?(?:街道|大道|小区|社区|镇|乡|村|组|路|街|巷|弄|区|县|旗|号)"
_BEFORE = (r"(?:(?:不对|错了|搞错了|写错了|说错了|弄错了|打错了|填错了|地址|镇名|乡镇|那个|哦|噢|啊|呃|嗯|的"
           r"|我?刚才?(?:下的|买的)?(?:那|这)?[一个]?单(?:子)?|(?:那|这)[一个]?单(?:子)?)[，,。\s!！]*)*")
_AFTER = r"[。.!！~～]*"
_SWAPS = (
    re.compile(rf"(?P<before>{_BEFORE})(?:是|应该是|应为)\s*(?P<new>{_WORD})[，,\s]*(?:不是|而不是)\s*(?P<old>{_WORD}){_AFTER}"),
    re.compile(rf"(?P<before>{_BEFORE})(?:不是)\s*(?P<old>{_WORD})[，,\s]*(?:是|而是|应该是|应为)\s*(?P<new>{_WORD}){_AFTER}"),
    re.compile(rf"(?P<before>{_BEFORE})(?P<old>{_WORD})\s*(?:改成|改为|换成|应该是|应为)\s*(?P<new>{_WORD}){_AFTER}"),
)


def said(text: str) -> tuple[str, tuple[str, str]] | None:
    """(what was said before, (the word said wrong, the word said right)) when the message only puts one place word
    right; what was said before may name the order meant (刚才那单)."""
    for pattern in _SWAPS:
        m = pattern.fullmatch(text.strip())
        if m is not None and m.group("old") != m.group("new"):
            return m.group("before"), (m.group("old"), m.group("new"))
    return None
