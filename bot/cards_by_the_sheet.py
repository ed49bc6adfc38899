"""Cards said by the sheet without the word 卡 (买一张100的, 来两张200元的): the shop's love cards.

张 counts sheets: no goods of the catalogue is sold by the 张 (it is the cards' own measure: bot/bulk.py), so a count
of 张 with a face value and no goods named is a card purchase, read as 买一张100元的爱心卡 is. With goods named (两张
煎饼), no face value or any card named (京东卡 500的来一张: not ours), the message is left as it was.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding


# Words left once the count and the face value are read: a face value in Chinese numerals (五张两百的) leaves its
# numeral, which names no goods.
_NOT_NUMERAL = re.compile(r"[^\s零一二两三四五六七八九十百千万块元那就]")


def revise(u: Understanding) -> None:
    """买一张100的: buy_card, one card of 100 yuan (see the module)."""
    sheets = [q for q in u.quantities if not (q.unit in ("块", "元") and q.value == u.money_yuan)]  # 1000块的来两张
    if u.intent != "order" or u.money_yuan is None or u.product_words or _NOT_NUMERAL.search(u.product_text) \
            or u.generic or u.origin is not None or not sheets or any(q.unit != "张" for q in sheets) \
            or "卡" in u.text or u.unrelated:
        return  # 买一张京东E卡 500面值: another's card (said with 卡, the cards' own reading decides)
    count = sheets[0].value
    if count.denominator != 1 or count < 1:
        return
    u.intent, u.card_count, u.quantity, u.quantities = "buy_card", int(count), None, []
    u.cues.add("card")
