"""A shopping list pasted one item a line: every line that names goods is an item of its own.

    帮我下这些：
    百色芒果10斤 1箱
    城口老腊肉1kg 2袋
    腊肉 2斤

is three items (the mangoes, the bacon of 城口, some 腊肉 asked about after the others are drafted), the first line
(帮我下这些) only the request around them. The reader drops the line breaks (`Understanding.raw` keeps printable
characters only), so the list was read as one glued item (1箱城口老腊肉1kg…) and only one line was drafted.

A line that names no goods goes with the line before it when it only counts or sizes (百色芒果10斤 / 1箱);
before any goods, or when it names nothing counted (谢谢 / 就这些), it is said around the list and left out; a line
counting a thing the shop does not sell (茅台 2瓶) is a line too, said not found. A line naming several items
(苹果两箱 梨一箱) is cut as a message would be (bot.several_items.split_items). It is a list only when at least
two lines name goods and one of them carries a count or an amount; otherwise the message is read as before.
A 接龙 list (接龙 / 1.王 红枣1kg×2 / 2.李 红枣1kg×1) is bot.group_counts' to read: the goods of several people summed.
"""
from __future__ import annotations

import re

from bot.group_counts import relay_list
from bot.several_items import split_items
from bot.understanding import Understanding, understand
from bot.vocabulary import Vocabulary

_BREAK = re.compile(r"[\r\n\u2028\u2029]+")
_BULLET = re.compile(r"^\s*(?:\d{1,2}[.、)）]|[-*•·●]|[①-⑳])\s*")  # 1. / 2、 / - / • before an item


def lines(said: str, vocab: Vocabulary) -> list[Understanding]:
    """One understanding per item of a list pasted one item a line, or [] when the message is not such a list."""
    joined = " ".join(row.strip() for row in _BREAK.split(said))
    if "接龙" in said and relay_list(joined, vocab.words) != joined:
        return []  # 接龙 1.王 红枣1kg×2 2.李 红枣1kg×1: one count per goods, summed
    rows = [_BULLET.sub("", row).strip() for row in _BREAK.split(said)]
    pieces: list[str] = []
    for row in (r for r in rows if r):
        part = understand(row, vocab)
        if part.product_words or part.foreign:
            pieces.append(row)
        elif pieces and (part.quantities or part.specs) and not part.product_text.strip():
            pieces[-1] = f"{pieces[-1]} {row}"  # 百色芒果10斤 / 1箱: the box is the mangoes'
        elif part.quantity is not None and part.product_text.strip() and part.intent in ("order", "search"):
            pieces.append(row)  # 茅台 2瓶: a line of its own, said not found, the others still drafted
    if len(pieces) < 2:
        return []
    parts = [understand(piece, vocab) for piece in pieces]
    if not any(part.quantity is not None for part in parts):
        return []
    items = [item for part in parts for item in split_items(part, vocab)]
    for item in items:  # 1.王 红枣1kg×2 / 2.李 红枣1kg×1: the same goods on two lines are more of them, summed
        item.cues.add("add")
    return items
