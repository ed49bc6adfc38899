"""An amount eaten per day, week or month, then so many periods' worth asked for (延边黄牛肉 我一周吃3公斤 来一周的量,
蜂蜜一个月喝两斤 要两个月的量, 一天吃半斤 来一周的量): the amount said is the quantity (3公斤, 4斤, 3.5斤).

The message is said again with that amount in place of the worth (延边黄牛肉 来3公斤), so the packs are counted as for
any amount; the words for the rate (一周吃, 一周的量) name no product (they were looked up: 没有找到「一周吃一周的量」).
Periods convert only where the days are whole (a week is 7 days, a month 30); a worth in another period
(一周吃3公斤 来一个月的量) is no amount: the rate's words are dropped and the count is asked.
"""
from __future__ import annotations

import re
from fractions import Fraction

from bot.numerals import NUM, to_number

_UNIT = r"公斤|千克|kg|斤|克|g|升|毫升|ml|l|箱|袋|盒|瓶|罐|包|桶|提|听|件|份|只|条|支|枚|个|块"
_PERIOD = r"天|日|周|星期|礼拜|月"
# 我一周吃3公斤 / 家里每个月喝两斤 / 一天大概吃半斤: the rate.
_RATE = re.compile(rf"(?:我们|我|咱们|咱|俺|家里|全家|一家)?(?:每|一)个?(?P<p>{_PERIOD})"
                   rf"(?:能|要|得|大概|差不多|大约|就)?(?:吃|喝|用|吃掉|喝掉|用掉)(?:掉|了)?\s*"
                   rf"(?P<n>{NUM}|半)\s*(?P<unit>{_UNIT})", re.IGNORECASE)
# 来一周的量 / 要两个月的份量 / 买半个月的: so many periods' worth.
_WORTH = re.compile(rf"(?P<k>{NUM}|半)?个?(?P<p>{_PERIOD})的(?:量|份量|分量|用量|份)")
_DAYS = {"天": 1, "日": 1, "周": 7, "星期": 7, "礼拜": 7, "月": 30}


def worth(message: str) -> str:
    """延边黄牛肉 我一周吃3公斤 来一周的量 → 延边黄牛肉 来3公斤 (see the module); unchanged otherwise."""
    rate = _RATE.search(message)
    if rate is None:
        return message
    said = _WORTH.search(message, rate.end())
    if said is None:
        return message
    amount, periods = _number(rate.group("n")), _number(said.group("k") or "一")
    if amount is None or periods is None:
        return message
    days, per = _DAYS[said.group("p")], _DAYS[rate.group("p")]
    if days % per:  # a week against a month: no whole number of weeks, the goods asked how many
        return f"{message[:rate.start()]} {message[rate.end():said.start()]} {message[said.end():]}"
    ratio = Fraction(days, per) * periods
    total = amount * ratio
    text = str(total.numerator) if total.denominator == 1 else f"{float(total):g}"
    between = message[rate.end():said.start()]
    return f"{message[:rate.start()]} {between}{text}{rate.group('unit')}{message[said.end():]}"


def _number(said: str) -> Fraction | None:
    return Fraction(1, 2) if said == "半" else to_number(said)
