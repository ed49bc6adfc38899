"""The thing echoed in 没有找到「…」 without the verb that gets it: 订个生日蛋糕 → 「生日蛋糕」, 帮我买个充电宝 →
「充电宝」, 想订一束玫瑰花 → 「玫瑰花」. A verb of ordering or getting (订, 预订, 定做, 买, 来, 要, 拿, 整 …) said
before a measure word, with or without a number (个, 一束, 两台), is how the shopper asks, never part of the thing's
name; without the measure word the characters stay (订书机, 来伊份: no measure word follows, so they are names).
Said so, the thing is ordered (`got`: 来个老人机, 来一束郁金香 are orders, not searches).
"""
from __future__ import annotations

import re

_NUMBER = r"[一二两三四五六七八九十百几半俩仨\d]*"
_MEASURE = (r"(?:个|束|只|份|张|件|台|部|双|套|瓶|袋|盒|箱|把|条|支|本|杯|块|朵|盆|株|棵|斤|罐|包|桶|听|串|对"
            r"|根|碗|辆|颗|副|顶)")
# 我想订个, 帮我买个, 给我来一台, 想订一束: who asks, the wish, the verb of getting, a number and its measure word.
_GETTING = re.compile(rf"^(?:我|帮我|给我|替我|麻烦)?(?:想|要|想要|准备|打算|需要)?"
                      rf"(?:预订|预定|订购|定做|订做|求购|订|定|买|来|要|拿|整|搞|弄|购)(?:一下)?(?P<num>{_NUMBER})"
                      rf"(?P<unit>{_MEASURE})"
                      rf"(?=[\u4e00-\u9fffa-z]{{2}})")
# 一束玫瑰花, 个充电宝: a number and a measure word left at the start of the words looked up.
_COUNTED = re.compile(rf"^{_NUMBER}{_MEASURE}(?=[\u4e00-\u9fffa-z]{{2}})")


def got(spaced: str) -> bool:
    """来个老人机 / 来一束郁金香 / 要个台灯 学习用的: a clause starts with a verb of getting and a measure word, so
    the thing after it is ordered (one of it when no number is said), sold here or not. With no number the measure
    word must be one that stands so (我要对公转账, 要本地的, 要包邮的: 对, 本, 包 begin other words)."""
    return any((m := _GETTING.match(c)) and not _PERSON.match(c, m.end())
               and (m.group("num") or m.group("unit") in _BARE) for c in spaced.split(" "))


_BARE = frozenset("个束只台件双套瓶袋盒箱把杯朵盆株棵罐桶碗辆颗")


# 来个人工客服, 来个师傅: a person asked to come, nobody ordered.
_PERSON = re.compile(r"人|\S{0,4}(?:师傅|客服|工人|阿姨)")


def without_getting(spaced: str, words: str) -> tuple[str, str]:
    """`spaced` (the message's clauses) and `words` (the words looked up) without the verb of getting and the count
    before the thing (see the module)."""
    said = spaced.split(" ")
    clauses = [_GETTING.sub("", c) for c in said]
    if clauses == said:
        return spaced, words  # no verb of getting: 一束花 said alone keeps its words
    counts = {m.group() for c in said for m in [_GETTING.match(c)] if m}  # 想订一束: the count said with the verb
    return " ".join(clauses), " ".join(_counted_off(p, counts) for p in words.split(" "))


def _counted_off(piece: str, counts: set[str]) -> str:
    """一束玫瑰花 → 玫瑰花 when 一束 was said with the verb (想订一束玫瑰花); 六个核桃 after 来一箱 is a name, kept."""
    m = _COUNTED.match(piece)
    return piece[m.end():] if m and m.group() and any(c.endswith(m.group()) for c in counts) else piece
