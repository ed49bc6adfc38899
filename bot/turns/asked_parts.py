"""The answer to "which new receiver / phone / address?", said bare.

After 收件人改一下 the assistant asks for the new receiver; after 电话改一下 the new phone; after 地址改下 the new
address. People then send only that: 王芳, 139 1234 5678, 浙江省杭州市西湖区文三路100号 (or 文三路100号 in the same
county). That message is that part of the address and nothing else: 139 1234 5678 is never a count of packs, 王芳
never a product to look for, a street never 没有找到「…」. The rest of the address is kept from the current one
(bot.turns.address.full_line).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import replies
from bot.addressing import AddressPart, collapse_phone
from bot.reply import Reply
from bot.turns import quantity
from models.places.address_parser import PHONE
from models.services import addresses

if TYPE_CHECKING:
    from bot.dialogue import Turn

_NAME = re.compile(r"[\u4e00-\u9fa5·]{2,4}|[\u4e00-\u9fa5]{1,2}(?:先生|女士|小姐|师傅)")
# 不改了 / 算了吧 / 好的 / 一样的: no name (words a name is never made of)
_NOT_NAME = re.compile(r"[不没算了吧吗呢啊呀好的是改换要个下还]")
# a place said as a street or house (文三路100号, 幸福小区3栋): read against the current county
_STREET = re.compile(r"[路街道巷弄号栋村镇乡区县市省小区单元室]")


async def answered_part(turn: Turn) -> AddressPart | None:
    """The part asked for before (remembered for this turn only), when this message is only that: else None (read as
    usual)."""
    asked, turn.state.asked_part = turn.state.asked_part, None
    turn.placed_asked = asked == "placed"  # 能改地址吗 已经付款了 was asked: an address now is that order's
    asked = "address" if asked == "placed" else asked
    part = await _part(turn, asked) if asked is not None else None
    if part is not None:
        turn.u.text, turn.u.intent = "", "change_address"  # only an address part: no count, no product
    return part


async def _part(turn: Turn, asked: str) -> AddressPart | None:
    u = turn.u
    said = collapse_phone(u.raw).strip(" ，,。.!！")
    if not said or u.cues & {"yes", "no"} or u.intent == "cancel":
        return None
    if asked == "phone":
        found = PHONE.search(said)
        if found is None or len(PHONE.sub("", said).strip(" ，,：:是")) > 4:
            return None
        return AddressPart("", change=True, phone=found.group(1))
    both = _name_and_phone(said)
    if both is not None and asked in ("receiver", "phone"):  # 李秀兰 13911112222: both parts, the place kept
        return AddressPart("", change=True, receiver=both[0], phone=both[1])
    if asked == "receiver":
        if not _NAME.fullmatch(said) or _NOT_NAME.search(said) or u.quantity or u.number or u.pick:
            return None
        if turn.resolve_products().candidates:
            return None  # 蜂蜜 is what to buy, not who receives it
        return AddressPart("", change=True, receiver=said)
    if asked == "address" and not PHONE.search(said) and _STREET.search(said):
        parsed = await addresses.parse_address_line(said, turn.ctx.regions)
        if parsed.county is None and not re.search(r"\d|[路街巷弄]", said):
            return None  # 要大米: no place
        return AddressPart(said, change=True)
    return None


def _name_and_phone(said: str) -> tuple[str, str] | None:
    """李秀兰 13911112222 / 13911112222 李秀兰: a name and a phone, nothing else (the receiver asked, both given)."""
    found = PHONE.search(said)
    if found is None:
        return None
    name = PHONE.sub(" ", said).strip(" ，,：:。.")
    if not _NAME.fullmatch(name) or _NOT_NAME.search(name):
        return None
    return name, found.group(1)


# 算了不改了 / 不用改了 / 还是原来的吧 / 不换了: the part asked for is not changed after all.
_KEEP = (r"(?:不改了|不用改了|不改|别改了|不换了|不用换了|不用了|不改啦|不变了|用原来的|原来的就行|原来的吧|就原来的"
         r"|照旧|还是原来的|保持原样)")
_KEPT = re.compile(rf"(?:哦|噢|嗯|那|那就)?(?:(?:算了|算啦)(?:吧|啊)?(?:还是|那就)?(?:先)?{_KEEP}?"
                   rf"|(?:还是)?(?:先)?{_KEEP})(?:吧|啊|了|哈)?")
KEPT = "好的，不改了，还按原来的收货信息。"


def keeps_it(turn: Turn) -> bool:
    """A new receiver, phone or address was asked for (收件人改一下 → 新的收件人叫什么？) and the answer is not to
    change it after all (算了不改了): the draft and its address stay, never the order dropped."""
    said = turn.u.text
    return turn.state.asked_part is not None and bool(said) and _KEPT.fullmatch(said) is not None


async def kept(turn: Turn) -> Reply:
    """算了不改了 after 收件人改一下: nothing changed, the summary (or the question pending) again."""
    turn.state.asked_part = None
    d = turn.draft
    if d is None:
        return turn.say(KEPT, "cancel", suggestions=replies.START_SUGGESTIONS)
    reply = await quantity.advance(turn, d)
    reply.reply, reply.intent = KEPT + "\n" + reply.reply, "cancel"
    return reply
