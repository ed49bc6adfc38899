"""A variant described, not named (最大的那袋, 小瓶的来两瓶, 便宜点的那个): the matching one of what the shopper saw.

What the shopper saw is, in turn: the products the message names (金寨土蜂蜜 小瓶的), the candidates of the line
being chosen, the variants of the product in the draft, or the list shown last. The count said is the count, else
one pack (or the line's count when the draft's line changes pack); a question (能便宜点吗, 最大的多少钱) is no pick.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bot import descriptions, packs, replies
from bot.draft import Draft, Line
from bot.reply import Reply
from bot.turns import quantity
from bot.turns.common import SHOW

if TYPE_CHECKING:
    from bot.dialogue import Turn

_ASKING = re.compile(r"[吗么嘛呢]$|咋|为啥|为什么|凭什么|凭啥|能不能|可不可以|可以|能便宜|有没有|多少|几块|哪个"
                     r"|哪款|哪种|什么|啥|怎么")  # 咋贵这么多: a complaint, no pick
_TAKES = frozenset({"order", "search", "fallback", "ask_info", "recommend", "ask_price"})  # 最便宜的那瓶: a pick


async def take(turn: Turn) -> Reply | None:
    """The described variant put in the draft, or None when the message describes none of what was seen."""
    u = turn.u
    want, packed = descriptions.described(u.text), descriptions.packed(u.text)
    if not (want or packed) or u.intent not in _TAKES or u.pick or _ASKING.search(u.text) or "card" in u.cues:
        return None
    d = turn.draft if turn.draft is not None and turn.draft.kind == "goods" else None
    pool, line = _seen(turn, d)
    if want in ("big", "small") and u.product_words and not descriptions.superlative(u.text) \
            and len({quantity.core_of(turn, c) for c in pool}) > 1:
        return None  # 小盒的茶叶: a small pack of tea, not the smallest of twenty teas (最小的那罐茶 is)
    card = descriptions.choose(pool, want) if want else descriptions.by_name(pool, packed)
    if card is None:
        return _all_one_size(turn, pool, want, line) or _one_price(turn, pool, want, line)
    if d is None:
        d = Draft(kind="goods")
        turn.state.draft = d
    if line is not None and line.qty and "add" in u.cues:
        if line.sku == card["sku"]:
            return None  # 再加24个礼盒装的 with the gift box in the draft: more of it (bot.turns.relative)
        line = None  # 再加24个礼盒装的 after a line of the 散装: a line of the gift box besides it
    if line is None:
        if d.pending is not None and d.pending.sku and d.pending.qty:
            d.lines.append(d.pending)
        line = d.pending = Line(candidates=[c["sku"] for c in pool])
    kept = line.qty or None
    said = None if line.sku else line.asked  # 那来两袋 before 便宜的那个: the count said while choosing
    line.sku, line.qty, line.asked = card["sku"], None, None
    quantity.apply_quantity(turn, line)
    if line.qty is None and line.asked is None and said:
        line.asked = said
        quantity.settle(turn, line)
    elif line.qty is None and line.asked is None:
        line.qty = kept or (None if packs.sold_by_measure(card) else 1)
    return await quantity.advance(turn, d)


def _all_one_size(turn: Turn, pool: list[dict[str, Any]], want: str | None, line: Line | None) -> Reply | None:
    """要大的 where no one product is the biggest: among kiwis all of 5斤 a box, said so (it was 没太明白); among
    apples of 10斤 (several) and 5斤 boxes, the 10斤 ones listed to choose from. Packs counted by the piece (12枚
    gift boxes) are not weighed against boxes by weight."""
    if want not in ("big", "small") or len(pool) < 2:
        return None
    sized = [(c, p) for c in pool if (p := packs.pack_of(c)) is not None]
    dims = [p.dimension for _, p in sized]
    if not dims:
        return None
    main = max(set(dims), key=dims.count)
    sized = [(c, p) for c, p in sized if p.dimension == main]
    target = (max if want == "big" else min)(p.amount for _, p in sized)
    fitting = [c for c, p in sized if p.amount == target]
    units = {c["unit"] for c in fitting}
    if len(fitting) < 2 or len(units) != 1:
        return None
    size = next(p.text for _, p in sized if p.amount == target)
    if len(fitting) == len(pool):
        text = f"这几款都是{size}一{units.pop()}，没有大小之分。"
        return turn.say(text + turn.pending_question(), "order", pool, suggestions=turn.resume_suggestions())
    if line is not None and line.sku is None:
        line.candidates = [c["sku"] for c in fitting]
    biggest = "最大" if want == "big" else "最小"
    text = f"{biggest}的是{size}一{units.pop()}，有这几款：\n{replies.numbered(fitting[:SHOW])}\n您要哪一款？"
    return turn.say(text, "order", fitting[:SHOW], suggestions=replies.pick_suggestions(min(len(fitting), SHOW)))


def _line_named(turn: Turn, d: Draft | None) -> Line | None:
    """The one line of a summary the message's product words all name, by name, tag or category (茶叶 of 祁门红茶)."""
    if d is None or d.awaiting not in ("confirm", "address"):
        return None
    cards = turn.ctx.search.cards

    def holds(card: dict[str, Any], word: str) -> bool:
        return word in card["name"] or word in card.get("tags", ()) or word in card.get("category", "")

    packed = descriptions.packed(turn.u.text)
    words = [w for w in turn.u.product_words if not (packed and packed in w)]  # 礼盒装 says the pack, not the line
    named = [ln for ln in d.lines if words and ln.sku in cards and all(holds(cards[ln.sku or ""], w) for w in words)]
    return named[0] if len(named) == 1 else None


def _seen(turn: Turn, d: Draft | None) -> tuple[list[dict[str, Any]], Line | None]:
    """The products the description chooses among, and the draft's line it changes (None: a new line)."""
    cards = turn.ctx.search.cards
    drafted = _line_named(turn, d) if turn.u.product_words else None
    if drafted is not None:  # 茶叶换成礼盒装的 at a summary with a tea line: that tea's other packs
        core = quantity.core_of(turn, cards[drafted.sku or ""])
        own = [c for c in cards.values() if quantity.core_of(turn, c) == core]
        if len(own) > 1:
            return own, drafted
    if turn.u.product_words:
        found = turn.resolve_products()
        family = [cards[s] for s in found.family if s in cards] or found.candidates
        return family, None
    line = d.current if d is not None else None
    if line is not None and d is not None and d.awaiting in ("choice", "qty", "confirm", "address"):
        if line.sku is None:
            seen = [s for s in turn.state.shown if s in line.candidates] or line.candidates
            return [cards[s] for s in seen if s in cards], line
        mine = cards.get(line.sku)
        if mine is not None:
            core = quantity.core_of(turn, mine)
            skus = line.candidates if len(line.candidates) > 1 else list(cards)
            own = [c for s in skus if (c := cards.get(s)) is not None and quantity.core_of(turn, c) == core]
            listed = [cards[s] for s in turn.state.listed if s in cards]
            if len(own) < 2 and mine in listed:  # 换成大的那瓶 after a list of honeys, one drafted: of that list
                return listed, line
            return own, line
    return [cards[s] for s in turn.state.shown if s in cards], None


def _one_price(turn: Turn, pool: list[dict[str, Any]], want: str | None, line: Line | None) -> Reply | None:
    """贵一点的 / 便宜的那个 where two or more share the dearest or cheapest price (two teas at 128元): those listed to
    choose from (it was 没太明白)."""
    if want not in ("cheap", "dear") or len(pool) < 2:
        return None
    target = (max if want == "dear" else min)(c["price_fen"] for c in pool)
    fitting = [c for c in pool if c["price_fen"] == target]
    if len(fitting) < 2:
        return None
    if line is not None and line.sku is None:
        line.candidates = [c["sku"] for c in fitting]
    which = "最贵" if want == "dear" else "最便宜"
    listed = replies.numbered(fitting[:SHOW])
    text = f"刚才这几款里{which}的是{replies.yuan(target)}，有这几款：\n{listed}\n您要哪一款？"
    return turn.say(text, "order", fitting[:SHOW], suggestions=replies.pick_suggestions(min(len(fitting), SHOW)))
