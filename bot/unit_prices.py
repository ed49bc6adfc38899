"""The price per measure asked of a product sold in packs (静宁苹果多少钱一斤, 一公斤多少钱, 鸡蛋多少钱一个): the
pack's price and what it comes to per 斤, kg or piece, worked out from the pack's content (10斤 for 58元: 每斤5.80元).

It said the box's price alone (静宁苹果 红富士 10斤，每箱58元), leaving the shopper to divide. Nothing is added when the
pack is that measure already (a 500g bottle asked per 斤), its weight is only a guide (整只约1.5kg), or its content is
in another dimension (a count of eggs asked per 斤).
"""
from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from bot import packs
from bot.replies import yuan

_MEASURE = r"(?P<unit>斤|公斤|千克|kg|两|个|枚|只)"
_PER = re.compile(rf"多少钱(?:一|每|1)?{_MEASURE}"
                  rf"|(?:一|每|1){_MEASURE.replace('unit', 'unit2')}(?:是|要|卖)?(?:多少钱|几块|多少)"
                  r"|(?:按|论)(?P<unit3>斤|公斤)(?:算|卖)?(?:多少|几)")


def note(text: str, card: dict[str, Any]) -> str:
    """"按斤算每斤5.80元。" for a price asked per measure (see the module); "" otherwise."""
    m = _PER.search(text.replace(" ", ""))
    pack = packs.pack_of(card)
    if m is None or pack is None or pack.approx:
        return ""
    unit = m.group("unit") or m.group("unit2") or m.group("unit3")
    base = packs.MASS.get(unit)
    if (base is None) != (pack.dimension == "count") or (base is not None and pack.dimension != "mass"):
        return ""  # 鸡蛋多少钱一斤 of a box of 30: no weight to divide by
    per = Fraction(base or 1)
    if pack.amount == per:
        return ""
    fen = round(card["price_fen"] * per / pack.amount)
    return f"按{unit}算每{unit}{yuan(fen)}。"
