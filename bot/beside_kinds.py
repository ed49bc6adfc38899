"""Things the shop does not sell, named beside catalogue words that only say what kind or what state a thing is
(海带 紫菜 干货, 虾皮 鱿鱼丝 干货, 章丘铁锅 手工, 大黄花鱼 冰鲜 整条): none of them is offered as a match.

A category word (干货, 茶叶, 水果: in some product's category, in no product's name), a plain quality (手工, 野生),
a grade or a state of fresh goods (冰鲜, 鲜活, 整只: jieba's dictionary calls it a numeral or an
adjective) names no product; the search would still find every product whose name or category holds it. When the
only catalogue words of a message are such words and a noun of the language the catalogue does not know stands beside
them (海带, 铁锅, 黄花鱼), that noun is what the customer asks for: 没有找到「海带、紫菜」. The category's products are
listed as alternatives (本店有这些干货，不是同一款), never chosen; a quality lists nothing.

`named` returns (the things as the customer said them, the category word whose products are the alternatives) or
("", "").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import kind_clash, lexicon, made_of, phrasing, qualities, recipients
from bot.purposes import USES
from bot.snack_brands import GENERIC

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Vocabulary

# States of fresh goods: how it is kept or cut, never which thing (冰鲜 is in a tag of a chicken here).
_STATES = ("冰鲜", "冷鲜", "鲜活", "冷冻", "速冻", "鲜冻", "现杀", "现宰", "整只", "整条", "整块", "整个", "整颗")
# jieba's parts of speech of words that say how much or what like, not which thing (整只 m, 鲜活 a).
_NOT_NOUNS = frozenset({"m", "mq", "a", "ad", "an", "d", "b", "z", "q"})
# Nouns of the language that name a thing asked for (黄花鱼 and 小龙虾 are nr in jieba's dictionary).
# 龙井 is ns (a place's name used for the tea): a place the catalogue does not know names the thing from there.
_NOUNS = frozenset({"n", "nz", "ng", "nr", "nrt", "nrfg", "ns"})
_CJK_RUN = re.compile("[\u4e00-\u9fff]+")
# Whom the goods are for, said right before the noun (给外孙挑点零食, 送我家闺女): a person, not a thing.
_FOR_SOMEONE = re.compile("(?:给|送|为|替)(?:我|我的|我家|咱|咱家|俺|俺家|他|她)?$")


def named(u: Understanding, kept: list[str], unknown: list[str], vocab: Vocabulary) -> tuple[str, str]:
    clash = kind_clash.named(u, unknown, vocab)  # 大红袍有吗 武夷山的岩茶: a tea asked, the shop's 大红袍 is a pepper
    if clash[0]:
        return clash
    known = [t for t in kept if len(t) >= 2 and vocab.knows(t)]
    if not known or not unknown or vocab.named_products(u.text):
        return "", ""
    if not all(_describes(w, vocab) or _kind_only(w, vocab) or _tag_only(w, vocab) for w in known):
        return "", ""
    things = [t for t in unknown if _a_thing(t, vocab) and not _FOR_SOMEONE.search(u.text.split(t, 1)[0])
              and t not in USES]  # 饭店用的调味品: the restaurant is whom they are for (bot.purposes), no thing
    if not things:
        return "", ""
    said: list[str] = []
    for found in _CJK_RUN.finditer(u.spaced):
        # A character right after a digit is its measure (要30斤泰来的大米: 泰来的大米, never 斤泰来的大米).
        run = found.group()[1:] if u.spaced[:found.start()][-1:].isdigit() else found.group()
        if any(t in run for t in things) and (run := _trimmed(run, things)) not in said:
            said.append(run)
    kind = next((w for w in known if _kind_only(w, vocab)), "")
    return "、".join(said), kind


def _describes(word: str, vocab: Vocabulary) -> bool:
    """手工, 野生, 特级, 冰鲜, 整只: what a thing is like, not which thing."""
    return (word in lexicon.PLAIN_MODIFIERS or word in _STATES  # not qualities.is_description: 大米 reads as 大 + 米
            or (made_of.grade_at(word, vocab) and word not in vocab.kinds_text)
            or (vocab.word_tags.get(word) in _NOT_NOUNS and word not in vocab.names_text))  # 大米 is "m" in jieba


def _kind_only(word: str, vocab: Vocabulary) -> bool:
    """干货, 茶叶, 水果: a word of some product's category that no product's name or alias holds."""
    return word not in vocab.names_text and any(word in k.category for k in vocab.products.values())


def _tag_only(word: str, vocab: Vocabulary) -> bool:
    """辣条 (a tag of a 酱干): a word only of some product's tags, no state (冰鲜) nor a snack brand's generic word
    (坚果, read by bot.snack_brands): 辣条 卫龙 大面筋 asks for a brand's goods, not the shop's 酱干. Nothing of the tag
    is listed for it."""
    return word not in vocab.names_text and word not in _STATES and word not in GENERIC \
        and any(word in k.tags for k in vocab.products.values())


def _a_thing(word: str, vocab: Vocabulary) -> bool:
    """海带, 铁锅, 黄花鱼: a noun of the language, not a person or place the message is for, not an occasion."""
    from bot import things_named  # imported here: things_named reads bot.product_words, which imports this module
    if word in vocab.regions or word in qualities.OCCASIONS or word in phrasing.PURPOSES or word in recipients.PEOPLE \
            or word in lexicon.GENERIC_PRODUCT or qualities.is_description(word):
        return False
    tag = vocab.word_tags.get(word)
    return tag in _NOUNS and (tag != "n" or things_named.is_thing(word, vocab.word_tags))


def _trimmed(run: str, things: list[str]) -> str:
    """The run of the message holding a thing, without cue words at its ends (有海带吗 → 海带)."""
    from bot import honesty
    cut = honesty.echo(run, " ".join(t for t in things if t in run))
    return cut or run
