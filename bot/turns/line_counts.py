"""A count said for one line of a draft of several, by its product's name: 大米改成一袋就行 / 蜂蜜要两瓶就够了 at the
summary of rice and honey changes the rice's (the honey's) count, whichever line came last; the other lines stay.

Only when the name is of exactly one line (two lines of rice: which one is asked the usual way), no pack size is said
(大米换成10kg的 changes the pack: bot.turns.pack_changes) and nothing is added (再加一袋大米: a new request).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.draft import Draft
from bot.reply import Reply
from bot.turns import common, quantity

if TYPE_CHECKING:
    from bot.dialogue import Turn


async def recount_named(turn: Turn, d: Draft) -> Reply | None:
    u = turn.u
    if "add" in u.cues or not u.product_words or u.specs or u.drop is not None \
            or d.awaiting not in ("confirm", "address", "qty"):
        return None
    lines = [*d.lines, *([d.pending] if d.pending is not None else [])]
    if len(lines) < 2:
        return None  # the line in the draft: its own rules (bot.turns.goods)
    found = turn.resolve_products()
    skus = {c["sku"] for c in found.candidates} | set(found.family)
    named = [ln for ln in lines if ln.sku is not None and ln.sku in skus]
    if len(named) != 1 or named[0].sku not in turn.ctx.search.cards:
        return None
    line, sku = named[0], named[0].sku or ""
    if common.quantity_for(u.quantities, turn.ctx.search.cards[sku]["unit"]) is None and u.number is None:
        return None
    line.qty = None
    quantity.apply_quantity(turn, line)
    return await quantity.advance(turn, d)
