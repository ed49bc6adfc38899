"""English orders naming a place's goods and a size (a fifteenth round's kind): "I want 3 boxes of Jingning apples,
the 5 jin ones" / "2 bags of the 5kg rice".

* A latin word right before an English food word (Jingning apples, Yanshou rice) that spells in pinyin a catalogue
  word or a place goods come from (静宁, 延寿) is that word: "静宁 apples". Words that spell none (Fuji apples,
  green tea) stay as typed.
* A size said of "the … ones" (the 5 jin ones, the 10kg one) is the variant: "5斤的", which the reader of packs
  takes as the size and the count before it (3 boxes) as the packs.
bot/everyday.py then reads the food words in Chinese (apples → 苹果) once every other latin word is plain.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.everyday import FOODS
from bot.pinyin_words import syllables_of
from bot.vocabulary import reads_as

if TYPE_CHECKING:
    from bot.vocabulary import Vocabulary

_FOOD = "|".join(re.escape(w) for w in sorted(FOODS, key=len, reverse=True))
_PLACE = re.compile(rf"(?<![A-Za-z])(?P<the>the\s+)?(?P<place>[A-Za-z]{{4,}})(?=\s+(?:{_FOOD})(?![A-Za-z]))",
                    re.IGNORECASE)
_UNITS = {"jin": "斤", "catty": "斤", "catties": "斤", "kg": "kg", "kilo": "kg", "kilos": "kg", "g": "g",
          "gram": "g", "grams": "g"}
_ONES = re.compile(r"(?:the\s+)?(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>jin|catty|catties|kg|kilos?|grams?|g)\s+ones?\b",
                   re.IGNORECASE)


def read(message: str, vocab: Vocabulary) -> str:
    """The message with a pinyin place before a food word in Chinese and "the 5 jin ones" as 5斤的 (see the module);
    unchanged unless an English food word is said."""
    if not re.search(rf"(?<![A-Za-z])(?:{_FOOD})(?![A-Za-z])", message, re.IGNORECASE):
        return message
    message = _ONES.sub(lambda m: f" {m.group('num')}{_UNITS[m.group('unit').lower()]}的", message)
    return _PLACE.sub(lambda m: _place(m, vocab), message)


def _place(m: re.Match[str], vocab: Vocabulary) -> str:
    """Jingning → 静宁 (the Hongsibu goji → 红寺堡 goji) when the catalogue holds a word or a place of origin so
    sounding (two syllables or more), else the words as typed."""
    word = m.group("place")
    sounds = syllables_of(word.lower())
    if sounds is None or len(sounds) < 2:
        return m.group()
    key = " ".join(sounds)
    places = (p for p in vocab.regions if reads_as(p, sounds))  # 静宁 (of 静宁县); 红寺堡 (hong si bu, 堡 read bu)
    return vocab.word_sounding(key) or next(places, None) or m.group()
