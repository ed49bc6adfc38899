"""A brand of packaged snacks or gifts said before a generic goods word names that brand's goods: 良品铺子年货礼盒,
百草味 坚果大礼包, 来伊份 零食礼包, 旺旺大礼包, 徐福记糖果 → 没有找到「良品铺子年货礼盒」, never our gift boxes or
nuts listed as matches (they may be shown under it as other goods), never a draft.

A brand is a word glued before the generic word (礼盒, 大礼包, 礼包, 零食, 坚果, 糖果), or said as the clause just
before it, that the catalogue does not account for: no catalogue word, place, quality, occasion (年货, 过年), whom it
is for (老人, 孩子), cue word (来, 买), amount or measure. 核桃礼盒, 红枣礼盒, 年货礼盒, 买个坚果礼盒, 送长辈的零食
礼包 name no brand and keep their reading.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot import lexicon, qualities
from bot.phrasing import PURPOSES
from bot.recipients import PEOPLE

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Vocabulary

# Generic goods words a snack or gift brand sells under (the longest first: 大礼包 before 礼包).
GENERIC = ("年货礼盒", "大礼包", "礼包", "礼盒", "零食", "坚果", "糖果", "点心", "饼干")
_GENERIC = re.compile("|".join(GENERIC))
# Whom, where and why (老人, 办公室, 过年): the goods are for them, no brand.
_FOR = frozenset({*PEOPLE, *PURPOSES, *qualities.OCCASIONS, "东西", "公司", "单位", "学校", "企业", "山货", "特产",
                  "土特产", "干货", "土货", "农产品", "农副产品", "地方",
                  "老人", "小孩", "孩子", "儿童", "宝宝", "员工", "客户",
                  "办公室", "宿舍", "家里", "追剧", "解馋", "休闲", "送人", "自己", "进口", "国产", "网红", "健康",
                  "混合", "每日", "什锦", "综合", "儿童节", "春节", "新年", "高端", "平价", "便宜", "好吃"})
# A verb of choosing or getting, alone or with 点 / 些 (给外孙挑点零食, 选些礼盒): the goods start after it.
_PICKING = re.compile(r"[挑选买来带拿整弄搞找看送给要订配装][点些个]?|挑选|选购|采购|准备|搭配")
# jieba's tags of words that say what the goods are like or when (精美, 高档, 定制, 进口, 新年): no brand's name.
_SAYS_WHAT_LIKE = frozenset({"a", "ad", "an", "b", "d", "v", "vd", "vn", "z", "t"})
_COUNTED = re.compile(r"^(?:[\d.]+|[一二两三四五六七八九十百千几半俩仨]+)?(?:个|份|盒|箱|袋|包|套|件|些|点|款|种)?$")


def or_brand(found: tuple[str, str], u: Understanding, vocab: Vocabulary) -> tuple[str, str]:
    """`found` (a thing said apart, bot.said_apart) when it names one, else a snack brand's goods (`named`)."""
    from bot.product_words import CUE_WORDS, cueish  # which reads this module: imported when first asked

    return found if found[0] else named(u, vocab, lambda w: w in CUE_WORDS or cueish(w))


def named(u: Understanding, vocab: Vocabulary, cue: Callable[[str], bool]) -> tuple[str, str]:
    """(the brand's goods as said, the generic word when the catalogue sells that kind: its goods are shown as
    others) or ("", "") when no brand is said (see the module); `cue`: whether a word is a cue word (bot.product_words).
    A buying word only inside the brand (来伊份) is no buying: it is dropped from the cues."""
    clauses = u.spaced.split()
    for i, clause in enumerate(clauses):
        m = _GENERIC.search(clause)
        if m is None:
            continue
        before = clause[:m.start()]
        start = i
        if not before and i > 0:
            before, start = clauses[i - 1], i - 1  # 百草味 坚果大礼包: the brand said just before
            while start > 0 and vocab.knows(clauses[start]):  # 好想你 红枣 灰枣 礼盒: the brand's foods said between
                start -= 1
            before = clauses[start] if start < i - 1 and not vocab.knows(clauses[start]) else before
            start = start if before == clauses[start] else i - 1
        brand = _brand(before, vocab, cue)
        if not brand:
            return "", ""
        said = " ".join([*clauses[start:i], clause[:m.end()]])
        said = said[said.find(brand):] if brand in said else said
        rest = u.spaced.replace(said, " ")
        if not any(w in rest.replace(" ", "") for w in lexicon.BUY if w):
            u.cues -= {"buy", "strong_buy"}  # 来伊份 零食礼包: 来 is the brand's, nothing is bought
        generic = m.group()
        kind = clauses[start + 1] if start < i - 1 else generic if vocab.knows(generic) else ""  # 好想你 红枣: dates
        return said, kind
    return "", ""


def _brand(before: str, vocab: Vocabulary, cue: Callable[[str], bool]) -> str:
    """The brand in the words glued before a generic goods word (after the last cue word, amount or phrase with 的):
    from the first word the catalogue does not account for to the end; empty when every word is accounted for
    (see the module). 那来一个杂粮礼盒: 一个 ends the words looked at, 杂粮 is a word of our names."""
    if not re.fullmatch(r"[\u4e00-\u9fffa-z]{2,12}", before):
        return ""
    if vocab.heard_as(before) is not None:
        return ""  # 迷猴桃礼盒: a catalogue word mistyped (猕猴桃), no brand
    words = vocab.tokenizer.jieba.lcut(before)
    at = len(words)
    while at > 0 and not _boundary(words[at - 1], cue):
        at -= 1
    for k in range(at, len(words)):
        word = words[k]
        if _accounted(word, vocab, cue):
            continue
        if k > 0 and k == at and len(words[k - 1]) == 1 and cue(words[k - 1]) \
                and not vocab.tokenizer.jieba.FREQ.get(word):
            k -= 1  # 来 伊份: the one-character cue begins the brand the dictionary does not hold (来伊份)
        rest = "".join(words[k:])
        if len(rest) < 2 or (all(_accounted(w, vocab, cue) for w in words[k + 1:]) and len(word) < 2):
            return ""  # a stray character, no brand
        return rest
    return ""


def _boundary(word: str, cue: Callable[[str], bool]) -> bool:
    """Where the words naming the goods start: after a cue word (买, 来), an amount (一个, 两盒), 的 (送长辈的) or a
    verb of choosing (挑点)."""
    return cue(word) or word.endswith("的") or any(p.fullmatch(word) is not None for p in (_COUNTED, _PICKING))


def _accounted(word: str, vocab: Vocabulary, cue: Callable[[str], bool]) -> bool:
    """A word the catalogue or the request accounts for: a catalogue word, place, quality, occasion, whom it is for,
    a cue word, an amount (年货, 送长辈的, 买个, 两盒)."""
    return (cue(word) or word in _FOR or word in vocab.regions
            or word in lexicon.PLAIN_MODIFIERS or qualities.is_description(word) or vocab.knows(word)
            or (len(word) >= 2 and word in vocab.names_text)  # 杂粮 of 杂粮礼盒: a word of our own names
            or vocab.word_tags.get(word) in _SAYS_WHAT_LIKE
            or _COUNTED.fullmatch(word) is not None or word.endswith("的") or word in "的之")
