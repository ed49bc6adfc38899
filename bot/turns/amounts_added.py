"""再加10斤 / 再来5斤 / 少要10斤 at a summary: an amount (a weight or volume) said after a word of more or less, and no
other goods named, changes the line just ordered by the packs that amount is, read by the usual rule: of the
product's sizes, the one of which the fewest whole packs hold it (bot/turns/fitting.py).

张北土豆两箱 (10斤 boxes) → 再加10斤: three boxes (it was read as the line's new count: one box). When another size
holds the amount in fewer packs (康保莜面2.5kg两袋 → 再加5kg: one 5kg bag) or no whole number of packs holds it
(再加5斤 of 10斤 boxes), the message is left to the rules that add that size or ask (None here); 再来10斤的 / 10斤装
name a size, not an amount, and are left alone too; so is an amount of other goods named or placed (再来两斤宁陕的
with 狼牙蜜 drafted)."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bot import packs
from bot.packs import Asked
from bot.turns import quantity
from bot.understanding import METRIC

if TYPE_CHECKING:
    from bot.dialogue import Turn
    from bot.draft import Line


def count_after(turn: Turn, line: Line, sign_of: Callable[[str], int]) -> int | None:
    """The line's count once the amount said is added to it (taken away: `sign_of` reads the words before the
    amount, 1 more, -1 less, 0 neither); None when the message is no such change of this line."""
    u, cards = turn.u, turn.ctx.search.cards
    said = [q for q in u.quantities if q.unit != "样"]
    if len(said) != 1 or said[0].unit not in METRIC or u.pick or not line.sku or line.sku not in cards \
            or not line.qty or u.text[said[0].end:said[0].end + 1] in ("的", "装"):
        return None
    if (u.product_words or u.origin or u.product_text.strip()) \
            and not any(c["sku"] == line.sku for c in turn.resolve_products().candidates):
        return None  # 再来两斤宁陕的 with 狼牙蜜 drafted: other goods, a line of their own
    sign = sign_of(u.text[:said[0].start])
    fits = dict((card["sku"], n) for card, n in packs.fitting(
        [cards[s] for s in quantity.with_variants(turn, [line.sku]) if s in cards], Asked(said[0].value, said[0].unit)))
    if not sign or line.sku not in fits or fits[line.sku] > min(fits.values()):
        return None
    count = line.qty + sign * fits[line.sku]
    return count if 1 <= count <= quantity.MAX_QTY else None
