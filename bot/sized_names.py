"""A size, a pack word and a one-character food word glued together with no count before them name one thing (小罐茶,
大碗茶, 大盘鸡): a brand or a dish, not a size of the shop's goods. The shop does not sell it; the food word's products
are only alternatives (没有找到「小罐茶」, the teas listed under it).

A pack word counts or describes only with a number before it (来一罐茶, 茶叶来两罐, 来一小罐茶, 两大袋米) or with 的
after the size (小罐的茶): those stay the goods. A food word of two characters or more after the pack (小瓶蜂蜜, 大袋
大米) says which pack of goods the shop does sell, and stays a search of them.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding

_SIZED = re.compile(r"(?<![一二两三四五六七八九十几半俩仨\d.])[小大][罐瓶袋盒包箱桶杯碗盘听壶]"
                    r"(?!装)(?P<head>[\u4e00-\u9fff])")  # 小盒装: the pack word's own 装


def named(u: Understanding, known: list[str]) -> tuple[str, str] | None:
    """(小罐茶, 茶) when the message names such a thing with a catalogue word of one character known, else None."""
    heads = {w for w in known if len(w) == 1}
    for m in _SIZED.finditer(u.text):
        head = m.group("head")
        if head in heads and not _goes_on(u, m.end()):
            return m.group(), head
    return None


def _goes_on(u: Understanding, end: int) -> bool:
    """The food word runs on into a longer word said (小罐茶叶 is tea leaves in a small tin: a pack of goods)."""
    return any(len(w) > 1 and u.text.startswith(w, end - 1) for w in u.product_words)
