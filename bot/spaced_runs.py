"""A run of a product's name said with a space inside (西班牙 伊比利亚火腿 切片: 火腿 切片 is the run 火腿切片 of
宣威火腿 切片): found as one word in the spaced text, so that what is glued before it (伊比利亚) is read as another
thing's name (bot.product_words._glued_before) — it drafted the shop's ham."""
from __future__ import annotations

import re
from collections.abc import Callable


def joined(kept: list[str], spaced: str, is_run: Callable[[str], bool]) -> tuple[list[str], str]:
    """(the runs among the words kept, the spaced text with each run's inner spaces taken out)."""
    runs = [t for t in kept if is_run(t)]
    for run in runs:
        spaced = re.sub(r"\s*".join(map(re.escape, run)), run, spaced)
    return runs, spaced
