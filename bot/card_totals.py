"""Love cards bought as a sum of money in one face value (一共1000块钱的爱心卡，要200面值的 / 买1000块钱的爱心卡
200一张的 / 总共600元的卡 都要100的 / 爱心卡凑1000块，全要200面值的): the sum is no face value, the count is the sum
over the face (5张面值200元).

The sum is said as a total (一共 / 总共 / 合计 … 1000块, or 1000块钱的 beside a face marked as one) and the face as one
card's (面值200 / 200面值 / 200一张 / 每张200 / 要200的). The message is said again as the cards it buys
(5张爱心卡，要面值200元的), so the cards' own reading counts them. A sum that is no whole number of that face
(1200块 of 500元 cards) is never rounded into a count: the face is kept and `uneven` tells the card turn to ask how
many (2张 1000元 or 3张 1500元). A count of cards said (2张, 俩) is left as said.
"""
from __future__ import annotations

import re
from fractions import Fraction

from bot.numerals import NUM, to_number

_MONEY = r"(?:块钱|元钱|块|元|rmb)"
# The sum: 一共1000块钱的, 总共 600元, 合计1000 / 1000块钱的 (钱 marks money spent, not a card's face).
_TOTAL = re.compile(rf"(?:一共|总共|共计|合计|总计|总额|加起来|凑够|凑齐|凑成|凑)(?:是|要|买|花|就)?\s*(?P<a>{NUM})\s*"
                    rf"{_MONEY}?(?:的)?"
                    rf"|(?P<b>{NUM})\s*(?:块钱|元钱)(?:的)?"
                    # 买2000元爱心卡 面值500的: money said right before the card, a face said apart
                    rf"|(?P<c>{NUM})\s*(?:块|元)(?:的)?(?=\s*(?:爱心卡|卡))"
                    # 爱心卡买1000块的，都要200面值: money bought, the face said apart
                    rf"|(?<=[买要])\s*(?P<d>{NUM})\s*(?:块|元)的")
# One card's face: 面值200 / 200面值的 / 200一张的 / 每张200 / 一张200 / (都)要200的.
_FACE = re.compile(rf"(?:面值|面额|每张|一张)(?:是|为|都是)?\s*(?P<a>{NUM})\s*{_MONEY}?(?:的)?"
                   rf"|(?P<b>{NUM})\s*{_MONEY}?\s*(?:的)?\s*(?:面值|面额|一张)(?:的)?"
                   rf"|(?:都要|都是|要|买|选)\s*(?P<c>{NUM})\s*{_MONEY}?的")
# A count of cards said (2张, 俩, 半打): never 200一张 / 一张200, which say a face.
_COUNTED = re.compile(rf"(?<![\d每])(?:{NUM})\s*张(?!\s*\d)|[俩仨]|[半一二两三四五六七八九十\d]\s*打")


def _said(message: str) -> tuple[re.Match[str], re.Match[str], Fraction, Fraction] | None:
    if "卡" not in message or _COUNTED.search(message):
        return None
    total = _TOTAL.search(message)
    if total is None:
        return None
    rest = message[:total.start()] + " " * (total.end() - total.start()) + message[total.end():]
    face = _FACE.search(rest)
    if face is None:
        return None
    total_yuan = to_number(total.group("a") or total.group("b") or total.group("c") or total.group("d"))
    face_yuan = to_number(face.group("a") or face.group("b") or face.group("c"))
    if total_yuan is None or face_yuan is None or not 0 < face_yuan < total_yuan or face_yuan.denominator != 1:
        return None
    return total, face, total_yuan, face_yuan


def plain(message: str) -> str:
    """一共1000块钱的爱心卡，要200面值的 → 5张爱心卡，要面值200元的 (see the module); a sum no whole number of the face
    keeps only the face (面值500元), for the card turn to ask the count."""
    said = _said(message)
    if said is None:
        return message
    total, face, total_yuan, face_yuan = said
    count = total_yuan / face_yuan
    head = f"{int(count)}张" if count.denominator == 1 else " "
    parts = sorted([(total.start(), total.end(), head), (face.start(), face.end(), f"面值{int(face_yuan)}元的")])
    (s1, e1, t1), (s2, e2, t2) = parts
    return f"{message[:s1]}{t1}{message[e1:s2]}{t2}{message[e2:]}"


def uneven(message: str) -> tuple[Fraction, Fraction] | None:
    """The sum and the face, when the sum said is no whole number of cards of that face (1200块 of 500元 cards)."""
    said = _said(message)
    if said is None:
        return None
    total_yuan, face_yuan = said[2], said[3]
    return (total_yuan, face_yuan) if (total_yuan / face_yuan).denominator != 1 else None


def question(total: Fraction, face: Fraction) -> str:
    """1200元 of 500元 cards: the two counts either side of the sum, and what each costs."""
    fewer, more = int(total // face), int(total // face) + 1
    below = f"{fewer}张共{_yuan(fewer * face)}，" if fewer else ""
    return (f"{_yuan(total)}按面值{_yuan(face)}凑不成整张：{below}{more}张共{_yuan(more * face)}。"
            "您要几张？")


def choices(total: Fraction, face: Fraction) -> list[str]:
    fewer = int(total // face)
    return [f"{n}张" for n in (fewer, fewer + 1) if n]


def _yuan(value: Fraction) -> str:
    return f"{int(value)}元" if value.denominator == 1 else f"{float(value):.2f}元"
