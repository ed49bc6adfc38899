"""Bulk orders by the share (份) or the person, with what each holds: 员工福利 要40份 每份一袋2.5kg大米 (40 bags),
20个人 每人一箱苹果 (20 boxes), 每份两瓶蜂蜜 要15份 (30 bottles).

What one share holds (每份 / 每人 / 每个人 / 每位 / 每户 / 每家 / 一人 + a count and its measure) times the number of
shares (a count of 份 / 人 / 个人 / 位 / 户 / 家 / 名 said elsewhere in the message) is the line's count: the message is
read as "40袋2.5kg大米". A count of 份 alone (要40份) is a count of packs, as before; so is a share said with no count
of shares.
"""
from __future__ import annotations

import re
from fractions import Fraction

from bot.numerals import NUM, to_number

_EACH = r"(?:每一?份|每一?人|每个人|每位|每户|每家|每组|一人|一份|一家|一户|一位)"
_UNITS = "公斤|千克|kg|斤|箱|袋|盒|瓶|罐|包|桶|提|听|只|条|块|枚|个|件|支|张|斤装"
_VERBS = ("要", "来", "发", "买", "送", "订", "拿")  # 每人买一盒: kept (买80盒); 给 / 装 / 是 are dropped
# 每人200块左右 / 每人100块钱以内: money each may cost (a budget, bot.budgets), never 200 pieces each
_HOLDS = re.compile(rf"{_EACH}(?:各|都|就)?(?P<verb>{'|'.join(_VERBS)}|给|装|是|备)?"
                    rf"(?P<num>{NUM})\s*(?P<unit>{_UNITS})(?!(?<=块)(?:钱|左右|以内|以下|上下|出头|多|的预算))")
# People counted with the word for who they are (30个员工, 12位老师, 8户村民, 家里四口人): the word goes with the count.
_PEOPLE = r"(?:员工|同事|老师|学生|孩子|小朋友|客户|朋友|亲戚|老人|职工|工人|队员|会员|村民|组员|家庭|人)"
_SHARES = re.compile(rf"(?:给|为|送)?(?<![每一第\d])(?P<num>{NUM})\s*(?:(?:个|位|名|户|家|口)?{_PEOPLE}|份|位|户|家|名)"
                     r"(?!装)")


def multiplied(message: str) -> str:
    """The message with the shares and what each holds said as one count (see the module); unchanged otherwise."""
    each = _HOLDS.search(message)
    if each is None:
        return message
    rest = message[:each.start()] + " " * (each.end() - each.start()) + message[each.end():]
    shares = [m for m in _SHARES.finditer(rest) if to_number(m.group("num"))]
    if len(shares) != 1:
        return message
    count, holds = to_number(shares[0].group("num")), to_number(each.group("num"))
    if count is None or holds is None or count.denominator != 1 or holds.denominator != 1:
        return message
    verb = each.group("verb") if each.group("verb") in _VERBS else ""  # 给12位老师每人发一罐茶: 发12罐
    said = f"{verb}{int(count * holds)}{each.group('unit')}"
    first, second = sorted([(each.start(), each.end(), said), (shares[0].start(), shares[0].end(), " ")])
    out = message[:first[0]] + first[2] + message[first[1]:second[0]] + second[2] + message[second[1]:]
    return _each_more(out, out.find(said) + len(said), count)


# More goods each share holds, joined to the first (每人一袋5公斤大米和一桶1.8升花生油): each counted as many times.
_MORE = re.compile(rf"(?P<join>和|加|及|以及|外加|再加|还有|跟|、)\s*(?P<num>{NUM})\s*(?P<unit>{_UNITS})(?!装)")
_CLAUSE_END = re.compile(r"[。；;！!？?\n]")


def _each_more(message: str, at: int, count: Fraction) -> str:
    end = _CLAUSE_END.search(message, at)
    stop = end.start() if end else len(message)

    def times(m: re.Match[str]) -> str:
        holds = to_number(m.group("num"))
        if holds is None or holds.denominator != 1:
            return m.group()
        return f"{m.group('join')}{int(count * holds)}{m.group('unit')}"
    return message[:at] + _MORE.sub(times, message[at:stop]) + message[stop:]
