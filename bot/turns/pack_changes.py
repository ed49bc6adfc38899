"""Changes of pack size on a line of the draft: 换成5kg的, 还是要10斤吧, 再加两盒30枚装的, 换成20枚装的 (another
product of the same kind that comes in that size)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot import pack_sizes
from bot.draft import Draft, Line
from bot.reply import Reply
from bot.turns import common, quantity
from bot.understanding import METRIC

if TYPE_CHECKING:
    from bot.dialogue import Turn


async def resized(turn: Turn, d: Draft, line: Line) -> Reply | None:
    """换成5kg的 / 还是要10斤吧: another pack of the same product; 要20斤装的 when the line is of that size already:
    the line kept, its amount too (20斤一箱的 after 100斤 made it one box). None when neither."""
    other = other_pack(turn, line)
    if other is not None:
        return await switch_pack(turn, d, line, other)
    card = turn.ctx.search.cards.get(line.sku or "")
    counted = "add" in turn.u.cues or any(q.unit not in METRIC for q in turn.u.quantities)  # 再加两盒30枚装的: not so
    said = [s for s in turn.u.specs if f"{s}装" in turn.u.text.replace(" ", "")]  # 改成250克: an amount, not so
    if card is not None and not counted and any(pack_sizes.holds(card, s) for s in said):
        return await quantity.advance(turn, d)
    return None


def other_pack(turn: Turn, line: Line) -> dict[str, Any] | None:
    """A variant of the line's product (among those it was chosen from) whose name carries a pack size said."""
    family = [s for s in line.candidates if s != line.sku and s in turn.ctx.search.cards]
    if not family:
        found = turn.resolve_products(within=None)
        family = [s for s in found.family if s != line.sku] if not found.unknown else []
    if not family and line.sku and turn.u.specs and not turn.u.product_words:  # 再来一袋两双的: its other packs
        family = [s for s in quantity.with_variants(turn, [line.sku]) if s != line.sku]
    if not family:
        return None
    narrowed = turn.resolve_products(within=[line.sku or "", *family])
    chosen = narrowed.chosen
    if chosen is None and turn.u.specs:  # 再来一袋两双的 (鞋垫 2双装): a size the name writes, no weight or count
        cards = turn.ctx.search.cards
        sized = [s for s in family if any(spec in cards[s]["name"] for spec in turn.u.specs)]
        chosen = cards[sized[0]] if len(sized) == 1 else None
    return chosen if chosen is not None and chosen["sku"] != line.sku else None


async def another_size(turn: Turn, d: Draft, line: Line) -> Reply | None:
    """A pack size named for the product in the draft: none of its variants holds it → ask with the sizes there
    are (the line stays as it was); 再加 with a variant that holds it → a new line of that variant."""
    family = quantity.family_of(turn, Line(sku=line.sku, candidates=line.candidates))
    if not pack_sizes.named(turn.u) and "add" not in turn.u.cues:
        return None
    size = pack_sizes.missing(turn.u, family) if pack_sizes.named(turn.u) else None
    kin = pack_sizes.kin_holding(family[0], list(turn.ctx.search.cards.values()), size) if size and family else []
    if kin:  # 再加两盒20枚装的 after 城口山地鸡蛋 (30枚): 无量山乌鸡蛋 comes in 20枚装
        return await kin_size(turn, d, line, kin)
    if size:
        d.lines = common.merge(d.lines, line) if line is d.pending and line.qty else d.lines
        d.pending = Line(sku=None, candidates=[c["sku"] for c in family])
        return await quantity.advance(turn, d)
    other = other_pack(turn, line) if "add" in turn.u.cues else None
    if other is None:
        return None
    if d.pending is not None and d.pending.sku and d.pending.qty:
        d.lines = common.merge(d.lines, d.pending)
    d.pending = Line(sku=other["sku"], candidates=[c["sku"] for c in family])
    quantity.apply_quantity(turn, d.pending)
    return await quantity.advance(turn, d)


async def kin_size(turn: Turn, d: Draft, line: Line, kin: list[dict[str, Any]]) -> Reply:
    """The size named is another product's of the same kind: 再加 adds a line of it, otherwise it takes the line's
    place; several such products are asked about."""
    add = "add" in turn.u.cues
    if add:
        if d.pending is not None and d.pending.sku and d.pending.qty:
            d.lines = common.merge(d.lines, d.pending)
    else:
        d.lines = [ln for ln in d.lines if ln is not line]
    d.pending = Line(sku=kin[0]["sku"] if len(kin) == 1 else None, qty=None if add else line.qty,
                     candidates=[c["sku"] for c in kin])  # 换成20枚装的 keeps the count, as for the product's own sizes
    quantity.apply_quantity(turn, d.pending)
    return await quantity.advance(turn, d)


async def switch_pack(turn: Turn, d: Draft, line: Line, card: dict[str, Any]) -> Reply:
    """The line becomes the other pack: a pack count said is its count; a pack size said as such (…的) keeps the
    count; an amount (还是要10斤) is read against the new pack."""
    u = turn.u
    counted = [q for q in u.quantities if q.unit not in METRIC]
    line.sku = card["sku"]
    if counted or (u.quantities and not quantity.names_the_pack(turn, card)):
        line.qty = None
        quantity.apply_quantity(turn, line)
    return await quantity.advance(turn, d)


async def named_line_resized(turn: Turn, d: Draft) -> Reply | None:
    """丝苗米改成5kg的 while another line waits for its count: the line of the draft named takes the size said, its
    count kept, and the line waiting is asked again (the message was read as a new order, and the rice's count and
    the line waiting were LOST)."""
    u = turn.u
    if not (u.product_words and u.specs) or "add" in u.cues or d.pending is None or not d.lines:
        return None
    found = turn.resolve_products()
    skus = {c["sku"] for c in found.candidates} | set(found.family)
    named = [ln for ln in d.lines if ln.sku in skus]
    if len(named) != 1 or d.pending.sku in skus or set(d.pending.candidates) & skus:
        return None
    other = other_pack(turn, named[0])
    if other is None:
        return None
    reply = await switch_pack(turn, d, named[0], other)
    if "请确认订单" not in reply.reply and named[0].qty:  # the line waiting asked: the change said first
        changed = f"好的，已改为：{other['name']} ×{named[0].qty}{other['unit']}。\n"
        reply.reply = changed + reply.reply.removeprefix("好的，")
    return reply
