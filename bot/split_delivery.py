"""One order asked to go to several addresses (50箱脐橙，分5个地址发，每个地址10箱 / 分开寄给三个人 / 寄到不同的地址).

An order has one address. The goods and the count are read as usual (the 50 boxes, never 60: bot.group_counts), and
the reply says first, plainly, that the summary goes to one address and how to send to several: one order per
address. A company buyer is never surprised by a single parcel of fifty boxes.
"""
from __future__ import annotations

import re

_SEVERAL = re.compile(r"分(?:成|别)?\s*[\d一二两三四五六七八九十几]+\s*(?:个|处)?\s*(?:地址|地方|处|家|人)"
                      r"|分开(?:寄|发|送)|(?:寄|发|送)(?:到|给)?\s*(?:不同|好几个|几个不同|[\d一二两三四五六七八九十]+个不同)的?"
                      r"(?:地址|地方|人)")

NOTE = "一个订单只能寄到一个地址；要寄到几个地址，请每个地址分开下一单（说要几份，再发那个地址）。\n"


# Each share sent somewhere of its own (一箱寄我家一箱寄我妈家, 两盒送公司 一盒寄老家): two such shares or more.
_EACH_TO = re.compile(r"[\d一二两三四五六七八九十]+\s*[箱袋盒瓶罐份件包斤个只]\S{0,2}?(?:寄|发|送)(?:到|给|去|回)?")


def asked(text: str) -> bool:
    """Whether the message asks for the goods to go to several addresses (see the module)."""
    return _SEVERAL.search(text) is not None or len(_EACH_TO.findall(text)) >= 2
