"""Questions that compare or follow a price answer: 大米5kg和10kg哪个划算 / 2.5kg和5kg哪个便宜 (both sizes,
their prices and the price per 斤 or per 100 g, listed so 那就10kg的 / 要大的那个 takes one), and 核桃呢 / 那大米呢
right after a price answer (the price of the new product, not a search)."""
from __future__ import annotations

import re
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from bot import pack_sizes, packs, phrasing, replies
from bot.reply import Reply
from bot.turns import cheaper, prices, quantity, referents
from bot.understanding import spec_of

if TYPE_CHECKING:
    from bot.dialogue import Turn

_FOLLOW = re.compile(r"呢[吗啊呀]?$")
# a measure per dimension: (grams, millilitres or pieces it holds, its name), the larger first
_BASES = {"mass": ((Fraction(500), "斤"), (Fraction(100), "100g")),
          "volume": ((Fraction(1000), "升"), (Fraction(100), "100ml")),
          "count": ((Fraction(1), "枚"),)}
_EACH = 3  # variants listed for each size compared
_VALUE = re.compile(r"划算|实惠|合算|值|省钱|性价比")


async def follow_up(turn: Turn) -> Reply | None:
    """A comparison of two sizes, or X呢 after a price answer; None for anything else."""
    u = turn.u
    if phrasing.COMPARING.search(u.text):
        return compare(turn)
    cheaper_listed = await cheaper.take(turn)  # 有便宜点的吗 after a list: the cheaper of that kind
    if cheaper_listed is not None:
        return cheaper_listed
    taken = await referents.take_this(turn)  # 要这个 after a price answer
    if taken is not None:
        return taken
    if _FOLLOW.search(u.text) and u.about_products and turn.state.answered == "ask_price" \
            and u.intent in ("search", "fallback") and u.quantity is None:
        return await prices.prices(turn, extremes=False)  # 有点贵 核桃呢: the walnut's price
    return None


def _sizes(turn: Turn) -> list[str]:
    said = [*turn.u.specs, *(spec_of(q) for q in turn.u.quantities), *pack_sizes.named(turn.u)]  # 15枚和30枚的鸡蛋
    return list(dict.fromkeys(s for s in said if pack_sizes.content(s) is not None))


def _pool(turn: Turn) -> list[dict[str, Any]]:
    cards = turn.ctx.search.cards
    if turn.u.product_words:
        found = turn.resolve_products()
        skus = found.family or [c["sku"] for c in found.candidates]
        return [cards[s] for s in quantity.with_variants(turn, skus) if s in cards] if not found.refused else []
    return [cards[s] for skus in referents.pools(turn)[:1] for s in skus if s in cards]


def _one_kind(turn: Turn, sizes: list[str]) -> list[dict[str, Any]]:
    """2.5kg和5kg的哪个划算 with nothing named or shown: the products of the one kind (大米, 小米: the name's last two
    characters) that comes in every size said, the kind with most such products; [] when no kind does."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for card in turn.ctx.search.cards.values():
        for kind in pack_sizes.kinds(card["name"]):
            by_kind.setdefault(kind, []).append(card)
    fitting = [cs for cs in by_kind.values() if all(any(pack_sizes.holds(c, s) for c in cs) for s in sizes)]
    return max(fitting, key=len) if fitting else []


def compare(turn: Turn) -> Reply | None:
    """Two or more sizes of one product compared: each size's variants (a few, the cheapest first) with their price
    and price per measure. Advice (`recommend`): the cheaper per measure is said."""
    sizes = _sizes(turn)
    if len(sizes) < 2:
        return _shown_weighed(turn) if not sizes else None
    named = bool(turn.u.product_words) or bool(referents.pools(turn))
    pool = _pool(turn) if named else _one_kind(turn, sizes)
    if not named and not pool:
        return _unmatched(turn, sizes)
    chosen: list[dict[str, Any]] = []
    for size in sizes:
        holding = sorted((c for c in pool if pack_sizes.holds(c, size)), key=lambda c: c["price_fen"])
        if not holding and pool:
            return _missing(turn, pool, size)
        if not holding:
            return None
        chosen += [c for c in holding[:_EACH] if c not in chosen]  # 20枚和30枚的鸡蛋: every maker's, cheapest first
    return _weighed(turn, chosen)


def _shown_weighed(turn: Turn) -> Reply | None:
    """哪个划算 right after a list (天麻 → 哪个划算), no size nor product said: the products shown, weighed."""
    if turn.u.product_words or turn.u.product_text.strip() or not _VALUE.search(turn.u.text):
        return None  # 哪个便宜 / 哪个最贵: the cheapest or dearest pack (bot.turns.prices)
    shown = [c for skus in referents.pools(turn)[:1] for s in skus if (c := turn.ctx.search.cards.get(s))]
    return _weighed(turn, shown[:5]) if len(shown) > 1 else None


def _weighed(turn: Turn, chosen: list[dict[str, Any]]) -> Reply | None:
    """Each product with its price per measure (per 斤, per 100 g …), and which is the better buy."""
    held = [packs.pack_of(c) for c in chosen]
    dims = {p.dimension for p in held if p is not None}
    if len(dims) != 1 or any(p is None or p.amount <= 0 for p in held):
        return None
    dim = dims.pop()
    smallest = min(p.amount for p in held if p is not None)
    base, word = next(((b, w) for b, w in _BASES[dim] if b <= smallest), _BASES[dim][-1])
    per = [Fraction(c["price_fen"]) * base / p.amount for c, p in zip(chosen, held, strict=True) if p is not None]
    lines = [f"{c['name']}，{replies.yuan(c['price_fen'])}/{c['unit']}，合每{word}{_yuan(x)}"
             for c, x in zip(chosen, per, strict=True)]
    best = min(range(len(chosen)), key=lambda i: per[i])
    same = len(set(per)) == 1
    verdict = f"按每{word}算一样划算。" if same else f"按每{word}算，{chosen[best]['name']}更划算。"
    text = "\n".join(lines) + "\n" + verdict + "要哪种、几" + chosen[best]["unit"] + "？"
    return turn.say(text + turn.pending_question(), "recommend", chosen,
                    suggestions=list(dict.fromkeys(f"要{pack.text}的" for pack in held if pack is not None)))


def _missing(turn: Turn, pool: list[dict[str, Any]], size: str) -> Reply:
    """大米5kg和10kg哪个划算 where no rice comes in 10kg (or 2.5kg和5kg的哪个划算 after millet is shown, where none
    comes in 5kg): said so, and the sizes there are (never an order of rice)."""
    few = sorted(pool, key=lambda c: c["price_fen"])[:_EACH * 2]
    kinds = set.intersection(*(pack_sizes.kinds(c["name"]) for c in few))
    named = " ".join(turn.u.product_words) or "、".join(sorted(kinds)) or "这几款"
    text = f"「{named}」没有{size}的，有这些规格：\n{replies.numbered(few)}\n想要哪个？说“第一个”就行。"
    return turn.say(text + turn.pending_question(), "recommend", few, suggestions=replies.pick_suggestions(len(few)))


def _unmatched(turn: Turn, sizes: list[str]) -> Reply:
    """2.5kg和5kg的哪个划算 with nothing named or shown, where no one kind of goods comes in both sizes: what comes in
    each (the cheapest few), and the product asked for, to weigh like with like."""
    cards = turn.ctx.search.cards.values()
    shown: list[dict[str, Any]] = []
    parts = []
    for size in sizes:
        holding = sorted((c for c in cards if pack_sizes.holds(c, size)), key=lambda c: c["price_fen"])[:_EACH]
        shown += [c for c in holding if c not in shown]
        names = "、".join(c["name"] for c in holding) or "没有"
        parts.append(f"{size}的：{names}")
    text = ("没有哪一种商品同时有" + "和".join(sizes) + "的，没法按同一种比：\n" + "\n".join(parts)
            + "\n说一下是哪种商品（比如“大米5kg和10kg哪个划算”），我按每斤给您算。")
    return turn.say(text + turn.pending_question(), "recommend", shown, suggestions=[])


def _yuan(fen: Fraction) -> str:
    value = float(fen) / 100
    return f"{value:.2f}".rstrip("0").rstrip(".") + "元"
