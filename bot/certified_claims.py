"""A certificate's claim said before a thing (有机牛奶, 有机蔬菜有吗, 绿色大米, 无公害青菜): the customer asks for that
thing certified so. The tag 有机 of one product (洋县黑米) is no name: when no product holding the thing (in its name,
aliases, tags or category) carries the claim too, the shop does not have what was asked for — 没有找到「有机蔬菜」,
with the thing's own products (the vegetables) listed as alternatives when the shop has any, never as a match.
A plain quality (野生, 农家, 散养) is talk, not a certificate, and is left to the search (bot.qualities).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import lexicon

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Known, Vocabulary

# 绿色 is a certificate only glued to the thing or as 绿色食品 (绿色的茶杯 is a colour): 有机 and 无公害 always are.
_CLAIM = re.compile(r"有机|无公害|绿色(?=食品|[\u4e00-\u9fff])(?!的)")


def named(u: Understanding, vocab: Vocabulary) -> tuple[str, str]:
    """(the claim and the thing as said, the thing when the shop sells such things uncertified) or ("", "")."""
    said = _CLAIM.search(u.spaced)
    things = [w for w in u.product_words if len(w) >= 2 and w not in lexicon.PLAIN_MODIFIERS
              and _CLAIM.fullmatch(w) is None and w != "食品" and u.spaced.find(w) > (said.start() if said else -1)]
    if said is None or not things:
        return "", ""
    claim = "绿色" if said.group().startswith("绿色") else said.group()
    holders = [k for k in vocab.products.values() if any(t in text for t in things for text in _texts(k, True))]
    if any(claim in text for k in holders for text in _texts(k, False)):
        return "", ""  # 有机黑米: the shop's black rice is tagged 有机
    last = max(u.spaced.find(t) + len(t) for t in things)
    # the thing's products are the alternatives when named so (大米), not a category holding it (蔬菜水果: plums too)
    named = any(t in text for k in holders for t in things for text in _texts(k, False))
    return u.spaced[said.start():last], things[0] if named else ""


def _texts(known: Known, category: bool) -> tuple[str, ...]:
    return (known.name, *known.aliases, *known.tags, *((known.category,) if category else ()))
