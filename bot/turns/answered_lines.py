"""Unclear lines answered by the products named after them.

年货想买点腊肉和火腿 leaves two lines to choose (which 腊肉, which 火腿), asked one at a time. A shopper who answers
both at once (从江的腊肉来两袋 盘州火腿一件) names new lines; the unclear ones they answer go, so 火腿 is not asked
again after 盘州火腿 was named with its count (it was, and the count said was lost when the ham was then chosen).
"""
from __future__ import annotations

from bot.draft import Draft, Line


def drop_answered(d: Draft, waiting: list[Line], named: list[Line]) -> None:
    """Of the unclear lines that were waiting before this message (`waiting`), drop those a line it named answers:
    its product is one of theirs to choose from."""
    answered = [old for old in waiting if old.sku is None and any(_answers(new, old) for new in named)]
    if not answered:
        return
    d.queued = [line for line in d.queued if not any(line is old for old in answered)]
    if d.pending is not None and any(d.pending is old for old in answered):
        d.pending = d.queued.pop(0) if d.queued else None


def _answers(new: Line, old: Line) -> bool:
    if new is old:
        return False
    if new.sku is not None:
        return new.sku in old.candidates
    return bool(new.candidates) and set(new.candidates) <= set(old.candidates)
