"""Pieces of an address said over several messages (收货人 王芳 / 电话 139… / 地址 宁夏…), in any order: kept in the
dialogue state (the order draft's `address_line`, or the state's own when no order is under way) until the place,
the receiver and the phone are all there; never saved half-written."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import replies
from bot.addressing import AddressPart, has_receiver
from bot.draft import Draft
from models.services import addresses

if TYPE_CHECKING:
    from bot.dialogue import Turn


def kept(turn: Turn, ordering: Draft | None) -> str | None:
    """The pieces kept so far: the order's, else those said before any order."""
    return (ordering.address_line if ordering is not None else None) or turn.state.address_line


def keep(turn: Turn, ordering: Draft | None, line: str | None) -> None:
    """Keep `line` (None: forget the pieces) with the order under way, else in the dialogue state."""
    if ordering is not None:
        ordering.address_line = line
        turn.state.address_line = None
    else:
        turn.state.address_line = line


async def missing(turn: Turn, line: str) -> str:
    """What the pieces in `line` still lack, said as the reply (好的，记下了。还差…)."""
    parsed = await addresses.parse_address_line(line, turn.ctx.regions)
    named = bool(parsed.name or has_receiver(line))
    return replies.address_missing(bool(parsed.county), named, bool(parsed.phone), parsed.city or parsed.province or "")


_NAME_ALONE = re.compile(r"[\u4e00-\u9fa5·]{2,4}|[\u4e00-\u9fa5]{1,2}(?:先生|女士|小姐|师傅)")


def receiver_alone(turn: Turn) -> AddressPart | None:
    """王秀珍 said alone while pieces of an address are kept: the receiver's name, not a product to look for."""
    d = turn.draft
    u = turn.u
    so_far = kept(turn, d if d is not None and d.kind == "goods" else None)
    said = u.raw.strip(" ，,。.!！")
    if not so_far or not _NAME_ALONE.fullmatch(said) or u.quantity or u.number or u.pick or u.cues & {"yes", "no"}:
        return None
    if u.intent not in ("fallback", "search", "order") or turn.resolve_products().candidates:
        return None  # 蜂蜜 is what to buy, not who receives it
    u.text, u.intent = "", "change_address"  # read as a message that is only an address piece
    return AddressPart("", change=False, receiver=said)
