"""A catalogue word that is only some products' tag (食堂 and 单位 on a 10kg rice bag, 母亲节 on strawberries) said
beside a word that names products (大米): it says what the goods are for, never another kind of thing.

大米100斤 公司食堂 / 公司食堂用的大米 read 公司 glued before the tag 食堂 as another kind of 食堂 (没有找到「公司食堂」,
the rice dropped). Alone (三只松鼠坚果 with 坚果 only a tag) the glued words still name another thing.

So with an occasion beside goods (鸡蛋来两盒 母亲节送妈妈): it prefers the goods tagged with it and brings in none.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot import qualities

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Vocabulary


def beside_a_name(known: list[str], vocab: Vocabulary) -> set[str]:
    """Of the catalogue words said, those only in products' tags, when another of them is in a product's name or
    alias and some product holds both (大米 in the name, 食堂 in the tags of 鄱阳湖大米 10kg); empty otherwise."""
    named = {w for w in known if len(w) >= 2 and _in_names(w, vocab)}
    if not named:
        return set()
    return {w for w in known if w not in named and len(w) >= 2 and not _in_names(w, vocab)
            and any(w in k.tags for k in vocab.products.values())
            and any(vocab.held_together(n, w) for n in named)}


def _in_names(word: str, vocab: Vocabulary) -> bool:
    """In a product's name or alias: goods called so (a category, 休闲零食, names a kind, not the goods: 卫龙辣条 网红
    零食 still asks for another maker's 辣条, a tag of the shop's 豆干)."""
    return any(word in k.name or any(word in a for a in k.aliases) for k in vocab.products.values())


def occasions_apart(u: Understanding, vocab: Vocabulary) -> None:
    """鸡蛋来两盒 母亲节送妈妈, 蜂蜜两瓶 中秋送人: an occasion said beside goods named (bot.qualities.OCCASIONS) only
    prefers the goods tagged with it, like a quality (u.qualities): it is no longer looked up, so it never brings in
    goods of its own (the strawberries tagged 母亲节 ordered for 鸡蛋). Left a word to look up: the occasion alone
    (母亲节有什么: its tagged goods answer) or held by a product with the goods word (端午礼盒: 粽子 tagged both)."""
    occasions = [w for w in u.product_words if w in qualities.OCCASIONS]
    goods = [w for w in u.product_words if w not in occasions]
    if not occasions or not goods or any(vocab.held_together(o, g) for o in occasions for g in goods):
        return
    u.product_words, u.qualities = goods, [*u.qualities, *occasions]
    u.product_text = " ".join(t for t in u.product_text.split() if t not in occasions)
