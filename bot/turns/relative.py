"""少要一瓶 / 减一盒 / 再加一袋 / 多来一瓶 / 再来一袋一样的: a count said as a change of the line just ordered.

Right after a line is settled (the summary or the address question is pending), a count of its packs said after a
word of less (少要, 减) or of more (再加, 多来, 再来 … 一样的) changes that line's count by so many packs, instead of
setting it (3 → 2, 2 → 3). A message naming another product, a pack size or a weight is left to the other rules.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import packs, phrasing, qualities
from bot.draft import Draft, Line
from bot.reply import Reply
from bot.turns import amounts_added, goods, quantity
from bot.understanding import METRIC, Understanding

if TYPE_CHECKING:
    from bot.dialogue import Turn

_LESS = re.compile(r"(?:少要|少来|少拿|少买|少订|少寄|少发|少|减少|减掉|减去|减|去掉|拿掉|扣掉|退掉)(?:了|个)?$")
_MORE = re.compile(r"(?:再|还)?(?:再加|再来|再要|再拿|再买|再订|再整|再给|多来|多要|多拿|多买|多加|多给|多寄|多发"
                   r"|加|追加|另加|添)(?:上|个)?$")
_FILLER = re.compile(r"^(?:那|那就|那么|行|好|嗯|哦|呃|就|还是|麻烦|帮我|给我|请)+")
MAX_PACKS = quantity.MAX_QTY


def step(turn: Turn) -> int | None:
    """The packs the message adds (positive) or takes away (negative) from the line, None when it says none."""
    u = turn.u
    said = [q for q in u.quantities if q.unit != "样"]  # 再来一袋一样的: 一样 is "the same", not a count
    q = said[0] if len(said) == 1 else None
    if q is None or q.unit in METRIC or q.value.denominator != 1 or [s for s in u.specs if not s.endswith("样")]:
        return None
    sign = sign_of(u.text[:q.start])
    return sign * int(q.value) if sign else None


def sign_of(before: str) -> int:
    """1 when the words before a count are a word of more (再加), -1 of less (少要), 0 neither."""
    before = _FILLER.sub("", before)
    return -1 if _LESS.fullmatch(before) else 1 if _MORE.fullmatch(before) else _after_a_remark(before)


def _after_a_remark(before: str) -> int:
    """我妈也喜欢 再加一条: a word of more or less (two characters at least, so not the 少 of 多少) ending a remark."""
    for sign, words in ((-1, _LESS), (1, _MORE)):
        m = words.search(before)
        if m and len(m.group(0)) >= 2 and not before[:m.start()].endswith(("多", "不", "没", "别")):
            return sign
    return 0


async def change(turn: Turn, d: Draft) -> Reply | None:
    """The line just ordered, its count changed by what the message adds or takes away (None: not such a message)."""
    line = _counted_line(turn, d)
    if d.kind != "goods" or d.pending is not None or line is None or not line.sku or not line.qty \
            or d.awaiting not in ("confirm", "address"):
        return None
    if _more_of_a_range(turn.u) and not (turn.u.product_words and not _names(turn, line.sku)):
        d.pending = Line(sku=line.sku, candidates=list(line.candidates), more=line.qty)  # the line stays as it was
        return await quantity.advance(turn, d)  # until the count comes: 再来两三袋 → 已有1袋，再加几袋？
    added = amounts_added.count_after(turn, line, sign_of)  # 再加10斤 of 10斤 boxes: one box more
    if added is not None:
        line.qty = added
        return await quantity.advance(turn, d)
    delta = step(turn)
    if delta is not None and delta > 0 and not turn.state.shown and not turn.u.about_products:
        return await goods.ask_product(turn)  # 再来两袋粽子 (没有找到) → 再加一个: of what? the honey stays
    if delta is None or turn.u.pick or (turn.u.product_words and not _names(turn, line.sku)) or _unknown(turn):
        return None
    said = Line(sku=line.sku)
    quantity.apply_quantity(turn, said)  # 再加一袋 of a product sold in bags: one pack; 再加一箱 of one in bags: none
    if said.qty is None or (said.qty != abs(delta) and not _pieces(turn, line.sku)):
        return None
    count = line.qty + (said.qty if delta > 0 else -said.qty)  # 再加24个 of 12枚 boxes: two boxes more
    if not 1 <= count <= MAX_PACKS:
        return None
    line.qty = count
    return await quantity.advance(turn, d)


def _unknown(turn: Turn) -> bool:
    """再来一瓶茅台: the count is of goods the catalogue lacks, said right after it (没有找到「茅台」), never of the
    line (the honey went from 2 bottles to 3); 我妈也喜欢 再加一条 (a remark before the count) stays a change."""
    u = turn.u
    counted = [q for q in u.quantities if q.unit != "样"]
    after = u.text[counted[0].end:] if len(counted) == 1 else ""
    named = [w for w in u.product_text.split() if after.startswith(w) and not qualities.is_description(w)]
    return bool(named) and not u.product_words  # 再加24个礼盒装的: a pack described, the line's own


def _counted_line(turn: Turn, d: Draft) -> Line | None:
    """The line the change is of: the one just ordered, unless the pack word said is another line's only (多来一袋 with
    a bag of millet and two bottles of honey in the draft: the millet, not 没法按“1袋”算 of the honey)."""
    line = d.current
    said = [q.unit for q in turn.u.quantities if q.unit and q.unit not in METRIC]
    cards = turn.ctx.search.cards

    def unit(ln: Line) -> str | None:
        return cards[ln.sku]["unit"] if ln.sku and ln.sku in cards else None

    if line is None or len(said) != 1 or unit(line) == said[0]:
        return line
    others = [ln for ln in d.lines if unit(ln) == said[0]]
    return others[0] if len(others) == 1 else line


def _more_of_a_range(u: Understanding) -> bool:
    """再来两三袋 / 再加个三五瓶: a range of more packs, how many to be asked (a word of more right before the
    range)."""
    if u.ranged is None or u.quantities:
        return False
    before = _FILLER.sub("", u.text[:u.ranged]).removesuffix("个")
    return bool(_MORE.fullmatch(before) or _after_a_remark(before) > 0)


_NO_MORE = re.compile(r"(?:不|不用|不要|别|不再|甭)(?:加|添|多要|多来|再要|再来)|就这些|就这样|够了|不变|先这样")


def no_more(u: Understanding) -> bool:
    """算了不加了 / 够了 / 就这些吧, asked how many more: nothing more, the draft as it was."""
    return _NO_MORE.search(u.text) is not None and not u.product_words and not u.quantities


def _pieces(turn: Turn, sku: str) -> bool:
    """The count is of pieces (24个, 24枚) or of what the line's pack holds inside (24罐 of a 24罐装 box): read
    against the pack rather than counting packs."""
    name = turn.ctx.search.cards[sku]["name"] if sku in turn.ctx.search.cards else ""
    return any(q.unit in packs.PIECES or (packs.inner_count(name, q.unit) or 0) > 1 for q in turn.u.quantities)


def _names(turn: Turn, sku: str) -> bool:
    return any(c["sku"] == sku for c in turn.resolve_products().candidates)


def drops_all(u: Understanding) -> bool:
    """这单先不要了 全部清空 / 这单不下了 清空重来: the whole order dropped and nothing else asked for (not a
    replacement of one line by another)."""
    drop = u.drop
    return drop is not None and phrasing.drops_the_order(drop.text) and "cancel" in u.cues and not (
        u.product_words or u.origin or u.generic or u.quantity or u.pick)
