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

from bot.addressing import AddressPart, collapse_phone
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
