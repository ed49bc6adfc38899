"""One part of the delivery address changed (the phone or the receiver), in the words people use for it.

The part is named (电话 / 手机号 / 号码 / 联系电话, or 收件人 / 收货人 / 名字 / 联系人), then said wrong or changed in
any form (改成, 换一个, 换个新的, 改一下 改成…, 变了 现在是…, 变成, 不是张三 是…), then the new phone or name:
电话换一个 13622223333, 手机号码变了 现在是13622223333, 收货人改一下 改成张伟, 收件人换个人 李梅, 收货人不是张三 是李四.
The change verb never becomes the name (收件人换一个 is no receiver called 换一个). Read by bot.addressing.
"""
from __future__ import annotations

import re

from bot.recipients import PEOPLE

CHANGE = r"(?:改成|改为|改到|换成|换为|变成|变为|变更为|更改为|更新为|修改为|应该是|应为|是|为|写)"
# 电话整错了 / 搞错啦 / 记错了: any doing verb (the northern 整 and 搞 too) before 错了
WRONG = r"(?:[打写填输弄整搞记说报留给发]?错(?:了|啦)|不对|有误|变了|换了|改了)"
# 改一下 / 换一个 / 换个新的 / 更新一下: the part to be changed, the new value still to come
FIX = (r"(?:更正一下|更正|(?:改|换|更新|更换|修改|更改)(?![成为到])(?:一下|下|一记|一哈|一个|个)?"
       r"(?:新的|新号码|新号|人|个人)?"
       r"|(?:用|留)(?:一个|个)?新(?:的|号码|号)?)")
NOW = r"(?:现在(?:的)?|新的|新号码|新号)?"
# 电话也换成…, 收件人也改一下: the part changed too, beside another change said before
ALSO = r"(?:也|还|也要|还要|同时|顺便)?"
_PHONE_WORD = r"(?:联系电话|电话|手机号?|号码|联系方式)(?:号码|号)?"
# 电话打错了 应该是…, 电话换一个 136…, 手机号码变了 现在是136…, 联系电话变成136…: the phone, then the new one
PHONE_CHANGE = re.compile(rf"{_PHONE_WORD}{ALSO}{WRONG}?[，,\s]*{FIX}?[，,\s]*{NOW}{CHANGE}?[:：]?\s*(?=\+?\d)")
_WHO = "|".join(sorted((re.escape(p) for p in (*PEOPLE, "妹", "弟", "爱人")), key=len, reverse=True))
# 收件人换一个 / 收件人改一下: the verb, no name
_NOT_A_NAME = r"(?![打写填输弄整搞记说报]?错|改|换|变|修改|更改|更换|不是|不对|一下|下|一个|个[^\u4e00-\u9fa5]|了)"
_RECEIVER_WORD = r"(?:收货人|收件人|联系人(?!工)|名字|姓名)"
# 收件人换成我老婆 李梅, 收货人改一下 改成张伟, 收件人换个人 李梅, 收货人不是张三 是李四, 名字写王芳
RECEIVER = re.compile(
    rf"(?:修改|更改|把)?{_RECEIVER_WORD}{ALSO}(?:{WRONG}|(?:不是|不叫)[\u4e00-\u9fa5·]{{2,4}}?(?=[，,\s]*(?:是|叫|应该|改|换)))?"
    rf"[，,\s]*(?:{CHANGE}|{FIX}[，,\s]*(?:{CHANGE}|叫)?|叫)[:：]?\s*(?:(?:我|我的)(?:{_WHO}))?\s*"
    rf"{_NOT_A_NAME}(?P<name>[\u4e00-\u9fa5·]{{2,4}}?)(?:吧|了|啊|呀)?(?=$|[\s,，;；]|电话|手机)")
RECEIVER_BARE = re.compile(r"(?:收货人|收件人|联系人)(?!工|员)[:：]?\s*"  # not 联系人工客服 (联系 + 人工)
                           rf"{_NOT_A_NAME}(?P<name>[\u4e00-\u9fa5·]{{2,4}}?)(?=$|[\s,，;；]|电话|手机)")
# 收件人改一下 / 电话换一个 / 手机号写错了: the part to change said, its new value not yet: asked for.
PART_ASKED = re.compile(rf"(?:把)?(?:(?P<receiver>{_RECEIVER_WORD})|{_PHONE_WORD})"
                        rf"{ALSO}(?:{WRONG}[，,\s]*(?:{FIX})?|{FIX})(?:吧|了|啊|呀)?")
ASK_RECEIVER = "好的，新的收件人叫什么？请说“收件人改成”加姓名，例如：收件人改成李四"
ASK_PHONE = "好的，新的手机号是多少？请说“电话改成”加号码，例如：电话改成13900001111"

# 电话换成1350013500: a number said for the phone that no mobile has (ten digits, twelve, a landline's 0 first).
_SAID_NUMBER = re.compile(r"[\d\s-]{5,20}")


def wrong_phone(text: str, change: re.Match[str] | None) -> str | None:
    """The number said after a phone change (`change`: PHONE_CHANGE's match) when it is no mobile number; it is
    asked again, never saved nor read as an order's count or an order number."""
    said = _SAID_NUMBER.match(text, change.end()) if change is not None else None
    digits = re.sub(r"\D", "", said.group()) if said is not None else ""
    if len(digits) < 5 or text[said.end() if said else 0:].strip() or re.fullmatch(r"1[3-9]\d{9}", digits):
        return None
    return digits


def ask_phone_again(number: str) -> str:
    return (f"这个号码{number}是{len(number)}位，不像手机号（手机号是1开头的11位数字），地址没有改。"
            "请再说一遍新的手机号，例如：电话改成13900001111")
