"""One product of the draft swapped for another, said X换成Y (鸭子换成武定壮鸡 整只的 / 蜂蜜改成枸杞): X's line
leaves the draft and Y comes in its place, never beside it (money: the duck stayed and the chicken was added).

Only at the summary, when X names exactly one line (by its product, or by the words of its name) and Y names other
goods than that line's. Y's count is the one said with it (整只的: one), else X's count when both are sold in the same
pack word, else asked. A size or style said alone after 换成 (换成10kg的, 换成礼盒装的) is another rule's
(bot.turns.pack_changes, pack_styles).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.draft import Draft, Line
from bot.products import resolve
from bot.reply import Reply
from bot.turns import quantity
from bot.understanding import understand

if TYPE_CHECKING:
    from bot.dialogue import Turn

_SWAP = re.compile(r"^(?P<old>[^，,。\s]+?)(?:换成|改成|换为|改为)(?P<new>.+)$")


async def swapped(turn: Turn, d: Draft) -> Reply | None:
    m = _SWAP.match(turn.u.raw.strip())
    if m is None or d.awaiting not in ("confirm", "address") or not d.lines or d.pending is not None:
        return None
    vocab, search, cards = turn.ctx.vocab, turn.ctx.search, turn.ctx.search.cards
    old, new = understand(m.group("old"), vocab), understand(m.group("new"), vocab)
    if not old.product_words or not new.product_words:
        return None
    was = resolve(old, vocab, search)
    skus = {c["sku"] for c in was.candidates} | set(was.family)
    named = [ln for ln in d.lines if ln.sku in skus] or [
        ln for ln in d.lines if ln.sku in cards and all(w in cards[ln.sku or ""]["name"] for w in old.product_words)]
    found = resolve(new, vocab, search)
    if len(named) != 1 or not found.candidates or named[0].sku in {c["sku"] for c in found.candidates}:
        return None
    line = named[0]
    d.lines.remove(line)
    d.pending = Line(sku=found.chosen["sku"] if found.chosen else None,
                     candidates=found.family or [c["sku"] for c in found.candidates])
    quantity.apply_quantity(turn, d.pending, new)
    chosen = cards.get(d.pending.sku or "")
    if d.pending.qty is None and d.pending.asked is None and chosen is not None and line.sku in cards \
            and chosen["unit"] == cards[line.sku or ""]["unit"]:
        d.pending.qty = line.qty  # 蜂蜜改成枸杞 (both by the 瓶): the count kept
    return await quantity.advance(turn, d)
