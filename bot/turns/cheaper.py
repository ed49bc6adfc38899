"""有便宜点的吗 / 还有更便宜的吗 / 有没有实惠一点的 right after products were shown: the shop's products of the same
category and kind (the last two characters of a word of the name: 镇赉大米 → 大米) that cost less than the cheapest
shown, cheapest first; when none does, that the one shown is already the cheapest of its kind. It was the shop's
no-discount answer, which is for bargaining (能便宜点吗)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bot import pack_sizes, replies
from bot.reply import Reply
from bot.turns import common

if TYPE_CHECKING:
    from bot.dialogue import Turn

_ASKED = re.compile(r"^(?:那|那么|请问|老板)?(?:还|你们|店里)?有(?:没有|没)?(?:更|再)?(?:便宜|实惠|划算|平价)"
                    r"(?:点|一点|些|一些|的)?(?:的|一点的|点的)?(?:吗|么|嘛|没|不|没有|呢|不)?$"
                    r"|^(?:更|再)?便宜(?:点|一点|些|一些)?的(?:呢|有吗|有没有|有不)$")


async def take(turn: Turn) -> Reply | None:
    """The cheaper products of the kind shown (see the module); None when not so asked or nothing was shown."""
    u = turn.u
    if u.product_words or u.origin is not None or not _ASKED.match(u.text):
        return None
    cards = turn.ctx.search.cards
    shown = [cards[s] for s in turn.state.shown if s in cards]
    if not shown:
        return None
    floor = min(int(c["price_fen"]) for c in shown)
    kinds = set.intersection(*(pack_sizes.kinds(c["name"]) for c in shown))  # 茶叶 listed: several kinds, any tea
    categories = {c.get("category") for c in shown}
    cheaper = sorted((c for c in cards.values() if int(c["price_fen"]) < floor and c.get("category") in categories
                      and (not kinds or pack_sizes.kinds(c["name"]) & kinds)), key=lambda c: int(c["price_fen"]))
    if not cheaper:
        least = min(shown, key=lambda c: int(c["price_fen"]))
        return turn.say(_cheapest_already(least) + turn.pending_question(), "search", [least])
    listed = cheaper[:common.SHOW]
    d = turn.draft
    if d is not None and d.pending is not None and d.awaiting == "qty" and d.pending.sku in turn.state.shown:
        d.pending.sku, d.pending.candidates, d.awaiting = None, [c["sku"] for c in listed], "choice"  # 第一个 两袋
    text = (f"比{replies.yuan(floor)}便宜的同类产品，从便宜的开始：\n{replies.numbered(listed)}\n"
            "想要哪个？说“第一个”就行。")
    return turn.say(text + turn.pending_question(), "search", listed, suggestions=replies.pick_suggestions(len(listed)))


def _cheapest_already(card: dict[str, Any]) -> str:
    return f"{card['name']}（{replies.yuan(int(card['price_fen']))}/{card['unit']}）已经是本店同类里最便宜的了。"
