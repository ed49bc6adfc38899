"""A count said for one line of a draft of several, by its product's name: 大米改成一袋就行 / 蜂蜜要两瓶就够了 at the
summary of rice and honey changes the rice's (the honey's) count, whichever line came last; the other lines stay.

Only when no pack size is said (大米换成10kg的 changes the pack: bot.turns.pack_changes) and nothing is added (再加一袋
大米: a new request). When the name is of two lines or more (鸡蛋换成两盒 with a 30枚 box and a 60枚 box of eggs), which
line is asked, listing those lines: nothing changes until the answer (第二个 / 60枚的), whose line then takes the count.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot import pack_sizes, replies
from bot.draft import Draft, Line
from bot.reply import Reply
from bot.turns import common, quantity

if TYPE_CHECKING:
    from bot.dialogue import Turn


async def recount_named(turn: Turn, d: Draft) -> Reply | None:
    u = turn.u
    if "add" in u.cues or not u.product_words or u.specs or u.drop is not None \
            or d.awaiting not in ("confirm", "address", "qty"):
        return None
    lines = [*d.lines, *([d.pending] if d.pending is not None else [])]
    if len(lines) < 2:
        return None  # the line in the draft: its own rules (bot.turns.goods)
    found = turn.resolve_products()
    skus = {c["sku"] for c in found.candidates} | set(found.family)
    named = [ln for ln in lines if ln.sku is not None and ln.sku in skus] or _by_name(turn, lines)
    if len(named) >= 2 and d.pending is None and (u.quantities or u.number is not None):
        return _ask_which(turn, d, named)
    if len(named) != 1 or named[0].sku not in turn.ctx.search.cards:
        return None
    line, sku = named[0], named[0].sku or ""
    if common.quantity_for(u.quantities, turn.ctx.search.cards[sku]["unit"]) is None and u.number is None:
        return None
    return await _recounted(turn, d, line)


async def recount_while_choosing(turn: Turn, d: Draft) -> Reply | None:
    """辣椒改成两袋 / 辣椒要两袋 while the 莜面 of the same message is being chosen: the line already noted (or waiting
    its turn) that the word names takes the count, and the choice is asked again after what the draft holds; a word
    that names no line (nor the goods being chosen) is a new pick, answered as before (None)."""
    u, pending = turn.u, d.pending
    if pending is None or "add" in u.cues or not u.product_words or u.specs or u.drop is not None or u.pick \
            or not (u.quantities or u.number is not None):
        return None
    found = turn.resolve_products()
    skus = {c["sku"] for c in found.candidates} | set(found.family)
    if pending.sku in skus or skus & set(pending.candidates):
        return None  # the goods being chosen named: the answer to "which one?"
    named = [ln for ln in (*d.lines, *d.queued) if ln.sku in skus or skus & set(ln.candidates)] \
        or _by_name(turn, d.lines)
    if len(named) != 1:
        return None
    line, trial = named[0], Line(sku=named[0].sku, candidates=list(named[0].candidates))
    quantity.apply_quantity(turn, trial)
    if not trial.qty and not (trial.sku is None and trial.asked):
        return None  # no whole number of its packs: left to the rules that ask
    line.qty, line.asked = trial.qty, trial.asked
    reply = await quantity.advance(turn, d)
    if d.pending is not None and d.lines and "已记下" not in reply.reply:
        cards = turn.ctx.search.cards
        reply.reply = replies.noted([(cards[ln.sku or ""], ln.qty) for ln in d.lines if ln.sku in cards and ln.qty]) \
            + reply.reply.removeprefix("好的，")
    return reply


async def recount_sized(turn: Turn, d: Draft) -> Reply | None:
    """10斤的改成两箱 / 礼盒的改成两盒 at a summary of several sizes of one product: the line of that size (its pack
    holds the size said, or it is the gift box) takes the count; the others stay (the 5斤 line VANISHED: the size was
    read as the whole draft's product switched to it)."""
    u, cards = turn.u, turn.ctx.search.cards
    boxed = "礼盒" in u.text and not u.specs
    if "add" in u.cues or u.product_words or not (u.specs or boxed) or d.awaiting not in ("confirm", "address") \
            or len(d.lines) < 2 or d.pending is not None:
        return None
    named = [ln for ln in d.lines if ln.sku in cards and ("礼盒" in cards[ln.sku or ""]["name"] if boxed
                                                           else all(pack_sizes.holds(cards[ln.sku or ""], s)
                                                                    for s in u.specs))]
    if len(named) != 1 or common.quantity_for(u.quantities, cards[named[0].sku or ""]["unit"]) is None:
        return None
    return await _recounted(turn, d, named[0])


async def _recounted(turn: Turn, d: Draft, line: Line) -> Reply:
    """The line takes the count said; the summary shows it (its slots are that line's)."""
    line.qty = None
    quantity.apply_quantity(turn, line)
    turn.touched = line
    return await quantity.advance(turn, d)


def _by_name(turn: Turn, lines: list[Line]) -> list[Line]:
    """The lines whose product's name holds every word said (米改成30袋 with 江永香米 and 菜籽油: the rice, though
    米 alone finds other rices first): a short word read against the draft, not the whole catalogue."""
    cards = turn.ctx.search.cards
    words = turn.u.product_words
    return [ln for ln in lines if ln.sku in cards and all(w in cards[ln.sku or ""]["name"] for w in words)]


def _ask_which(turn: Turn, d: Draft, named: list[Line]) -> Reply:
    """鸡蛋换成两盒 with two lines of eggs: "which line?", the count held on a line being chosen among them (the one
    chosen then takes it in place of its own: bot.turns.common.merge); the draft is unchanged until then."""
    cards = turn.ctx.search.cards
    shown = [ln for ln in named if ln.sku in cards]
    pending = Line(candidates=[ln.sku or "" for ln in shown])
    quantity.apply_quantity(turn, pending)
    d.pending, d.awaiting = pending, "choice"
    rows = "\n".join(f"{i}. {cards[ln.sku or '']['name']} ×{ln.qty}{cards[ln.sku or '']['unit']}"
                     for i, ln in enumerate(shown, 1))
    text = f"订单里有{len(shown)}行都是这个，要改哪一行？\n{rows}\n说“第一个”或说规格就行。"
    return turn.say(text, "order", [cards[ln.sku or ""] for ln in shown],
                    suggestions=replies.pick_suggestions(len(shown)))
