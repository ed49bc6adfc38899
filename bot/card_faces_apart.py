"""Love cards of two face values asked in one message (爱心卡100元的买10张 200元的买5张, 要5张100的和2张500的): a card
order has one face value. The first is drafted as before and the reply says first, plainly, that the other face
needs an order of its own, and how to ask for it.

The second face was dropped silently: the summary showed 100元 ×10张 and nothing said the 200元 cards were not in it.
"""
from __future__ import annotations

import re

from bot.numerals import NUM, to_number

_MONEY = r"(?:元|块钱|块)?"
# A face with its count, either way round (100元的买10张 / 200的要5张 / 5张100的 / 两张五百块的), read left to right
# without overlap (10张 200元的 is never a pair of its own).
_FACE_AND_COUNT = re.compile(rf"(?P<face>{NUM}){_MONEY}(?:的|面值|面额)\S{{0,3}}?(?P<count>{NUM})张"
                             rf"|(?P<count2>{NUM})张(?:面值|面额)?(?P<face2>{NUM}){_MONEY}的")


def faces(text: str) -> list[tuple[int, int]]:
    """(face in yuan, count) of each face said with its count, in the order said."""
    out: list[tuple[int, int]] = []
    for m in _FACE_AND_COUNT.finditer(text):
        face = to_number(m.group("face") or m.group("face2"))
        count = to_number(m.group("count") or m.group("count2"))
        if face is not None and count is not None and face.denominator == 1 and count.denominator == 1:
            out.append((int(face), int(count)))
    return out


def note(text: str) -> str:
    """The word on the other faces when two or more are asked (see the module); "" otherwise."""
    said = list(dict.fromkeys(faces(text.replace(" ", ""))))
    if len({face for face, _ in said}) < 2:
        return ""
    rest = "、".join(f"{face}元×{count}张" for face, count in said[1:])
    first = said[0]
    return (f"一笔爱心卡订单只能选一种面值，这一笔先按{first[0]}元×{first[1]}张；{rest}请确认这一笔后再说一次"
            f"（比如“买{said[1][1]}张{said[1][0]}元的爱心卡”）。\n")
