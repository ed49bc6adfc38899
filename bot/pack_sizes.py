"""Pack sizes the shopper names as such (一斤装的香菇, 一箱24个的猕猴桃, 再加两盒6枚装的, 来一瓶1kg的): a size that
says WHICH variant, not how much. A variant holds the size when its pack's content equals it (一斤 = 500g,
24个 = 24枚); when none does, the assistant asks with the sizes there are, never picking another silently."""
from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from bot import numerals, packs
from bot.numerals import Found

if TYPE_CHECKING:
    from bot.understanding import Understanding

_UNIT = r"kg|公斤|千克|g|克|斤|两|ml|毫升|l|升|枚|个|只|颗|粒|条|片|穗"
_SIZE = re.compile(rf"(?P<num>{numerals.NUM}|半)\s*(?P<unit>{_UNIT})\s*"
                   r"(?P<how>装|的|那(?:种|款|个|盒|箱|袋|瓶|罐|包)|一?(?:盒|箱|袋|瓶|罐)(?:的|那种|装))")
NOT_THIS = ("不要", "不是", "别要", "不买", "不用")
_SIZED = re.compile(rf"(?P<num>{numerals.NUM}|半)\s*(?P<unit>{_UNIT})")


def size_at(text: str, at: int) -> bool:
    """A pack size said as such (500g的, 5kg装, 一斤装的) starts at `at` in `text`."""
    m = _SIZE.match(text, at)
    return m is not None and content(m.group()) is not None


def content(size: str) -> tuple[str, Fraction] | None:
    """5kg → ("mass", 5000 g); 一斤 → ("mass", 500 g); 24个 → ("count", 24); None for a pack count (4盒)."""
    m = _SIZED.match(size.lower())
    if m is None:
        return None
    value = Fraction(1, 2) if m.group("num") == "半" else numerals.to_number(m.group("num"))
    unit = m.group("unit")
    if value is None or value <= 0:
        return None
    if unit in packs.MASS:
        return "mass", value * packs.MASS[unit]
    if unit in packs.VOLUME:
        return "volume", value * packs.VOLUME[unit]
    if unit in (*packs.PIECES, "条"):
        return "count", value
    return None


def holds(card: dict[str, Any], size: str) -> bool:
    """The product's pack holds exactly this size (金寨土蜂蜜 1kg holds 1000g; 花垣猕猴桃 24枚装 holds 24个)."""
    pack = packs.pack_of(card)
    said = content(size)
    return pack is not None and said is not None and (pack.dimension, pack.amount) == said


def _named(u: Understanding) -> list[re.Match[str]]:
    """The pack sizes said as sizes: N装 always; N的 / N那种 when a count of packs is also said (两盒6枚装的,
    一箱24个的) — alone, 要10斤的 may be an amount."""
    counted = any(q.unit not in packs.MASS and q.unit not in packs.VOLUME and q.unit not in packs.PIECES
                  for q in u.quantities)
    out = []
    for m in _SIZE.finditer(u.text):
        if content(m.group()) is None or u.text[:m.start()].endswith(NOT_THIS):
            continue  # 蜂蜜不要500g的: the size not wanted
        if m.group("how") == "装" or m.group("how")[:1] == "那" or counted:  # 要30个那盒: which box, always
            out.append(m)
    return out


def named(u: Understanding) -> list[str]:
    """The pack sizes said as sizes (see `_named`), as 一斤, 15个."""
    return [m.group("num") + m.group("unit") for m in _named(u)]


def only_sizes(u: Understanding) -> bool:
    """Every quantity of the message lies inside a pack size said as such (30个一盒那种, 要15个一盒的): it says which
    pack, and counts none."""
    spans = [m.span() for m in _named(u)]
    return bool(spans) and all(any(a <= q.start and q.end <= b for a, b in spans) for q in u.quantities)


def joined_sizes(pieces: list[str], read: Callable[[str], Understanding]) -> list[str]:
    """The pieces of a message naming several items (bot.several_items.split_items), a piece that names no goods and
    only a size (鸡蛋两盒，30个一盒那种: `only_sizes`) joined to the piece before it: the size of those goods, not a
    second line."""
    out: list[str] = []
    for piece in pieces:
        part = read(piece) if out else None
        if part is not None and not part.product_words and only_sizes(part):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def counts(u: Understanding) -> list[Found]:
    """The quantities of the message that count or measure what is wanted: not the pack sizes named as sizes
    (要15枚那种 来两盒: two boxes, not 15 eggs; 十五个一盒的要三盒: three, the 一盒 is the size's), unless nothing
    else is said (要10斤装那个: one 10斤 box)."""
    spans = [m.span() for m in _named(u)]
    kept = [q for q in u.quantities if not any(start <= q.start and q.end <= end for start, end in spans)]
    return kept or u.quantities


def missing(u: Understanding, cards: list[dict[str, Any]]) -> str:
    """The size named that no product offered holds, when the products are sold in sizes of that kind (else '')."""
    for size in named(u):
        said = content(size)
        kinds = [p for p in (packs.pack_of(c) for c in cards) if p is not None and not p.approx]
        if said is None or not any(p.dimension == said[0] for p in kinds):
            continue
        if not any(holds(c, size) for c in cards):
            return size
    return ""


_WORD = re.compile("[\u4e00-\u9fff]{2,}")


def kinds(name: str) -> set[str]:
    """What a product is, by the last two characters of each word of its name (城口山地鸡蛋 30枚装 → 鸡蛋; 从江香猪
    腊肉 500g → 香猪, 腊肉): the last part of a Chinese word names the thing."""
    return {part[-2:] for part in name.split() if _WORD.fullmatch(part)}


def kin_holding(card: dict[str, Any], cards: list[dict[str, Any]], size: str) -> list[dict[str, Any]]:
    """Other products of the same category and kind as `card` (鸡蛋 and 乌鸡蛋) whose pack holds `size`."""
    mine = kinds(card["name"])
    return [c for c in cards if c["sku"] != card["sku"] and c.get("category") == card.get("category")
            and kinds(c["name"]) & mine and holds(c, size)]


def answering_which(u: Understanding, cards: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The answer to "which size?" (那就30枚的, 行 那就12个那盒吧, 15个那种): the one product offered whose pack holds
    a size said with 的/装/那盒 — asked which, a size so said names the pack, not an amount."""
    for m in _SIZE.finditer(u.text):
        if content(m.group()) is None or u.text[:m.start()].endswith(NOT_THIS):
            continue
        holding = [c for c in cards if holds(c, m.group("num") + m.group("unit"))]
        if len(holding) == 1:
            return holding[0]
    return None
