"""Lengths said with a number (网线 5米, 1.8米的床, 30厘米): N米 is metres, the size of some other thing, never rice."""
from __future__ import annotations

import re
from collections.abc import Callable

from bot.numerals import NUM

_LENGTH = re.compile(rf"{NUM}\s*(?:厘米|公分|毫米|米)")


def found(text: str, knows: Callable[[str], bool]) -> list[tuple[str, tuple[int, int]]]:
    """Each length in the text with its span, unless its 米 begins a catalogue word there (5米粉 with 米粉 sold:
    `knows` tells the catalogue's words)."""
    out = []
    for m in _LENGTH.finditer(text):
        following = text[m.end() - 1:m.end() + 1]
        if len(following) == 2 and knows(following):
            continue
        out.append((m.group(), m.span()))
    return out
