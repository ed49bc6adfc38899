"""Several sizes of one product, each with its count, in one message (bot/sized_lines.py): one line per size.

The product is the one named (昭通苹果 10斤的两箱 5斤的一箱), else the one being chosen, else the one in the draft,
else the list shown (昭通苹果有哪些规格 → 大的来一箱小的来两箱). Of its families (same name but the size), those that
have a pack of every size said are kept: one left, each size is its variant with its count (昭通丑苹果 10斤 ×2,
昭通丑苹果 5斤装 ×1); several left (苹果 10斤的两箱 … over many apples that all come in both), the shopper is asked
which, and the sizes and counts wait on the line (`Line.sizes`) until one is chosen (`expand`, from
bot/turns/quantity.advance). No family having every size: None, read as before.
"""
from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Any

from bot import descriptions, pack_sizes, sized_lines
from bot.draft import Draft, Line
from bot.reply import Reply
from bot.turns import common

if TYPE_CHECKING:
    from bot.dialogue import Turn

_ASKING = re.compile(r"[吗么嘛呢？?]|多少|几块|哪个|哪款|哪种|什么|啥|怎么|有没有")
_TAKES = frozenset({"order", "search", "fallback", "recommend"})


def _core(turn: Turn, card: dict[str, Any]) -> str:
    """The product's name without its pack, a gift box one of its packs (黔阳冰糖橙 礼盒 → 黔阳冰糖橙)."""
    known = turn.ctx.vocab.products.get(card["sku"])
    core = known.core if known else card["name"]
    return " ".join(w for w in core.replace("礼盒", " ").split())


def variant(family: list[dict[str, Any]], size: str) -> dict[str, Any] | None:
    """The variant of one product (its cards) a size says: the one whose pack holds it (10斤的), or the biggest or
    smallest pack (大的 / 小箱的); None when none, or no one, fits."""
    said = sized_lines.key(size)
    if said == "礼盒":  # 礼盒装的一盒: the one gift box of the product
        boxed = [c for c in family if "礼盒" in c["name"]]
        return boxed[0] if len(boxed) == 1 else None
    if said in ("大", "小"):
        return descriptions.choose(family, "big" if said == "大" else "small") if len(family) > 1 else None
    holding = [c for c in family if pack_sizes.holds(c, said)]
    return holding[0] if len(holding) == 1 else None


def _families(turn: Turn, cards: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The cards with every other size of each (富川脐橙 10斤 → its 5斤 too), by family."""
    every = turn.ctx.search.cards
    cores = {_core(turn, c) for c in cards}
    out: dict[str, list[dict[str, Any]]] = {}
    for card in every.values():
        core = _core(turn, card)
        if core in cores:
            out.setdefault(core, []).append(card)
    return out


def _pool(turn: Turn, d: Draft | None) -> tuple[list[dict[str, Any]], bool]:
    """The products the sizes are of, and whether they are the line being chosen (which the lines then replace)."""
    cards = turn.ctx.search.cards
    if turn.u.product_words:
        found = turn.resolve_products()
        return [cards[s] for s in found.family if s in cards] or found.candidates, False
    line = d.current if d is not None and d.kind == "goods" else None
    if line is not None and d is not None and d.pending is line and line.sku is None:
        return [cards[s] for s in line.candidates if s in cards], True
    if line is not None and line.sku is not None and line.sku in cards:
        return [cards[line.sku]], False
    return [cards[s] for s in (turn.state.shown or turn.state.topic) if s in cards], False


def _other_goods(turn: Turn, said: list[sized_lines.SizedCount]) -> bool:
    """Goods named between or after the sizes (昭通苹果10斤的两箱，蜂蜜500g的一瓶): lines of other products, not
    sizes of one (left to bot/several_items.py)."""
    text = turn.u.text
    gaps = [text[a.end:b.start] for a, b in itertools.pairwise(said)] + [text[said[-1].end:]]
    return any(re.search("[\u4e00-\u9fff]{2,}", gap) and turn.ctx.vocab.words & _grams(gap) for gap in gaps)


def _grams(text: str) -> set[str]:
    return {text[i:j] for i in range(len(text)) for j in range(i + 2, min(len(text), i + 6) + 1)}


async def take(turn: Turn) -> Reply | None:
    """The lines of the sizes said (see the module), or None when the message is no such order."""
    u = turn.u
    if u.intent not in _TAKES or _ASKING.search(u.text) or "card" in u.cues or u.pick:
        return None
    said = sized_lines.sized_counts(u.text)
    if not said or _other_goods(turn, said):
        return None
    d = turn.draft if turn.draft is not None and turn.draft.kind == "goods" else None
    pool, choosing = _pool(turn, d)
    fitting = {core: family for core, family in _families(turn, pool).items()
               if all(variant(family, s.size) is not None for s in said)}
    if not fitting:
        return None
    from bot.turns import quantity  # quantity.advance expands the lines once a product is chosen (a cycle else)

    if d is None or not ("add" in u.cues or choosing or d.awaiting in ("confirm", "address")):
        d = Draft(kind="goods") if d is None or not d.lines else d
    if choosing and d.pending is not None:
        d.pending = None
    elif d.pending is not None and d.pending.sku and d.pending.qty:
        d.lines = common.merge(d.lines, d.pending)
        d.pending = None
    sizes = [[s.size, s.count] for s in said]
    if len(fitting) == 1:
        expand(turn, d, next(iter(fitting.values())), sizes)
    else:  # 苹果 10斤的两箱 5斤的一箱 over several apples in both sizes: which apples, the sizes kept on the line
        d.pending = Line(candidates=[variant(family, said[0].size)["sku"]  # type: ignore[index]
                                     for family in fitting.values()], sizes=sizes)
    turn.state.draft = d
    return await quantity.advance(turn, d)


def expand(turn: Turn, d: Draft, family: list[dict[str, Any]], sizes: list[list[Any]]) -> None:
    """A line for each size said, of its variant in `family`, with its count (the same variant twice: added)."""
    counts: dict[str, int] = {}
    for size, count in sizes:
        card = variant(family, str(size))
        if card is not None:
            counts[card["sku"]] = counts.get(card["sku"], 0) + int(count)
    for sku, count in counts.items():
        d.lines = common.merge(d.lines, Line(sku=sku, qty=count))


def chosen(turn: Turn, d: Draft, line: Line) -> None:
    """The pending line holding sizes (`Line.sizes`) once its product is chosen: its lines, in its stead."""
    card = turn.ctx.search.cards.get(line.sku or "")
    if card is None:
        return
    family = _families(turn, [card]).get(_core(turn, card), [card])
    d.pending = None
    expand(turn, d, family, line.sizes)
