"""Love cards counted and their face value, said in forms the reader of numbers does not take apart (a twenty-second
round's kind). Each is put in the words it reads, before anything else:

* 俩 / 仨 glued to the face value (买俩一百的爱心卡, 来仨五百块的爱心卡): 俩 and 仨 hold their measure word, so the
  count and the face are two numbers (两张一百的), never one number 俩一百 that is none.
* 俩 / 仨 after the card (100元的卡 仨, 200的爱心卡 要俩吧): 三张 / 两张 (it was one card).
* A sum of money in one face value (一共1000块钱的爱心卡，要200面值的): the count it comes to (bot/card_totals.py).
* English: the count before "love card(s)" in digits or words (2 love cards, two love cards, a love card, a dozen
  love cards; "love cards x3"), and the face value said "of 500", "500 each", "five hundred each", "each 200",
  "500 yuan each" or before the card ("two 500 love cards"): 2张 … 面值500元.

Only a message that says a card is touched; a count of cards is never left to default to one when two were said.
"""
from __future__ import annotations

import re

from bot import card_totals

_FACE_CN = r"(?:\d{2,}|[一二两三四五六七八九]?[十百千][零一二两三四五六七八九十百千]*)"
# 俩 / 仨 straight before a face value (俩一百的, 仨500块的, 俩 200元): the count of cards (not 咱俩, 他们仨).
_GLUED = re.compile(rf"(?<![咱我你他她它们俺])(?P<n>俩|仨)(?=\s*{_FACE_CN}\s*(?:块钱|元钱|块|元)?\s*(?:面值|面额)?\s*的"
                    rf"|\s*{_FACE_CN}\s*(?:块钱|元钱|块|元)(?!钱))")

# 俩 / 仨 after the card (100元的卡 仨, 200的爱心卡 要俩吧): the count of cards too, said last.
_AFTER = re.compile(r"(?<=卡)(?P<sep>[\s，,。]*(?:我?要|来|买|拿|整|给我)?\s*)(?P<n>俩|仨)(?P<sheet>\s*张)?"
                    r"(?=\s*(?:吧|啊|呀|就行|就好)?\s*(?:$|[，,。!！]))")

_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
          "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "a|an|one|two|three|four|five|six|seven|eight|nine|ten"
_VALUE = rf"(?:\d+|(?:(?:{_UNITS})[\s-]+)?(?:hundred|thousand)|{_TENS})"
_COUNT = rf"(?:\d+|a\s+dozen|{_UNITS}|eleven|twelve|fifteen|{_TENS})"
_CARD = r"love\s*cards?"
_MONEY = r"(?:\s*(?:yuan|rmb|kuai|元|块))?"
# The count, and maybe the face, before the card (2 love cards, two 500 love cards, a love card).
_COUNTED = re.compile(rf"(?<![A-Za-z\d])(?P<n>{_COUNT})\s+(?:(?P<v>{_VALUE}){_MONEY}\s+)?{_CARD}", re.IGNORECASE)
_TIMES = re.compile(rf"{_CARD}\s*[x×*]\s*(?P<n>\d+)", re.IGNORECASE)  # love cards x3
# The face after the card: of 500, at 200 yuan, worth 100; 500 each, five hundred each, 200 yuan apiece; each 200.
_FACE = re.compile(rf"(?<![A-Za-z])(?:(?:of|at|worth)\s+(?:¥|rmb\s*)?(?P<a>{_VALUE}){_MONEY}(?:\s+each)?"
                   rf"|(?P<b>{_VALUE}){_MONEY}\s*(?:each|apiece|a\s+piece|per\s+card|a\s+card)"
                   rf"|each\s+(?:worth\s+|of\s+|at\s+)?(?P<c>{_VALUE}){_MONEY})(?![A-Za-z])", re.IGNORECASE)


def plain(message: str) -> str:
    """The message with love cards counted and their face said as the reader takes them (see the module)."""
    if "卡" in message:
        message = _AFTER.sub(lambda m: m.group("sep") + ("两" if m.group("n") == "俩" else "三") + "张",
                             card_totals.plain(message))
        message = _GLUED.sub(lambda m: ("两" if m.group("n") == "俩" else "三") + "张", message)
    if not re.search(_CARD, message, re.IGNORECASE):
        return message
    message = _TIMES.sub(lambda m: f"爱心卡 {m.group('n')}张", message)
    message = _COUNTED.sub(_counted, message)
    return _FACE.sub(lambda m: f" 面值{english_number(m.group('a') or m.group('b') or m.group('c'))}元 ", message)


def _counted(m: re.Match[str]) -> str:
    face = f"面值{english_number(m.group('v'))}元的" if m.group("v") else ""
    return f" {english_number(m.group('n'))}张{face}爱心卡 "


def english_number(said: str) -> int:
    """500 → 500, five hundred → 500, a thousand → 1000, a dozen → 12, fifty → 50."""
    words = said.lower().replace("-", " ").split()
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    if words == ["a", "dozen"]:
        return 12
    if words[-1] in ("hundred", "thousand"):
        return (_SMALL[words[0]] if len(words) > 1 else 1) * (100 if words[-1] == "hundred" else 1000)
    return _SMALL[words[0]]
