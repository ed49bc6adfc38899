"""What is in the order being made asked (购物车里有啥, 我刚才选了哪些, 现在订单里有什么, 我点了啥, 篮子里都有什么): the
draft's lines shown — the summary to confirm when it is complete, else what is noted and what is still asked — and
never a search (购物车 is no goods). With no draft: nothing is being ordered, and where placed orders are seen.

Not this: 我买过什么 / 我的订单 (orders placed: order_status), 订单里的蜂蜜改成三瓶 (a change to a line).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot import draft_asked, replies
from bot.draft import Line
from bot.reply import Reply
from bot.turns import placing, quantity

if TYPE_CHECKING:
    from bot.dialogue import Turn


async def status(turn: Turn) -> Reply:
    """An order_status: the draft when it is what is asked (bot.draft_asked), else the orders placed."""
    return await show(turn) if draft_asked.asked(turn.u.text) else await placing.info(turn)


async def show(turn: Turn) -> Reply:
    """The draft as it stands, or that there is none."""
    d = turn.draft
    if d is None:
        return turn.say("您现在还没有在下的单，购物车是空的。已经下过的订单，说“我的订单”就能查看。想买点什么？",
                        "order_status", suggestions=["我的订单", *replies.START_SUGGESTIONS])
    if d.kind == "card" or (d.awaiting == "confirm" and d.pending is None):
        reply = await quantity.advance(turn, d)  # the summary to confirm, as it was shown
        reply.reply = f"您现在这一单：\n{reply.reply}"
        return reply
    noted = [_line(turn, ln) for ln in [*d.lines, *([d.pending] if d.pending is not None else [])]]
    listed = "\n".join(noted) if noted else "还没有选定的商品"
    text = f"您现在这一单：\n{listed}{turn.pending_question()}"
    return turn.say(text, "order", suggestions=turn.resume_suggestions())


def _line(turn: Turn, line: Line) -> str:
    """蜂蜜 ×2瓶; 春中宝蜂蜜（数量还没定）; 平武中蜂蜜等5款里还没选是哪一款（2瓶）."""
    cards = turn.ctx.search.cards
    card = cards.get(line.sku) if line.sku is not None else None
    if card is not None:
        return f"{card['name']} ×{line.qty}{card['unit']}" if line.qty else f"{card['name']}（数量还没定）"
    options = [cards[s]["name"] for s in line.candidates if s in cards]
    count = f"（{line.qty}{cards[line.candidates[0]]['unit']}）" if line.qty and options else ""
    return f"{options[0]}等{len(options)}款里还没选是哪一款{count}" if options else "还有一样没选定是哪一款"
