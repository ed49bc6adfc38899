"""Which one is wanted, said apart from the thing (有没有车厘子 想吃智利的, 坚果推荐 三只松鼠那种, 苹果 新西兰的那种): a
clause holding no catalogue word that only names a place or a brand with 的 or 那种 says the thing is that place's
or that brand's, as 智利车厘子 or 三只松鼠坚果 glued together would (bot.product_words._glued_before). When the shop's
products of the thing are none of it, that is what the shop does not have: 没有找到「智利车厘子」, the thing's own
products listed as alternatives, never as a match and never ordered.

The name must be a proper noun (智利, 新西兰: jieba tags it a place or a name) or a name no dictionary holds (三只松鼠:
a count may lead it), that the catalogue does not account for:
no catalogue word, origin, plain quality, occasion or person (要东北的 is the rice tagged 东北大米; 想吃甜的, 要便宜的,
老人吃的, 送礼的 say what it is like or whom it is for).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import lexicon, qualities
from bot.recipients import PEOPLE

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Vocabulary

_CLAUSES = re.compile(r"[\s,，。.!！?？;；、~～]+")
_FRAME = re.compile(r"^(?:我|就|最好|还是)?(?:想吃|想要|想买|要|买|爱吃|喜欢|只要|只吃|最好是|是)?"
                    r"(?P<x>[\u4e00-\u9fff]{2,8}?)(?:产|出产|产地|牌子|品牌|家)?"
                    r"(?:的那种|的那款|的这种|那种|那款|这种|那样的|牌子的|的)"
                    r"(?:吗|呢|吧|啊|呀|哦|就行|就好|有吗|有没有|有不|有么|还有吗)?$")
_COUNTED = re.compile("^[一二两三四五六七八九十百千万0-9]+[个只]")
_PROPER = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt"})  # jieba's tags of places and names


def named(u: Understanding, vocab: Vocabulary) -> tuple[str, str]:
    """(the name and the thing as one, the thing) or ("", "")."""
    things = sorted((w for w in u.product_words if len(w) >= 2 and w not in lexicon.PLAIN_MODIFIERS),
                    key=len, reverse=True)
    if not things:
        return "", ""
    for clause in _CLAUSES.split(u.spaced):
        m = _FRAME.match(clause)
        name = m.group("x") if m is not None else ""
        if m is not None and _COUNTED.match(name) and vocab.knows(_COUNTED.sub("", name)):
            return _counted(u, name), _COUNTED.sub("", name)  # 想要核桃 六个核桃那种: a brand made of a count
        if m is None or any(w in clause for w in things):
            continue
        if _plain(name, things[0], vocab):
            continue
        return _counted(u, name) + things[0], things[0]
    return "", ""


def _counted(u: Understanding, name: str) -> str:
    """The name, its count (三只 of 三只松鼠, 六个 of 六个核桃) no longer read as a quantity."""
    said = u.text.find(name)
    u.quantities = [q for q in u.quantities if not said <= q.start < said + len(name)]
    u.quantity = u.quantities[0] if u.quantities else None
    return name


def _plain(name: str, thing: str, vocab: Vocabulary) -> bool:
    """The name is the catalogue's (an origin, a tag with the thing: 东北大米) or no name at all (甜, 便宜, 老人吃)."""
    if (name in vocab.regions or name in lexicon.PLAIN_MODIFIERS or name in qualities.OCCASIONS or name in PEOPLE
            or qualities.is_description(name) or (name + thing) in vocab.names_text
            or vocab.held_together(name, thing)
            or any(vocab.knows(name[i:j]) for i in range(len(name) - 1) for j in range(i + 2, len(name) + 1))):
        return True
    bare = _COUNTED.sub("", name)
    nouns = all(vocab.word_tags.get(p, "").startswith("n") for p in vocab.tokenizer.jieba.cut(bare, HMM=False))
    if bare and nouns and (bare != name or (len(bare) >= 3 and not vocab.tokenizer.jieba.FREQ.get(bare))):
        return False  # 三只松鼠, 猫山王: nouns no dictionary holds as one name, or a count leading a noun
    tag = vocab.word_tags.get(bare, "")
    if bare in vocab.places and tag in _PLACE_TAGS:
        return False  # 烟台 (a noun to jieba), 五常 (a time word): a city or county of the country all the same
    return tag not in _PROPER  # 智利, 泰国: a place; 滋润, 不锈钢 are common nouns


# jieba's tags under which a city's or county's short form is still heard as the place (平安, 富裕, 解放, 合作 are
# adjectives and verbs first).
_PLACE_TAGS = frozenset({*_PROPER, "n", "t", ""})
