"""A love card the shopper holds, named by what it is worth, to pay with (a thirtieth held-out round's kind).

* 我有两张卡，用500那张付款 / 用那张200的付 / 用面值100的卡付款 / 拿1000块的那张卡结账 / 用五百那张付: the card is
  named by its face value (or what is left on it), then paid with. That is `pay_order` with that card — never the
  purchase of cards, though a sum of money and 卡 are both said (bot.card_rules.pays_with asks `pays`).
* `worth` reads the sum (in yuan) so that the payment takes the holder's card of that face value or balance
  (bot/turns/card_paid.py).
Buying cards says the sum too (买两张500的卡, 500的卡来两张) but never with 用/拿 before it, nor a paying verb after.
"""
from __future__ import annotations

import re

from bot.numerals import to_number

_SUM = r"(?P<sum>\d+|[一二两三四五六七八九十百千]+)(?:块钱|元|块)?"
_PAID = r"(?:付|支付|结账|结算|抵|扣)"
# The card named by its worth, after 用/拿/使用/刷: 用500那张, 用那张200的, 用面值100的卡, 拿1000块的那张卡.
_NAMED = re.compile(r"(?:用|拿|使用|刷)(?:我的|我)?(?:那张|这张|一张)?(?:面值|面额|余额)?" + _SUM
                    + r"(?:的那张|那张|的这张|这张|的卡|的爱心卡|的(?=" + _PAID + "))")
# Or said first, then the paying verb (那张200的付, 面值100的卡付款, 500那张卡付): the worth names it as much.
_FIRST = re.compile(r"(?:(?:那张|这张|面值|面额)" + _SUM + r"的|(?<![买来要办订])" + _SUM.replace("sum", "also")
                    + r"(?:的那张|那张))(?:爱心)?卡?(?=\S{0,3}" + _PAID + ")")
_PAYING = re.compile(r"付|支付|结账|结算|结(?=一下|吧|了|$)|抵|扣|买单")


def worth(compact: str) -> int | None:
    """The sum in yuan that names the card paid with (用500那张付款 → 500), or None."""
    m = _NAMED.search(compact) or _FIRST.search(compact)
    if m is None:
        return None
    value = to_number(m.group("sum") or m.group("also")) if "also" in m.re.groupindex else to_number(m.group("sum"))
    return int(value) if value and value.denominator == 1 else None


def pays(compact: str) -> bool:
    """A card named by its worth, paid with (see the module)."""
    return worth(compact) is not None and _PAYING.search(compact) is not None
