"""Another's name before a catalogue word, which the catalogue's own words cut apart or a space hides:

* single characters glued before the word, each a catalogue word alone (美, 心) but no name of the catalogue together
  and no word of the language either (美心月饼; not 主播说): the characters are another maker's name cut apart, not
  two product words — 没有找到「美心月饼」, never the shop's mooncake drafted (红心猕猴桃 is the catalogue's);
* a catalogue word said with a space inside it (火腿 切片 for 火腿切片): the words glued before its first part still
  say whose it is (西班牙 伊比利亚火腿 切片 → 伊比利亚火腿, not the shop's sliced ham). Only the first part of the
  word said, a catalogue word itself, is looked at; the message's words are never joined across spaces;
* a character glued before 都, 也, 就 or 还 right before the word (恒都牛肉): an adverb says how a verb is done and
  never stands before a noun, so the two characters are a name (not 我都要牛肉, 两个都是牛肉).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import lexicon

if TYPE_CHECKING:
    from bot.vocabulary import Vocabulary

_CJK = re.compile("[\u4e00-\u9fff]")
# Characters that say something of the goods, not whose (鲜, 甜, 的 …), or who said or did what (主播说的, 朋友推荐的):
# never part of a name cut apart.
_NO_NAME = frozenset("的了吗呢吧啊呀和跟与及或是在有要来买卖给送拿找看问想新鲜甜香好大小老嫩纯真正特"
                     "一二两三四五六七八九十半说讲叫称推荐提播吃喝用做")


def singles(content: list[str], vocab: Vocabulary) -> bool:
    """Whether `content` (the words glued before a catalogue word) is a name cut into single characters (see the
    module)."""
    joined = "".join(content)
    return len(content) >= 2 and all(len(t) == 1 and _CJK.match(t) and t not in _NO_NAME for t in content) \
        and joined not in vocab.names_text and joined not in vocab.regions \
        and joined not in lexicon.PLAIN_MODIFIERS and not any(t in lexicon.PREDICATE_CHARS for t in content) \
        and all(len(w) == 1 for w in vocab.tokenizer.jieba.cut(joined, HMM=False))  # 主播说: words of the language


def first_parts(kept: list[str], text: str, vocab: Vocabulary) -> list[str]:
    """The catalogue words said first in words of a name said with a space inside (火腿 of 火腿切片 said 火腿 切片,
    `text` the message with its spaces): the longest start of the word that the catalogue knows, of two characters
    or more, when a space stands right after it in the message."""
    out = []
    for word in kept:
        if vocab.knows(word) or word in text:
            continue
        cut = next((c for c in range(len(word) - 1, 1, -1) if vocab.knows(word[:c])), 0)
        if cut and re.search(rf"{re.escape(word[:cut])}\s+{re.escape(word[cut:])}", text):
            out.append(word[:cut])
    return out


# An adverb's character (都, 也, 就, 还) and what may stand before it as a subject (我都, 两个都, 全都): no name.
# The name stands at the start of a clause or after a buying word or a count (来两斤恒都牛肉).
_ADVERB = re.compile(r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[来要买斤箱盒袋个份瓶罐包]))([\u4e00-\u9fff])([都也就还])$")
_SUBJECTS = frozenset("我你他她它们咱俺您家谁啥么哪那这行好对嗯哦个只些全也都就还又再才的了吗呢吧啊呀"
                      "和跟与及或是在有要来买卖给送拿找看问想")


def adverb_glued(before: str, cues: frozenset[str], vocab: Vocabulary) -> str:
    """The name said right before a catalogue word when its last character is an adverb's (see the module), or "";
    a place or a word of the catalogue's names is none (乐都紫皮蒜)."""
    m = _ADVERB.search(before)
    if m is None or m.group(1) in _SUBJECTS or m.group(1) in cues or m.group(1) in lexicon.UNITS \
            or m.group() in vocab.regions or m.group() in vocab.places or m.group() in vocab.names_text \
            or re.match("[一二两三四五六七八九十百千万几半俩仨]", m.group(1)):
        return ""
    return m.group()
