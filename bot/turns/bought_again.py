"""Goods bought before, named again (上次买的苹果 再来两箱, 跟上回一样的蜂蜜来一瓶, 还要上次那种大米 两袋) or told of
after they came (上次买的苹果有点烂 能退吗): when the customer has an order holding a product of that name, that very
product (its sku), the latest bought first; with none, the name is read as always (every apple there is).

Only the products the message already names are narrowed: 上次的苹果 never becomes the honey bought last time.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import shop_questions
from bot.products import Resolution
from bot.turns.again import asks_again
from models.services import assistant_reads

if TYPE_CHECKING:
    from bot.dialogue import Turn

# The time of a purchase said (上次买的, 上回那种, 跟上回一样的, 之前在你家买的, 还是原来那个, 一直买的).
_BEFORE = re.compile(r"上[次回]|上一[次回]|之前|以前|前[几两些]天|前天|昨天|上个?月|上周|上礼拜|上星期|去年|那次"
                     r"|原来那|一直买的|常买的|老买的|买过的")


async def narrow(turn: Turn) -> None:
    """The product bought before, when the message names it as such (see the module); else nothing changes."""
    u = turn.u
    told = u.intent == "ask_info" and shop_questions.after_sales(u.text)
    if not u.product_words or not (told or (u.intent == "order" and _BEFORE.search(turn.said))):
        return
    found = turn.resolve_products()
    if len(found.candidates) < 2:
        return
    bought = await assistant_reads.bought_skus(turn.ctx.user)
    named = {c["sku"]: c for c in found.candidates}
    mine = [named[sku] for sku in bought if sku in named]
    if mine:
        turn.resolved = Resolution(candidates=mine[:1], total=1)


async def earlier_orders(turn: Turn) -> bool:
    """Whether the whole latest order is asked again (再来一单 / 和上次一样, no goods named); otherwise the goods named
    as bought before are narrowed to the customer's own (see `narrow`) for the turns that follow."""
    if asks_again(turn.u.text) and not turn.u.product_words:
        return True
    await narrow(turn)
    return False
