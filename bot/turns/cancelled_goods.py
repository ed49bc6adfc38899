"""The goods of an order just cancelled are what the next message means when it names none: 来两袋元阳红米5kg → 确认
→ 刚那单取消 → 帮我重新来一袋2.5kg的 orders the same red rice in its 2.5kg bag (one product in several sizes becomes
the topic, bot/turns/referents.py). An order of several products leaves no topic: which of them is asked."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.turns import quantity
from bot.turns.referents import TOPIC_SIZE
from models.services import assistant_reads

if TYPE_CHECKING:
    from bot.dialogue import Turn


async def remember(turn: Turn, order: Any) -> None:
    """After `order` was cancelled: its product (with its other sizes) is the topic when it holds one product."""
    cards = turn.ctx.search.cards
    skus = [s for s in await assistant_reads.order_skus(order.id) if s in cards]
    if skus and len({quantity.core_of(turn, cards[s]) for s in skus}) == 1:
        turn.state.topic = quantity.with_variants(turn, skus)[:TOPIC_SIZE]
