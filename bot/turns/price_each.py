"""The prices of several products asked at once (镇赉大米和湄潭翠芽各多少钱, 大米、核桃分别多少钱, or two lines pasted:
镇赉大米多少钱 / 湄潭翠芽多少钱): it answered the first product only. Each piece of the message that names goods on
its own is resolved as a price question would be, and every product found is listed with its price (the list the
customer then picks from). A piece naming no goods (各, 5kg的) or a single product named leaves the usual answer."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bot import replies
from bot.products import resolve
from bot.reply import Reply
from bot.several_items import separated
from bot.understanding import understand
from bot.vocabulary import normalize

if TYPE_CHECKING:
    from bot.dialogue import Turn

_EACH_SHOWN = 3  # variants listed for each product named
_MOST = 8
_ASKING = re.compile(r"(?:各|分别|各自|都)?(?:是|要)?"
                     r"(?:多少钱|多少|几块钱|几块|多钱|啥价格?|什么价格?|价格|价钱|咋卖|怎么卖)[?？吗呢啊呀。]*$")


async def answer(turn: Turn) -> Reply | None:
    """Every product named in a piece of its own, with its price; None when fewer than two pieces name goods."""
    vocab = turn.ctx.vocab
    if turn.u.quantity is not None:  # 大米和翠芽多少钱 各来一个: an order too, read as one
        return None
    pieces = [_ASKING.sub("", piece) for piece in separated(normalize(re.sub(r"\s", " ", turn.said)), vocab)]
    found: list[list[dict[str, Any]]] = []
    for piece in pieces:
        part = understand(piece, vocab) if piece else None
        if part is None or not part.product_words or part.foreign:
            continue
        resolution = resolve(part, vocab, turn.ctx.search)
        cards = [resolution.chosen] if resolution.chosen else resolution.candidates[:_EACH_SHOWN]
        if cards and cards not in found:
            found.append(cards)
    if len(found) < 2:
        return None
    shown: list[dict[str, Any]] = []
    for cards in found:
        shown.extend(c for c in cards if c not in shown)
    shown = shown[:_MOST]
    return turn.say(f"价格如下：\n{replies.numbered(shown)}" + turn.pending_question(), "ask_price", shown,
                    suggestions=replies.pick_suggestions(len(shown)))
