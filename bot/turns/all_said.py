"""就这些 / 没了 / 就这样 while a line is still being chosen among several (静宁苹果来一箱 → 猕猴桃来两箱 → 就这些):
the shopper thinks the order is complete. The reply says why it is not — that line is not chosen yet, so it is not in
the order — and both ways on: pick one (第一个), or drop it (猕猴桃不要了) and go on with the rest; then the choice is
shown again as before."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.reply import Reply
from bot.turns import quantity

if TYPE_CHECKING:
    from bot.dialogue import Turn

# That's all (就这些, 没了, 就这样吧, 别的不要了, 先这些, 够了): nothing more to add.
_ALL = re.compile(r"(?:好了|好的|好|嗯|那|ok|OK)?(?:就|先|暂时|目前)?(?:要)?"
                  r"(?:这些|这样|这么多|这几样|这几个|没了|没有了|没别的了|没有别的了|没其他的了|没其他了|别的不要了|其他不要了|别的没了|不要别的了|够了|齐了|完了)"
                  r"(?:了|吧|啦|哈|啊|呀|哦)?")
_PUNCT = re.compile(r"[\s，,。.！!～~]")


def said(raw: str) -> bool:
    return _ALL.fullmatch(_PUNCT.sub("", raw)) is not None


def kind_of(names: list[str]) -> str:
    """The longest word the candidates' names share (苍溪红心猕猴桃, 修文猕猴桃 → 猕猴桃), or "" when they share none of
    two characters."""
    first = re.sub(r"[^\u4e00-\u9fff]", " ", names[0]) if names else ""
    for size in range(len(first), 1, -1):
        for start in range(len(first) - size + 1):
            word = first[start:start + size]
            if " " not in word and all(word in n for n in names[1:]):
                return word
    return ""


async def unchosen(turn: Turn) -> Reply | None:
    """The answer to 就这些 said while a line is being chosen; None otherwise."""
    d = turn.draft
    if d is None or d.kind != "goods" or d.awaiting != "choice" or not said(turn.u.raw):
        return None
    p = d.pending
    if p is None or p.sku is not None or not p.candidates:
        return None
    cards = turn.ctx.search.cards
    kind = kind_of([cards[s]["name"] for s in p.candidates if s in cards]) or "这一项"
    settled = [cards[ln.sku]["name"] for ln in d.lines if ln.sku is not None and ln.sku in cards]
    rest = f"，先下其余的（{'、'.join(settled)}）" if settled else ""
    note = (f"{kind}还没选是哪一款，所以还没放进订单。可以选一款（说“第一个”或名字），"
            f"也可以说“{kind}不要了”{rest}。\n")
    reply = await quantity.advance(turn, d)
    reply.reply = note + reply.reply
    return reply
