"""The answer to "which size?" given as a count in the pack word only one of them is sold in (挂面 in 2.5kg袋 and
1把约500g → 来5把 / 改成5把: the 把), or as an amount (红枣来三斤 → 1kg袋 or 2.5kg箱? → 那就两公斤吧 / 那要五斤 /
那就一公斤): the variant of which a whole number of packs holds that amount, the fewest packs (2 × 1kg; 1 × 2.5kg;
1 × 1kg)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot import pack_sizes, packs
from bot.draft import Line
from bot.packs import Asked
from bot.turns import quantity
from bot.understanding import METRIC, spec_of

if TYPE_CHECKING:
    from bot.dialogue import Turn


def by_amount(turn: Turn, pending: Line) -> tuple[dict[str, Any], int] | None:
    """(product, packs) when the message is only an amount and one product offered (or one product's sizes, the fewest
    packs) holds it in whole packs; None otherwise, and when a pack is counted (两袋) or a product named."""
    u = turn.u
    if u.product_words or u.pick or len(u.quantities) != 1:
        return None
    return fewest_packs(turn, quantity.family_of(turn, pending))


def fewest_packs(turn: Turn, cards: list[dict[str, Any]]) -> tuple[dict[str, Any], int] | None:
    """(product, packs): of one product's sizes among `cards`, the one of which the fewest whole packs hold the one
    amount said (20斤 of 5斤 and 10斤 boxes: 2 × 10斤); None when the message says no single amount, or no size or
    the sizes of several products hold it whole."""
    each = fewest_of_each(turn, cards)
    return each[0] if len(each) == 1 else None


def fewest_of_each(turn: Turn, cards: list[dict[str, Any]]) -> list[tuple[dict[str, Any], int]]:
    """For each product among `cards` (its sizes together), the size of which the fewest whole packs hold the one
    amount said, with that number of packs (10斤大米 over four rices in 5kg bags: each rice, one bag); in the order
    of `cards`, empty when no single weight, volume or count of pieces was said."""
    asked = _one_amount(turn)
    if asked is None:
        return []
    best: dict[str, tuple[dict[str, Any], int]] = {}
    for card, n in packs.fitting(cards, asked):
        core = quantity.core_of(turn, card)
        if core not in best or n < best[core][1]:
            best[core] = (card, n)
    return list(best.values())


def by_pack_word(turn: Turn, pending: Line) -> dict[str, Any] | None:
    """The one product offered sold in the pack word counted (来5把 over 袋 and 把), when no product is named; None
    when several are sold so, or none, or the word is a measure (斤, kg: `by_amount`)."""
    u = turn.u
    words = {q.unit for q in u.quantities if q.unit not in METRIC and q.unit not in packs.GENERIC_COUNT}
    if u.product_words or u.pick or len(words) != 1:
        return None
    offered = [turn.ctx.search.cards[s] for s in pending.candidates if s in turn.ctx.search.cards]
    sold_so = [card for card in offered if card["unit"] in words]
    return sold_so[0] if len(sold_so) == 1 and len(offered) > 1 else None


def amount_over_tags(turn: Turn, line: Line) -> None:
    """鄱阳湖大米50斤，学校食堂用, the 10kg bag tagged 食堂 and a 5kg bag too: an amount with no pack size said is
    read against every pack of the product (the same name but the size), so the pack is chosen by the amount (50斤 =
    25kg: 5 × 5kg; 60斤: 3 × 10kg, the fewest packs), never by a tag word that matched one pack only. When no pack
    holds it whole, which pack is asked with all of them. Left alone: a count of packs (两袋), a pack size said (10kg
    的来两袋, 要20斤装的), several quantities."""
    u = turn.u
    if len(u.quantities) != 1 or u.quantities[0].unit not in METRIC or pack_sizes.named(u) \
            or any(s != spec_of(u.quantities[0]) for s in u.specs):
        return  # 10kg的来40斤: a pack size said besides the amount
    card = turn.ctx.search.cards.get(line.sku) if line.sku else None
    if quantity.names_the_pack(turn, card):
        return  # 换成5kg的, 金线美大米 5kg: the pack named, not an amount
    skus = [line.sku] if line.sku else list(line.candidates)
    widened = quantity.with_variants(turn, skus)
    if len(widened) > len(skus):
        line.sku, line.candidates = None, widened


def amount_unfitted(turn: Turn, cards: list[dict[str, Any]]) -> str:
    """8斤板栗多少钱 of 3斤 and 5斤 packs: the words that say no size holds the amount said in whole packs ("" when one
    does, or no single weight, volume or count of pieces was said)."""
    asked = _one_amount(turn)
    if asked is None or packs.fitting(cards, asked):
        return ""
    return f"没有正好装{asked.text()}的规格。"


def _one_amount(turn: Turn) -> Asked | None:
    """The one weight, volume or count of pieces the message says (20斤, 90个); None for a count of packs, or when
    it says no quantity or several."""
    if len(turn.u.quantities) != 1:
        return None
    said = turn.u.quantities[0]
    asked = Asked(said.value, said.unit)
    return asked if asked.measured is not None else None
