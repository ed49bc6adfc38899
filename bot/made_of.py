"""Things named with catalogue words that the catalogue does not sell, said in three more shapes (none is a match):

* a processed product of a catalogue word (核桃油, 红枣 粉, 苹果醋, 蜂蜜 膏, 红茶拿铁, 核桃露): a form of processing
  (oil, powder, vinegar, pulp, wine, paste, a drink …) right after the word, glued or as the next word, that no
  product holds with the word (its name, an alias or a tag: 文山三七粉, 甘谷辣椒面 are sold so). The thing is not
  found; the word's own products are alternatives (有这些核桃), never a match;
* two catalogue words glued into one thing (蜂蜜绿茶, 菊花蜂蜜, 红枣牛奶): the last one is the head, the first says
  which one; when no product holds both (富硒绿茶, 散养鸡蛋, 明前绿茶 are sold so) the thing is not ours, and the head's
  products are alternatives. Words listed apart (红枣、枸杞, 红枣和枸杞, 各一斤) are two products, not one thing;
* a grade or a quality said of a thing the catalogue does not know (西湖龙井 特级, 安溪铁观音 一级): the grade matches
  many names but names none of them; the thing is what was asked for.

`named` returns (the thing as the customer said it, the catalogue word whose products are the alternatives) or
("", "").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import lexicon, qualities

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Vocabulary

# Forms of processing that make a food into another product (longest first: 原浆 before 浆).
# Drinks made with one (红茶拿铁, 绿茶奶盖, 核桃露, 蜂蜜柚子茶饮料) are such products too: a café's or a factory's.
_PROCESSED = ("原浆", "原液", "原汁", "精油", "拿铁", "奶盖", "奶茶", "饮料", "饮品", "冰沙", "粉", "油", "醋", "浆",
              "酒", "膏", "乳", "糊", "汁", "露")
# Where the form ends: the end, a space, a particle, a cue or a describing character (核桃油宝宝用, 苹果醋有吗).
_FORM_END = r"(?=$|\s|[的吗呢吧啊呀有来要买多怎是给宝婴小大])"
_FORM = re.compile("(?:" + "|".join(_PROCESSED) + ")" + _FORM_END)
_LISTED = re.compile("[、，,和跟与及同各还]|以及|还有")  # words listed apart: two products, not one thing
_CJK_RUN = re.compile("[\u4e00-\u9fff]+")


def named(u: Understanding, kept: list[str], unknown: list[str], vocab: Vocabulary) -> tuple[str, str]:
    return _processed(u.spaced, vocab) or _two_glued(u.spaced, vocab) or _grade_only(u, unknown) or ("", "")


def _processed(spaced: str, vocab: Vocabulary) -> tuple[str, str] | None:
    """核桃油 宝宝用, 红枣 粉 来一罐: a catalogue word, then a form of processing no product holds with it."""
    for m in _CJK_RUN.finditer(spaced):
        run = m.group()
        for start in range(len(run) - 1):
            word = _longest_word(run, start, vocab)
            if not word:
                continue
            rest = spaced[m.start() + start + len(word):]
            rest = rest[1:] if rest[:1] == " " else rest  # 红枣 粉: the next word
            form = _FORM.match(rest)
            if form and not vocab.knows(word + form.group()) \
                    and not vocab.held_together(word, form.group(), category=True):
                return word + form.group(), word
            break  # only the word a run begins with, or the one after an unknown start, is looked at
    return None


def _longest_word(run: str, start: int, vocab: Vocabulary) -> str:
    """The longest catalogue word (two characters or more) starting at `start` that ends where a form could start."""
    for end in range(min(len(run), start + 6), start + 1, -1):
        word = run[start:end]
        if vocab.knows(word) and word not in lexicon.PLAIN_MODIFIERS and not qualities.is_description(word):
            return word
    return ""


def _two_glued(spaced: str, vocab: Vocabulary) -> tuple[str, str] | None:
    """蜂蜜绿茶, 菊花蜂蜜: two catalogue words glued, held together by no product: the last names the thing."""
    if _LISTED.search(spaced):
        return None
    for m in _CJK_RUN.finditer(spaced):
        run = m.group()
        for a in range(len(run) - 3):
            first = _kind_at(run, a, vocab)
            if not first:
                continue
            head = _kind_at(run, a + len(first), vocab)
            if head and first + head not in vocab.names_text and not vocab.knows(first + head) \
                    and not vocab.held_together(first, head, category=True) and not vocab.name_goes_on(first, head[:1]):
                return first + head, head
    return None


def _kind_at(run: str, start: int, vocab: Vocabulary) -> str:
    """The longest catalogue word at `start` that names a kind of goods (in a tag, an alias or a category: 绿茶, 菊花),
    not a grade, a quality or a place (特级, 野生, 佛冈)."""
    for end in range(min(len(run), start + 5), start + 1, -1):
        word = run[start:end]
        if vocab.knows(word) and word not in vocab.regions and word not in lexicon.PLAIN_MODIFIERS \
                and not qualities.is_description(word) and _a_kind(word, vocab):
            return word
    return ""


def _a_kind(word: str, vocab: Vocabulary) -> bool:
    return word in vocab.kinds_text


def _grade_only(u: Understanding, unknown: list[str]) -> tuple[str, str] | None:
    """西湖龙井 特级: the only catalogue words are grades or qualities, beside a word of the language the catalogue does
    not know: that word names the thing asked for."""
    if not unknown or not u.product_words:
        return None
    if all(w in _GRADES for w in u.product_words):
        return " ".join(unknown), ""
    return None


_GRADES = ("特级", "一级", "二级", "三级", "特等", "一等", "头等", "精品", "上等", "优质", "明前", "雨前")


def grade_at(text: str, vocab: Vocabulary) -> bool:
    """The text begins with a grade or a quality said of what comes before (安吉白茶明前, 龙井特级): a plain quality, or
    a word of product names (明前), never in a tag, an alias or a category, ending where a word ends."""
    for size in (3, 2):
        word, then = text[:size], text[size:size + 1]
        if len(word) < size or (_CJK_RUN.match(then) and then not in "的吗呢吧啊呀有是"):
            continue
        if word in lexicon.PLAIN_MODIFIERS or ((vocab.knows(word) or word in vocab.names_text)
                                               and word not in vocab.regions and not _a_kind(word, vocab)):
            return True
    return False
