"""A pack style said for a line of the draft: 苹果换成礼盒装的, 蜂蜜要礼盒的, 改成散装的, 要简装的.

A style is a gift box (礼盒 / 礼品装 / 精装) or plain goods (散装 / 简装 / 普通装 / 自用装). The line named (by its
product word, else the line in view) becomes the product of the same category and kind that comes in that style —
静宁苹果 红富士 10斤 → 静宁苹果 礼盒 12枚装 — its count kept (a count said with it is the count). The same brand is
preferred; several such products are asked about. When none comes in that style the assistant says so and the draft
stays as it was (蜂蜜要礼盒的 with no honey in a gift box: 没有礼盒装的, never a list of other gift boxes).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bot import pack_sizes
from bot.draft import Draft, Line
from bot.reply import Reply
from bot.turns import pack_changes, quantity

if TYPE_CHECKING:
    from bot.dialogue import Turn

_GIFT = re.compile(r"礼盒|礼品装|精装|送礼装")
_PLAIN = re.compile(r"散装|简装|普通装|自用装|家庭装")
_STYLE_WORDS = frozenset({"礼盒", "礼盒装", "礼品装", "精装", "送礼装", "散装", "简装", "普通装", "自用装", "家庭装",
                          "礼品", "装"})
# 蜂蜜要礼盒的 / 要散装的吧: the style said of the thing in view (…的), not a product named
_SAID_OF = re.compile(rf"(?:{_GIFT.pattern}|{_PLAIN.pattern}|礼盒)装?的")


def _gift(card: dict[str, Any]) -> bool:
    return bool(_GIFT.search(card["name"])) or "礼盒" in card.get("tags", ())


def _kinds(card: dict[str, Any]) -> set[str]:
    return {k for k in pack_sizes.kinds(card["name"]) if not _GIFT.search(k) and k not in _STYLE_WORDS}


async def restyle(turn: Turn, d: Draft) -> Reply | None:
    """The line named changed to the style said (see the module); None when no style is said of a line."""
    u = turn.u
    gift, plain = bool(_GIFT.search(u.text)), bool(_PLAIN.search(u.text))
    if gift == plain or "add" in u.cues or d.awaiting not in ("confirm", "address", "qty") or u.drop is not None:
        return None
    if "correct" not in u.cues and not _SAID_OF.search(u.text):
        return None  # 来一盒苹果礼盒 at the summary: another line, not a change of this one
    line = _line_named(turn, d)
    card = turn.ctx.search.cards.get(line.sku) if line is not None and line.sku else None
    if line is None or card is None:
        return None
    cards = turn.ctx.search.cards
    if any(ln is not line and ln.sku in cards and _gift(cards[ln.sku or ""]) == gift for ln in d.lines):
        return None  # 礼盒的改成两盒 with a gift box among the lines: that line's count (bot.turns.line_counts)
    if _gift(card) == gift:
        return await quantity.advance(turn, d)  # already that style: the summary again, nothing changed
    mine = _kinds(card)
    kin = [c for c in turn.ctx.search.cards.values() if c["sku"] != card["sku"] and _gift(c) == gift
           and c.get("category") == card.get("category") and _kinds(c) & mine]
    if not kin:
        style = "礼盒装" if gift else "散装"
        reply = await quantity.advance(turn, d)
        reply.reply = f"{card['name']}没有{style}的，订单没有改。\n{reply.reply}"
        return reply
    same_brand = [c for c in kin if c.get("brand") == card.get("brand")]
    return await pack_changes.kin_size(turn, d, line, same_brand or kin)


def _line_named(turn: Turn, d: Draft) -> Line | None:
    """The line whose product the message names besides the style words (苹果 of 苹果换成礼盒装的), else the line in
    view; None when the words name no line (换成礼盒装的核桃 with no walnuts: another request)."""
    words = [w for w in turn.u.product_words if w not in _STYLE_WORDS and not _GIFT.search(w)]
    lines = [*d.lines, *([d.pending] if d.pending is not None else [])]
    if not words:
        return d.current
    cards = turn.ctx.search.cards
    named = [ln for ln in lines if (c := cards.get(ln.sku or "")) is not None
             and all(w in c["name"] or w in c.get("tags", ()) for w in words)]
    return named[-1] if len(named) == 1 else None
