"""Milk said plainly means cow's milk: 奶粉, 牛奶, 酸奶 asked alone are not the milk of another animal the catalogue
sells (红原牦牛奶粉, a yak's; 羊奶粉, a goat's). When every product holding the dairy word asked names another animal
before its milk, the shop does not sell what was asked: 没有找到「奶粉」, those products only as alternatives, never a
draft. Said with the animal (牦牛奶粉有吗, 羊奶粉) it is that product, as usual.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Vocabulary

# Animals other than the cow whose milk is sold under its own name.
ANIMAL = r"牦牛|水牛|山羊|绵羊|羊|骆驼|驼|驴|马"
_DAIRY = re.compile(r"奶|乳")
_ANIMAL_MILK = re.compile(rf"(?:{ANIMAL})(?:奶|乳)")


def named(u: Understanding, known: list[str], kept: list[str], vocab: Vocabulary) -> tuple[str, str] | None:
    """(奶粉, 奶粉) when the dairy word asked is sold only as another animal's milk, else None."""
    if re.search(ANIMAL, u.text) or any(t.strip() and t not in known for t in kept):
        return None  # 牦牛奶粉, 羊奶: the animal is said; 奶粉、手机壳: other things said too, echoed with it
    for word in known:
        if len(word) < 2 or not _DAIRY.search(word):
            continue
        holding = [k for k in vocab.products.values() if any(word in t for t in (k.name, *k.aliases, *k.tags))]
        if holding and all(_ANIMAL_MILK.search(k.name) for k in holding):
            animals = {m.group() for k in holding if (m := re.search(ANIMAL, k.name))}
            # 本店有这些牦牛奶粉，不是同一款: the animal said (never 本店有这些奶粉 under 没有找到「奶粉」)
            return word, (animals.pop() + word if len(animals) == 1 else word)
    return None
