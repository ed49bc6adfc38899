"""Goods each person gets, with the count of people said in another message (bot/heads.py).

给30个员工发福利 then 每人一袋大米加一桶花生油: the count is kept (`DialogueState.heads`) and the second message read
as "30人 每人一袋大米加一桶花生油" (30 of each). 每人… with no count known: one of each, said so after the reply, and
the lines kept (`DialogueState.each`) so that a count of people said next (30个人) multiplies them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot import heads
from bot.bulk import multiplied
from bot.draft import Draft, Line
from bot.packs import Asked
from bot.reply import Reply
from bot.understanding import understand

if TYPE_CHECKING:
    from bot.dialogue import Turn

ONE_EACH = "（没说几个人，先按一人一份记下了；几个人就说人数，比如“30个人”。）"


def reread(turn: Turn) -> None:
    """Before the turn: a count of people said is kept; 每人… said without one is read with the count kept."""
    said, words = turn.said, turn.ctx.vocab.words
    # the count another reading kept (bot/welfare.py: Understanding.heads, 给30个员工发福利), else the one said
    count = getattr(turn.u, "heads", None) or heads.heads_said(said, words)
    if count is not None:
        turn.state.heads, turn.state.each = count, []
    elif turn.state.heads and heads.each_alone(said, words) and multiplied(said) == said:  # 每户一盒，20户: its own
        turn.u = understand(f"{turn.state.heads}人 {said}", turn.ctx.vocab)


def _lines(d: Draft | None) -> list[Line]:
    if d is None or d.kind != "goods":
        return []
    return [*d.lines, *([d.pending] if d.pending else []), *d.queued]


def _marks(line: Line) -> list[str]:
    return [line.sku] if line.sku else list(line.candidates)


def before(turn: Turn) -> set[str]:
    """The draft's products before the turn (the lines a 每人 message adds are the others)."""
    return {s for line in _lines(turn.draft) for s in _marks(line)}


def after(turn: Turn, reply: Reply, had: set[str]) -> Reply:
    """After the turn: 每人… with no count of people known is one each: said so, and its lines kept for the count."""
    if reply.intent != "order" or turn.state.heads or not heads.each_alone(turn.said, turn.ctx.vocab.words):
        return reply
    added = [s for line in _lines(turn.draft) for s in _marks(line) if s not in had]
    if added:
        turn.state.each = added
        reply.reply += "\n" + ONE_EACH
    return reply


def counted(turn: Turn) -> bool:
    """30个人 after 每人… was taken as one each: the lines it added, times the people (True when so)."""
    count = heads.only_heads(turn.said)
    each = set(turn.state.each)
    if count is None or not each:
        return False
    for line in _lines(turn.draft):
        if not set(_marks(line)) <= each:
            continue
        line.qty = line.qty * count if line.qty else None
        asked = Asked.from_json(line.asked)  # a count still to read against the pack chosen: times them too
        line.asked = Asked(asked.value * count, asked.unit).to_json() if asked else None
    turn.state.heads, turn.state.each = count, []
    return True
