"""Love cards counted per person (买爱心卡 人均100 我们部门12个人 一人一张 / 给同事一人一张500的 一共8个人 /
人手一张200的，15个人 / 买爱心卡 每人200 共5人): one card for each person counted, the sum per person its face value.

The message is said again as the purchase it is (买12张100元的爱心卡), so the cards' own reading counts them: the
people (我们部门, 同事) were read as goods asked for (没有找到「人均100 部门」), and 每人200 共5人 bought one card.

Read so only when cards are meant: 爱心卡 (or a 卡 that is the love card) is said, or the per-person share is one
sheet (一人一张) with a face value and no catalogue word (cards are the only goods sold by the 张:
bot.cards_by_the_sheet).
Left alone: 人均预算100 买大米 and 每人200 共5人 买大米 用爱心卡付 (goods named: a budget, the card pays),
每人一张煎饼 (no face value), 京东卡 一人一张500 (another's card), and a message with no count of people or more
than one.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from bot import other_cards
from bot.group_counts import names_goods
from bot.numerals import NUM, to_number

_EACH = r"(?:人均|每一?个?人|人手|一个?人|每位|每个)"
_MONEY = r"(?P<{}>\d+)\s*(?:元|块钱?)?(?:面值)?(?:的)?"
# 一人一张 (500的), 人手一张爱心卡, 每人一张卡 200元的 / 人均100, 每人200元, 每人预算200的
_SHARE = re.compile(rf"{_EACH}\s*(?:都|各)?(?:(?:一|1)张(?:爱心卡|卡)?\s*(?:{_MONEY.format('face')})?"
                    rf"|(?:预算|买|送|发)?\s*{_MONEY.format('each')})")
_PEOPLE_WORDS = r"(?:员工|同事|老师|同学|学生|职工|工人|队员|会员|客户|朋友|亲戚|家人|组员|党员|志愿者|人)"
_PEOPLE = re.compile(rf"(?<![每一第\d.])(?P<num>{NUM})\s*(?:个|位|名|口)?{_PEOPLE_WORDS}"
                     rf"|(?<![每\d.])(?P<n2>{NUM})\s*(?:位|名)")


def counted(message: str, goods: Collection[str], words: Mapping[str, int]) -> str:
    """买爱心卡 人均100 我们部门12个人 一人一张 → 买12张100元的爱心卡 …; unchanged unless cards are counted per person
    (see the module). `goods` are the catalogue's words, `words` the language's dictionary (whether 卡 is ours)."""
    shares = list(_SHARE.finditer(message))
    if not shares:
        return message
    faces = {m.group("face") or m.group("each") for m in shares if m.group("face") or m.group("each")}
    if len(faces) > 1:
        return message
    rest = message
    for m in shares:
        rest = rest[:m.start()] + " " * (m.end() - m.start()) + rest[m.end():]
    people = [m for m in _PEOPLE.finditer(rest) if _count(m) is not None]
    if len(people) != 1:
        return message
    face = next(iter(faces), "")
    by_the_sheet = any("张" in m.group() for m in shares) and bool(face) and "卡" not in message
    if names_goods(message, goods) or not (by_the_sheet or "爱心卡" in message or (
            "卡" in message and other_cards.love_card_said(message, words))):
        return message  # 每人200 共5人 买大米 用爱心卡付: goods bought, the card pays
    count = _count(people[0])
    said = f" 买{count}张{face + '元的' if face else ''}爱心卡 "
    spans = sorted([(m.start(), m.end()) for m in shares] + [(people[0].start(), people[0].end())])
    out, at = [], 0
    for i, (start, end) in enumerate(spans):
        out.append(message[at:start])
        out.append(said if i == 0 else " ")
        at = end
    out.append(message[at:])
    return "".join(out)


def _count(m: re.Match[str]) -> int | None:
    value = to_number(m.group("num") or m.group("n2") or "")
    return int(value) if value is not None and value.denominator == 1 and value >= 1 else None
