"""Several items ordered in one message (两瓶蜂蜜和三袋大米, 红枣和核桃各来两袋): one understanding per item.

The pieces are cut at the words that join items (和, 跟, 还有, a comma, a space …), never inside a name of the
catalogue or a place that holds such a word (和田骏枣, 和平区): 买1kg和田骏枣，再来两袋核桃 is the jujubes and the
walnuts, not 买1kg / 田骏枣 (which lost the jujubes' line).
"""
from __future__ import annotations

import re

from bot import asides, each_of
from bot.pack_sizes import joined_sizes
from bot.understanding import DECIMAL_POINT, METRIC, PUNCTUATION_RUN, Understanding, understand
from bot.vocabulary import Vocabulary, normalize

_WHOLE = "\uE001"  # a joining word inside a name, kept while the message is cut


def _kept_whole(text: str, vocab: Vocabulary) -> str:
    """The text with 和 / 跟 that begin or sit inside a catalogue word or a place marked, so no cut falls there."""
    marks = list(text)
    for i, ch in enumerate(text):
        if ch not in "和跟":
            continue
        for start in range(max(0, i - 4), i + 1):
            if any(text[start:end] in vocab.words or text[start:end] in vocab.regions
                   for end in range(max(i + 2, start + 2), min(len(text), start + 8) + 1)):
                marks[i] = _WHOLE if ch == "和" else "\uE002"
                break
    return "".join(marks)


def _restored(piece: str) -> str:
    return piece.replace(_WHOLE, "和").replace("\uE002", "跟")


def separated(text: str, vocab: Vocabulary) -> list[str]:
    """The pieces between 和 / 跟 / 还有 / 、 / commas and spaces, a catalogue word or a place holding 和 kept whole."""
    return [_restored(p) for p in _ITEM_SEPARATORS.split(_kept_whole(text, vocab)) if p]


# 外加 / 再加 / 加上 / 另外 begin the next item and stay in it (再加一罐: one more, on top: bot/turns/goods.py).
_ITEM_SEPARATORS = re.compile(r"(?:和|跟|还有|以及|、|;|,|\s)+|(?=外加|再加|加上|另外)"
                              r"|(?<![再外])(?=加[\d一二两三四五六七八九十])")  # 大米加一桶花生油: plus


def split_items(u: Understanding, vocab: Vocabulary) -> list[Understanding]:
    """两瓶蜂蜜和三袋大米: one understanding per item when a message orders several products at once
    (every piece names a product, at least two carry a quantity); otherwise just [u]."""
    text = PUNCTUATION_RUN.sub(",", normalize(u.raw))
    each = [_restored(p) for p in each_of.pieces(_kept_whole(text, vocab), _ITEM_SEPARATORS)] \
        if len(u.quantities) == 1 else []
    if each:  # 红枣和核桃各来两袋: two products, two bags of each
        shared = [understand(piece, vocab) for piece in each]
        if all(part.product_words and part.quantity is not None for part in shared):
            return shared
    if len(u.quantities) < 2:
        return [u]
    said = separated(PUNCTUATION_RUN.sub(",", DECIMAL_POINT.sub("\uE000", normalize(u.raw))), vocab)
    pieces = joined_sizes([p.replace("\uE000", ".") for p in said],
                          lambda piece: understand(piece, vocab))  # 鸡蛋两盒，30个一盒那种: one
    pieces = _dictated(pieces, vocab)  # 来两箱那个 苹果 静宁的 再要一袋大米: two items, not four pieces
    if len(pieces) < 2:
        return [u]
    parts: list[Understanding] = []
    for piece in pieces:  # 猕猴桃礼盒两盒，再来一箱5斤的: the second piece is of the kiwis too
        part = understand(piece, vocab)
        if parts and _shared_out(part, parts[-1]):
            continue  # 来两罐 一罐自己喝一罐送人: how the two are shared, no more goods
        counted = [p for p in [*parts[-1:], part] if any(q.unit not in METRIC for q in p.quantities)]
        more = "add" in part.cues and bool(part.quantities) and not re.search(r"[的装]", piece)  # 两箱再加10斤
        again = "" if part.product_words or part.foreign or part.product_text.strip() or not parts \
            or (len(counted) < 2 and not more) else \
            each_of.same_product(piece, _named(parts[-1]), "add" in part.cues or bool(part.specs))
        if again:
            part = understand(again, vocab)
            if "add" in u.cues:  # 来两罐，再来一罐 / 来两罐 再加一罐: one more on top of the two
                part.cues.add("add")
        parts.append(part)
    parts = [part for part in parts if not asides.aside(part)]  # 给爸妈寄点东西 粽子来三盒 咸鸭蛋两盒
    if not all(part.product_words or _not_sold(part) for part in parts) or not any(p.product_words for p in parts) \
            or sum(part.quantity is not None for part in parts) < 2:
        return [u]
    return parts


def _named(part: Understanding) -> list[str]:
    """The words the goods were named by, with the place said before them (张北土豆: never every 土豆 of the shop)."""
    place = part.origin.mention if part.origin is not None and part.origin.mention in part.raw else ""
    return [f"{place}{word}" for word in part.product_words]


def _dictated(pieces: list[str], vocab: Vocabulary) -> list[str]:
    """An item said with pauses (嗯那个 / 来两箱那个 / 苹果 / 静宁的 / 呃 / 再要一袋大米 / 五公斤的) is one piece
    again. Filler before any goods, and a count with no goods when the goods said right after it have none, go with
    those goods; a piece with neither goods nor a count nor a word of adding (静宁的, 呃), or only a size (五公斤的),
    goes with the goods before it. Before, pieces that named no goods made the whole message one item, and the rice
    (or the apples) was lost."""
    parts = [understand(piece, vocab) for piece in pieces]
    out: list[tuple[str, bool]] = []  # each piece, and whether it names goods
    carried = ""
    for i, (piece, part) in enumerate(zip(pieces, parts, strict=True)):
        sized = bool(part.quantities) and all(q.unit in METRIC for q in part.quantities) \
            and re.search(r"(?:的|装|那种)$", piece) is not None  # 五公斤的 after 一袋大米: the bag's size
        if not (part.product_words or part.foreign) and "add" not in part.cues and (
                not part.quantities or sized or _goods_next_uncounted(parts[i + 1:])):
            if (not part.quantities or sized) and out and out[-1][1] and not carried:
                out[-1] = (f"{out[-1][0]} {piece}", True)  # 静宁的 after 苹果: said of the apples
            else:
                carried = f"{carried} {piece}".strip()  # 嗯那个 / 来两箱那个 / 静宁 before 苹果
            continue
        out.append((f"{carried} {piece}".strip(), bool(part.product_words or part.foreign)))
        carried = ""
    if carried and out:
        out[-1] = (f"{out[-1][0]} {carried}", out[-1][1])
    return [text for text, _ in out] or [carried]


def _goods_next_uncounted(after: list[Understanding]) -> bool:
    """The next piece that names goods or a count names goods with no count (苹果 after 来两箱那个 / 静宁)."""
    nxt = next((p for p in after if p.product_words or p.foreign or p.quantities), None)
    return nxt is not None and bool(nxt.product_words or nxt.foreign) and not nxt.quantities


def _not_sold(part: Understanding) -> bool:
    """A piece that counts a thing the shop does not sell (每人一袋大米加一桶花生油 with no 花生油 sold: 加一桶花生油):
    a line of its own, said not found, so the rice is still drafted (it was 没有找到「大米加一桶花生油」)."""
    return part.quantity is not None and bool(part.product_text.strip()) and part.intent in ("order", "search")


_SHARING = re.compile(r"自己|送|给|留|分|孝敬")


def _shared_out(part: Understanding, before: Understanding) -> bool:
    """A piece naming no goods, with no word of adding, whose counts share out the count before it (一罐自己喝一罐
    送人 after 来两罐: one plus one is the two; 一罐送人 after 来两罐: one of the two)."""
    if part.product_words or part.foreign or "add" in part.cues or before.quantity is None or not part.quantities:
        return False
    unit, total = before.quantity.unit, before.quantity.value
    if any(q.unit != unit for q in part.quantities):
        return False
    counts = [q.value for q in part.quantities]
    return (len(counts) > 1 and sum(counts) == total) or (
        _SHARING.search(part.text) is not None and all(c < total for c in counts))
