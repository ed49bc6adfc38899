"""A kind of goods said beside a product word that the products holding that word are not (大红袍有吗 武夷山的岩茶:
岩茶 asks a tea, and the shop's 大红袍 is a pepper): the thing asked is not sold — 没有找到「…」, the shop's goods of
the kind said only as alternatives, never the pepper offered as a match. Only a word the catalogue does not know,
ending in the kind's own character (茶, 酒), and only when no product holding the word said is of that kind."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Vocabulary

# The last character of a word naming a kind, and what a product's category holds when it is of that kind.
_KINDS = {"茶": "茶", "酒": "酒"}
# What is done with a drink, not a drink (给我爸泡酒, 泡茶喝, 下酒菜, 敬酒): no kind asked.
_DOING = tuple("泡下喝配敬品沏煮冲做用斟倒")


def named(u: Understanding, unknown: list[str], vocab: Vocabulary) -> tuple[str, str]:
    """(the words asked, the kind's word for alternatives) when a kind said clashes (see the module); ("", "")."""
    words = [w for w in u.product_words if len(w) >= 2]
    for token in unknown:
        kind = _KINDS.get(token[-1]) if len(token) >= 2 and not token.startswith(_DOING) else None
        if kind is None or not words:
            continue
        holding = [k for k in vocab.products.values() if any(w in k.name or w in k.aliases for w in words)]
        if holding and not any(kind in k.category for k in holding):
            return " ".join([*words, *unknown]), token[-1]
    return "", ""
