"""A shopper asking the assistant to wait, or putting the purchase off: 等等, 稍等一下, 我问问我老婆, 回头再买.

Such a message says nothing to buy and asks nothing: it is `fallback` with the kind "wait" (answered 不着急, the draft
and its question kept), never a search for 「等等」 and never an order because of the 买 in 回头再买. A message that
names goods (回头再买两箱苹果) or says more than the wait is left as it was read.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.recipients import PEOPLE

if TYPE_CHECKING:
    from bot.understanding import Understanding

_PEOPLE = "|".join(sorted((re.escape(p) for p in (*PEOPLE, "老婆", "老公", "家里人", "家人", "领导", "同事", "财务")),
                          key=len, reverse=True))

_LATER = (r"(?:等一下|等下|等会儿?|回头|晚点儿?|晚些|待会儿?|一会儿?|过会儿?|过两天|过几天|明天|改天|下次|下回|有空"
          r"|发工资了?|月底)")
_WAIT = re.compile(
    r"^(?:(?:那|好|嗯|哦)?(?:你)?(?:先)?(?:等等|等一下|等一等|等下|等会儿?|稍等(?:一下|下|片刻)?|稍等等|慢着|且慢|别急|不急)"
    r"(?:我|哈|啊|呀|吧|哦|嗷|噢)?"
    rf"|(?:等我|我|让我)?(?:先)?(?:问问|问一下|问下|商量一下|商量下|和(?:{_PEOPLE})商量(?:一下|下)?)(?:我|我家)?(?:{_PEOPLE})(?:再说|再定|看看)?"
    rf"|(?:我)?{_LATER}(?:再)(?:买|下单|说|来|看看?|订|决定)(?:吧|哈|啊)?"
    r"|(?:我|让我)?(?:再|先)?(?:想想|想一想|想一下|考虑考虑|考虑一下|考虑下|看看|看一下|琢磨琢磨)(?:再说|再买|吧|哈)?)$")
_CUT = re.compile(r"[\s，,。.!！~～、…]+")

def revise(u: Understanding) -> None:
    """Only waiting said (see the module): `fallback`, kind "wait", nothing looked up."""
    if u.intent not in ("search", "fallback", "order") or u.quantity is not None:
        return
    clauses = [c for c in _CUT.split(u.raw) if c]
    if not clauses or not all(_WAIT.match(c) for c in clauses):
        return
    u.intent, u.product_text, u.product_words, u.foreign, u.instead = "fallback", "", [], "", ""
    u.unrelated = "wait"
