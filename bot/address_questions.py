"""Where or how the address, the receiver or the phone is filled in or changed, asked (收件人在哪写, 地址在哪填,
怎么改收货地址, 收货人怎么改, 怎么填写收货人信息, 电话在哪里改): `help`, answered with how to say them.

The words of asking stood where the new value goes: 收件人在哪写 saved a receiver called 在哪写, 收货人怎么改 one
called 怎么改, and 怎么改收货地址 was read as an order asked after. A question word (在哪, 哪里, 怎么, 如何, 咋) beside
the part (收件人, 收货人, 地址, 电话 …) and a verb of filling or changing asks how (地址在哪 alone may ask where the
shop is); 收件人改成李四 and 地址改成… (no question word) stay changes, and 怎么买苹果 (no part named) is left to the
other readings.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding

_PART = (r"(?:收货人|收件人|联系人|收货信息|收件信息|收货地址|收件地址|寄送地址|配送地址|送货地址|邮寄地址|地址"
         r"|联系电话|电话号码|手机号码|手机号|电话|联系方式)(?:信息|的信息)?")
_HOW = r"(?:在哪里?|在哪儿|在什么地方|哪里|哪儿|怎么样?|如何|咋|怎样|该怎么|要怎么|得怎么|去哪里?|从哪里?)"
_CHANGE = r"(?:改|修改|更改|换|更换|更新|编辑|变更)"
_FILL = r"(?:填写|填|写|设置|设|添加|加|保存|存|输入|留|录入|选|弄|搞|操作)"
_VERB = rf"(?:{_CHANGE}|{_FILL})"
_END = r"(?:一下|下)?(?:呀|啊|呢|吗|嘛|哦|啦|的|？|\?)*"
_ASKED = re.compile(
    rf"^(?:请问|问下|问一下|我想问下|我想|我要|那个)?(?:我的)?{_PART}(?:和|跟|的)?(?:{_PART})?(?:要|应该|得|能|可以)?{_HOW}(?:去|来|才能|能|可以)?"
    rf"(?P<verb1>{_VERB})(?:一下)?(?:{_PART})?{_END}$"
    rf"|^(?:请问|问下|问一下|我想问下|那个)?{_HOW}(?:才能|能|可以|去|来)?(?P<verb2>{_VERB})(?:一下|下)?(?:我的)?{_PART}(?:和|跟)?(?:{_PART})?{_END}$")
_CHANGES = re.compile(_CHANGE)


def asks(text: str) -> str:
    """"change" for 怎么改收货地址 / 收货人怎么改, "fill" for 收件人在哪写 / 地址在哪填; "" for anything else."""
    m = _ASKED.match(re.sub(r"[\s，,。.！!]", "", text))
    if m is None:
        return ""
    verb = m.group("verb1") or m.group("verb2") or ""
    return "change" if _CHANGES.match(verb) else "fill"


def revise(u: Understanding) -> None:
    """The question read as `help` (see the module); any other message is left as it was read."""
    if u.address is not None or u.product_words or u.quantity is not None or not asks(u.text):
        return
    u.intent, u.product_text, u.foreign, u.instead, u.generic, u.origin = "help", "", "", "", False, None
    u.unrelated = ""


def answer(compact: str) -> str:
    """The answer before the usual help: how to say a new address, receiver or phone, or where it goes."""
    kind = asks(compact)
    if kind == "change":
        return ("改收货信息：直接说“地址改成+省市区街道门牌”“收货人改成张三”或“电话改成138…”就行；"
                "也可以在「我的地址」里修改。下单确认前改，这一单就寄到新的地址。\n")
    if kind == "fill":
        return ("收货地址：下单时直接说“寄到+省市区街道门牌、收货人和电话”就行，例如“寄到北京市朝阳区建国路88号 张三 "
                "13800138000”；也可以在「我的地址」里先存好，以后下单默认寄到那里。\n")
    return ""
