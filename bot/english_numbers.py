"""English numbers spelled out beside Chinese (a twenty-seventh round's kind): five hundred块的爱心卡 要three张.

A number word glued to a Chinese measure or money word has no latin word boundary after it, so it is found by
latin letters around it, not by ``\\b``; compounds (five hundred, a thousand, twenty five, twenty-five) become one
figure: 500块, 3张, 25斤. Single small words (one … ten, a dozen) are read by bot/rewrite.py as before.
"""
from __future__ import annotations

import re

_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000}

_ONE = "|".join(_ONES)
_TEEN = "|".join(_TEENS)
_TEN = "|".join(_TENS)
_UNDER_HUNDRED = rf"(?:(?:{_TEN})(?:[\s-]+(?:{_ONE}))?|{_TEEN}|{_ONE})"
# five hundred, a thousand, two thousand five hundred, twenty-five, fifteen (not a bare one … nine: those stay with
# bot/rewrite.py, which also reads "one 土鸡" as a count of packs)
_COMPOUND = re.compile(
    rf"(?<![A-Za-z])(?:(?:(?:a|an|{_UNDER_HUNDRED})[\s-]+)?(?:hundred|thousand)"
    rf"(?:[\s-]+(?:and[\s-]+)?(?:{_UNDER_HUNDRED}[\s-]+hundred|{_UNDER_HUNDRED}))?"
    rf"|(?:{_TEN})(?:[\s-]+(?:{_ONE}))?|(?!ten)(?:{_TEEN}))(?![A-Za-z])",
    re.IGNORECASE)


def _value(said: str) -> int:
    total, part = 0, 0
    for word in re.split(r"[\s-]+", said.lower()):
        if word in ("a", "an"):
            part = 1
        elif word in _ONES or word in _TEENS or word in _TENS:
            part += {**_ONES, **_TEENS, **_TENS}[word]
        elif word == "hundred":
            part = (part or 1) * 100
        elif word == "thousand":
            total, part = total + (part or 1) * 1000, 0
    return total + part


def as_figures(text: str, marker: str = "") -> str:
    """five hundred块 → 500块, twenty-five斤 → 25斤; text without such a compound is returned as it is. ``marker``
    follows a figure not glued to a Chinese word (twenty 土鸡), for the caller to read as a count of packs."""
    return _COMPOUND.sub(lambda m: str(_value(m.group())) + ("" if _GLUED.match(text, m.end()) else marker), text)


_GLUED = re.compile(r"[\u4e00-\u9fff]")
