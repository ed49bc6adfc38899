"""Local specialties asked for (有什么特产, 来点家乡特产, 想买点土特产, 贵州有什么特产, 来点云南特产): every product
here is a certified specialty of some county, so with no place named it is a recommendation (the best sellers),
and with a place named a search of that place's goods; never the fallback (特产 alone named nothing to look up)
and never a choice of one to order (来点云南特产 asks to see them).

A search already (土特产有啥, 云南有什么特产) stays one; a specialty named with goods (云南特产普洱茶来一饼, 广西特产
螺蛳粉) is those goods.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding

_SPECIALTY = re.compile(r"土特产|特产|土货|山货|农特产品?|特色产品|地方产品|农产品")
# What is said around the specialty that names no goods: whose (家乡, 老家, 本地, 你们这), asking (有什么, 来点, 推荐),
# particles.
_AROUND = re.compile(r"你们这里?|你们那|你们|这里|这边|那边|家乡|老家|本地|当地|地道|正宗|好吃|好的"
                     r"|有什么|有啥|有哪些|有没有|什么|哪些|啥|来点|来些|买点|买些|想买|想要|要点|看看|瞅瞅|推荐|介绍|一下|点儿?|些|的|吗|呢|吧|呀|啊"
                     r"|么|我|请问|有|卖|给|想|要|来|买")


def asked(text: str) -> bool:
    """特产 asked for, with nothing else named (see the module)."""
    return _SPECIALTY.search(text) is not None and not _AROUND.sub("", _SPECIALTY.sub("", text))


def revise(u: Understanding) -> None:
    """有什么特产 / 来点家乡特产: a recommendation; 来点云南特产: a search of Yunnan's goods."""
    if u.intent not in ("fallback", "order") or u.product_words or u.quantity is not None:
        return
    if u.origin is not None and asked(u.text.replace(u.origin.mention, "")):
        u.intent, u.generic, u.product_text, u.qualities = "search", True, "", []
    elif u.origin is None and asked(u.text):
        u.intent, u.generic, u.product_text, u.qualities = "recommend", False, "", []
