"""Pinyin that spells a common noun of the language the catalogue does not hold (shou ji → 手机, yu rong fu → 羽绒服,
kou hong → 口红): read as that noun, so a thing the shop does not sell is answered 没有找到「手机」, not with the
generic fallback (bot.pinyin_words reads catalogue words and shop phrases first).

The words are jieba's dictionary: each syllable's characters (pypinyin's table) are tried in turn, and only runs of
characters that begin some dictionary word are followed (jieba's frequency table holds every word's prefixes). Of the
words spelled, the most frequent wins; it is read only when it is a thing (bot.things_named.is_thing) common enough
(`MIN_FREQ`) that a typed run of syllables is unlikely to mean anything else.
"""
from __future__ import annotations

import functools
import unicodedata
from collections.abc import Mapping

from bot.things_named import is_thing

MIN_FREQ = 10  # jieba's count: 羽绒服 30, 口红 90, 手机 4789
_LONGEST = 4  # syllables in one word


@functools.cache
def _characters() -> Mapping[str, tuple[str, ...]]:
    """Toneless syllable → the CJK characters read so (from pypinyin's table of readings)."""
    from pypinyin.pinyin_dict import pinyin_dict

    out: dict[str, list[str]] = {}
    for code, readings in pinyin_dict.items():
        if not 0x4E00 <= code <= 0x9FFF:
            continue
        for r in {"".join(c for c in unicodedata.normalize("NFD", r) if not unicodedata.combining(c))
                  for r in readings.split(",")}:
            out.setdefault(r, []).append(chr(code))
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def main_characters() -> Mapping[str, frozenset[str]]:
    """Toneless syllable → the characters whose first (main) reading it is (投 is tou, though also read dou)."""
    from pypinyin.pinyin_dict import pinyin_dict

    out: dict[str, set[str]] = {}
    for code, readings in pinyin_dict.items():
        if 0x4E00 <= code <= 0x9FFF:
            first = readings.split(",")[0]
            out.setdefault("".join(c for c in unicodedata.normalize("NFD", first) if not unicodedata.combining(c)),
                           set()).add(chr(code))
    return {k: frozenset(v) for k, v in out.items()}


def spelled_noun(sounds: list[str], freq: Mapping[str, int], lengths: set[int],
                 tags: Mapping[str, str], main_only: bool = False) -> tuple[str, int] | None:
    """The dictionary noun the first syllables of `sounds` spell, taking a number of syllables in `lengths` (whole
    typed words: banana is not 办案 a), with that number; None unless the word most often meant by those syllables
    (kou hong → 口红; mei you → 没有, not 煤油) is a thing. The longest such word wins. With `main_only` (the first
    syllable is no shop phrase, so it would stay unread), only words whose characters are read in their main
    reading count (dou jiang → 豆浆: 投降 reads 投 as dou only rarely; mei you is still 没有, not 煤油)."""
    chars = _characters()
    prefixes = [""]
    best: tuple[str, int] | None = None
    for n, sound in enumerate(sounds[:_LONGEST], start=1):
        prefixes = [p + c for p in prefixes for c in chars.get(sound, ()) if p + c in freq]
        if not prefixes:
            break
        if n >= 2 and n in lengths:
            main = [w for w in prefixes if all(c in main_characters().get(x, ())
                    for c, x in zip(w, sounds, strict=False))]
            word = max(main if main_only and main else prefixes, key=lambda w: freq[w])
            if freq[word] >= MIN_FREQ and is_thing(word, tags):
                best = (word, n)
    return best
