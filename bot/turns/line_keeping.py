"""Lines kept while the shopper changes course: a quantity said while the product is still chosen is the line's
new one (核桃来四斤 → 还是要六斤吧), and a line still asked about waits its turn while another is added."""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.draft import Line
from bot.products import Resolution
from bot.turns import quantity

if TYPE_CHECKING:
    from bot.dialogue import Turn


def recounted_while_choosing(turn: Turn, pending: Line) -> bool:
    """A quantity alone, said while the product is still being chosen, is the new quantity of the line (it was
    lost, and the line kept the first one: 共4斤 after 改成六斤). True when the line took it."""
    u = turn.u
    if pending.sku is not None or u.product_words or u.origin or u.pick or not (u.quantities or u.number):
        return False
    before = (pending.qty, pending.asked)
    quantity.apply_quantity(turn, pending)
    return (pending.qty, pending.asked) != before


def same_goods(line: Line, found: Resolution) -> bool:
    skus = {c["sku"] for c in found.candidates} | set(found.family)
    return line.sku in skus or bool(set(line.candidates) & skus)
