"""Babble: a sound repeated (阿巴阿巴, 咿呀咿呀) and keys struck along a row (qwerty, asdf), alone or together
(阿巴阿巴 qwerty). Nothing is asked, so the message is fallback (没太明白 with what can be said), never a search for
「阿巴 阿巴 qwerty」. A catalogue word said twice (苹果苹果) names goods and is left alone, and so is a yes said
twice (嗯嗯, 好好) or laughter, which other readers take before this one.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.latin_goods import mashed

if TYPE_CHECKING:
    from bot.understanding import Understanding

_RUN = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z]+|\d+")
_REPEATED = re.compile(r"(.{1,2})\1+")
_MARKS = re.compile(r"[\s，,。.!！?？~～…、]+")


def said_nothing(raw: str) -> bool:
    """阿巴阿巴 qwerty / 咿呀咿呀 / asdf jkl: every run is a sound repeated or keys struck, nothing else said."""
    text = _MARKS.sub(" ", raw).strip()
    runs = _RUN.findall(text)
    if not runs or "".join(runs) != text.replace(" ", ""):
        return False
    chinese = [r for r in runs if re.fullmatch(r"[\u4e00-\u9fff]+", r)]
    return bool(chinese) and all(
        (_REPEATED.fullmatch(r) is not None and len(r) >= 4) if r in chinese else
        r.isalpha() and mashed(r.lower()) for r in runs)


def revise(u: Understanding) -> None:
    """A search of babble (阿巴阿巴 qwerty) is fallback, nothing looked up."""
    if u.intent in ("search", "order") and not u.product_words and u.origin is None and said_nothing(u.raw):
        u.intent, u.product_text, u.foreign, u.instead, u.unrelated = "fallback", "", "", "", ""
        u.quantity, u.quantities = None, []
