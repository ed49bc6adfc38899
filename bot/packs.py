"""What a product's pack holds, and how many packs a quantity the shopper said amounts to.

A product is sold in packs (its `unit`: 袋, 箱, 瓶 …); its name usually says what one pack holds
(金线美大米 5kg, 广生源鸡蛋 30枚装, 刺柠吉 310ml×12罐). A shopper may count packs (两袋), or say
a weight, a volume or a number of pieces (5斤, 1升, 60个): those are read against the pack, and
become a number of packs only when a whole number of packs holds exactly that much. Anything else
is a question to ask, never a guess: the summary states pack, count and what that amounts to.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from bot import numerals

# Base units: grams, millilitres, pieces.
MASS = {"kg": 1000, "公斤": 1000, "千克": 1000, "g": 1, "克": 1, "斤": 500, "市斤": 500, "两": 50, "吨": 1_000_000}
VOLUME = {"l": 1000, "升": 1000, "ml": 1, "毫升": 1}
PIECES = ("枚", "个", "只", "颗", "粒", "根", "片", "穗")
DOZEN = {"打": 12, "对": 2, "双": 2}  # counts of pieces said by the group: 一打 is 12, 一对 / 一双 is 2
SINGLE = 1000  # g or ml: a pack this small is one piece of goods (a bag of noodles, a bottle of sauce)
# Pack words: a number of these is a number of packs, of the product sold in that pack.
PACK_WORDS = ("箱", "袋", "瓶", "盒", "罐", "包", "桶", "提", "听", "件", "份", "只", "饼", "套", "个", "斤", "条",
              "筐", "篮", "坛", "壶", "支", "块", "串", "box")
# English "box" (bot.rewrite): a 盒, or the 箱 of a product sold by the 箱 (2 boxes of eggs: 盒; of oranges: 箱).
BOX = "box"
GENERIC_COUNT = ("个", "份", "件", "样", "款", "种", "单", "次", "")

_NUM = r"\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+"
_CONTENT = re.compile(
    rf"(?P<approx>约|大约|左右)?\s*(?P<num>{_NUM})\s*(?P<unit>kg|KG|Kg|公斤|千克|ml|ML|mL|毫升|g|G|克|市斤|斤|l|L|升|枚|个|只|颗|粒|根|片|穗)"
    rf"(?:\s*[×xX*]\s*(?P<times>\d+)\s*(?P<inner>罐|瓶|袋|包|盒|听|支|个|枚)?"
    rf"|\s*(?P<times_said>\d+)\s*(?:罐|瓶|袋|包|盒|听|支)\s*装)?")  # 330ml 24罐装: 24 cans of 330ml


@dataclass(frozen=True)
class Pack:
    """What one pack holds: `amount` in grams, millilitres or pieces."""

    amount: Fraction
    dimension: str  # mass | volume | count
    text: str  # as the name writes it: 5kg, 30枚, 310ml×12
    approx: bool = False  # 整只约1.5kg: sold by the piece, the weight only a guide


def _dimension(unit: str) -> tuple[str, int] | None:
    u = unit.lower()
    if u in MASS:
        return "mass", MASS[u]
    if u in VOLUME:
        return "volume", VOLUME[u]
    if unit in PIECES:
        return "count", 1
    return None


@functools.lru_cache(maxsize=8192)
def _parse(name: str, unit: str) -> Pack | None:
    sold_by = _dimension(unit)
    if sold_by is not None and sold_by[0] != "count":  # sold by the 斤 / kg itself
        return Pack(Fraction(sold_by[1]), sold_by[0], f"1{unit}")
    best: Pack | None = None
    for m in _CONTENT.finditer(name):
        value = numerals.to_number(m.group("num"))
        dim = _dimension(m.group("unit"))
        if value is None or dim is None or value <= 0:
            continue
        times = int(m.group("times") or m.group("times_said") or 1)
        text = m.group().strip().lstrip("约大概左右").strip()
        pack = Pack(value * dim[1] * times, dim[0], text,
                    approx=bool(m.group("approx")) or "约" in name[:m.start()][-2:])
        if best is None or (best.dimension == "count" and pack.dimension != "count"):
            best = pack  # a weight or volume tells more than a count (鸡蛋 30枚 1.5kg: either works; first wins)
    return best


def sold_by_measure(card: dict[str, Any]) -> bool:
    """Sold by the 斤, kg or litre itself (an amount to ask), not in packs counted one by one."""
    dim = _dimension(card["unit"])
    return dim is not None and dim[0] != "count"


def pack_of(card: dict[str, Any]) -> Pack | None:
    return _parse(card["name"], card["unit"])


@dataclass(frozen=True)
class Asked:
    """A quantity as the shopper said it: a number and its word (两箱, 5斤, 60个, 一打, 3)."""

    value: Fraction
    unit: str = ""

    def to_json(self) -> str:
        return f"{self.value}|{self.unit}"

    @classmethod
    def from_json(cls, text: str | None) -> Asked | None:
        if not text or "|" not in text:
            return None
        value, unit = text.split("|", 1)
        try:
            return cls(Fraction(value), unit)
        except (ValueError, ZeroDivisionError):
            return None

    @property
    def measured(self) -> tuple[str, Fraction] | None:
        """(dimension, amount in base units) for a weight, volume or piece count; None for pack counts."""
        if self.unit in DOZEN:
            return "count", self.value * DOZEN[self.unit]
        dim = _dimension(self.unit)
        if dim is None or (self.unit == "个" and self.value < 6):  # 两个 is two packs; 30个鸡蛋 is thirty eggs
            return None
        return dim[0], self.value * dim[1]

    def text(self) -> str:
        if self.unit == BOX:
            return f"{_plain(self.value)}盒"
        if self.unit in DOZEN:
            return f"{_plain(self.value)}{self.unit}（{_plain(self.value * DOZEN[self.unit])}个）"
        return f"{_plain(self.value)}{self.unit}"


@dataclass(frozen=True)
class Reading:
    packs: int | None  # how many packs, when a whole number of packs is what was asked
    why: str = ""  # otherwise: "fraction" (三箱半), "no_fit" (3斤 of 5kg bags), "other_unit" (箱 of a 袋 product)


# Pack words people use for one another: a 包 of rice is its 袋; a 只 or 块 of something sold by the 件 or 条 is one.
_SAME_PACK = ({"袋", "包"}, {"盒", "罐"}, {"件", "份", "只", "个", "块", "条", "根", "支", "套", "串"}, {"箱", "件"},
              {"瓶", "罐"}, {"桶", "瓶"})


_CONTAINERS = ("箱", "袋", "瓶", "盒", "罐", "包", "桶", "提", "听")
CONTAINERS = _CONTAINERS


def same_pack(said: str, unit: str, name: str = "") -> bool:
    """The word said names the pack the product is sold in (its unit, a word used for it, or the pack its name
    describes, 60枚礼盒装 → 盒)."""
    if said == BOX:
        return same_pack("盒", unit, name) or same_pack("箱", unit, name)
    if said == unit or (said in _CONTAINERS and said in name):
        return True
    return any(said in group and unit in group for group in _SAME_PACK)


_INNER = re.compile(r"(?<![\d.])(\d+)\s*(条|盒|袋|包|瓶|罐|支|片|块)\s*(?:装|入|/)")


def inner_count(name: str, word: str) -> int | None:
    """姜茶 12条装 / 麻江蓝莓 4盒装 / 沙棘汁 250ml×12瓶 / 螺蛳粉 10包/箱: how many of `word` one pack holds, as its
    name says."""
    if not word:
        return None
    m = re.search(rf"(?<![\d.])(\d+)\s*{re.escape(word)}\s*(?:装|入|/)|[×xX*]\s*(\d+)\s*{re.escape(word)}", name)
    return int(m.group(1) or m.group(2)) if m else None


_PIECE_WORDS = "(?:罐|瓶|袋|包|听|支|条|个|枚|只)"
_HELD = re.compile(rf"[×xX*]\s*(\d+)\s*(?:{_PIECE_WORDS}|盒)|(?<![\d.])(\d+)\s*{_PIECE_WORDS}\s*装")


def _pieces_held(name: str) -> int | None:
    """310ml×12罐, 6瓶装: how many pieces one pack holds, whatever they are called (a dozen counts them)."""
    m = _HELD.search(name)
    return int(m.group(1) or m.group(2)) if m else None


def box_word(card: dict[str, Any]) -> str:
    """The Chinese word for an English box of this product: 箱 when it is sold by the 箱 (and not as a 盒), else 盒."""
    return "箱" if same_pack("箱", card["unit"], card["name"]) and not same_pack("盒", card["unit"], card["name"]) \
        else "盒"


def read(asked: Asked, card: dict[str, Any]) -> Reading:
    """How many packs of this product the asked quantity is."""
    if asked.unit == BOX:
        asked = Asked(asked.value, box_word(card))
    unit = card["unit"]
    inner = inner_count(card["name"], asked.unit) if asked.unit != unit else None
    if inner and inner > 1:  # 24条姜茶 of 12条装 boxes is 2 boxes; 8盒蓝莓 of 4盒装 crates is 2 crates
        return _whole(asked.value / inner, fit=True)
    held = _pieces_held(card["name"]) if asked.unit == "打" else None
    if held and held > 1:  # 两打刺梨汁 of 310ml×12罐 boxes: 24 cans, 2 boxes (the box's volume says nothing here)
        return _whole(asked.value * DOZEN["打"] / held, fit=True)
    measured = asked.measured
    pack = pack_of(card)
    if asked.unit in PIECES and unit in (*PIECES, "件", "份", "条", "块", "套") and not (
            pack is not None and pack.dimension == "count" and not pack.approx and pack.amount > 1):
        return _whole(asked.value)  # 两只鸡, 一只手镯 (sold by the 件): pieces are packs
    if same_pack(asked.unit, unit, card["name"]) or (asked.unit in GENERIC_COUNT and measured is None):
        if asked.unit == "个" and pack is not None and pack.dimension == "count" and not pack.approx \
                and pack.amount > 1 and asked.value % pack.amount == 0:
            return _whole(asked.value / pack.amount)  # 60个鸡蛋 of 30枚 boxes
        if pack is not None and _dimension(unit) and pack.dimension != "count":  # sold by the 斤: 3斤 is 3
            return _whole(asked.value)
        return _whole(asked.value)
    if measured is not None:
        if unit in PIECES and measured[0] == "count" and (pack is None or pack.dimension != "count"):
            return _whole(measured[1])  # 两只鸡 / 3个 of a product sold by the piece
        if measured[0] == "count" and (pack is None or (pack.dimension != "count" and pack.amount <= SINGLE)):
            return _whole(measured[1])  # 一打螺蛳粉 of single 330g bags: a piece is a pack (not of 5斤 boxes)
        packs_said = measured[1] / pack.amount if pack is not None and pack.dimension == measured[0] else None
        if packs_said is None or (pack is not None and pack.approx and packs_said.denominator != 1):
            return Reading(None, "other_unit")  # 2斤 of 整只约1.5kg: sold by the piece, asked as such
        return _whole(packs_said, fit=True)  # 3斤 of 1把约500g: 3把, as near as the pack says
    if asked.unit in PACK_WORDS:
        return Reading(None, "other_unit")
    return _whole(asked.value)


def _whole(value: Fraction, fit: bool = False) -> Reading:
    if value.denominator == 1 and value >= 1:
        return Reading(int(value))
    return Reading(None, "no_fit" if fit else "fraction")


def amount_text(card: dict[str, Any], qty: int) -> str:
    """What `qty` packs amount to: 共5kg, 共60枚, 共2.5升; empty when the pack says nothing more than its count."""
    pack = pack_of(card)
    if pack is None:
        inner = _INNER.search(card["name"])  # 姜茶 12条装 ×2盒 → 共24条
        return f"共{int(inner.group(1)) * qty}{inner.group(2)}" if inner and inner.group(2) != card["unit"] else ""
    if pack.approx:
        return ""
    total = pack.amount * qty
    if pack.dimension == "mass":
        if card["unit"] in MASS or "斤" in pack.text:
            return f"共{_plain(total / 500)}斤"
        return f"共{_plain(total / 1000)}kg" if total >= 1000 else f"共{_plain(total)}g"
    if pack.dimension == "volume":
        return f"共{_plain(total / 1000)}L" if total >= 1000 else f"共{_plain(total)}ml"
    return f"共{_plain(total)}{pack.text.lstrip('0123456789.')[:1] or '个'}"


def equivalent(card: dict[str, Any]) -> str:
    """5kg装（10斤）: a pack described in the shopper's other measure, for questions about which pack."""
    pack = pack_of(card)
    if pack is None:
        inner = _INNER.search(card["name"])  # 螺蛳粉 10包/箱 → 10包装
        return f"{inner.group(1)}{inner.group(2)}装" if inner and inner.group(2) != card["unit"] else card["name"]
    if pack.dimension == "mass" and not pack.approx:
        jin = pack.amount / 500
        other = f"{_plain(jin)}斤" if "斤" not in pack.text else (
            f"{_plain(pack.amount / 1000)}kg" if pack.amount >= 1000 else f"{_plain(pack.amount)}g")
        return f"{pack.text}装（{other}）"
    return f"{pack.text}装"


def _plain(value: Fraction) -> str:
    if value.denominator == 1:
        return str(int(value))
    return f"{float(value):.2f}".rstrip("0").rstrip(".")


def fitting(cards: list[dict[str, Any]], asked: Asked | None) -> list[tuple[dict[str, Any], int]]:
    """Of the products offered, those of which a whole number of packs is the asked weight/volume/pieces."""
    if asked is None or asked.measured is None:
        return []
    out = []
    for card in cards:
        reading = read(asked, card)
        if reading.packs is not None:
            out.append((card, reading.packs))
    return out


def inner_fitting(cards: list[dict[str, Any]], asked: Asked) -> list[tuple[dict[str, Any], int]] | None:
    """刺梨汁要四十八瓶 over boxes of 12瓶 and 24瓶: the products whose pack holds `asked.unit` inside (not sold by it)
    of which a whole number of packs holds the count; None when no product counts that word inside its pack."""
    inside = [c for c in cards if (inner_count(c["name"], asked.unit) or 0) > 1]
    if not inside or any(same_pack(asked.unit, c["unit"]) for c in cards):  # some are sold by that word itself
        return None
    return [(c, n) for c in inside if (n := read(asked, c).packs) is not None]
