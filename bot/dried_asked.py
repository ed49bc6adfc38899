"""有红薯干吗 / 狗狗能吃牛肉干嘛: 干 (dried) after a food word of the catalogue is cut with the question's 吗 into 干吗
("why", a word of the language), so the food was read as 红薯 and the question as part of what was asked (没有找到
「红薯干吗」). Ending the message after such a word, it is the food's 干 and the question's 吗: 红薯干 吗."""
from __future__ import annotations

import re
from collections.abc import Callable

_DRIED_ASKED = re.compile(r"(?<=[\u4e00-\u9fff])干(?=[吗嘛][\s?？!！~～。.]*$)")
_LONGEST = 4  # characters of the food word before 干


def apart(message: str, knows: Callable[[str], bool]) -> str:
    """有红薯干吗 → 有红薯干 吗 when 红薯 is a catalogue word (你们在干吗 stays)."""
    m = _DRIED_ASKED.search(message)
    if m is None:
        return message
    before = message[:m.start()]
    if not any(knows(before[-n:]) for n in range(2, min(_LONGEST, len(before)) + 1)):
        return message
    return f"{message[:m.end()]} {message[m.end():]}"
