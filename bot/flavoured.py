"""A thing said with a flavour (红枣味饮料, 蜂蜜味的饮料, 红枣口味的酸奶, 苹果味汽水, 草莓味饮料): the word before 味
only says what it tastes of; the thing asked for is the goods word after it. When no product holds the flavour
and the goods together (刺梨味饮料 is the shop's 刺梨 drink; 沂蒙山煎饼 小米味 is sold so), the shop does not sell it:
没有找到「红枣味饮料」, never the dates nor another drink offered or drafted as a match. The goods word's own products
are listed under it only when they are a fair substitute (bot.fair_substitutes: a shelf such as 饮料 lists nothing).

What it tastes like asked (核桃味道怎么样, 什么味的饮料) or a flavour said alone (红枣味的 来两袋) is no thing named.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Vocabulary

# 味 between two words, with 口 before it or 的 after it (红枣口味的酸奶); 味道 asks how it tastes.
_FLAVOUR = re.compile(r"(?<=[\u4e00-\u9fff])(?:口味|味儿|味)(?!道)(?:的)?(?=[\u4e00-\u9fff]{2})")
# Words before 味 that ask or say no flavour (什么味, 原味, 各种口味).
_NO_FLAVOUR = ("什么", "啥", "哪种", "哪个", "这种", "那种", "这个", "那个", "其他", "别的", "各种", "多种", "不同",
               "原", "本", "口", "有")
_NOUN_TAGS = ("n", "nr", "nz", "ng")


def named(u: Understanding, vocab: Vocabulary) -> tuple[str, str] | None:
    """(the flavoured thing as said, the goods word when the catalogue knows it) when the message names goods of a
    flavour no product has (see the module), else None."""
    from bot.product_words import CUE_WORDS, cueish  # which reads this module: imported when first asked

    for m in _FLAVOUR.finditer(u.spaced):
        taste = _taste(u.spaced[:m.start()], vocab)
        after = vocab.tokenizer.cut(u.spaced[m.end():])
        goods = after[0] if after else ""
        if not taste or len(goods) < 2 or goods in CUE_WORDS or cueish(goods) or not _goods_word(goods, vocab):
            continue
        if vocab.held_together(taste, goods, category=True):
            return None  # 刺梨味饮料: the shop's drink tastes of 刺梨
        return taste + u.spaced[m.start():m.end()] + goods, goods if vocab.knows(goods) else ""
    return None


def _taste(before: str, vocab: Vocabulary) -> str:
    """The flavour word right before 味: the longest catalogue word ending there, else the last word said."""
    run = re.search(r"[\u4e00-\u9fff]+$", before)
    if run is None:
        return ""
    text = run.group()
    known = next((text[i:] for i in range(max(0, len(text) - 6), len(text) - 1) if vocab.knows(text[i:])), "")
    words = vocab.tokenizer.cut(text)
    said = known or (words[-1] if words else "")
    return "" if len(said) < 2 or said.endswith(_NO_FLAVOUR) else said


def _goods_word(word: str, vocab: Vocabulary) -> bool:
    """A word naming goods: the catalogue's, or a noun of the language (酸奶, 汽水, 薯片)."""
    return vocab.knows(word) or vocab.word_tags.get(word, "") in _NOUN_TAGS
