"""A dish said as cooked (红烧肉 做好的, 腊肉 炒好的有吗, 羊肉串 烤好的来十串, 鸡 炖好的能寄吗) is never the raw goods.

The shop sells farm products, not meals: a cooking verb with 好 (做好的, 炒好的, 炖好的, 烤好的 …) says the thing is
already cooked, which no product is. The dish as said is not found (没有找到「腊肉 炒好的」); the catalogue word in
it (腊肉) is listed only as an alternative under that answer, never as a match, never drafted. Cooking words that
only say how the goods will be used (腊肉怎么炒好吃, 炖鸡用哪种鸡好) carry no 好的 and are left as they are.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding

_COOKED = re.compile(r"(?:做|炒|炖|烧|煮|蒸|烤|卤|煎|炸|焖|烹|熬|腌|拌|烙|熏制)(?:好|熟)(?:了)?的")
_STATE_LEFT = re.compile(r"\s*(?:做|炒|炖|烧|煮|蒸|烤|卤|煎|炸|焖|烹|熬|腌|拌|烙|熏制)(?:好|熟)\s*")
_ASKED = frozenset({"search", "order", "ask_price", "fallback", "recommend", "ask_info"})


def revise(u: Understanding) -> None:
    """The cooked dish as said is the thing asked for (see the module); its catalogue word only an alternative."""
    found = _COOKED.search(u.text)
    if found is None or u.intent not in _ASKED or u.unrelated or not u.product_text:
        return
    thing = _STATE_LEFT.sub(" ", u.foreign or u.product_text).strip()
    if not thing:
        return  # 做好的有吗: no dish named, the goods shown before are meant
    u.instead = u.instead or (u.product_words[0] if u.product_words else "")
    u.foreign = f"{thing} {found.group()}"
    u.product_words, u.origin, u.generic, u.product_text, u.bare = [], None, False, u.foreign, False
    if u.intent == "fallback":
        u.intent = "search"  # 宫保鸡丁 做好的: whether the shop has it
