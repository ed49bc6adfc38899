"""Pieces of a message said around the items it orders, not items themselves (给爸妈寄点东西 粽子来三盒 咸鸭蛋两盒:
the first piece; 过年囤点, 端午, 谢谢, 你好).

A piece names nothing, counts nothing, gives no size and no place — or names only an occasion that the catalogue
holds as a tag (端午, 中秋 on the zongzi and the mooncakes) or a purpose (冬至涮火锅: 火锅 on the lamb rolls) without a
count. Left among the items, it made the whole
message one line of every product named (three boxes of the eggs; the sausage and the dates offered as one choice).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.phrasing import PURPOSES
from bot.qualities import OCCASIONS

if TYPE_CHECKING:
    from bot.understanding import Understanding


def aside(part: Understanding) -> bool:
    """True when `part` (one piece of a message of several items) is said around them, not one of them."""
    if part.text.startswith("不是") and not part.quantities:  # 来一箱苹果 不是苹果梨哈: which is NOT meant, no item
        return True
    if part.quantities or part.foreign or part.origin is not None or part.specs:
        return False
    return all(word in OCCASIONS or word in PURPOSES for word in part.product_words)  # 冬至涮火锅: what for
