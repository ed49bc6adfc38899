"""A variant described instead of named: 最大的那袋, 小瓶的来两瓶, 便宜点的那个, 贵的那款, 大包装的.

After a list or a "which one?" the shopper often says which by how it compares with the others — the biggest or
smallest pack, the cheaper or dearer one — rather than by its name or its position. `described` reads that from the
words (a size or price word with a pack word, 的, 那 or 点 after it, so 大米, 小米, 大方天麻 and 小香猪 are no
description), and `spans` says where it stands, so that the words are never looked up as a product (没有找到「小瓶」).
`choose` takes the matching product among those the shopper saw.
"""
from __future__ import annotations

import re
from typing import Any

from bot import packs

_PACK = "包装|规格|份量|分量|瓶|袋|包|盒|罐|箱|桶|份|听|条|只|块|饼|支|号|装"  # longer words first: 大包装, not 大包
_THAT = r"(?:的|那|这|一?点|一些|些)"
_SIZE = re.compile(rf"(?:最(?P<most>大|小)(?:{_PACK}|{_THAT}|$)|(?<![大小最])(?P<which>大|小)(?:{_PACK}|{_THAT}))")
_PRICE = re.compile(rf"(?:最|更)?(?P<price>便宜|实惠|划算|贵)(?:{_THAT})")
_NOT_A_SIZE = ("大小", "多大", "多小", "大概", "大约", "大家", "小时", "大于", "小于", "从小", "小朋友", "小孩",
               "老大", "大爷", "大妈", "大姐", "大哥", "小姐", "小哥", "小伙", "大众", "大人")


def described(text: str) -> str:
    """"big", "small", "cheap" or "dear" when the message says which variant by comparing it, else ""."""
    if any(w in text for w in _NOT_A_SIZE):
        return ""
    m = _SIZE.search(text)
    if m:
        return "big" if (m.group("most") or m.group("which")) == "大" else "small"
    m = _PRICE.search(text)
    if m:
        return "dear" if m.group("price") == "贵" else "cheap"
    return ""


def superlative(text: str) -> bool:
    """最大的 / 最小的: the extreme of everything seen, not a size compared among one product's packs (小瓶的)."""
    m = _SIZE.search(text)
    return bool(m and m.group("most"))


_PACKED = re.compile(r"(?P<word>礼盒|礼品|散|袋|罐|瓶|盒|箱|简|精|家庭|整箱|小包|大包)装(?:的|那|这)")


def packed(text: str) -> str:
    """礼盒装的 / 散装的 / 礼盒装那个: the variant said by how it is packed (the word its name holds), else ""."""
    m = _PACKED.search(text)
    return m.group("word") if m else ""


_NOT_THIS = re.compile(r"(?:不要|别要|不买|不是|不用)(?P<word>[\u4e00-\u9fff]{1,4}?)"
                       r"(?:装的|装|的|那种|那款|那个)(?!了)")
_PACKINGS = ("礼盒", "礼品", "散", "袋", "罐", "瓶", "盒", "箱", "简", "精", "家庭", "整箱", "小包", "大包")


def excluded(text: str) -> list[tuple[str, tuple[int, int]]]:
    """不要礼盒的 / 不要礼盒装 / 不要散装的: a packing said NOT wanted — the word, and where the negation stands (no
    product word). 不要蜂蜜了 (a removal) and 不要辣的 (a line described, to remove) are none of these."""
    out = []
    for m in _NOT_THIS.finditer(text):
        word = m.group("word")
        if word in _PACKINGS or text.startswith("装", m.end("word")):
            out.append((word, m.span()))
    other = _NOT_THAT.search(text)
    if other is not None and other.start() > 0 and not out:  # 来一箱苹果 不是苹果梨哈: not the apple-pears
        out.append((other.group("word"), other.span()))
    return out


# Another thing said not meant, after the goods asked (来一箱苹果 不是苹果梨哈): its name's products go.
_NOT_THAT = re.compile(r"不是(?P<word>[\u4e00-\u9fff]{2,5}?)(?:的|那种|那个|那款)?(?:哈|啊|呀|哦|啦|噢|哟)*$")


def without(cards: list[dict[str, Any]], words: list[str]) -> list[dict[str, Any]]:
    """The cards whose names hold none of the words said not wanted (all of them when that would leave none)."""
    kept = [c for c in cards if not any(w in c["name"] or f"{w}装" in c["name"] for w in words)]
    return kept if kept and words else cards


def by_name(cards: list[dict[str, Any]], word: str) -> dict[str, Any] | None:
    """The one product whose name holds the packing said (礼盒装 → 剑河土鸡蛋 礼盒 12枚装), None when not one."""
    fitting = [c for c in cards if f"{word}装" in c["name"]] or [c for c in cards if word in c["name"]]
    return fitting[0] if len(fitting) == 1 and len(cards) > 1 else None


def spans(text: str) -> list[tuple[int, int]]:
    """Where the description stands (its size or price word and the pack word after it): no product words."""
    if not described(text):
        return []
    out = [m.span() for m in _SIZE.finditer(text)] + [m.span() for m in _PRICE.finditer(text)]
    return out


def choose(cards: list[dict[str, Any]], want: str) -> dict[str, Any] | None:
    """The product the description picks among `cards`: by what a pack holds (the same kind of measure for all),
    else by price; None when they do not differ."""
    if len(cards) < 2:
        return cards[0] if cards else None
    if want in ("big", "small"):
        held = [packs.pack_of(c) for c in cards]
        if all(p is not None for p in held) and len({p.dimension for p in held if p is not None}) == 1:
            amounts = [p.amount for p in held if p is not None]
            target = max(amounts) if want == "big" else min(amounts)
            fitting = [c for c, a in zip(cards, amounts, strict=True) if a == target]
            return fitting[0] if len(fitting) == 1 else None
        want = "dear" if want == "big" else "cheap"  # sizes said in different measures: the bigger pack costs more
    prices = [c["price_fen"] for c in cards]
    target = max(prices) if want == "dear" else min(prices)
    fitting = [c for c in cards if c["price_fen"] == target]
    return fitting[0] if len(fitting) == 1 else None
