"""红枣和核桃各来两袋 / 蜂蜜、大米各一瓶 / 小米跟绿豆每样要一袋: one count said once for each of several products named
before it. The message is read as one item per product, each with that count (bot.several_items.split_items), so no
product of the list is lost and the customer is asked about each in turn."""
from __future__ import annotations

import re

# The word that hands one count to each thing named before it, with a buying verb after it (各来, 每样要, 每种买).
_EACH = re.compile(r"(?:各|每样|每种)(?:都)?(?:来|要|买|拿|订|给我|给|整|搞)?(?:上)?")


def pieces(text: str, separators: re.Pattern[str]) -> list[str]:
    """Each product named before 各 with the count said after it (红枣和核桃各来两袋 → 红枣两袋, 核桃两袋); empty
    when the message is not so (one thing named, or no count after 各)."""
    m = _EACH.search(text)
    if m is None:
        return []
    count = text[m.end():].strip(" ,")
    items = [p for p in separators.split(text[:m.start()]) if p.strip(" ,")]
    if len(items) < 2 or not count:
        return []
    return [f"{item.strip(' ,')}{count}" for item in items]


def same_product(piece: str, before: list[str], counted: bool) -> str:
    """猕猴桃礼盒两盒，再来一箱5斤的: a piece of a message that names no product but another size of one or more of it
    (`counted`: 5斤的, 再来一箱; not a bare count, which may correct the one before; both pieces count packs, so not
    枸杞 500g or 蜂蜜不要500g的 来一瓶1kg的) is of the product named in the piece before it (`before`: that piece's
    product words): the piece said again with the first of them (猕猴桃再来一箱5斤的), or "" when it is not such."""
    return f"{before[0]}{piece}" if counted and before else ""
