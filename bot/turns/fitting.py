"""The answer to "which size?" given as an amount (红枣来三斤 → 1kg袋 or 2.5kg箱? → 那就两公斤吧 / 那要五斤 /
那就一公斤): the variant of which a whole number of packs holds that amount, the fewest packs (2 × 1kg; 1 × 2.5kg;
1 × 1kg)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot import packs
from bot.draft import Line
from bot.packs import Asked
from bot.turns import quantity

if TYPE_CHECKING:
    from bot.dialogue import Turn


def by_amount(turn: Turn, pending: Line) -> tuple[dict[str, Any], int] | None:
    """(product, packs) when the message is only an amount and one product offered (or one product's sizes, the fewest
    packs) holds it in whole packs; None otherwise, and when a pack is counted (两袋) or a product named."""
    u = turn.u
    if u.product_words or u.pick or len(u.quantities) != 1:
        return None
    said = u.quantities[0]
    asked = Asked(said.value, said.unit)
    if asked.measured is None:
        return None
    fits = packs.fitting(quantity.family_of(turn, pending), asked)
    if not fits or len({quantity.core_of(turn, card) for card, _ in fits}) != 1:
        return None
    fewest = min(n for _, n in fits)
    best = [(card, n) for card, n in fits if n == fewest]
    return best[0] if len(best) == 1 else None
