"""People of any description counted before what each gets (a fifteenth round's kinds, after bot/bulk.py).

给60个驻村工作队员每人发一袋小米 / 给45名环卫工人每人一箱苹果 / 为20位退休老党员每人准备一罐茶: the count before
个/名/位 and the words after it (any words, none naming goods) are the people; bot/bulk.py knows a short list of
such words (员工, 老师 …), so the people are said to it as "60人", and a verb of handing out (准备, 送, 发放) or
none after 每人 as 要, a word of buying ("为20人 每人要一罐茶" → 要20罐茶: 20罐茶 alone was not read as an order).
买3个苹果 每人一个 (goods after the count) is left alone.
"""
from __future__ import annotations

import re
from collections.abc import Collection

from bot.group_counts import names_goods
from bot.heads import share_dropped
from bot.numerals import NUM

_EACH = r"(?:每一?人|每个人|每位|每户|每家)"
_PEOPLE = re.compile(rf"(?P<num>{NUM})\s*(?:个|名|位)(?P<who>[\u4e00-\u9fff]{{1,12}}?)(?={_EACH})")
# (每人发一张200元的卡: a count before the money, a card's face value each, not a budget)
_MONEY_EACH = re.compile(rf"{_EACH}[^\s\d一二两三四五六七八九十百千几张个份]{{0,3}}?{NUM}\s*(?:块|元)"
                         r"(?!\s*(?:[一二两三四五六七八九十\d]|装))")
_HANDING = re.compile(rf"(?P<each>{_EACH})(?:都|各)?(?:准备|送上|送|发放|分发|分|寄|买|领|发)?(?=\s*{NUM})")


def people_counted(message: str, words: Collection[str]) -> str:
    """给45名环卫工人每人一箱苹果 → 给45人 每人一箱苹果 (see the module); unchanged when the words name goods. A share
    said beside the total of its pack (每人一盒 我这边要6盒) is dropped: the total is bought (bot.heads)."""
    message = share_dropped(message)
    found = _PEOPLE.search(message)
    if found is None or "每" in found.group("who") or names_goods(found.group("who"), words):
        return message
    if _MONEY_EACH.match(message, found.end()):  # 给300个员工每人200块左右的年货: a budget each, no goods counted
        return f"{message[:found.start()]} {message[found.end():]}"
    message = f"{message[:found.start()]}{found.group('num')}人 {message[found.end():]}"
    return _HANDING.sub(lambda m: f"{m.group('each')}要", message, count=1)
