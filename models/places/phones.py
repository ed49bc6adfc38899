"""Phones as digits: how an order remembers the phone of its shipping address, and how an administrator's search
for a phone is read (spaces, dashes, brackets and a +86 prefix do not matter)."""
from __future__ import annotations

import re

_NOT_DIGITS = re.compile(r"\D")


def phone_digits(text: str) -> str:
    """A phone as its digits only ("138 0013-8000" → "13800138000"); China's +86 / 0086 prefix is dropped from a
    mainland mobile number, so "+86 138 0013 8000" is the same phone. An address's phone has at most 16
    characters (models/tables/addresses.py), so its digits fit `order.ship_phone`."""
    digits = _NOT_DIGITS.sub("", text)
    for prefix in ("0086", "86"):
        if len(digits) == len(prefix) + 11 and digits.startswith(prefix) and digits[len(prefix)] == "1":
            digits = digits[len(prefix):]
    return digits
