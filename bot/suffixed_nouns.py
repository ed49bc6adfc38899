"""梨子, 枣子, 柚子: a fruit said with the noun suffix 子 is the one character before it, when catalogue words end in
that character (酥梨, 骏枣, 甜柚) and 梨子 is no catalogue word itself. Read so before any typo is mended, or 梨子
would be heard as 李子 (a plum) and the wrong fruit ordered.

Words whose 子 makes another thing stay as they are: 瓜子 (seeds, not melons), 茄子 (not 番茄), containers (盒子,
袋子, 箱子, 瓶子), foods made of dough (包子, 饺子); so does any word the catalogue knows (李子, 桃子 when an alias)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.vocabulary import Vocabulary

_SUFFIXED = re.compile("([\u4e00-\u9fff])子")
_OTHER_THINGS = frozenset("瓜茄种盒袋箱瓶罐包饺粽桌杯鞋被裤帽扇筷房车孩儿妻女男弟样法份日")


def stemmed(tokens: list[str], vocab: Vocabulary) -> tuple[list[str], set[str]]:
    """The tokens with each such word read as its head, and the heads so read (product words of their own)."""
    out = [_stem(t, vocab) for t in tokens]
    return out, {new for old, new in zip(tokens, out, strict=True) if new != old}


def _stem(token: str, vocab: Vocabulary) -> str:
    m = _SUFFIXED.fullmatch(token)
    if m is None or m.group(1) in _OTHER_THINGS or vocab.knows(token):
        return token
    head = m.group(1)
    ends = any(len(t) >= 2 and t.endswith(head)
               for known in vocab.products.values() for t in (known.core, *known.tags, *known.aliases))
    return head if ends else token


def same_thing(word: str, after: str) -> bool:
    """梨 + 子: the suffix of a fruit said as 梨子, not another word made with it (as 银耳 + 钉 is)."""
    return len(word) == 1 and after.startswith("子") and word not in _OTHER_THINGS
