"""A thing typed with a wrong character of the same sound (粽紫 for 粽子, 狗量 for 狗粮, 猫沙 for 猫砂) is still a thing
asked for: a `search`, answered 没有找到「the words as typed」 when the shop does not sell it, never the generic
fallback. Catalogue words typed so are mended earlier (bot.typos); this reads what is left.

The words typed are all the message names (two to four characters, no word of the language themselves); one
character of them at least stands as typed, and the rest, read by sound (pypinyin's table, bot.pinyin_nouns), spell
a common noun (bot.things_named.is_thing). Words of the language (呵呵, 晚安, 谢谢) are never read so.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from bot.pinyin_nouns import main_characters
from bot.things_named import is_thing

_SHORT = re.compile(r"[\u4e00-\u9fff]{2,4}")
_MAX_TRIED = 20000  # readings tried at most (a four-character run of common sounds stays well under it)


def typed_for_a_thing(said: str, tags: Mapping[str, str], freq: Mapping[str, int]) -> bool:
    """Whether `said` (the words left to look up) is a thing typed with a homophone (see the module). `freq`: jieba's
    frequency table, which holds every word's prefixes: only readings that begin some word are followed (trying
    every reading of a four-character run took 20-30 ms a message of chit-chat; 讲个笑话, 明天会下雨不)."""
    said = said.replace(" ", "")
    if not _SHORT.fullmatch(said) or said in tags:
        return False
    from pypinyin import lazy_pinyin

    chars = main_characters()  # read in their main reading only: a typo is typed by its everyday sound
    sounds = lazy_pinyin(said)
    options = [tuple(dict.fromkeys((typed, *sorted(chars.get(sound, ())))))
               for typed, sound in zip(said, sounds, strict=True)]
    tried = 0

    def spelled(prefix: str) -> bool:
        nonlocal tried
        at = len(prefix)
        if at == len(said):
            return prefix != said and any(a == b for a, b in zip(prefix, said, strict=True)) and is_thing(prefix, tags)
        for ch in options[at]:
            tried += 1
            word = prefix + ch
            if tried > _MAX_TRIED or (at + 1 < len(said) and word not in freq):
                continue  # no word of the language begins so
            if spelled(word):
                return True
        return False

    return spelled("")
