"""Several products in one order with at most one count each (要一瓶春中宝蜂蜜 还有腊肉, 米脂小米一袋 还要春中宝蜂蜜,
要米脂小米 春中宝蜂蜜两瓶, 要一袋米脂小米 两瓶秦岭土蜂蜜 500g): each is a line of its own, the uncounted ones asked
about in turn. Read as one item (bot.several_items.split_items wants two counts, each piece naming goods), the other
product was lost from the draft (the millet summed up alone and placed without the honey) or took the other's count.

The message is cut at joining words (还有, 还要, 以及, 再要, 和 …), spaces and commas, a piece of only a size or a
count going with the piece before it (秦岭土蜂蜜 500g). It is several items only when every piece names a product
and no two pieces can be the same product (their candidates are apart): 春中宝 蜂蜜来一瓶 (the brand, then its
honey), 大米 延寿的 and 静宁苹果 礼盒 each stay one item; so does a question (还有礼盒装的吗).
"""
from __future__ import annotations

import re

from bot import qualities
from bot.asides import aside
from bot.products import resolve
from bot.understanding import Understanding, understand
from bot.vocabulary import Vocabulary, normalize
from models.search.catalog_search import CatalogSearch

_JOINED = re.compile(r"(?:还有|还要|还来|还买|也要|也来|以及|外加|另外|再加|加上|再要|再来|再买|和|跟|、"
                     r"|[\s,，;；。])+")
_QUESTION = re.compile(r"[吗么呢?？]")


def items(u: Understanding, vocab: Vocabulary, search: CatalogSearch) -> list[Understanding]:
    """One understanding per product named (see the module), or [] when the message is one item."""
    if _QUESTION.search(u.raw):
        return []
    pieces: list[str] = []
    for piece in (p for p in _JOINED.split(normalize(u.raw)) if p):
        said = understand(piece, vocab)
        if aside(said):  # 送礼 土鸡蛋30枚装的 / 谢谢: said around the items, as among counted ones (bot/asides.py)
            continue
        if said.product_words and set(said.product_words) <= qualities.OCCASIONS:  # 中秋两盒: the occasion's goods
            return []
        if any(len(word) >= 2 for word in said.product_words):  # 政和寿眉: 政 (of the brand 和政) is no goods
            pieces.append(piece)
        elif pieces and (said.quantities or said.specs):  # 两瓶秦岭土蜂蜜 500g: the size is the honey's
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            return []
    if len(pieces) < 2:
        return []
    parts = [understand(piece, vocab) for piece in pieces]
    seen: set[str] = set()
    for part in parts:
        found = resolve(part, vocab, search)
        skus = {c["sku"] for c in found.candidates} | set(found.family)
        if not skus or found.refused or skus & seen:
            return []
        seen |= skus
    return parts
