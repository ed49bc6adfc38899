"""A question about what sizes there are (大米有哪些规格, 菜籽油有什么规格): every size of the goods named.

Whom the goods are for, said with a word only some products carry as a tag (我们是县医院食堂，大米有哪些规格 / 食堂用，
菜籽油有什么规格: 食堂 tags the 10 kg rice and the 20 L oil), narrowed the list to the tagged ones, so the other sizes
were never shown. Asked what sizes there are, the tag is why, not which: the goods named are looked up without it
(bot/tag_words.beside_a_name says which words are such tags). 大米50斤 食堂用 (an amount) is read elsewhere
(bot/turns/fitting.amount_over_tags).
"""
from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from bot import tag_words
from bot.products import Resolution, resolve

if TYPE_CHECKING:
    from bot.dialogue import Turn

_SIZES = re.compile(r"规格|尺寸|多大|大小|几种|哪几种|几款|什么装|哪些装|几斤装|装的有|多重|分量|份量")


def untagged(turn: Turn, found: Resolution) -> Resolution:
    """The goods named without the tags said beside them, when the message asks what sizes there are; else `found`."""
    u = turn.u
    if not _SIZES.search(u.text):
        return found
    tags = tag_words.beside_a_name(u.product_words, turn.ctx.vocab)
    kept = [w for w in u.product_words if w not in tags]
    if not tags or not kept:
        return found
    text = " ".join(t for t in u.product_text.split() if t not in tags)
    wider = resolve(dataclasses.replace(u, product_words=kept, product_text=text), turn.ctx.vocab, turn.ctx.search)
    return wider if len(wider.candidates) > len(found.candidates) else found
