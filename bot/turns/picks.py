"""What a message means against what the shopper saw: a pick from the list shown (第二个, 最后那个) taken as one pack
or added as a new line, and a count said for a thing the shop does not know (茅台来一瓶), which changes nothing."""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot import packs, things_named
from bot.draft import Line

if TYPE_CHECKING:
    from bot.dialogue import Turn


def take_one(turn: Turn, line: Line) -> None:
    """要最后那个 / 来第二个 / 第二个，寄到…: a pick said as taking it is one pack, unless the product is sold by
    weight (then the amount is asked)."""
    u = turn.u
    card = turn.ctx.search.cards.get(line.sku) if line.sku else None
    if card is None or line.qty is not None or line.asked or u.quantities or u.number is not None:
        return
    if u.pick and ("buy" in u.cues or u.address is not None) and not packs.sold_by_measure(card):
        line.qty = 1


def adds_a_pick(turn: Turn) -> bool:
    """再来一袋第二个 / 第三个也要一箱 / 最后那个来两盒, a line being in the draft: that item of the list shown, with
    that count, is a new line (not a change of the line there), unless the message corrects (不对，要第二个)."""
    u = turn.u
    if not u.pick or not seen_list(turn) or "correct" in u.cues or u.product_words:
        return False
    return "add" in u.cues or ("buy" in u.cues and u.quantity is not None)


def names_another_thing(turn: Turn) -> bool:
    """茅台来一瓶 with honey in the draft, 买三箱红枣味饮料 with the 刺梨 juice: the count is for a thing the shop does
    not know or sell (u.foreign), not a change of the draft's count."""
    u = turn.u
    tags = turn.ctx.vocab.word_tags
    return not u.product_words and not u.pick and (
        bool(u.foreign) or any(things_named.is_thing(t, tags) for t in u.product_text.split()))


def seen_list(turn: Turn) -> list[str]:
    """The list a pick is over: the one shown last, or, when that was one product (a summary), the last of several."""
    shown = turn.state.shown
    return turn.state.listed if len(shown) < 2 and turn.state.listed else shown
