"""Words that refer to an order already placed, and to the newest of several (刚才那单, 上一单)."""
from __future__ import annotations

import re

# A placed order referred to: 那单 / 这个订单 / 刚才买的 / 已经下单了 / 上一单 / 下过的单.
_PLACED = re.compile(r"[那这上刚]一?[单笔]|订单|刚才?(?:买|下|订|拍)|已经(?:下单|下了|买了|付)|下过|买的(?:东西|货)")
# Which of several: the one just placed (刚才那个订单, 上一单, 最近那笔).
_NEWEST = re.compile(r"刚|上一[单笔]|最近|最新|那[单笔]|这[单笔]")


def about_placed_order(text: str) -> bool:
    return bool(_PLACED.search(text))


def says_newest(text: str) -> bool:
    return bool(_NEWEST.search(text))


# Every one: 刚才买的那些都… / 所有订单 / 两单都改.
_ALL = re.compile(r"都|那些|这些|全部|所有|[两几][单笔]")


def says_all(text: str) -> bool:
    return bool(_ALL.search(text))
