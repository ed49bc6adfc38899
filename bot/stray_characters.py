"""Single characters in a message that the catalogue's words do not account for (bot.product_words):

* only single catalogue characters glued to characters no catalogue word holds (爱他美卓萃, 面摸, 狗粮): the whole run;
* two stray characters in a row beside a catalogue word (旺仔牛奶, 雅培 奶粉, 香菇 蓝瘦): a word nobody can read;
* single catalogue characters the general reading joins into a word nobody has listed (多宝鱼: 多 宝 鱼, of
  春中宝 and 大马哈鱼): that word, a thing the shop does not know (never its fish offered for it);
* an unknown word with a catalogue character glued to it (老人机: 机 ends 有机 in the catalogue): the word and the
  character together, the thing as said.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from bot import lexicon

if TYPE_CHECKING:
    from bot.vocabulary import Origin, Vocabulary

_RE_CJK = re.compile("[\u4e00-\u9fff]")
PARTICLES = set("的了吗呢吧啊呀哦嘛和跟与及或也都还再就来要买有是在给我你他她这那个只份斤箱袋瓶盒罐包"
                 "一二两三四五六七八九十百千零俩仨半几多每各")


def with_glued(word: str, known: list[str], text: str) -> str:
    """老人机 for 老人 beside the catalogue character 机: the single catalogue characters glued on either side of an
    unknown word (no particle: 老人的) belong to it."""
    at = text.find(word)
    if at < 0:
        return word
    start, end = at, at + len(word)
    while start > 0 and text[start - 1] in known and text[start - 1] not in PARTICLES:
        start -= 1
    while end < len(text) and text[end] in known and text[end] not in PARTICLES:
        end += 1
    return text[start:end]


def among_strays(known: list[str], kept: list[str], text: str, cues: Collection[str]) -> str:
    """爱他美卓萃, 面摸, 狗粮: the only catalogue words are single characters, glued to characters that are no word
    of the catalogue: the customer's word is the whole run, which the shop does not know."""
    if not known or any(len(w) > 1 for w in known):
        return ""
    strays = {t for t in kept if len(t) == 1 and t not in known and _RE_CJK.match(t)
              and t not in PARTICLES and t not in lexicon.PREDICATE_CHARS}
    for run in re.findall("[\u4e00-\u9fff]+", text):
        if any(w in run for w in known) and any(s in run for s in strays):
            return _trimmed(run, cues)
    return ""


def _trimmed(run: str, cue_words: Collection[str]) -> str:
    """蛋挞有吗 → 蛋挞: the run without the cue words at its ends."""
    cues = sorted(cue_words, key=len, reverse=True)
    changed = True
    while changed and run:
        changed = False
        for w in cues:
            if w and run != w and (run.endswith(w) or run.startswith(w)):
                run = run[:-len(w)] if run.endswith(w) else run[len(w):]
                changed = True
                break
    return run


_NOT_FIRST = PARTICLES - {"多"}  # 多宝鱼, 多肉: 多 begins names; 来个鱼, 两条鱼 are no word


def new_word(known: list[str], text: str, vocab: Vocabulary) -> str:
    """多宝鱼 cut 多 宝 鱼 (the catalogue's dictionary has no such word): when the only catalogue words are single
    characters, a run of single characters around them (no particle but 多) that jieba's hidden-Markov reading joins
    into a word of three characters or more, which neither its dictionary nor any catalogue name holds, is the thing
    asked for."""
    if not known or any(len(w) > 1 for w in known):
        return ""
    jieba, run, runs = vocab.tokenizer.jieba, "", list[str]()
    for token in [*vocab.tokenizer.cut(text), ""]:
        if len(token) == 1 and _RE_CJK.match(token) and token not in _NOT_FIRST:
            run += token
            continue
        runs, run = [*runs, run] if len(run) >= 3 else runs, ""
    for word in (w for r in runs for w in jieba.lcut(r, HMM=True)):
        if len(word) >= 3 and any(w in word for w in known) and not jieba.FREQ.get(word) \
                and word not in vocab.names_text:
            return word
    return ""


def unread(kept: list[str], text: str, vocab: Vocabulary) -> str:
    """旺仔牛奶, 雅培 奶粉, 香菇 蓝瘦: two or more single characters in a row, none a particle or a cue and not all of
    them catalogue characters, are a word the assistant cannot read (a brand, a name, slang); what is asked for is
    then unknown, whatever catalogue word stands beside it."""
    def stray(t: str) -> bool:
        return len(t) == 1 and _RE_CJK.match(t) is not None and t not in PARTICLES and t not in lexicon.PREDICATE_CHARS
    for i in range(len(kept) - 1):
        pair = kept[i:i + 2]
        if all(stray(t) for t in pair) and not all(vocab.knows(t) for t in pair) and "".join(pair) in text:
            return " ".join(kept)
    return ""


def books_named(tokens: list[str]) -> list[str]:
    """绘 本 → 绘本, 课 本 → 课本: 本 after a character that is no number, particle or pronoun is the book itself, never
    the measure word of a count (三本, 这本)."""
    out: list[str] = []
    for token in tokens:
        if token == "本" and out and len(out[-1]) == 1 and _RE_CJK.match(out[-1]) and out[-1] not in PARTICLES \
                and out[-1] not in "本每几哪某整":
            out[-1] += token
        else:
            out.append(token)
    return out


_THING_TAGS = frozenset({"n", "ng", "nz", "g", "zg"})


def lone_thing(kept: list[str], place: Origin | None, vocab: Vocabulary) -> str:
    """有新疆馕吗, 有云南的饼吗: one character is all that is left beside a place, a noun or a root of one in jieba's
    dictionary (馕, 饼) that no catalogue word holds and the place's name does not (`place`: the place said): the thing
    asked for, which the shop does not sell (never the place's other goods listed as found)."""
    if place is None or len(kept) != 1 or kept[0] in place.mention:  # 和龙的来两袋: 龙 of the place 和龙, cut apart
        return ""
    ch = kept[0]
    lone = len(ch) == 1 and _RE_CJK.match(ch) is not None and ch not in PARTICLES and ch not in lexicon.PREDICATE_CHARS
    return ch if lone and not vocab.knows(ch) and vocab.word_tags.get(ch) in _THING_TAGS else ""
