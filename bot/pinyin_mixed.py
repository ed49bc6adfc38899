"""A syllable typed in pinyin beside Chinese characters (江永xiang芋, 红寺堡gou杞, 有没有zhen宁苹果): the word of the
catalogue it spells with its neighbours (香芋, 枸杞), when the sound of the syllable and of the characters beside it
together name one (Vocabulary.heard_as); otherwise left as typed (iphone手机壳, vivo手机 stay). A whole word of the
catalogue typed in pinyin beside Chinese (yanmaipian有吗, 有没有hetao) is that word, and so are its syllables typed
apart closing the message (有mei有 tu dou → 有没有土豆)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.vocabulary import Vocabulary

# 有mei有 / 有mei you: 有没有 with its middle syllable typed in pinyin.
_HAVE_NOT = re.compile(r"有\s*mei\s*(?:有|you)", re.IGNORECASE)
# A run of syllables typed apart after Chinese, closing the message (有没有 tu dou): a catalogue word spelt (土豆).
_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])\s*([a-z]{1,6}(?:\s+[a-z]{1,6})+)[\s?!.,？！。，~]*$", re.IGNORECASE)
# A latin run of one syllable's length glued to a Chinese character on either side.
_GLUED = re.compile(r"(?<=[\u4e00-\u9fff])[a-z]{2,6}|[a-z]{2,6}(?=[\u4e00-\u9fff])")


def read(message: str, vocab: Vocabulary) -> str:
    """江永xiang芋 → 江永香芋 (see the module)."""
    if not re.search(r"[a-zA-Z]", message) or not re.search(r"[\u4e00-\u9fff]", message):
        return message
    text = _spaced_word(_whole_words(_HAVE_NOT.sub("有没有", message), vocab), vocab)
    message = text
    for m in reversed(list(_GLUED.finditer(message.lower()))):  # from the end: earlier places keep their positions
        found = _spelled(message, m.start(), m.end(), vocab)
        if found is not None:
            word, start, end = found
            text = text[:start] + word + text[end:]
    return text


def _spelled(message: str, start: int, end: int, vocab: Vocabulary) -> tuple[str, int, int] | None:
    """The catalogue word the syllable spells with 1–3 characters after or before it, and the span it replaces."""
    syllable = message[start:end].lower()
    for n in (3, 2, 1):
        for chars, begin, finish in ((message[end:end + n], start, end + n), (message[max(0, start - n):start],
                                                                             start - n, end)):
            if len(chars) != n or not re.fullmatch(r"[\u4e00-\u9fff]+", chars):
                continue
            heard = [syllable, *chars] if begin == start else [*chars, syllable]
            word = vocab.heard_as(heard)
            if word is not None and len(word) == n + 1:
                return word, begin, finish
    return None


# A latin run of two syllables or more glued to Chinese (yanmaipian有吗, 有没有hetao); not one before a model number
# (xiaomi 14 有货吗: a phone) or among other latin words.
_RUN = re.compile(r"(?<=[\u4e00-\u9fff])[a-z]{4,30}(?![A-Za-z0-9.]|\s*\d)"
                  r"|(?<![A-Za-z0-9.]\s)(?<![A-Za-z0-9.])[a-z]{4,30}(?=[\u4e00-\u9fff])")


def _spaced_word(message: str, vocab: Vocabulary) -> str:
    """有没有 tu dou → 有没有土豆: syllables typed apart after Chinese that spell one catalogue word, one a syllable."""
    from bot.pinyin_words import syllables_of

    m = _SPACED.search(message)
    if m is None:
        return message
    sounds = m.group(1).lower().split()
    if any(syllables_of(s) != (s,) for s in sounds):
        return message
    word = vocab.word_sounding(" ".join(sounds))
    if word is None or len(word) != len(sounds):
        return message
    return message[:m.start()] + word + message[m.end():]


def _whole_words(message: str, vocab: Vocabulary) -> str:
    """yanmaipian有吗 → 燕麦片有吗: a run of pinyin syllables spelling one catalogue word of two characters or more."""
    from bot.pinyin_words import syllables_of

    text = message
    for m in reversed(list(_RUN.finditer(message))):
        sounds = syllables_of(m.group())
        if not sounds or len(sounds) < 2:
            continue
        word = vocab.word_sounding(" ".join(sounds))
        if word is not None and len(word) == len(sounds):
            text = text[:m.start()] + word + text[m.end():]
    return text
