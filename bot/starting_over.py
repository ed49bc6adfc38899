"""Starting over with goods named (重新来，来两袋洋县黑米 / 重来 要两袋黑米 / 清空重来，一箱芒果): the draft is dropped
and the goods named are the new draft. 重新来 / 重来 are words of cancelling, so the message was read as a cancel
and the rice was lost (好的。目前没有正在办理的订单…); said alone (重新来 / 清空重来) it is still the cancel.
"""
from __future__ import annotations

import re

_AFRESH = re.compile(r"^(?P<afresh>(?:那|那就|我|我们|咱|咱们|还是)?(?:全部|都|统统|清空|推倒)?"
                     r"(?:重新来过|重新来|重来|从头来|重新开始|重新下单|重新下|重新买|从新来)"
                     r"(?:吧|啊|哈|了|一下|一遍|一次)*)[，,。.!！\s]*(?P<rest>\S.*)$")


def split(message: str) -> tuple[str, str] | None:
    """重新来，来两袋洋县黑米 → ("重新来", "来两袋洋县黑米"); None when the message does not start over first."""
    m = _AFRESH.match(message.strip())
    return (m.group("afresh"), m.group("rest")) if m is not None else None


def afresh(said: str) -> bool:
    """The words of starting over alone (the drop kept by `split`): every line of the draft goes."""
    m = _AFRESH.match(f"{said} x")
    return m is not None and m.group("rest") == "x"
