"""A message that is only a thing, said bare: 猫砂, 加绒卫衣, 基围虾, U盘 64G, 四件套 过年换新, 暖宝宝 贴的 一箱,
电火锅 多功能. Nothing of the catalogue is named and no cue word asks anything, so the cue words alone leave such a
message at `fallback` ("抱歉，我没太明白"); it is a search for a thing the shop does not sell (没有找到「猫砂」).

The thing is the first clause: words of the language that are nouns or say what kind (jieba's part of speech, read
through the public `jieba.posseg`), ending in a noun, and no pronoun, particle, adverb or time among them. The clauses
after it may say its size, count, purpose or quality (64G, 一箱, 过年换新, 多功能, 贴的) but hold no pronoun,
particle or adverb either. Chit-chat keeps its reading: 今天好冷 (a time, an adverb), 哈哈哈 (a sound), 在吗 (a
particle), 你是机器人吗 (a pronoun), and greetings and thanks are read before (bot.intents).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import lexicon
from bot.product_words import CUE_WORDS, cueish
from bot.recipients import PEOPLE
from bot.things_named import _NOT_GOODS, TALK_TOPICS

if TYPE_CHECKING:
    from bot.understanding import Understanding

# Nouns and the words that say which kind (n: 猫砂; nz; ng: 液; l: 四件套; vn: 牙刷; nr, as jieba guesses an unknown
# pair: 加绒卫 衣, 暖 宝宝; b: 多功能; a: 暖; eng: u; m, q: 64, 盘; v only inside: 充电 宝).
_HEADS = frozenset({"n", "nz", "ng", "l", "vn", "nr", "nrt", "eng", "j"})
_KINDS = frozenset({"b", "a", "an", "m", "q", "v", "uj", "nt", "g"})
# Words of talk, never of a thing: pronouns (你, 有人), particles (吗, 啊), sounds (哈哈哈), adverbs (好冷, 随便),
# prepositions (在吗), conjunctions, times (今天), directions.
_TALK_TAGS = frozenset({"r", "y", "e", "o", "d", "p", "c", "t", "f", "zg", "ul", "uz", "ug", "uv", "ud", "tg", "dg"})
# Whom one speaks to or of (老板, 宝宝, 小姐姐 alone): a person, no thing.
_PERSONS = frozenset({*PEOPLE, "老板", "老板娘", "店家", "掌柜", "客服", "亲", "亲亲", "师傅", "小哥", "小姐姐", "美女",
                      "帅哥", "姐姐", "大姐", "阿姨", "老乡", "宝宝", "宝贝", "机器人", "人工", "东西", "商品", "产品",
                      "个人"})
_CJK = re.compile("[\u4e00-\u9fff]")
_RUN = re.compile(r"[\u4e00-\u9fffa-z0-9.]+")
_CARD_TALK = re.compile("卡|券|会员|vip")
# Cards that are goods (显卡, 内存卡, SD卡), with the model said before them (4090显卡, 128g内存卡).
_GOODS_CARD = re.compile(r"[a-z0-9]*(?:显|内存|存储|网|声|sd|tf)卡")
# A thing named by its use and its head (除螨仪, 驱蚊液, 去污剂): jieba reads its first character as a preposition.
_USE_HEADED = re.compile(r"[\u4e00-\u9fff]{2,4}[仪器液剂膏霜灯]")
_HELP_INSIDE = tuple(w for w in lexicon.HELP if len(w) >= 2)


def revise(u: Understanding) -> None:
    """A `fallback` (or a `help` whose help word is only inside a longer word: 电火锅 多功能, never 有什么功能) that
    is only a thing becomes a search for it, answered 没有找到「the thing」."""
    if u.intent not in ("fallback", "help") or u.unrelated or u.product_words or u.address is not None \
            or u.order_no or u.pick is not None:
        return
    card = _GOODS_CARD.search(u.text) if u.cues & {"search", "buy"} else None
    if card is not None:  # 4090显卡有吗, 来个内存卡: a card that is goods, asked for (没有找到「4090显卡」)
        u.intent, u.foreign, u.product_text, u.instead, u.origin, u.generic = "search", card.group(), card.group(), \
            "", None, False
        return
    thing = "" if _CARD_TALK.search(u.text) else said(u.spaced)  # 电话卡充值: bot.card_goods reads cards
    if not thing:
        return
    if u.intent == "help" and not any(w != h and h in w for w, _ in _cut(u.spaced) for h in _HELP_INSIDE):
        return
    thing = as_typed(thing, u.raw)
    u.intent, u.foreign, u.product_text, u.instead, u.origin, u.generic = "search", thing, thing, "", None, False


def as_typed(words: str, raw: str) -> str:
    """The words with the letters as the shopper typed them (U盘, 京东E卡), not as lowered for reading (u盘)."""
    at = raw.lower().find(words)
    return raw[at:at + len(words)] if at >= 0 and raw[at:at + len(words)].lower() == words else words


def said(spaced: str) -> str:
    """The thing a message names when it is only a thing (see the module), its words as said; empty otherwise."""
    text = spaced.replace(" ", "")
    if TALK_TOPICS.search(text) or re.search(r"[吗嘛么呢吧啊呀哦啦]$", text):
        return ""
    clauses = [c for c in spaced.split() if c]
    if not clauses or any(not _RUN.fullmatch(c) for c in clauses) or len(text) > 20:
        return ""
    if clauses[0].endswith("的"):
        return ""  # 1kg的, 红的: which one, said of goods already named
    head = _cut(clauses[0])
    if not _a_thing(head) and not (_USE_HEADED.fullmatch(clauses[0]) and not any(
            t in _TALK_TAGS and t != "p" for _, t in head)):
        return ""
    for clause in clauses[1:]:
        words = _cut(clause)
        if any(tag in _TALK_TAGS and tag != "t" for _, tag in words):
            return ""  # 猫砂 你们有吗, 卫衣 好冷: talk after the thing (过年, 冬天: when it is for)
    counted = _COUNT_AFTER.sub("", clauses[0])  # 洗衣液3瓶 → 洗衣液: the count is no part of the thing's name
    return counted if len(counted) >= 2 else clauses[0]


_NUMERAL = "一二两三四五六七八九十百几半"
_COUNT_AFTER = re.compile(rf"(?<=[\u4e00-\u9fff])(?<![{_NUMERAL}])(?:[\d.]+|[{_NUMERAL}]+)[\u4e00-\u9fffa-z]{{0,2}}$")


def _cut(clause: str) -> list[tuple[str, str]]:
    """The words with their part of speech, as the public `jieba.posseg` guesses them (unknown pairs too: 猫 砂)."""
    import jieba.posseg  # loaded with the vocabulary (bot.vocabulary._word_tags): no cost here

    words = [(p.word, p.flag) for p in jieba.posseg.cut(clause) if p.word.strip()]
    for i in range(len(words) - 1, 0, -1):  # u 盘 → u盘: latin letters glued to one character name one thing
        if words[i - 1][1] == "eng" and len(words[i][0]) == 1 and _CJK.match(words[i][0]):
            words[i - 1:i + 1] = [(words[i - 1][0] + words[i][0], "n")]
    return words


def _a_thing(words: list[tuple[str, str]]) -> bool:
    """Nouns and kind words ending in a noun, at least two characters of the language (see the module)."""
    content: list[tuple[str, str]] = []
    counted = False
    for w, t in words:  # 3 瓶, 一箱, 64g: an amount is no part of the thing; 猫爬 架 ends in its head
        amount = t in ("m", "x") or re.fullmatch(r"[\d.]+[a-z]*", w) is not None or (t == "q" and counted)
        counted = amount
        if not amount:
            content.append((w, t))
    if not content or any(t in _TALK_TAGS or t not in _HEADS | _KINDS for _, t in words):
        return False
    verbs = [k for k, (_, t) in enumerate(content) if t == "v"]
    if verbs and verbs != [len(content) - 2]:
        return False  # 打工人打工魂: verbs are talk; one only right before the head is the thing's (充电 宝, 猫 爬 架)
    word, tag = content[-1]
    headed = tag in _HEADS or (len(word) == 1 and tag == "q" and len(content) > 1)  # 猫 爬 架, 猫砂 盆: a head
    if not headed or (tag == "eng" and len(content) == 1):
        return False  # ok, 好的: no noun at the end
    if tag in ("nr", "nrt") and len(content) == 1:
        return False  # 老王, 小姐姐: a person's name alone
    joined = "".join(w for w, _ in content)
    if len(re.sub(r"[^\u4e00-\u9fff]", "", joined)) < 1 or len(joined) < 2:
        return False
    if joined in _PERSONS or joined in _NOT_GOODS or word in _NOT_GOODS:  # 宝宝 alone; 暖宝宝 is a thing
        return False
    return not any((w in CUE_WORDS and w not in lexicon.UNITS) or (len(w) >= 2 and cueish(w)) for w, _ in words)


# Words that only name (an issuer, a kind, a size): 中石化, 王者荣耀 点券, 月卡, 500, 面值.
_NAMING = frozenset({"n", "nz", "ng", "l", "nr", "nrt", "ns", "nt", "eng", "j", "m", "q", "b"})


def noun_words(text: str) -> bool:
    """Nothing but naming words in `text` (empty too): no verb (充值, 转让: jieba tags them v or vn), no question
    word, particle or adverb (怎么办, 吗)."""
    return all(tag in _NAMING for _, tag in _cut(re.sub(r"[\s的]", "", text)))
