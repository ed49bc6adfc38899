"""Love cards bought in the middle of card talk, the card not named again (a seventeenth held-out round's kind).

After a balance question, a claim or a card purchase, 再买一张100的送我同学 / 给我妹也来一张200的 / 再来两张50的送人 /
再来一张 buy love cards: a count of 张 or a face value, and no goods named. Without that talk the same words are
read as they always were (来一张500的 alone is no card purchase). A yes or a greeting in between (好的, 谢谢) does
not end the card talk; goods asked for or shown do.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.draft import DialogueState
from bot.reply import Reply
from bot.turns import placing

if TYPE_CHECKING:
    from bot.dialogue import Turn

CARD_TALK = frozenset({"buy_card", "claim_card", "card_balance"})
_IN_BETWEEN = frozenset({"confirm", "greet"})  # 好的 / 谢谢 after a balance answer: still card talk


def remember(state: DialogueState, reply: Reply, before: str | None) -> None:
    """The intent answered, kept as card talk through a card order placed or a yes / thanks that changed nothing."""
    if reply.order is not None and reply.order.get("kind") == "card":
        state.answered = "buy_card"  # 确认 placed the cards: 再来两张50的送人 buys more
    elif before in CARD_TALK and reply.intent in _IN_BETWEEN and reply.order is None and not reply.products:
        state.answered = before


def wanted(turn: Turn) -> bool:
    """The message buys more love cards (see the module)."""
    u, d = turn.u, turn.draft
    if turn.state.answered not in CARD_TALK or d is not None:  # a card draft takes its own changes
        return False
    if u.intent not in ("order", "search", "fallback") or u.about_products or u.foreign or u.pick or u.address:
        return False
    counted = u.quantity is not None and u.quantity.unit == "张"
    face = u.money_yuan is not None and (u.quantity is None or u.quantity.unit in ("张", "份", "个"))
    return (counted or face) and len(u.quantities) <= 1


async def take(turn: Turn) -> Reply | None:
    """A new card draft for the cards asked (the face value asked when not said), or None when none are."""
    if not wanted(turn):
        return None
    return await placing.start_card(turn)
