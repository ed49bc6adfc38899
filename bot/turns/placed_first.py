"""Part of the draft placed first (先把茶下单 / 茶先下单 / 把城口的先提交 / 茶单独下单 with tea and mangoes in
the draft): the lines named are placed as an order now, and the others stay as a draft of their own, summed up to be
confirmed later. Before, the named tea was read as a new order (有几款都符合：凌云白毫茶…) and nothing was placed.
When the message names every line (先把茶下单 over the tea alone), the draft is placed as it is (bot.dialogue.Turn:
the kind of every line named is no change).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.draft import Draft
from bot.products import resolve
from bot.reply import Reply
from bot.turns import placing, quantity
from bot.understanding import understand

if TYPE_CHECKING:
    from bot.dialogue import Turn

_PLACE = re.compile(r"下单|落单|提交|付款|结账|买单")
# First, or apart (先把茶下单 / 茶单独下单): the rest is kept; 就莲子，下单 (only) is another thing, left as it was.
_FIRST = re.compile(r"先|单独|分开")


def _named_lines(turn: Turn, d: Draft) -> list[str]:
    """The skus of the draft's lines the message names (by kind, name or place), in the draft's order."""
    skus = [ln.sku for ln in d.lines if ln.sku]
    named: set[str] = set()
    for said in [turn.u, *(understand(word, turn.ctx.vocab) for word in turn.u.product_words)]:  # 茶和芒果: both
        found = resolve(said, turn.ctx.vocab, turn.ctx.search, within=skus)
        named |= {c["sku"] for c in found.candidates} | (set(found.family) & set(skus))
    return [s for s in skus if s in named]


async def placed_first(turn: Turn) -> Reply | None:
    """The lines named placed, the rest kept as a new draft (see the module); None when the message is not that."""
    d, u = turn.draft, turn.u
    if d is None or d.kind != "goods" or d.awaiting != "confirm" or len(d.lines) < 2 or d.pending or d.queued:
        return None
    if not (u.product_words or u.origin) or u.quantity or u.pick or u.specs or u.drop is not None or u.address \
            or _PLACE.search(u.text) is None or _FIRST.search(u.text) is None or u.intent not in ("order", "confirm"):
        return None
    named = _named_lines(turn, d)
    if not named or len(named) == len(d.lines):
        return None
    rest = [ln for ln in d.lines if ln.sku not in named]
    d.lines = [ln for ln in d.lines if ln.sku in named]
    reply = await placing.place_goods(turn, d)
    if reply.order is None:  # refused (out of stock …): the draft as it was, the refusal said
        d.lines = [*d.lines, *rest]
        return reply
    kept = Draft(kind="goods", lines=rest, address_id=d.address_id)
    turn.state.draft = kept
    summary = await quantity.summarise(turn, kept)
    reply.reply = f"{reply.reply}\n其余的还没有下单，单独成一单：\n{summary.reply}"
    reply.suggestions = summary.suggestions
    return reply
