"""A kind word said with "this" (这个米来两袋, 这款大米多少钱一袋, 这蜂蜜来两瓶, this honey 2 bottles) is the product in
view, never the whole kind searched again: 这个米 after 金线美大米 was shown is 金线美大米, not 互助青稞米.

The product in view is the draft's current line, else the one product just shown. Only when every product word of
the message is in its name or tags (这个蜂蜜 of a honey in view; 这个大米 of a walnut in view is a new search), and no
size, origin or position is said with it (这个蜂蜜换成1kg的 is read against the product's sizes as usual).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bot.products import Resolution

if TYPE_CHECKING:
    from bot.dialogue import Turn

_THIS = r"(?:这|this\s*|that\s*)(?:一)?(?:个|款|种|瓶|袋|盒|箱|罐|包|份)?\s*"


def _in_view(turn: Turn) -> dict[str, Any] | None:
    d, cards = turn.draft, turn.ctx.search.cards
    line = d.current if d is not None and d.kind == "goods" else None
    if line is not None and line.sku is not None:
        return cards.get(line.sku)
    shown = turn.state.shown
    return cards.get(shown[0]) if len(shown) == 1 else None


def referred(turn: Turn) -> Resolution | None:
    """The product in view when the message says "this" of that product's kind (see the module), else None."""
    u = turn.u
    if not u.product_words or u.specs or u.origin or u.pick or u.drop is not None:
        return None
    if not re.search(_THIS + re.escape(u.product_words[0]), u.text, re.IGNORECASE):
        return None
    card = _in_view(turn)
    if card is None or not all(w in card["name"] or w in card.get("tags", ()) for w in u.product_words):
        return None
    return Resolution(candidates=[card], total=1, family=[card["sku"]])
