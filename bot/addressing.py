"""Finding a delivery address (or a change to one) inside a chat message, apart from the order around it.

"我要买两袋大米寄到广东省清远市佛冈县石角镇XX路8号 张三 13800138000": the part after 寄到 is where
the goods go, not an origin to search; the rest is the order. An address may also come alone, before or
after the order sentence, or as a change at any step ("地址改成…", "改寄到…", "收货人改成李四",
"电话改成 139-0013-9000"). Phones may carry spaces or dashes. Pure text work: the region table is
consulted later, by the address reader in models.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from models.address_parser import PHONE

_LOOSE_PHONE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)")
_CHANGE = r"(?:改成|改为|换成|换为|变更为|更改为|更新为|改一下|换一下)"
_CUE = re.compile(
    r"(?:(?:帮我)?(?:改寄到|改送到|改发到|改寄|改送)|换个地址|换地址|新地址|(?:收货|邮寄|寄送|送货|快递)?地址"
    rf"(?:{_CHANGE}|是|为|写)|寄到|送到|发到|邮到|寄往|送往|发往|寄给|送给|收货地址)[:：]?\s*")
_CHANGE_CUE = re.compile(rf"改寄|改送|改发|换个地址|换地址|新地址|地址{_CHANGE}|地址不对|地址错")
_RECEIVER = re.compile(
    rf"(?:收货人|收件人|联系人|名字|姓名)(?:{_CHANGE}|是|写)[:：]?\s*(?P<name>[\u4e00-\u9fa5·]{{2,5}}?)(?:吧|了|啊|呀)?$")
_PHONE_CHANGE = re.compile(rf"(?:电话|手机号?|号码|联系方式)(?:号码)?(?:{_CHANGE}|是|写)")
_CHUNKS = re.compile(r"[\s,，;；、]+")
_PLACE_HINT = re.compile(r"[省市区县镇乡村路街号巷弄栋室楼]|大道|小区|胡同")
_NAME = re.compile(r"^[\u4e00-\u9fa5·]{2,4}$")


@dataclass(frozen=True)
class AddressPart:
    line: str  # the address as one line (may lack what the current address already has)
    change: bool  # said as a change (地址改成 / 改寄到 …)
    receiver: str | None = None  # 收货人改成李四
    phone: str | None = None  # 电话改成…


def collapse_phone(text: str) -> str:
    """138 0013 8000 / 138-0013-8000 → 13800138000."""
    return _LOOSE_PHONE.sub(lambda m: re.sub(r"[\s-]", "", m.group()), text)


def split(message: str) -> tuple[str, AddressPart | None]:
    """(the rest of the message, the address part or None)."""
    text = collapse_phone(message.strip())
    m = _RECEIVER.search(text)
    if m:
        return text[:m.start()].strip(), AddressPart("", change=True, receiver=m.group("name"))
    phone = PHONE.search(text)
    m = _PHONE_CHANGE.search(text)
    if m and phone and phone.start() >= m.end() and not _PLACE_HINT.search(text[m.end():phone.start()]):
        return text[:m.start()].strip(), AddressPart("", change=True, phone=phone.group(1))
    change = _CHANGE_CUE.search(text) is not None
    cue = _CUE.search(text)
    if cue and (phone is None or cue.start() < phone.start()) and (phone or change):
        rest = text[:cue.start()].strip()
        line = text[cue.end():].strip()
        return rest, AddressPart(line, change=change) if line or change else None
    if phone is None:
        return message, None
    return _around_phone(text)


def _around_phone(text: str) -> tuple[str, AddressPart | None]:
    """No cue word: the chunks next to the phone that look like an address or a name are the address."""
    chunks = [c for c in _CHUNKS.split(text) if c]
    at = next((i for i, c in enumerate(chunks) if PHONE.search(c)), None)
    if at is None:
        return text, None
    taken = {at}

    def looks(chunk: str) -> bool:
        return bool(_PLACE_HINT.search(chunk) or _NAME.match(chunk) or PHONE.search(chunk))

    i = at - 1
    while i >= 0 and looks(chunks[i]):
        taken.add(i)
        i -= 1
    i = at + 1
    while i < len(chunks) and (_NAME.match(chunks[i]) or (_PLACE_HINT.search(chunks[i]) and not _ORDERISH.search(chunks[i]))):
        taken.add(i)
        i += 1
    if not any(_PLACE_HINT.search(chunks[j]) for j in taken):
        return text, None
    rest = " ".join(c for j, c in enumerate(chunks) if j not in taken)
    line = " ".join(chunks[j] for j in sorted(taken))
    return rest, AddressPart(line, change=False)


_ORDERISH = re.compile(r"[买要来订]|\d+[箱袋瓶盒罐包斤个份只]")
