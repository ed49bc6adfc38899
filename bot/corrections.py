"""A shopper who corrects themselves inside one message (香肠要三袋 不对 两袋, 茶油1L的 啊不是 500ml的 要两瓶,
鸭蛋要二十个 算了 要四十个吧): what follows the LAST correction marker overrides what it corrects — a count replaces
the count said before, a pack size the size said before — and the rest of the message still holds.

The message is rewritten before anything else reads it: the corrected count or size is cut out of the part before
the marker, and the marker itself dropped (香肠要 两袋). Nothing is rewritten unless the part after the marker says a
count or a size AND the part before says one of the same kind, so a pure cancel (算了 不要了, 算了吧), 是不是500g的
or 对不对 stay as they were. 还是 is a correction only when the message ends with 吧 (还是两袋吧); 要500g还是1kg的 is a
question between two sizes.

More added with the total said after it (再加一箱 凑两箱, 再来两袋 一共五袋, 再拿一盒 凑够三盒): the total is what is
wanted, so the message is the change to it (改成两箱); the count added only led up to it.
"""
from __future__ import annotations

import re

from bot import numerals

_MARKER = re.compile(
    r"不对不对|(?:哦|噢|喔|啊|呃)不是|说错了|打错了|写错了|搞错了|改一下|(?:哦|噢|喔|啊|呃)?不对|(?:哦|噢|喔|啊|呃)不(?![错要用过])"
    r"|不不+|(?<![是还可要])不是(?![吗么呢])|(?<![说打写搞])错了"
    # 算了 with what is wanted instead corrects (算了还是三箱, 算了 要四十个吧); 还是 goes with it, so a closing 吧
    # does not make 还是 the last marker and leave 算了 behind to read as a cancel.
    rf"|算了\s*(?:那就|那|我)?(?:还是|就)?(?=\s*(?:要|来|买|拿|订|整|{numerals.NUM}))"
    r"|还是(?=[^吧]*吧\s*$)")
# A pack's size: 500ml的, 五斤装, and what one pack holds (三十个一盒的, 两公斤一袋的那种): the 一盒 is no count of
# boxes to correct.
_SIZE = re.compile(rf"{numerals.NUM}\s*(?:公斤|千克|kg|斤|克|g|毫升|ml|升|l|枚|个|颗|粒|片|包|袋|瓶|罐|条)"
                   r"\s*(?:装的?|的|(?:一|每)\s*(?:盒|袋|箱|瓶|罐|包|桶|提|份)(?:装的?|的|那种)?)", re.IGNORECASE)
_UNIT_WORD = r"(?:箱|袋|瓶|盒|罐|包|份|只|斤|公斤|个|件|提|桶|饼|条|把|听|支|套|枚)"
_ADDED_TO_TOTAL = re.compile(rf"(?:再|多)(?:加|来|要|买|拿|整)(?:上)?\s*{numerals.NUM}\s*(?P<unit>{_UNIT_WORD})"
                             rf"[\s,，、]*(?:凑够|凑成|凑齐|凑|一共|总共|共)(?:个|是|要)?\s*"
                             rf"(?P<total>{numerals.NUM}\s*(?P=unit))")
_FILLER = re.compile(r"^[\s,，.。!！~、…]*|[\s,，.。!！~、…]*$")


def _spans(text: str, unit: str | None = None) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(sizes, counts): pack sizes said as such (500ml的, 五斤装) and the other quantities (两袋, 一斤); with a unit,
    only the counts in it when there are any (来8瓶500g蜂蜜 不不不 4瓶: 4瓶 corrects 8瓶, not 500g)."""
    sizes = [m.span() for m in _SIZE.finditer(text)]
    found = [q for q in numerals.quantities(text) if not any(s < q.end and q.start < e for s, e in sizes)]
    found = [q for q in found if q.unit == unit] or found
    return sizes, [(q.start, q.end) for q in found]


def _unit(text: str) -> str | None:
    sizes = [m.span() for m in _SIZE.finditer(text)]
    return next((q.unit for q in numerals.quantities(text) if not any(s < q.end and q.start < e for s, e in sizes)),
                None)


def corrected(message: str) -> str:
    """The message with its self-corrections applied, the last first (see the module): 红薯来10斤，不对，来15斤，算了
    还是20斤 is 20斤 — each correction undone leaves the one before it to apply; unchanged when it holds none."""
    message = _ADDED_TO_TOTAL.sub(lambda m: "改成" + m.group("total"), message)  # 再加一箱 凑两箱: 改成两箱
    for _ in range(3):
        before, message = message, _last_applied(message)
        if message == before:
            break
    return message


def _last_applied(message: str) -> str:
    found = list(_MARKER.finditer(message))
    if not found:
        return message
    marker = found[-1]
    head, tail = message[:marker.start()], message[marker.end():]
    tail_sizes, tail_counts = _spans(tail)
    head_sizes, head_counts = _spans(head, _unit(tail))
    cut = ([head_sizes[-1]] if tail_sizes and head_sizes else []) + \
          ([head_counts[-1]] if tail_counts and head_counts else [])
    if not cut:
        return _thing_replaced(head, marker.group(), tail) or message
    for start, end in sorted(cut, reverse=True):
        head = head[:start] + " " + head[end:]
    return f"{_FILLER.sub('', head)} {_FILLER.sub('', tail)}".strip()


# A thing said, then another after a slip (车厘子 啊不 草莓 多少钱一盒, 来两盒车厘子 哦不 草莓): the thing said last is
# the one meant, what was said around the first (来两盒) still holds. Only after an interjection's 不 or 说错了, with
# a thing of two to six characters on each side and no address or contact word about.
_SLIP = re.compile(r"(?:哦|噢|喔|啊|呃)不(?:是|对)?|说错了|打错了|写错了")
_THING_LAST = re.compile(r"(?P<lead>(?:我|俺)?(?:想要|要|来|买|拿|订|整)?(?:[一二两三四五六七八九十几\d]+\s*"
                         r"[箱袋瓶盒罐包份斤个只])?)(?P<thing>[\u4e00-\u9fff]{2,6})[\s,，]*$")
_THING_FIRST = re.compile(r"^[\s,，]*[\u4e00-\u9fff]{2,6}(?=$|[\s,，]|多少|几|来|要|吧)")
_NOT_A_THING = re.compile(r"地址|电话|手机|收货|收件|名字|号码|[镇村路县区号]$|^(?:是|要|改|换|应该|就|还是|算了)")


def _thing_replaced(head: str, marker: str, tail: str) -> str:
    """车厘子 啊不 草莓 多少钱一盒 → 草莓 多少钱一盒 (see above); "" when the message is no such slip."""
    last, first = _THING_LAST.search(head), _THING_FIRST.search(tail)
    if not _SLIP.fullmatch(marker) or last is None or first is None:
        return ""
    if _NOT_A_THING.search(last.group("thing")) or _NOT_A_THING.search(first.group().strip(" ,，")):
        return ""
    return f"{head[:last.start('thing')].strip()} {tail.strip()}".strip()
