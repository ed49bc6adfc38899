"""A place said alone after a list, with 那个 or a count (朝阳那个来三袋, 蔚县的来一袋 after millets were listed): the
product just shown whose name holds that place word (朝阳小米), never every product from that city (建平荞麦面 is from
朝阳市 too). A name holding the place beats the origin filter, among what was shown; with nothing shown, or no shown
name holding the word, the origin filter reads it as before.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.products import Resolution, by_size_said

if TYPE_CHECKING:
    from bot.dialogue import Turn


def referred(turn: Turn) -> Resolution | None:
    """The shown products whose names hold the place said (see the module), else None."""
    u, cards = turn.u, turn.ctx.search.cards
    if u.origin is None or u.product_words or u.foreign or u.pick or u.drop is not None:
        return None
    mention = u.origin.mention
    named = [cards[s] for s in turn.state.shown if s in cards and mention in cards[s]["name"]]
    if not named:
        return None
    sized = by_size_said(named, u)  # 蔚县5kg的来一袋: of the two 蔚县 millets, the 5kg bag
    return Resolution(candidates=sized, total=len(sized), family=[c["sku"] for c in named])
