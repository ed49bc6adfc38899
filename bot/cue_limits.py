"""Where a cue word found in the message is not that cue (a fifth held-out round's kinds).

* 算了，还是要五斤的吧 / 算了 就来两箱: a cancel word that opens a request is a change of mind, not a cancel; so is
  重新 before a buying verb and a count (帮我重新来一袋2.5kg的: an order made again);
* 钱包, 荷包, 书包, 腰带: 包 and 带 glued as the last character of a word of the language are that thing's head,
  not the verbs 包(了) / 带(点) of buying; nor is 订 of 订书机 nor 加 of 加热即食;
* 腊肉价格, 大米价钱: 价 after a catalogue word begins the price asked, not another thing (肉价, 米价 are words).
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from bot import lexicon

# A cancel word, then what is wanted instead: 还是要 / 那就来 / 就要 / 换成 / 改成 …
_CHANGE_OF_MIND = re.compile(r"^(?:那|哦|嗯|唉|哎)?(?:算了|算啦|罢了)(?:吧|啊)?(?:那|那就|我)?"
                             r"(?:还是|就|换成|改成|改|换)(?:要|来|买|拿|订|整)?")
# A line refused, then what replaces it (不要5斤的了，换成10斤的两箱 / 这个不要了 改成三袋的): a change of the line.
_REPLACED = re.compile(r"不要\S{0,10}?了?[，,。\s]*(?:那|那就|就|我)?(?:换成|改成|改为|换为|还是要|还是来|换个|换)")
# 算了支持扶贫，就在你们这买，10斤的来一箱: after the cancel word, a buying word and nothing refused — a change of
# mind said with a reason first (算了 不买了 / 算了 太贵 不要了 stay a cancel).
_CANCEL_OPENS = re.compile(r"^(?:那|哦|嗯|唉|哎)?(?:算了|算啦|罢了)(?P<rest>.+)$")
_BUYING_AFTER = re.compile(r"买|来|要|拿|订|整|下单")
_REFUSED_AFTER = re.compile(r"不|别|没|免|甭")
# 重新来一袋2.5kg的 / 重新买两箱: 重新 (anew) before a buying verb and a count is an order made again, not the draft
# started over (重新来 / 重新来一遍 / 重来一次 stay a cancel).
_ANEW = re.compile(r"(?:重新|从新)(?:来|买|下单?|要|拍|订|整)(?:个)?(?![一]?(?:遍|次|回|下))"
                   r"(?=[\d一两二三四五六七八九十几半俩仨])")
_NOUN_HEADS = "包带"
_VERB_WORDS = frozenset({"打包", "承包", "全包"})  # words whose 包 is the doing, not the thing
PRICE_WORDS = re.compile(r"价格|价钱|价位|价儿|价多少")  # after a catalogue word: its price asked


def changes_mind(text: str, wants: bool) -> bool:
    """算了 还是要五斤的吧 一箱 / 不要5斤的了 换成10斤的两箱: the cancel word opens a request, or what is refused is
    replaced (`wants`: a quantity, size or product is said)."""
    if not wants:
        return False
    opened = _CANCEL_OPENS.match(text)
    if opened and _BUYING_AFTER.search(opened["rest"]) and not _REFUSED_AFTER.search(opened["rest"]):
        return True
    return any(p.search(text) is not None for p in (_CHANGE_OF_MIND, _REPLACED, _ANEW))


# Words of the language that begin with a buying word and buy nothing: a stapler and its staples (订书机, 订书钉),
# binding (装订), heating or a make of goods (电磁加热, 加热即食, 加湿器, 加厚, 加绒, 加工), taking photos (拍照手机),
# a bat or a swatter (羽毛球拍, 乒乓球拍子, 苍蝇拍).
_NOT_BUYING = re.compile(r"订书[机钉器针]|装订|加(?:热|湿|厚|绒|长|宽|粗|工|固)|拍(?:照|摄)|球拍子?|拍子|苍蝇拍")


def unbought(text: str) -> str:
    """The text without the words that begin with a buying word and buy nothing (订书机, 加热即食)."""
    return _NOT_BUYING.sub(" ", text)


def buying_only_in_nouns(text: str, freq: Mapping[str, int]) -> bool:
    """The only buying words of the message are 包 / 带 ending words of the language (荷包, 钱包, 腰带), or words
    that begin with 订 / 加 and buy nothing (订书机, 电磁加热): no buying."""
    if unbought(text) != text and not any(w.replace(" ", "") in unbought(text).lower() for w in lexicon.BUY):
        return True
    lowered = text.lower()
    found = [w for w in lexicon.BUY if w.replace(" ", "") in lowered]
    if not found or any(w not in _NOUN_HEADS for w in found):
        return False
    return all(i > 0 and text[i - 1:i + 1] not in _VERB_WORDS and bool(freq.get(text[i - 1:i + 1]))
               for i, ch in enumerate(text) if ch in _NOUN_HEADS)



# 功能 glued before the thing it describes (功能饮料, 功能性内衣, 多功能锅): a kind of goods, no question of what the
# assistant does (有什么功能, 功能介绍一下, 你的功能呢).
_KIND_OF_GOODS = re.compile(r"功能性?(?=[\u4e00-\u9fff])(?![吗呢啊呀吧么嘛是有都介说还和])")


def help_only_in_nouns(text: str) -> bool:
    """The message's only help word is 功能 saying the kind of a thing (红牛功能饮料): no help asked."""
    return _KIND_OF_GOODS.search(text) is not None and not any(
        w.replace(" ", "") in _KIND_OF_GOODS.sub("", text) for w in lexicon.HELP)


def help_kind(token: str, cues: set[str]) -> bool:
    """A help word kept as the kind of a thing (功能 of 功能饮料) when no help was asked (`help_only_in_nouns`)."""
    return token in lexicon.HELP and "help" not in cues and token not in lexicon.SEARCH


def helped_kind(kept: list[str], product_words: list[str]) -> tuple[str, str] | None:
    """红牛功能饮料: a catalogue word (饮料) with a help word kept as its kind names another thing (never 刺梨果汁),
    shown with the catalogue word's goods as others; None when none."""
    if product_words and any(t in lexicon.HELP for t in kept):
        return "".join(kept), product_words[-1]
    return None
