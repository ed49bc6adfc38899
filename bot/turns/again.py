"""再来一单 / 和上次一样 / 老样子: the lines of the shopper's latest goods order, put in a new draft to confirm (what is
no longer sold is said and left out). Nothing is placed until the shopper confirms the summary."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import replies
from bot.draft import Draft, Line
from bot.reply import Reply
from bot.turns import quantity
from models.services import assistant_reads

if TYPE_CHECKING:
    from bot.dialogue import Turn

# The last order asked for again: 再来一单, 再下一单, 和上次一样, 照上次的, 上次那单再来, 老样子, 还是那些.
_AGAIN = re.compile(r"(?:再来|再下|再买|再订|重下|重新下|复购)(?:一|1)?单"
                    r"|(?:和|跟|同|照|按)上[次回](?:一样|的|那样|那单)"
                    r"|上[次回](?:那|的)?(?:单|一单|那些|那几样|买的)(?:再|还)(?:来|要|买)|老样子|还是那些")


def asks_again(text: str) -> bool:
    return _AGAIN.search(text) is not None


async def repeat_last(turn: Turn) -> Reply:
    bought = await assistant_reads.last_goods_lines(turn.ctx.user)
    cards = turn.ctx.search.cards
    if not bought:
        return turn.say("您还没有买过东西，没有上一单可以照着下。想买点什么？", "order",
                        suggestions=replies.START_SUGGESTIONS)
    gone = [sku for sku, _ in bought if sku not in cards]
    d = Draft(kind="goods", lines=[Line(sku=sku, qty=qty) for sku, qty in bought if sku in cards])
    if not d.lines:
        return turn.say("上一单的商品现在都不在售了。想看看别的吗？", "order", suggestions=replies.START_SUGGESTIONS)
    turn.state.draft = d
    reply = await quantity.advance(turn, d)
    note = f"（上一单里有{len(gone)}样现在不在售，没有加进来）\n" if gone else ""
    reply.reply = f"照上一单来：\n{note}{reply.reply}"
    return reply
