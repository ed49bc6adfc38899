"""A product the shop lists but cannot sell now, asked for by the words of its name (苹果礼盒有吗, 来一盒苹果礼盒, 静宁
苹果礼盒多少钱, 银杏果有吗: 静宁苹果 礼盒 and 南雄银杏果 are past their certificate's term). When every product word
said is held by such a product (its name, aliases or tags) and by no product that can be sold, that product is the
one asked for: it is refused by name, and the alternatives are the sellable products of the same thing (the apples;
the place's own first), never whatever else shares only the form word (the 红枣 and 木耳 gift boxes) — and no
alternatives at all when the shop sells no such thing.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from bot import lexicon

_SHOWN = 5  # alternatives listed under the refusal, as for a product refused by its full name (products.alternatives)

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Known, Vocabulary


def refused(u: Understanding, vocab: Vocabulary, cards: Mapping[str, dict[str, Any]]
            ) -> tuple[Known, list[dict[str, Any]]] | None:
    """(the product that cannot be sold, the alternatives, best first) or None. `cards`: the sellable products."""
    words = [w for w in u.product_words if w.strip()]
    if not any(len(w) >= 2 for w in words):
        return None
    held = []
    for k, text in vocab.product_texts:
        if all(w in text for w in words):
            if k.sellable:
                return None  # one of the products the words name may be sold: nothing refused
            held.append(k)
    if not held:
        return None
    gone = held[0]
    things = [w for w in words if len(w) >= 2 and w not in lexicon.PLAIN_MODIFIERS]
    alike = [cards[k.sku] for k, text in vocab.product_texts
             if k.sku in cards and things and any(t in text for t in things)]
    alike.sort(key=lambda c: c["origin"].get("county") != gone.county)  # 静宁苹果 礼盒 → the 静宁 apples first
    return gone, alike[:_SHOWN]



def of_the_thing(found: list[tuple[dict[str, Any], int]], words: list[str], vocab: Vocabulary, search: Any
                 ) -> list[tuple[dict[str, Any], int]]:
    """A plain quality said with a thing (有没有散养的土鸡, 野生蜂蜜): the products found are the thing's — a product
    matched by the quality alone (the eggs tagged 散养, whose 土鸡 is only the start of 土鸡蛋) is none, as a tag is
    no name. With no quality said, or no thing, the products found stay as they were."""
    things = [w for w in words if len(w) >= 2 and w not in lexicon.PLAIN_MODIFIERS]
    if not things or len(things) == len(words):
        return found
    from bot.products import _only_as_modifier  # the same reading of a word inside a longer one

    named, _ = search.matches(" ".join(things), limit=10_000)
    skus = {c["sku"] for c, _ in named}
    return [(c, hits) for c, hits in found if c["sku"] in skus and not _only_as_modifier(c, things, vocab)]
