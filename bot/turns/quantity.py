"""Moving the draft on: quantities read against packs, the next question, the summary."""

from __future__ import annotations

import re
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from bot import pack_sizes, packs, replies
from bot.draft import Draft, Line
from bot.packs import Asked
from bot.reply import Reply
from bot.turns import common, pieces, sized_lines
from bot.understanding import METRIC, Understanding, spec_of
from models.services import addresses, card_purchase
from models.services.basket import MAX_QTY

if TYPE_CHECKING:
    from bot.dialogue import Turn


def names_the_pack(turn: Turn, card: dict[str, Any] | None = None) -> bool:
    """Every quantity in the message is a weight or volume used to say which pack (换成5kg的, 要2.5kg那种), or is the
    pack size written in the chosen product's name (the name sent back as it was offered: 金线美大米 5kg)."""
    u = turn.u
    if not u.quantities or not all(q.unit in METRIC for q in u.quantities):
        return False
    if u.text.rstrip("吧呀啊了").endswith(("的", "那种", "那个", "那款", "装")):
        return True
    if card is None:
        return False
    name = card["name"].lower().replace(" ", "")
    return all(spec_of(q) in name for q in u.quantities)


def apply_quantity(turn: Turn, line: Line, u: Understanding | None = None) -> None:
    """Put the message's quantity on the line: read against the product's pack when the product is known,
    kept as said (5斤, 60个) until it is otherwise."""
    u = u or turn.u
    card = turn.ctx.search.cards.get(line.sku) if line.sku else None
    said = common.quantity_for(pack_sizes.counts(u), card["unit"] if card else None)  # not 15枚 of 15枚那种
    if said is not None:
        asked = Asked(said.value, said.unit)
        if card is not None and said.unit in packs.CONTAINERS and said.unit != card["unit"] \
                and any(pack_sizes.holds(card, size) for size in pack_sizes.named(u)):
            asked = Asked(said.value, card["unit"])  # 一箱24个的猕猴桃: the box of 24 named, whatever the box is called
    elif u.number is not None:
        asked = Asked(u.number, "")
    else:
        cards = [card] if card is not None else [turn.ctx.search.cards[s] for s in line.candidates
                                                 if s in turn.ctx.search.cards]
        sized = _amount_said_as_size(u, cards) if cards else None
        if sized is None:
            return
        asked = sized
    line.qty, line.asked = None, asked.to_json()
    if card is None and (asked.measured is None or asked.unit in ("只", "个")) and asked.value.denominator == 1:
        line.qty = int(asked.value)  # 两箱 before the product is chosen: shown now, checked against its pack then
    settle(turn, line)


_METRIC_SIZE = re.compile(r"(\d+(?:\.\d+)?)(kg|g|斤|ml|l)")


def _amount_said_as_size(u: Understanding, cards: list[dict[str, Any]]) -> Asked | None:
    """要500克的银耳 of 100g bags, 要3斤的蜂蜜 of 500g jars: a weight or volume said with 的 that is no pack of the
    products is the amount wanted (five bags, three jars once one is chosen, as 要500克银耳 is), not a size to ask the
    count of. 500g装的 names a pack, and is left to ask."""
    for spec in u.specs:
        m = _METRIC_SIZE.fullmatch(spec)
        if m is not None and not any(pack_sizes.holds(c, spec) for c in cards) and not re.search(r"装|规格", u.text):
            return Asked(Fraction(m.group(1)), m.group(2))
    return None


def settle(turn: Turn, line: Line) -> None:
    """A quantity kept as said becomes a number of packs once the product is known and a whole number fits."""
    asked = Asked.from_json(line.asked)
    card = turn.ctx.search.cards.get(line.sku) if line.sku else None
    if asked is None or card is None:
        return
    reading = packs.read(asked, card)
    turn.why = reading.why
    turn.half = asked.value if reading.why == "fraction" else None
    line.qty = reading.packs
    if reading.packs is not None:
        line.asked = None


def nothing_to_choose(turn: Turn, d: Draft) -> bool:
    """A count held for a product not found (茅台来两瓶): with lines in the draft it goes (they are what is
    confirmed); alone, the product is asked for (True)."""
    p = d.pending
    if p is None or p.sku is not None or any(s in turn.ctx.search.cards for s in p.candidates):
        return False
    if d.lines:
        d.pending = None
        return False
    d.awaiting = "product"
    return True


async def advance(turn: Turn, d: Draft) -> Reply:
    """Ask the next missing thing, or show the summary and wait for confirmation."""
    if d.kind == "card":
        if d.amount_fen is None:
            d.awaiting = "amount"
            return turn.say(replies.ask_amount(turn.ctx.card_faces_fen), "buy_card",
                            suggestions=[replies.yuan(f) for f in turn.ctx.card_faces_fen])
        parts = card_purchase.orders_for(d.card_qty)  # 300张: three orders of 100, said before the confirm
        if not parts:
            d.awaiting = "count"
            most = card_purchase.MAX_CARDS_PER_ORDER * card_purchase.MAX_CARD_ORDERS_AT_ONCE
            return turn.say(replies.too_many_cards(d.card_qty, card_purchase.MAX_CARDS_PER_ORDER, most), "buy_card")
        d.awaiting = "confirm"
        return turn.say(replies.card_summary(d.amount_fen, d.card_qty, parts), "buy_card",
                        suggestions=list(replies.CONFIRM_SUGGESTIONS))
    cards_by_sku = turn.ctx.search.cards
    unsettled = next((ln for ln in d.lines if not ln.qty), None)
    if unsettled is not None and d.pending is None:  # a change made a line's quantity a question again
        d.lines.remove(unsettled)
        d.pending = unsettled
    if nothing_to_choose(turn, d):  # never "which one?" over an empty list
        return turn.say(replies.ASK_PRODUCT, "order", suggestions=replies.START_SUGGESTIONS)
    if d.pending is not None and d.pending.sku and d.pending.sizes:  # 苹果 10斤的两箱 5斤的一箱, the apples chosen
        sized_lines.chosen(turn, d, d.pending)
    p = d.pending
    if p is not None:
        size = "" if p.sizes else pack_sizes.missing(turn.u, family_of(turn, p))  # each size checked on choosing
        if size:
            return ask_size(turn, d, p, size)
        if p.sku is None:
            asked = await narrow_by_amount(turn, p)
            if asked is not None:
                return asked
        if p.sku is None and len(p.candidates) == 1:
            p.sku = p.candidates[0]  # 牦牛的 250g 来2包: one product fits, never "which one?" over a list of one
        if p.sku is None:
            d.awaiting = "choice"
            options = [cards_by_sku[s] for s in p.candidates if s in cards_by_sku][:common.SHOW]
            return turn.say(replies.choose(options, len(p.candidates)), "order", options,
                            suggestions=replies.pick_suggestions(len(options)))
        card = cards_by_sku.get(p.sku)
        if card is None:
            d.pending = None
            return turn.say(replies.not_sellable(p.sku), "order", [])
        settle(turn, p)
        if p.qty is None and p.asked and turn.why == "no_fit":
            return ask_pack(turn, d, p, card)
        if p.qty is None or not 1 <= p.qty <= MAX_QTY:
            d.awaiting = "qty"
            text = _count_question(turn, p, card)
            p.qty, p.asked = None, None
            return turn.say(text, "order", [card], suggestions=[f"{n}{card['unit']}" for n in (1, 2, 3)])
        if p.more:  # 再来两三袋 → 两袋: two more than the draft held
            p.qty, p.more = min(p.qty + p.more, MAX_QTY), 0
        d.lines = common.merge(d.lines, p)
        d.pending = None
        turn.touched = next((ln for ln in d.lines if ln.sku == p.sku), turn.touched)  # 大米改成600公斤: the slots' line
    return next_queued(turn, d) or await summarise(turn, d)


def _count_question(turn: Turn, p: Line, card: dict[str, Any]) -> str:
    """How the count of the chosen product is asked: against the unit said, the half said, the money said."""
    asked_as = Asked.from_json(p.asked)
    if asked_as is not None and turn.why == "other_unit" and asked_as.unit in replies.MONEY_UNITS:
        return replies.money_worth(card, asked_as.value)  # 买500块钱的大米: how many that buys, asked
    if asked_as is not None and turn.why == "other_unit":
        return replies.other_unit(card, packs.equivalent(card), asked_as.text())
    if turn.half is not None:
        return replies.whole_units(card, int(turn.half))
    if p.qty is None and not p.more and turn.u.money_yuan and turn.u.budget is None:
        return replies.money_worth(card, turn.u.money_yuan)  # 买200元的镇赉大米: what 200 yuan buys
    if p.qty:
        return replies.too_many(card, MAX_QTY)
    return replies.ask_more(card, p.more) if p.more else replies.ask_qty(card)


def next_queued(turn: Turn, d: Draft) -> Reply | None:
    """The next unclear line of a message that named several (蜂蜜两瓶 大米一袋): which one, or how many, asked now
    (read from what was said then, not from this answer); None when none is left."""
    cards_by_sku = turn.ctx.search.cards
    while d.queued:
        line = d.queued.pop(0)
        if line.sku is None and line.asked:
            _fit_amount(turn, line)  # 康保莜面15斤 after another line: 15斤 is three 2.5kg bags, as alone
        card = cards_by_sku.get(line.sku) if line.sku else None
        if card is not None and line.qty:
            d.lines = common.merge(d.lines, line)
            continue
        options = [cards_by_sku[s] for s in line.candidates if s in cards_by_sku][:common.SHOW]
        if card is None and not options:
            continue
        d.pending = line
        noted = replies.noted([(cards_by_sku[x.sku], x.qty) for x in d.lines if x.sku and x.sku in cards_by_sku
                               and x.qty])
        if card is None:
            d.awaiting = "choice"
            return turn.say(noted + replies.choose(options, len(line.candidates)), "order", options,
                            suggestions=replies.pick_suggestions(len(options)))
        d.awaiting = "qty"
        return turn.say(noted + replies.ask_qty(card).removeprefix("好的，"), "order", [card],
                        suggestions=[f"{n}{card['unit']}" for n in (1, 2, 3)])
    return None


async def summarise(turn: Turn, d: Draft) -> Reply:
    """The summary to confirm, or the question for an address when none is known."""
    shipping = None if d.elsewhere and pieces.kept(turn, d) else \
        await addresses.address_for_order(turn.ctx.user, d.address_id or turn.new_address_id)  # 给我妈寄…: hers asked
    if shipping is None:
        d.awaiting = "address"
        so_far = pieces.kept(turn, d)  # 收货人 王芳 said before the order: what is still missing is asked
        if so_far:
            pieces.keep(turn, d, so_far)
            return turn.say(await pieces.missing(turn, so_far), "order", suggestions=["取消"])
        noted = "、".join(f"{card['name']} ×{qty}{card['unit']}" for card, qty in _settled(turn, d))
        return turn.say((f"已记下：{noted}。\n" if noted else "") + replies.ASK_ADDRESS, "order", suggestions=["取消"])
    d.address_id = shipping.id
    d.awaiting = "confirm"
    lines = _settled(turn, d)
    return turn.say(replies.summary(lines, common.address_text(shipping)), "order", [c for c, _ in lines],
                    suggestions=list(replies.CONFIRM_SUGGESTIONS))


def _settled(turn: Turn, d: Draft) -> list[tuple[dict[str, Any], int]]:
    cards_by_sku = turn.ctx.search.cards
    return [(cards_by_sku[line.sku], line.qty) for line in d.lines
            if line.sku is not None and line.sku in cards_by_sku and line.qty]


async def narrow_by_amount(turn: Turn, p: Line) -> Reply | None:
    """5斤大米 over several rice packs: the packs of which a whole number holds 5斤 (the fewest packs of each
    product); one left is chosen. None fits: ask which pack and how many, listing what each holds."""
    asked = Asked.from_json(p.asked)
    if asked is None:
        return None
    offered = _of_the_kind(turn, [turn.ctx.search.cards[s] for s in p.candidates if s in turn.ctx.search.cards])
    inner = packs.inner_fitting(offered, asked) if asked.measured is None else None
    if inner is not None:  # 四十八瓶 of boxes of 12瓶 / 24瓶: the largest box a whole number of which holds it
        if not inner:
            return ask_pack(turn, turn.draft, p, None)
        _fewest(turn, p, inner)
        return None
    if asked.measured is None:
        if asked.unit in packs.PACK_WORDS and asked.unit not in packs.GENERIC_COUNT:
            sold_so = [c for c in offered if packs.same_pack(asked.unit, c["unit"], c["name"])]
            if sold_so:
                p.candidates = [c["sku"] for c in sold_so]  # 来两箱苹果: the apples sold by the 箱
            else:
                p.qty = None  # 来一箱花椒, sold by the 袋: asked once a product is chosen, not shown as 1
        return None
    fits = packs.fitting(offered, asked)
    if not fits:
        return ask_pack(turn, turn.draft, p, None) if offered else None
    _fewest(turn, p, fits)
    return None


def _of_the_kind(turn: Turn, offered: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """三斤红枣 over red dates and a snack of dates and walnuts (枣夹核桃, sold as 和田红枣 in 500g bags): the packs are
    weighed among the products that are the kind said (in their name or as a tag), never one that merely names it in
    its brand or another name, which only the amount would have chosen."""
    words = [w for w in turn.u.product_words if len(w) >= 2]
    kind = [c for c in offered if any(w in c["name"] or w in c.get("tags", ()) for w in words)]
    return kind if kind and len(kind) < len(offered) else offered


def _fit_amount(turn: Turn, line: Line) -> None:
    """A queued line's amount (a weight or volume) read as the first line's is: the packs a whole number of which
    holds it, the fewest; one product left is chosen and its count settled. None fits: the line is asked as before."""
    asked = Asked.from_json(line.asked)
    if asked is None or asked.measured is None:
        return
    fits = packs.fitting([turn.ctx.search.cards[s] for s in line.candidates if s in turn.ctx.search.cards], asked)
    if fits:
        _fewest(turn, line, fits)
    if line.sku is not None:
        settle(turn, line)


def _fewest(turn: Turn, p: Line, fits: list[tuple[dict[str, Any], int]]) -> None:
    """Of the packs that hold the amount, the fewest packs of each product; one product left is chosen."""
    best: dict[str, tuple[dict[str, Any], int]] = {}
    for card, n in fits:
        core = core_of(turn, card)
        if core not in best or n < best[core][1]:
            best[core] = (card, n)
    kept = [card for card, _ in best.values()]
    if len(kept) == 1:
        p.sku = kept[0]["sku"]
    else:
        p.candidates = [c["sku"] for c in kept]
    return None


def core_of(turn: Turn, card: dict[str, Any]) -> str:
    known = turn.ctx.vocab.products.get(card["sku"])
    return known.core if known else card["name"]


def with_variants(turn: Turn, skus: list[str]) -> list[str]:
    """The products shown and the other pack sizes of each (富川脐橙 10斤 → its 5斤 too): same core name."""
    cards = turn.ctx.search.cards
    cores = {core_of(turn, cards[s]) for s in skus if s in cards}
    return [*skus, *(s for s, c in cards.items() if s not in skus and core_of(turn, c) in cores)]


def ask_pack(turn: Turn, d: Draft | None, p: Line, card: dict[str, Any] | None) -> Reply:
    """No whole number of packs holds what was asked (3斤 of 2.5kg and 5kg bags): ask which pack and how many."""
    asked = Asked.from_json(p.asked)
    cards_by_sku = turn.ctx.search.cards
    family = [cards_by_sku[s] for s in p.candidates if s in cards_by_sku] or ([card] if card else [])
    if card is not None:
        core = core_of(turn, card)
        family = [c for c in family if core_of(turn, c) == core] or [card]
    p.sku = None if len(family) > 1 else family[0]["sku"]
    p.candidates = [c["sku"] for c in family]
    p.qty, p.asked = None, None
    if d is not None:
        d.awaiting = "choice" if p.sku is None else "qty"
    options = family[:common.SHOW]
    one = len({core_of(turn, c) for c in options}) == 1
    text = replies.which_pack(asked.text() if asked else "", [(c, packs.equivalent(c)) for c in options], one)
    suggestions = (replies.pick_suggestions(len(options)) if p.sku is None
                   else [f"{n}{options[0]['unit']}" for n in (1, 2, 3)])
    return turn.say(text, "order", options, suggestions=suggestions)

# --- placing ----------------------------------------------------------------------------------


def family_of(turn: Turn, p: Line) -> list[dict[str, Any]]:
    """The products a pending line is chosen among (or its product alone)."""
    cards = turn.ctx.search.cards
    skus = p.candidates or ([p.sku] if p.sku else [])
    if p.sku and p.sku not in skus:
        skus = [p.sku, *skus]
    return [cards[s] for s in skus if s in cards]


def ask_size(turn: Turn, d: Draft, p: Line, size: str) -> Reply:
    """A pack size named that no variant holds (两盒6枚装的 with 15 and 30枚 boxes): say so and ask which, with the
    sizes there are; the count said is asked again with the pack (never another size picked silently)."""
    family = family_of(turn, p)
    options = family[:common.SHOW]
    p.sku = options[0]["sku"] if len(options) == 1 else None
    p.candidates = [c["sku"] for c in family]
    p.qty, p.asked = None, None
    d.awaiting = "qty" if p.sku else "choice"
    one = len({core_of(turn, c) for c in options}) == 1
    text = f"没有{size}装的。" + replies.which_pack("", [(c, packs.equivalent(c)) for c in options], one)
    suggestions = [f"{n}{options[0]['unit']}" for n in (1, 2, 3)] if p.sku else replies.pick_suggestions(len(options))
    return turn.say(text, "order", options, suggestions=suggestions)
