"""Signs that stand for a word in shopping chat, read as that word before the message is read.

A message only of crosses or a no-gesture (❌❌, ✖️, 🙅, 🚫) is 不要了; a parcel or a lorry asked after (📦？？,
我的📦呢, 🚚到哪了) is 包裹: where the order is; a tick or an OK hand alone (✅, 👌) is 好.
Food emoji are goods (bot/rewrite.py).
"""
from __future__ import annotations

import re

_FILL = r"[\s?？!！。.，,~～]*"
_NO = re.compile(rf"^{_FILL}(?:(?:❌|✖️?|🙅(?:\u200d?[♀♂]️?)?|🚫|⛔)\s*)+{_FILL}$")
_YES = re.compile(rf"^{_FILL}(?:(?:✅|✔️?|👌)\s*)+{_FILL}$")
# A parcel alone asked after, or said with 我的 / 到哪 / 呢 / 发了: the delivery.
_PARCEL = re.compile(r"📦|🚚")
_PARCEL_ASKED = re.compile(rf"^{_FILL}(?:📦|🚚)+{_FILL}$|(?:我的|俺的)(?:📦|🚚)"
                           r"|(?:📦|🚚)\s*(?:到哪|呢|发了|在哪|啥时候|什么时候)")


def read(text: str) -> str:
    """The message with signs read as words (see the module); unchanged when it holds none."""
    if text.isascii():
        return text
    if _NO.match(text):
        return "不要了"
    if _YES.match(text):
        return "好"
    if _PARCEL_ASKED.search(text):
        return _PARCEL.sub("包裹", text) if text.strip(" ?？!！📦🚚") else "我的包裹到哪了"
    return text
