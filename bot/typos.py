"""Mistyped product words whatever stands beside them: 猕猴逃一盒, 大迷两袋, 核挑, 枸纪两罐, 土鸡旦.

A character typed wrong is one that sounds alike (逃 for 桃, 旦 for 蛋) or looks alike; characters that look alike
mostly share the part that gives their sound (纪 杞 己, 挑 桃 兆), so they sound near: the same syllable but for a
pair of initials or finals people mix up (j/q/x, z/zh, an/ang, ao/iao …). `mend` tries each run of characters the
assistant cannot read together with the word glued to it — a catalogue word (猕猴 + 逃) or a one-character cue word
(大 + 迷, 核 + 挑) — and reads the whole as one catalogue word when it sounds like one, at most one character near
rather than the same. Only words that sound like the catalogue's are ever made, so an unknown thing stays unknown.
A reading is refused when the word right after it is a word of the language the shop does not sell (蓝呀音箱, 蓝呀 耳机:
the head noun comes last in Chinese and names the thing; the typo is only part of that thing's name).
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from bot.lexicon import PLAIN_MODIFIERS

if TYPE_CHECKING:
    from bot.vocabulary import Vocabulary

_CJK = re.compile("[\u4e00-\u9fff]+")
_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c",
             "s", "y", "w")
_NEAR_INITIALS = ({"j", "q", "x"}, {"z", "zh"}, {"c", "ch"}, {"s", "sh"}, {"n", "l"}, {"f", "h"}, {"d", "t"},
                  {"b", "p"}, {"g", "k"})
_NEAR_FINALS = ({"an", "ang"}, {"en", "eng"}, {"in", "ing"}, {"ian", "iang"}, {"uan", "uang"}, {"ao", "iao"})


@functools.cache
def near(sound: str) -> tuple[str, ...]:
    """The syllables people mix `sound` up with (ji → qi, xi; tiao → tao; zhan → zan, zhang …), itself excluded."""
    initial = next((i for i in _INITIALS if sound.startswith(i)), "")
    final = sound[len(initial):]
    out: list[str] = []
    for group in _NEAR_INITIALS:
        if initial in group:
            out += [other + final for other in group if other != initial]
    for group in _NEAR_FINALS:
        if final in group:
            out += [initial + other for other in group if other != final]
    return tuple(dict.fromkeys(out))


def mend(tokens: list[str], vocab: Vocabulary, cue: frozenset[str], counted: bool = False) -> list[str]:
    """The tokens with each run of unreadable characters, and the word glued to it, read as the catalogue word it
    sounds like (one word covering all of it); runs that sound like none stay as they were. `cue`: the cue words;
    `counted`: the message counts what it wants (霉茶两罐: a two-character trade word is heard too, bot.typos.twin)."""
    out = list(tokens)
    i = 0
    while i < len(out):
        if not _stray(out[i], vocab, cue):
            i += 1
            continue
        j = i
        while j < len(out) and _stray(out[j], vocab, cue):
            j += 1
        span = _mended(out, i, j, vocab, cue) or (_twin(out, i, j, vocab, cue) if counted else None)
        if span is None:
            i = j
            continue
        start, end, word = span
        out[start:end] = [word]
        i = start + 1
    return out


def _mended(tokens: list[str], i: int, j: int, vocab: Vocabulary, cue: frozenset[str]) -> tuple[int, int, str] | None:
    left = i - 1 if i > 0 and _glue(tokens[i - 1], vocab, cue) else i
    right = j + 1 if j < len(tokens) and _glue(tokens[j], vocab, cue) else j
    for start, end in dict.fromkeys(((i, j), (left, j), (i, right), (left, right))):
        text = "".join(tokens[start:end])
        if len(text) < 2:
            continue
        pieces = vocab.sounds_like_pieces(text)
        bent = not pieces
        pieces = pieces or vocab.sounds_like_pieces(text, near=True)
        if len(pieces) == 1 and pieces[0][1] == len(text) and pieces[0][0] != text:
            word = pieces[0][0]
            if bent and not any(a == b for a, b in zip(text, word, strict=False)):
                return None  # 兔头 (tu tou) is not 土豆 (tu dou): a near sound and no character typed right
            if bent and word in vocab.regions:
                return None  # 恒都 (heng) is no 丰都 (feng): a place is heard only as it sounds, a brand near it
            if any(a != b and a in _DISH for a, b in zip(text, word, strict=False)):
                return None  # 生煎 (sheng jian) is not 生姜: the character said otherwise names a dish
            if _foreign_head(tokens, end, vocab, cue) or _in_a_word(tokens, start, end, vocab):
                return None
            return start, end, word
    return None


def _in_a_word(tokens: list[str], start: int, end: int, vocab: Vocabulary) -> bool:
    """The run is part of a longer word of the language that the catalogue does not know (生煎 of 生煎包, cut
    apart only because the catalogue's tokenizer does not guess unknown words): it names that thing, no typo."""
    text = "".join(tokens)
    a = len("".join(tokens[:start]))
    b = a + len("".join(tokens[start:end]))
    at = 0
    for word in vocab.tokenizer.jieba.cut(text, HMM=True):
        s, e = at, at + len(word)
        at = e
        extra = text[s:a] + text[b:e] if s < b and a < e else ""
        if extra.strip() and not set(extra) & _NO_NAME and not vocab.knows(word.strip()):
            return True
    return False


# A character "typed wrong" that says how a dish is cooked or what kind of snack it is (生煎, 香煎, 清蒸, 烤串, 米糕):
# the run is the dish's own name, never a catalogue word mistyped (生煎 is not 生姜, 枇杷糕 is not 枇杷膏).
_DISH = frozenset("煎炸炒烤卤蒸焖炖煮烙涮焗熏饼糕饺包馍酥串粥羹")

# Characters that never make a longer name with a typo (jieba's HMM glues 枸纪来 of 枸纪来两罐): verbs, particles,
# numerals.
_NO_NAME = frozenset("来要买拿有吗呢吧啊呀的了和跟与是在找看查问卖一二两三四五六七八九十百几俩仨个 ")


def _twin(tokens: list[str], i: int, j: int, vocab: Vocabulary, cue: frozenset[str]) -> tuple[int, int, str] | None:
    """霉茶两罐 for 莓茶: two characters that are no word of the language, said with a count, sounding exactly like a
    two-character catalogue word that ends in the same character (the thing's head kept, its qualifier typed by
    sound). Said with no count (喜茶 能点吗) the same sound is another's brand, never the catalogue's trade word."""
    from bot.vocabulary import pinyin_key

    text = "".join(tokens[i:j])
    if len(text) != 2 or vocab.tokenizer.jieba.FREQ.get(text):
        return None
    word = vocab.word_sounding(pinyin_key(text))
    if word is None or word == text or word[-1] != text[-1] or _foreign_head(tokens, j, vocab, cue):
        return None
    return i, j, word


_AMOUNT = re.compile("^[一二两三四五六七八九十百千万半几俩仨0-9.]")


def _foreign_head(tokens: list[str], end: int, vocab: Vocabulary, cue: frozenset[str]) -> bool:
    """The word after a mistyped run (past spaces and 的) is a word of the language that the catalogue does not know,
    no cue, amount or plain quality: the head noun of another thing (蓝呀 + 音箱), which the typo only describes."""
    rest = [t for t in tokens[end:] if t.strip() and t != "的"]
    head = rest[0] if rest else ""
    return (len(head) >= 2 and _CJK.fullmatch(head) is not None and not _AMOUNT.match(head)
            and bool(vocab.tokenizer.jieba.FREQ.get(head)) and not vocab.knows(head) and head not in cue
            and head not in PLAIN_MODIFIERS and not any(len(w) >= 2 and w in head for w in cue))


def _stray(token: str, vocab: Vocabulary, cue: frozenset[str]) -> bool:
    """A run of characters the assistant cannot read as a word (one character, or a word neither the catalogue's
    nor the language's)."""
    return (_CJK.fullmatch(token) is not None and token not in cue
            and (len(token) == 1 or not (vocab.knows(token) or vocab.tokenizer.jieba.FREQ.get(token)))
            and len(token) <= 4)  # 除湿 is a word of its own, not 熟食 mistyped


def _glue(token: str, vocab: Vocabulary, cue: frozenset[str]) -> bool:
    """A word a mistyped character may belong with: a catalogue word (猕猴 + 逃), a one-character cue word (大 + 迷)."""
    if _CJK.fullmatch(token) is None:
        return False
    return (len(token) == 1 and token in cue) or (len(token) >= 2 and token not in cue and vocab.knows(token))


def heard_before(said: str, word: str, vocab: Vocabulary) -> bool:
    """往葵 before 大米, 洋鼻 before 核桃: characters glued before a catalogue word that sound the same as the place or
    brand a product's name puts before that word (望奎大米, 漾濞核桃) are that name typed by voice — unless they are a
    word of the language themselves, which is never read as a typo."""
    said = said.strip()
    if len(said) < 2 or _CJK.fullmatch(said) is None or vocab.tokenizer.jieba.FREQ.get(said):
        return False
    pieces = vocab.sounds_like_pieces(said)
    heard = "".join(w for w, _ in pieces)
    return sum(n for _, n in pieces) == len(said) and heard != said and heard + word in vocab.names_text


_EVERYDAY = 50  # a word the general dictionary has seen this often is everyday talk (荆州: 11210, 风靡: 194)


def said_as_itself(run: list[str], pieces: list[tuple[str, int]], vocab: Vocabulary) -> bool:
    """冰红茶, 报告, 荆州: words of the language (jieba's dictionary) that only sound like catalogue words (宁红茶,
    苞谷, 靖州) are what the customer said, not a typo — unless each is a rare word typed by an input method for the
    catalogue word it sounds exactly like by the common readings (平果 → 苹果, 哈蜜瓜 → 哈密瓜). 冰 read as ning (a
    rarer reading) is no such slip: the customer asked for an ice tea the shop does not sell."""
    from bot.vocabulary import pinyin_key

    freq = vocab.tokenizer.jieba.FREQ
    if not all(len(t) >= 2 and _CJK.fullmatch(t) and freq.get(t) for t in run):
        return False  # a stray character or a non-word is in the run: a typo may be there
    text = "".join(run)
    if any(freq.get(t, 0) >= _EVERYDAY for t in run):
        return True
    at = 0
    for word, size in pieces:
        said = text[at:at + size]
        if pinyin_key(said) != pinyin_key(word) or _toned(said) != _toned(word):
            return True  # 蛏子 (cheng1) is the razor clam, not 橙子 (cheng2): an input method's slip keeps the tone
        at += size
    return False


def _toned(text: str) -> str:
    """平果 → "píng guǒ": each character's common reading with its tone."""
    from pypinyin.pinyin_dict import pinyin_dict  # loaded with the vocabulary (bot.vocabulary)

    return " ".join((pinyin_dict.get(ord(ch)) or ch).split(",")[0] for ch in text)
