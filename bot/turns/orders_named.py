"""A placed order referred to by a product in it (学校那批燕麦片发货了没, 已经下的那个大米的单取消掉): the product said
is resolved as usual, and the orders answered about are those holding one of the products it names, when any does
(otherwise the orders as before); the product found in them is shown with the answer (so 这个 next is it)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from models.services import assistant_reads

if TYPE_CHECKING:
    from bot.dialogue import Turn

RECENT = 10  # orders looked through for the product named


def products(turn: Turn) -> list[dict[str, Any]]:
    """The products the message names ([] when it names none)."""
    if not turn.u.product_words:
        return []
    found = turn.resolve_products()
    return [] if found.refused else found.candidates


def held(named: list[dict[str, Any]], items: list[tuple[str, int, str]]) -> dict[str, Any] | None:
    """The first of the products named among an order's lines (name, qty, unit), or None."""
    names = {name for name, _, _ in items}
    return next((c for c in named if c["name"] in names), None)


async def holding(turn: Turn, named: list[dict[str, Any]], order_nos: list[str]
                  ) -> tuple[list[str], dict[str, Any] | None]:
    """(those of `order_nos` holding a product named, in the same order — all of them when none does; the product
    found in them, or None)."""
    if not named:
        return order_nos, None
    rows = await assistant_reads.recent_orders_with_items(turn.ctx.user, RECENT)
    found = {o.order_no: card for o, items in rows if (card := held(named, items)) is not None}
    kept = [no for no in order_nos if no in found]
    return (kept, found[kept[0]]) if kept else (order_nos, None)
