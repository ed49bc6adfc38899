"""What a message that names no product refers to: a size said alone (一升的多少钱, 要两瓶一升的, 大桶的多少钱) picks
among the list just shown, else among the product the shopper named a turn or two ago (蜂蜜是哪里产的 → 来两瓶500g的,
收到的鸡蛋碎了几个 → 那再给我来一盒15枚的). That product (its family of variants) is kept in the dialogue state as the
topic, and the intent of the last reply as `answered` (核桃呢 after a price answer asks the price)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from bot import descriptions, pack_sizes, packs
from bot.products import Resolution, resolve
from bot.reply import Reply
from bot.turns import more_cards, quantity

if TYPE_CHECKING:
    from bot.dialogue import Turn

TOPIC_SIZE = 12  # the variants of one product, at most


def remember(turn: Turn, reply: Reply) -> None:
    """After the turn: the product family the shopper named (when the catalogue has it) and the intent answered."""
    state, u = turn.state, turn.u
    before, state.answered = state.answered, reply.intent
    more_cards.remember(state, reply, before)  # 好的 after a balance answer is still card talk
    if u.drop is not None or not (u.product_words or u.product_text):
        return
    found = turn.resolve_products() if u.product_words else _inside(turn)
    if found.refused or not found.candidates:
        return
    skus = found.family or [c["sku"] for c in found.candidates]
    if len({quantity.core_of(turn, turn.ctx.search.cards[s]) for s in skus if s in turn.ctx.search.cards}) == 1:
        state.topic = skus[:TOPIC_SIZE]  # one product in several sizes; a whole kind (苹果 of ten places) is no topic


def _inside(turn: Turn) -> Resolution:
    """收到的鸡蛋碎了几个: a catalogue word inside what was left unread (鸡蛋碎), the longest first."""
    text, words = turn.u.product_text.replace(" ", ""), turn.ctx.vocab.words
    for n in range(min(len(text), 6), 1, -1):
        for i in range(len(text) - n + 1):
            if text[i:i + n] in words:
                word = text[i:i + n]
                probe = replace(turn.u, text=word, spaced=word, product_text=word, product_words=[word], specs=[],
                                quantities=[], quantity=None, origin=None, generic=False, foreign="", instead="")
                return resolve(probe, turn.ctx.vocab, turn.ctx.search)
    return Resolution()


_THIS = re.compile(r"^(?:那|那就|就|好)?(?:要|来|买|拿|选)(?:一个|个|一份)?(?:这个|这款|这种|它|这)(?:吧|了|啊|呀)?$")


async def take_this(turn: Turn) -> Reply | None:
    """要这个 / 就要这个吧 after a price answer made a product "this one": one pack of it (sold by weight: asked)."""
    d = turn.draft
    p = d.pending if d is not None and d.kind == "goods" else None
    if d is None or p is None or p.sku is None or d.awaiting != "qty" or not _THIS.match(turn.u.text):
        return None
    card = turn.ctx.search.cards.get(p.sku)
    if card is not None and p.qty is None and not packs.sold_by_measure(card):
        p.qty = 1
    return await quantity.advance(turn, d)


def size_only(turn: Turn) -> bool:
    """The message says a size or a variant (一升的, 15枚的, 大桶的, 礼盒装的) and names no product nor position."""
    u = turn.u
    if u.about_products or u.pick:
        return False
    return bool(u.specs or pack_sizes.named(u) or descriptions.described(u.text) or descriptions.packed(u.text)
                or u.excluded)


def pools(turn: Turn) -> list[list[str]]:
    """The lists a size said alone may pick from, nearest first: the list shown, then the topic (each with the
    other sizes of its products)."""
    cards = turn.ctx.search.cards
    out = []
    for skus in (turn.state.shown, turn.state.topic):
        known = [s for s in skus if s in cards]
        if known:
            out.append(quantity.with_variants(turn, known))
    return out


def picked(turn: Turn, skus: list[str]) -> dict[str, Any] | None:
    """The one product among `skus` the size or description said picks, None when not exactly one."""
    u = turn.u
    cards = descriptions.without([turn.ctx.search.cards[s] for s in skus if s in turn.ctx.search.cards], u.excluded)
    if u.excluded and len(cards) == 1:
        return cards[0]  # 不要礼盒的: the one left
    if u.specs or pack_sizes.named(u):
        return turn.resolve_products(within=[c["sku"] for c in cards]).chosen
    want, packed = descriptions.described(u.text), descriptions.packed(u.text)
    if want:
        return descriptions.choose(cards, want)
    return descriptions.by_name(cards, packed) if packed else None


def referred(turn: Turn) -> dict[str, Any] | None:
    """The product a size said alone refers to: in the list shown, else in the product talked about."""
    if not size_only(turn):
        return None
    for skus in pools(turn):
        card = picked(turn, skus)
        if card is not None:
            return card
    return None


def narrowed(turn: Turn) -> list[str]:
    """The products of the list shown that a size said alone fits, when it fits several but not all (30枚那款 of
    five egg boxes: the three of 30); [] otherwise."""
    cards = turn.ctx.search.cards
    shown = [s for s in turn.state.shown if s in cards]
    if len(shown) < 2 or not size_only(turn) or not (turn.u.specs or pack_sizes.named(turn.u)):
        return []
    skus = [c["sku"] for c in turn.resolve_products(within=shown).candidates]
    return skus if 1 < len(skus) < len(shown) else []


def pool_for_size(turn: Turn) -> list[str]:
    """The skus an order naming only a size chooses among: the first pool where the size picks one, else the
    list shown as it was."""
    cards = turn.ctx.search.cards
    for skus in pools(turn):
        if picked(turn, skus) is not None:
            return [c["sku"] for c in descriptions.without([cards[s] for s in skus], turn.u.excluded)]
    return [s for s in turn.state.shown if s in cards]


def named_apart(turn: Turn) -> list[dict[str, Any]]:
    """静宁苹果和洛川苹果: the best match of each product word said, each product once. The words searched together
    find one of them only, so a comparison of two named products listed or weighed one."""
    named: list[dict[str, Any]] = []
    for word in dict.fromkeys(turn.u.product_words):
        hits = [card for card, _ in turn.ctx.search.matches(word, limit=5)[0]]
        sized = [c for c in hits if any(spec in c["name"] for spec in turn.u.specs)]  # 牦牛肉干250g: that pack
        best = (sized or hits)[:1]
        if best and best[0] not in named:
            named.append(best[0])
    return named
