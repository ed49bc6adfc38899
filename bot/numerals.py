"""Numbers in Chinese messages: quantities with measure words and halves, money amounts, ordinals.

Chinese numerals go through cn2an (两 二十 十二 一千五 三点五); 俩 仨 半 and the spoken forms cn2an
does not know are handled here. Every finder returns the span it consumed, so the caller can blank
it out before looking for products in what is left.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, TypeVar

from bot import wrapping
from bot.lexicon import CARD_UNITS, LAST, MONEY_UNITS, UNITS
from bot.phrasing import AUDIENCES
from bot.recipients import PEOPLE

T = TypeVar("T")

_CN_DIGITS = "零〇一二两三四五六七八九十百千万俩仨廿"
NUM = rf"(?:\d+(?:\.\d+)?|[{_CN_DIGITS}]+(?:点[零〇一二三四五六七八九]+)?)"
_SPOKEN = {"俩": 2, "仨": 3}


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# (两袋半斤的: the 半 after a measure word that begins 半斤 is the size's, not half a bag)
# (一斤半包粽子: the 半 before 包 the verb is the half of the 斤: bot/wrapping.py; a count glued before 包 makes it a
# pack whatever follows: 两包饺子, 一包包子)
# (10个月大的宝宝, 保质期18个月, 三个小时: a length of time, not ten pieces)
_QTY = re.compile(rf"(?P<num>{NUM})?(?P<half_a>半)?(?P<unit>{_alternation(UNITS)})"
                  r"(?<!个(?=月|小时|钟头|星期|礼拜|工作日))"
                  rf"(?P<half_b>半(?!{wrapping.NOT_VERB}(?:{_alternation(UNITS)})))?")
_MONEY = re.compile(
    rf"(?:[¥￥]\s*(?P<sym>\d+(?:\.\d+)?))|(?P<num>{NUM})\s*(?P<unit>{_alternation(MONEY_UNITS)})"
)
_FACE = re.compile(rf"(?:面值|面额)(?:是|为|选)?\s*(?P<a>{NUM})|(?P<b>{NUM})\s*(?:元|块)?\s*(?:面值|面额|的)")
_CARD_COUNT = re.compile(rf"(?P<num>{NUM})\s*(?P<unit>{_alternation(CARD_UNITS)})"
                         r"|(?<=[的 来要买拿整订])(?P<spoken>俩|仨)(?=$|[吧啊呀哈 张份])"  # 一百的 俩, 来仨200的
                         rf"|(?P<dozens>半|{NUM})\s*打(?![折包开])")  # 一百的来半打: six cards
_ORDINAL = re.compile(rf"第\s*(?P<num>{NUM})\s*(?:个|款|种|件|项|样|号|条|行)?|(?P<bare>{NUM})\s*号")
_BARE = re.compile(rf"^(?P<num>{NUM})(?P<half>半)?$")

# A range or a round figure is no count (两三袋, 三五个, 七八斤, 一两箱, 二三十个, 十来个, 10多斤, 几十个, 2-3袋):
# the shopper is asked how many, never read 23 or 78. 一两 before a weight noun is 1两 (一两茶叶): only a range
# before a measure word counts here, and the regex reads 一两茶叶 as 一 + 两 first.
_PAIRS = "一二|一两|二三|两三|三四|四五|五六|六七|七八|八九|三五"
_CN = "零〇一二两三四五六七八九十百千万"
_RANGE_CORE = (rf"(?:[一二两三四五六七八九]?十)?(?:{_PAIRS})[十百千万]?"
               rf"|(?:\d*0|[{_CN}]*[十百千万])(?:来|多|几)|几[十百千万]"
               rf"|(?:\d+|[{_CN}]+)\s*(?:-|~|～|到|至)\s*(?:\d+|[{_CN}]+)")
_RANGE = re.compile(rf"(?<![\d{_CN}])(?:{_RANGE_CORE})(?=\s*(?:{_alternation(UNITS)}))")
# A count of people is no count of goods (给几个孙子吃的, 三个孩子分, 五位老人): 个 / 位 / 口 / 名 before a person.
_PERSONS = (*PEOPLE, *AUDIENCES, "孙子", "孙女", "外孙", "外孙女", "孩儿", "员工", "工人", "客人", "大人", "家庭",
            "小伙伴", "伙伴", "老同学")
_PERSON_COUNT = re.compile(rf"\s*(?:个|位|口|名)(?:{_alternation(_PERSONS)}|人(?!参|造|工)|娃(?!娃))")


@dataclass(frozen=True)
class Found:
    value: Fraction
    start: int
    end: int
    unit: str = ""


def to_number(text: str) -> Fraction | None:
    """两 → 2, 二十 → 20, 3.5 → 7/2, 俩 → 2; None for anything that is not a number."""
    text = text.strip()
    if not text:
        return None
    if text in _SPOKEN:
        return Fraction(_SPOKEN[text])
    if re.fullmatch(_RANGE_CORE, text):  # 两三 is two or three, never 23
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return Fraction(text)
    try:
        value = _cn2an().cn2an(text, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return Fraction(str(value))


@functools.cache
def _cn2an() -> Any:
    """cn2an takes half a second to import: load it on first use (or from `warm_up`), not at process start."""
    import cn2an

    return cn2an


def warm_up() -> None:
    to_number("二十")


def _with_half(num: str | None, half: bool) -> Fraction | None:
    base = to_number(num) if num else Fraction(0)
    if base is None:
        return None
    return base + (Fraction(1, 2) if half else 0)


def approximate(text: str) -> list[tuple[int, int]]:
    """The spans of ranges and round figures said before a measure word (两三, 十来, 2-3): no count (see above)."""
    return [m.span() for m in _RANGE.finditer(text) if not _PERSON_COUNT.match(text, m.end())]


def quantities(text: str) -> list[Found]:
    """Every `number + measure word` (两箱, 一箱半, 半斤, 3个); a measure word alone is not a quantity, nor is a range
    (两三袋) or a count of people (三个孙子)."""
    found = []
    ranges = approximate(text)
    for m in _QTY.finditer(text):
        if not m.group("num") and not m.group("half_a"):
            continue
        if _overlaps(m.start(), m.end(), ranges) or _PERSON_COUNT.match(text, m.start("unit")):
            continue
        value = _with_half(m.group("num"), bool(m.group("half_a") or m.group("half_b")))
        if value is not None and value > 0:
            found.append(Found(value, m.start(), m.end(), m.group("unit")))
    return found


def money_amounts(text: str) -> list[Found]:
    """200元, 两百块, ¥500, 面值200, 五百的 (yuan, as the user said them)."""
    found = []
    for m in _MONEY.finditer(text):
        value = to_number(m.group("sym") or m.group("num"))
        if value is not None and value > 0:
            found.append(Found(value, m.start(), m.end(), "元"))
    for m in _FACE.finditer(text):
        raw = m.group("a") or m.group("b")
        value = to_number(raw)
        if value is not None and value > 0 and not _overlaps(m.start(), m.end(), found):
            found.append(Found(value, m.start(), m.end(), "元"))
    return found


def _times_twelve(value: Fraction | None) -> Fraction | None:
    return None if value is None else value * 12


def card_counts(text: str) -> list[Found]:
    """三张, 2份: how many cards."""
    found = []
    for m in _CARD_COUNT.finditer(text):
        dozens = m.group("dozens")
        value = to_number(m.group("num") or m.group("spoken")) if not dozens else \
            Fraction(6) if dozens == "半" else _times_twelve(to_number(dozens))
        if value is not None and value > 0:
            found.append(Found(value, m.start(), m.end(), m.group("unit") or "张"))
    return found


LAST_PICK, MIDDLE_PICK = -1, -2
# 中间那个 / 中间的 / 中间那款: the middle one of a list (not 中间商, 中间价).
_MIDDLE = re.compile(r"中间(?:那|这|的|一)(?:个|款|种|样|瓶|袋|盒|箱|罐|包|份|只|条)?|中间(?:个|款)")


def ordinal(text: str) -> Found | None:
    """第二个 / 第2款 / 2号 → 2 (1-based); 最后一个 → -1 (LAST_PICK); 中间那个 → -2 (MIDDLE_PICK)."""
    for word in LAST:
        at = text.find(word)
        if at >= 0:
            return Found(Fraction(LAST_PICK), at, at + len(word))
    middle = _MIDDLE.search(text)
    if middle:
        return Found(Fraction(MIDDLE_PICK), middle.start(), middle.end())
    m = _ORDINAL.search(text)
    if m:
        value = to_number(m.group("num") or m.group("bare"))
        if value is not None and value >= 1 and value.denominator == 1:
            return Found(value, m.start(), m.end())
    return None


def picked(items: Sequence[T], index: int) -> T | None:
    """The item an ordinal names in a list shown (1-based; the last; the middle of an odd number of them)."""
    if index == LAST_PICK:
        return items[-1] if items else None
    if index == MIDDLE_PICK:
        return items[len(items) // 2] if len(items) % 2 == 1 else None  # 中间 of four is no one of them
    return items[index - 1] if 1 <= index <= len(items) else None


def bare_number(text: str) -> Fraction | None:
    """The whole message is a number (3, 二十, 三个半 is not): the answer to 'how many?'."""
    m = _BARE.match(text)
    return _with_half(m.group("num"), bool(m.group("half"))) if m else None


def _overlaps(start: int, end: int, found: list[Found] | list[tuple[int, int]]) -> bool:
    spans = [(f.start, f.end) if isinstance(f, Found) else f for f in found]
    return any(start < e and s < end for s, e in spans)
