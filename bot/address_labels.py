"""How shoppers label the pieces of an address beyond the plain Chinese labels: in English (address: … name: …
tel: …), and the receiver said with whom the goods go to (寄给我妈 王秀珍). Pure text work, read before the address
is set apart (bot/addressing.py)."""
from __future__ import annotations

import re

from bot.recipients import PEOPLE

_ENGLISH = (
    # my address change to 海南省… / change address to … / my address is now …: a change (新地址)
    (re.compile(r"(?<![a-z])(?:please\s+|pls\s+)?(?:(?:change|update)\s+(?:my\s+|the\s+)?(?:shipping\s+|delivery\s+)?"
                r"(?:address|addr)\s+to|(?:my\s+|the\s+)?(?:shipping\s+|delivery\s+)?(?:address|addr)\s+"
                r"(?:(?:change|changed|changes|update|updated)\s+(?:to|into)|is\s+now|should\s+be|now))\s*[:：]?",
                re.IGNORECASE), " 新地址："),
    # new address: 上海市… / updated address 上海市…: a change, as 新地址 is
    (re.compile(r"(?<![a-z])(?:new|updated|changed|correct)\s+(?:shipping\s+|delivery\s+)?(?:address|addr)\s*[:：]?",
                re.IGNORECASE), " 新地址："),
    (re.compile(r"(?<![a-z])(?:shipping\s+|delivery\s+)?(?:address|addr)\s*[:：]", re.IGNORECASE), " 地址："),
    (re.compile(r"(?<![a-z])(?:name|receiver|recipient|consignee|contact)\s*[:：]", re.IGNORECASE), " 收货人："),
    (re.compile(r"(?<![a-z])(?:tel|phone|mobile|cell)(?:\s*(?:no\.?|number))?\s*[:：]", re.IGNORECASE), " 电话："),
)
_POLITE = re.compile(r"[\s,，]*(?<![a-z])(?:please|pls|plz|thanks|thank\s+you|thx)(?![a-z])[\s.!！~]*", re.IGNORECASE)
_PHONE_AHEAD = r"(?:\+?86[- ]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)"
_LATIN_NAME = r"[A-Za-z][A-Za-z.'-]*(?:\s[A-Za-z][A-Za-z.'-]*)?"
# an unlabelled latin name beside the phone of an address labelled so (address: 广州市… Tony 135…)
_NAME_BEFORE_PHONE = re.compile(rf"(?:^|(?<=[\s,，]))(?<!收货人：)({_LATIN_NAME})(?=[\s,，]*{_PHONE_AHEAD})")
_NAME_AFTER_PHONE = re.compile(rf"(?<=\d)([\s,，]+)({_LATIN_NAME})\s*$")


# A pin or a house before an address (📍杭州市西湖区…): the label 地址.
_PIN = re.compile("[\U0001F4CD\U0001F4CC\U0001F3E0\U0001F3E1\U0001F4EE]\uFE0F?")
# The address said, then pointed at as the new one (…20号 改成这个地址 / 就寄这个地址吧), or pointed at first
# (改成这个地址：…).
_THIS_ONE = re.compile(r"[\s,，。]*(?:请|麻烦)?(?:帮我)?(?:就|地址)?(?:改成|改为|换成|改到|换到|用|寄|发|送)(?:到)?"
                       r"这个(?:新)?地址(?:吧|哈|啊|呀)?[\s。.!！]*$"
                       r"|^(?:请|麻烦)?(?:帮我)?(?:地址)?(?:改成|改为|换成|用|寄到|发到|送到)这个(?:新)?地址[:：\s]*(?=\S)")


def pointed(text: str) -> str:
    """📍杭州市西湖区文三路20号 改成这个地址 → 新地址：杭州市西湖区文三路20号; a pin alone labels an address
    (地址：)."""
    m = _THIS_ONE.search(text)
    if m is not None and _PLACE.search(text[:m.start()] + text[m.end():]):
        rest = (text[:m.start()] + " " + text[m.end():]).strip()
        return " 新地址：" + _PIN.sub(" ", rest).strip()
    return _PIN.sub(" 地址：", text)


_PLACE = re.compile(r"[省市区县镇乡路街号]")


def english_labels(text: str) -> str:
    """address: / name: / tel: read as 地址 / 收货人 / 电话, and a latin name next to that address's phone labelled
    as its receiver; the text unchanged when it has no English label. A pin (📍) or a pointer (改成这个地址) first."""
    text = pointed(text)
    labelled = text
    for pattern, label in _ENGLISH:
        labelled = pattern.sub(label, labelled)
    if labelled == text:
        return text
    labelled = _POLITE.sub(" ", labelled)  # …通什镇 please: no receiver called please
    if "收货人" not in labelled:
        named = _NAME_BEFORE_PHONE.sub(r"收货人 \1 ", labelled, count=1)
        labelled = named if named != labelled else _NAME_AFTER_PHONE.sub(r"\1收货人 \2", labelled, count=1)
    return labelled.strip()


_WHO = "|".join(sorted((re.escape(p) for p in PEOPLE), key=len, reverse=True))
_PEOPLE = frozenset(PEOPLE)
# 寄给我妈 王秀珍 / 送给我姐 李桂兰吧: whom to, then the name, and nothing else (寄给我妈 alone names nobody)
_SENT_TO = re.compile(rf"(?:寄给|送给|发给|寄|送|发)(?:我|我的|我们)(?:{_WHO})[\s,，:：]*"
                      r"(?P<name>[\u4e00-\u9fa5·]{2,4}?)(?:吧|啊|呀)?[\s。.!！]*")


_NO_NAME = re.compile(r"[吃喝用的吧呀啊了呢尝试看买要个些点份一二两三四五六七八九十盒箱瓶袋斤包罐些]")


def sent_to(text: str) -> str | None:
    """The receiver's name of a message that only says whom the goods go to (寄给我妈 王秀珍), else None."""
    m = _SENT_TO.fullmatch(text.strip())
    if m is None or m.group("name") in _PEOPLE or _NO_NAME.search(m.group("name")):
        return None
    return m.group("name")
