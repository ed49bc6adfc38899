"""Another thing named by a head noun jieba's dictionary does not know, glued after a catalogue word (橄榄油发膜,
核桃发膜 有吗, 蜂蜜手膜, 红枣足膜 多少钱).

The last part of a Chinese noun phrase names the thing; a catalogue word before it only says what that thing is made
of or for. The eighth-round heads (bot.heads_after) read that part from jieba's dictionary, but new or trade words
(发膜, 唇膜, 手膜) are not in it: our tokenizer cuts them into single characters (发 膜) nobody looks at. Here the run
of the customer's words glued right after a catalogue word, up to a space, a cue, an amount or a particle, is another
thing when it is two characters or more and

* jieba's dictionary does not know it (the words it knows are the other rules' business), nor does the catalogue;
* it is no quality or description (薄皮, 纸皮, 现摘: bot.qualities), no place, no pack, size or count (礼盒装, 500g);
* the public `jieba.posseg` (HMM) reads it as one noun, or it ends in a head character of goods that are no food
  (膜 霜 液 露 乳 膏 枕 芯 套 壳 …);
* no product holds both the catalogue word and it (its name, an alias, a tag: sold so, it is ours).

A pepper's one-character head glued after a catalogue word and ending the run (来5斤小米辣, 小米椒有吗: chillies
named 小米辣 / 小米椒, not millet) is another thing too, unless some product's name goes on so.

`named` returns (the thing as the customer said it, "") — nothing is offered as a match — or None.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import jieba.posseg

from bot import descriptions, lexicon, qualities

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Vocabulary

# The last character of a noun of goods that are no food: cosmetics, bedding and covers.
_HEADS = frozenset("膜霜液露乳膏枕芯套壳罩贴垫皂")
# Words that end the run: cues, units, particles (核桃发膜有吗, 核桃发膜来两瓶).
_STOPS = frozenset(w for group in (lexicon.BUY, lexicon.SEARCH, lexicon.ASK_PRICE, lexicon.FILLER, lexicon.ADD,
                                   lexicon.UNITS, lexicon.THANKS, lexicon.CORRECT) for w in group if w)
# A run beginning so says what the product is like or how much of it (小瓶, 一箱, 带壳, 薄壳, 原浆, 新货).
_DESCRIBING = frozenset("的了吗呢吧啊呀哦嘛和跟与及或也都还再就是在给我你他她这那每各"
                        "一二两三四五六七八九十百千零俩仨半几多带去无不免脱原纯大小整散单双新老嫩鲜"
                        "薄厚硬软脆甜香粗细肥瘦红白黑黄绿0123456789")
_NOUNS = frozenset({"n", "nz", "ng"})
_CJK_RUN = re.compile("[\u4e00-\u9fff]+")
_LONGEST = 4  # a head of more characters is a phrase, not a thing's name


def named(u: Understanding, known: list[str], vocab: Vocabulary) -> tuple[str, str] | None:
    for word in (w for w in known if len(w) >= 2):
        for m in list(re.finditer(re.escape(word), u.spaced))[:2]:
            head = _glued_run(u.spaced[m.end():], vocab)
            if head and (_another_thing(head, word, u, vocab) or _pepper(head, word, vocab)):
                return word + head, ""
    return None


_PEPPERS = frozenset("辣椒")  # 小米辣, 小米椒: the last character names the thing, a chilli


def _pepper(head: str, word: str, vocab: Vocabulary) -> bool:
    return head in _PEPPERS and word[-1] not in _PEPPERS and not vocab.name_goes_on(word, head) \
        and not vocab.held_together(word, head)


def _glued_run(rest: str, vocab: Vocabulary) -> str:
    """The customer's words right after the catalogue word, glued to it, up to a cue, an amount or a particle;
    empty when another catalogue word comes first (two glued catalogue words are bot.made_of's)."""
    run = _CJK_RUN.match(rest)
    if run is None:
        return ""
    said = ""
    for token in vocab.tokenizer.cut(run.group()):
        if token in _STOPS or (token[:1] in _DESCRIBING and len(said) >= 2):
            break
        if len(token) >= 2 and vocab.knows(token):
            return ""
        said += token
    return said


def _another_thing(head: str, word: str, u: Understanding, vocab: Vocabulary) -> bool:
    if not 2 <= len(head) <= _LONGEST or vocab.tokenizer.jieba.FREQ.get(head):
        return False
    if head[0] in _DESCRIBING and (head[-1] not in _HEADS or qualities.is_description(head)):
        return False  # 纯的, 小瓶, 新货: what the product is like; 纯露 (a cosmetic's head) is another thing
    if vocab.knows(head) or head in vocab.names_text or vocab.name_goes_on(word, head[:1]) or head in vocab.regions:
        return False
    if head in u.qualities or head in lexicon.PLAIN_MODIFIERS or head in qualities.OCCASIONS \
            or qualities.is_description(head) or descriptions.described(head) or descriptions.packed(head + "的"):
        return False
    if vocab.held_together(word, head):
        return False
    return head[-1] in _HEADS or _one_noun(head)


def _one_noun(head: str) -> bool:
    """jieba's part-of-speech reader (HMM on: the word is not in its dictionary) reads the head as one noun."""
    pairs = jieba.posseg.lcut(head, HMM=True)
    return len(pairs) == 1 and pairs[0].flag in _NOUNS
