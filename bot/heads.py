"""How many people goods are for, said in one message and used by the next (给30个员工发福利 → 每人一袋大米…).

bot/bulk.py multiplies what each person gets by the people counted in the same message (30个人 每人一箱苹果: 30箱).
Said in two messages, the count of people is kept on the dialogue (`DialogueState.heads`, bot/turns/per_head.py) and
the later message is read as if it were said with it ("30人 每人一袋大米加一桶花生油": 30袋, 30桶). 每人 with no count
of people anywhere is one each (the shopper is told so, and a count of people said next multiplies the lines).
"""
from __future__ import annotations

import re
from collections.abc import Collection

from bot.group_counts import names_goods
from bot.numerals import NUM, to_number

EACH = re.compile(r"每一?人|每个人|每位|每户|每家|人手一")
# People counted (30个员工, 12位老师, 8户村民, 30人, 45名环卫工人): the count, then who they are.
_WHO = r"(?:员工|同事|老师|学生|孩子|小朋友|客户|朋友|亲戚|老人|职工|工人|队员|会员|村民|组员|家庭|人)"
_PEOPLE = re.compile(rf"(?<![每一第\d])(?P<num>{NUM})\s*(?:(?:个|位|名|户|家|口)?{_WHO}|(?:位|名|户|家)(?=$|[，,。\s])"
                     r"|(?:位|名|户)(?P<who>[\u4e00-\u9fff]{1,8}?)(?=[，,。\s发买送给要准备过的每]|$))")
_ONLY = re.compile(rf"^(?:一共|总共|共|有|我们|我们有|大概)?\s*(?P<num>{NUM})\s*(?:个|位|名)?人(?:吧|左右|的)?$")


# A share, then the total of the same pack said outright (团购枸杞礼盒，每人一盒 我这边要6盒): the total is bought,
# the share only says why (it was one box, "no count of people said").
_SHARE_THEN_TOTAL = re.compile(rf"(?:每一?人|每个人|每位|人手)(?:一|1)(?P<unit>[盒袋箱瓶罐包份桶提只个张])"
                               rf"(?=.*?(?:要|来|订|买|拿|一共|总共|共|合计)\s*(?:{NUM})\s*(?P=unit))")


def share_dropped(message: str) -> str:
    """每人一盒 … 我这边要6盒 → … 我这边要6盒: a share said beside the total of the same pack names no count."""
    return _SHARE_THEN_TOTAL.sub(" ", message)


def heads_said(message: str, words: Collection[str]) -> int | None:
    """The one count of people a message says (给30个员工发福利: 30), None when none, several, or goods counted."""
    found = [m for m in _PEOPLE.finditer(message)
             if not (m.group("who") and names_goods(m.group("who"), words))]
    values = {to_number(m.group("num")) for m in found}
    if len(values) != 1:
        return None
    value = values.pop()
    return int(value) if value is not None and value.denominator == 1 and 1 < value <= 10_000 else None


def only_heads(message: str) -> int | None:
    """The message is a count of people and nothing else (30个人, 一共30人): the count."""
    m = _ONLY.match(message.strip(" ，,。!！"))
    value = to_number(m.group("num")) if m else None
    return int(value) if value is not None and value.denominator == 1 and value > 1 else None


def each_alone(message: str, words: Collection[str]) -> bool:
    """每人 said with goods and no count of people in the message (每人一袋大米加一桶花生油)."""
    return EACH.search(share_dropped(message)) is not None and heads_said(message, words) is None
