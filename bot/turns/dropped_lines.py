"""A line of the draft dropped by name (小米不要了, 把蜂蜜去掉, 朗县的不要了, 第二个不要了; 2斤的不要了: by the size
its pack holds): that line goes and the rest stays; a name that is in no line of the draft is said so, the draft
kept; only an emptied draft is cancelled."""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot import numerals, pack_sizes, replies
from bot.draft import Draft
from bot.reply import Reply
from bot.turns import quantity

if TYPE_CHECKING:
    from bot.dialogue import Turn
    from bot.understanding import Understanding


def names_a_line(u: Understanding) -> bool:
    """Whether a removal names a line: its goods, a position, an origin or a size (2斤的不要了)."""
    return bool(u.product_words or u.pick or u.origin or u.specs)


async def remove_line(turn: Turn, d: Draft) -> Reply | None:
    """小米不要了 / 把蜂蜜去掉 / 腊肉那个删了: the lines it names go, whether settled, being chosen or sized
    (pending) or still waiting their turn (queued); the rest is asked about or summed up. Only an empty draft is a
    cancel ("已经取消，这一单不下了" came when the line named was still being chosen)."""
    if turn.u.pick and not turn.u.product_words:  # 第二个不要了 at a summary: the second line shown, not the order
        cards = turn.ctx.search.cards
        picked = numerals.picked([cards[s] for s in turn.state.shown if s in cards], turn.u.pick)
        skus = {picked["sku"]} if picked is not None else set()
    elif turn.u.specs and not turn.u.product_words and not turn.u.origin:  # 2斤的不要了: the line of that size
        cards = turn.ctx.search.cards
        held_skus = [ln.sku for ln in (*d.lines, *d.queued, d.pending) if ln is not None and ln.sku in cards]
        skus = {s for s in held_skus if s and any(pack_sizes.holds(cards[s], spec) for spec in turn.u.specs)}
    else:
        found = turn.resolve_products()
        skus = {c["sku"] for c in found.candidates} | set(found.family)
    held = [ln.sku for ln in (*d.lines, *d.queued, d.pending) if ln is not None and ln.sku and ln.sku in skus]
    if not d.drop_named(skus):
        return await _not_in_draft(turn, d) if skus else None
    if d.empty:
        turn.state.draft = None
        return turn.say(replies.CANCELLED, "cancel", suggestions=replies.START_SUGGESTIONS)
    reply = await quantity.advance(turn, d)
    reply.reply = "好的，已去掉。\n" + reply.reply.removeprefix("好的。").removeprefix("好的，")
    reply.intent = "order"
    if len(set(held)) == 1 and held[0] in turn.ctx.search.cards:  # the line this turn is about, now none of it
        reply.slots = {"sku": held[0], "qty": 0, "amount_fen": None, "unit": turn.ctx.search.cards[held[0]]["unit"],
                       "total_qty_text": None}
    return reply


async def _not_in_draft(turn: Turn, d: Draft) -> Reply:
    """大米不要了 / 朗县的不要了 naming nothing in the draft: said so, the draft kept (it cancelled the whole draft)."""
    u = turn.u
    said = "、".join(u.product_words) or (u.origin.mention + "的" if u.origin is not None else "这个")
    reply = await quantity.advance(turn, d)
    reply.reply = f"订单里没有{said}，其余不变。\n" + reply.reply.removeprefix("好的。").removeprefix("好的，")
    reply.intent = "order"
    return reply
