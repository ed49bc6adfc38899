"""Where to send said by the place's name alone (确认 寄到公司, 好的 送我单位, 发我妈家去), no address given.

The shop keeps addresses without labels: 家 (寄到我家, 送家里) is the address on file, as an order sent "home"
always was; any other place (公司, 单位, 学校, 宿舍, 我妈家 …) is not known to be it, so its address is asked for and
nothing is placed at the one on file. A meal sent so (肯德基全家桶送到家) is an errand, no place of an order.
Pure text work.
"""
from __future__ import annotations

import re

from bot import takeaway
from bot.recipients import PEOPLE

_WHO = "|".join(sorted((re.escape(p) for p in PEOPLE), key=len, reverse=True))
_HOME = ("家", "家里", "我家", "我家里", "我们家", "自己家", "我自己家")
_PLACE = re.compile(
    r"(?:寄到|送到|发到|邮到|寄去|送去|发去|寄回|送回|发回|寄往|送往|发往|寄至|送至|发至|寄|送|发)"
    rf"(?P<place>(?:我们|我|俺|自己)?的?(?:公司|单位|学校|宿舍|办公室|老家|工地|店里|厂里|家里|家"
    rf"|(?:{_WHO})(?:家里|家|那里|那儿|那边|那)))"
    r"(?:去|里|那边|那儿|那里)?(?:吧|呗|啊|哈)?(?=$|[\s,，。.!！~～])")


def said(text: str) -> tuple[str, str] | None:
    """(the message without the place, the place as said) when the message sends somewhere named by its place word
    alone (no address piece, no phone); else None."""
    m = _PLACE.search(text)
    if m is None or re.search(r"\d{5,}|[省市区县镇乡村路街号]", text[m.end():] + text[:m.start()]) \
            or takeaway.MEAL.search(text[:m.start()]):  # 肯德基全家桶送到家: a meal sent, an errand (bot.takeaway)
        return None
    return (text[:m.start()] + " " + text[m.end():]).strip(" ，,。"), m.group("place")


def is_home(place: str) -> bool:
    """家 / 我家 / 家里: the address on file."""
    return place in _HOME


def ask(place: str) -> str:
    """The address of the place named asked for (我公司 → 您公司)."""
    where = re.sub(r"^(?:我们|我|俺)的?", "您", place)
    return f"好的，请发{where}的地址：省市县、详细地址、收货人和手机号，发来后再给您下单。"
