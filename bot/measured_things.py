"""A length said beside words that name nothing the shop sells (1.8米的床, 床 2米): the size of that other thing.

Its 米 was never rice (bot.understanding._lengths); the customer's words from the length to the thing are echoed in
没有找到「…」.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import lengths

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Vocabulary

_RE_CJK = re.compile("[\u4e00-\u9fff]")


def named(u: Understanding, kept: list[str], vocab: Vocabulary) -> str:
    """1.8米的床, 床 2米: a length said beside words that name nothing the shop sells is the size of that thing; the
    customer's words from the length to the thing (its 米 was never rice: bot.understanding._lengths)."""
    said = lengths.found(u.text, vocab.knows)
    if not said or any(len(t) >= 2 and vocab.knows(t) for t in kept):
        return ""
    length = said[0][0]
    if not kept:  # 1.8米的床: 床 is also a measure word; the thing is what follows the length
        rest = u.text[u.text.find(length):].rstrip("吗呢吧啊呀了")
        return rest if _RE_CJK.search(rest[len(length):].lstrip("的长宽高")) else ""
    at = [(u.text.find(t), len(t)) for t in (length, *kept) if t in u.text]
    start, end = min(a for a, _ in at), max(a + n for a, n in at)
    return u.text[start:end]
