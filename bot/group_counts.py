"""Counts said by people ordering for a group, read as the one count they add up to (a fifteenth round's kinds).

* A breakdown by person of one pack (张姐两箱，老李一箱，我一箱): the parts summed (4箱), unless a total is said
  (…，一共要4箱): the total wins. The names go with the parts, so 李姐3盒，老王2盒，我1盒 鸭蛋 reads "6盒 鸭蛋".
  Only counts of the same pack word with no catalogue word between them are parts: 大米两袋 小米一袋 stays two lines;
  but the goods may follow the first count (帮亲戚带：大姑两箱5斤的苹果，二叔一箱，我自己两箱 → 5箱 5斤的苹果).
* A 接龙 list (1.王 红枣1kg×2 2.李 红枣1kg×1 3.我 红枣1kg×3): the name before each entry dropped and the counts
  of the same goods summed (6份红枣1kg); entries of different goods stay apart (several lines).
* 半打 / 一打 / 两打 after a pack size (鸡蛋30枚装来半打, 15枚装的来一打): the size is said, so the dozen counts
  packs of it (6份, 12份); so does one said with a gift box or pack word (猕猴桃礼盒来半打, 鸡蛋要一打盒装的). 一打鸡蛋
  with no size and no pack word stays 12 eggs, read against the packs. One said with the single-pack variant
  (半打黄桃罐头 要单罐的, 一打啤酒 单瓶装的) counts those packs: 6罐, 12瓶 (never one box of six).
* 来个 / 买个 / 要个 / 拿个 ending the message or before the goods (马尾绣香囊来个, 买个柚子): one pack (1份), never one
  piece of a 4个装 box nor a question of how many. 来个5斤的 (a number after it) is left alone.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from fractions import Fraction
from itertools import pairwise

from bot.numerals import NUM, to_number

_LONGEST = 8  # the longest catalogue word looked for
_PACK = r"箱|袋|盒|瓶|罐|包|桶|提|听|件|份|只|套|条|筐|篮|坛|壶|支|块|串"
# (两公斤一袋的那种, 三十个一盒的: what one pack holds, said after the count, is no part of a breakdown: 是四袋荞麦面
# 两公斤一袋的那种 was five bags)
_PART = re.compile(rf"(?P<num>{NUM})\s*(?P<unit>{_PACK})(?!装|的)")
_TOTAL = re.compile(rf"(?:一共|总共|总计|合计|共)(?:是|要|就|来|买|订|得)*\s*(?P<num>{NUM})\s*(?P<unit>{_PACK})(?!装)")
_BUYING = re.compile(r"(?:要|来|买|订|拿|寄)\s*$")
# A person's name or word for someone (李姐, 老王, 我, 自己, 我妈): up to four characters, none a word of describing.
_NAME = re.compile(r"(?![^的种款装样那这再还先又共]*[的种款装样那这再还先又共])[\u4e00-\u9fff]{1,4}")
_SEPARATOR = re.compile(r"[，,、；;。：:\s]")
_DOZEN = re.compile(rf"(?P<num>半|{NUM})\s*打(?![折包开])")
_SIZE_SAID = re.compile(rf"{NUM}\s*(?:枚|个|只|颗|粒|支|条|袋|包|瓶|罐|盒|公斤|千克|斤|kg|克|g|毫升|ml|升|l)"
                        r"\s*(?:装|的)", re.IGNORECASE)  # 2公斤装的 要半打: six of those bags too
# A gift box or a pack word said with the dozen (猕猴桃礼盒来半打, 鸡蛋要一打盒装的): the dozen counts those packs too.
_PACK_SAID = re.compile(r"礼盒|礼包|礼品盒|礼袋|[盒袋瓶罐箱]装|整箱")
# The variant sold one pack at a time, said with the dozen (半打黄桃罐头 要单罐的, 一打 单瓶装的): counts those.
_SINGLE = re.compile(r"单(?P<unit>罐|瓶|袋|盒|包|只|支|桶|听)(?:装)?(?:的)?")
_ONE = re.compile(r"(?<![\d零〇一二两三四五六七八九十百千万几])(?P<verb>来|买|要|拿|订)个(?=(?P<rest>.*))")
_ENDING = re.compile(r"^(?:吧|呗|呀|啊|哈|嘛|就行|就好|就够了|试试|尝尝|[\s，,。.!！~]*)*$")
_ENTRY = re.compile(r"(?:^|(?<=[\s：:，,；;]))(?P<no>\d{1,2})\s*[.、．)）]\s*(?=\D)")  # 接龙：1.刘 …
_TIMES = re.compile(rf"\s*[×xX*]\s*(?P<num>{NUM})\s*(?:{_PACK})?\s*$")
_COUNT_AT_END = re.compile(rf"\s*(?P<num>{NUM})\s*(?P<unit>{_PACK})\s*$")


def regrouped(message: str, words: Collection[str]) -> str:
    """The message with a group's counts said as the one count they come to (see the module)."""
    return one_of(dozens_of_size(summed(relay_list(message, words), words)), words)


def names_goods(text: str, words: Collection[str]) -> bool:
    """Whether a catalogue word stands anywhere in the text."""
    return any(text[i:j] in words for i in range(len(text)) for j in range(i + 2, min(len(text), i + _LONGEST) + 1))


def _number(text: str) -> Fraction | None:
    return Fraction(1, 2) if text == "半" else to_number(text)


def _whole(value: Fraction) -> str:
    return str(int(value)) if value.denominator == 1 else f"{float(value):g}"


def summed(message: str, words: Collection[str]) -> str:
    """A breakdown by person read as its sum or its total said (see the module); unchanged otherwise."""
    total = _TOTAL.search(message)
    head = message[:total.start()] if total else message
    parts = [m for m in _PART.finditer(head) if to_number(m.group("num"))]
    if total is not None:
        parts = [p for p in parts if p.group("unit") == total.group("unit")]
    if not parts or (total is None and len(parts) < 2) or len({p.group("unit") for p in parts}) > 1:
        return message
    between = [head[a.end():b.start()] for a, b in pairwise(parts)]
    goods = _goods_of_first(between[0], words) if between else ""
    if goods:  # 大姑两箱5斤的苹果，二叔一箱: the goods said once, in the first part, are those of every part
        between[0] = between[0][len(goods):]
        tail = _SEPARATOR.split(head[parts[-1].end():], maxsplit=1)[0]
        if names_goods(tail, words):
            return message  # 小王三袋5kg的大米，小李一袋小米: each part names its own goods
    if any(not _SEPARATOR.search(gap) or names_goods(gap, words) for gap in between):
        return message
    if not all(_NAME.fullmatch(_said_by(head, p.start())) for p in parts):
        return message  # 大米10kg一袋那种 要十袋, 一袋10kg的 来两袋: a pack described, then its count (no names)
    if any(_said_by(head, p.start()).startswith("每") for p in parts):
        return message  # 50箱脐橙，分5个地址发，每个地址10箱: how the 50 are shared, no other part (never 60)
    if total is not None and not _SEPARATOR.search(head[parts[-1].end():]):
        return message  # the goods may stand before the total (自己两盒 鸭蛋一共4盒), but apart from the last part
    start = _name_start(head, parts[0].start(), words)
    if total is not None:
        return message[:start] + " " + goods + message[parts[-1].end():]
    counts = [to_number(p.group("num")) or Fraction(0) for p in parts]
    if counts[0] == sum(counts[1:]) and (start == parts[0].start() or _BUYING.search(head[start:parts[0].start()])):
        return message  # 苹果两箱，一箱寄给我妈，一箱寄给我姐: the total said first (no name), then how it is shared
    count = sum(counts, Fraction(0))
    return f"{message[:start]} {_whole(count)}{parts[0].group('unit')}{goods}{message[parts[-1].end():]}"


def _goods_of_first(gap: str, words: Collection[str]) -> str:
    """The goods said after the first part's count, up to its separator (两箱5斤的苹果，二叔 → 5斤的苹果), or ""."""
    cut = _SEPARATOR.search(gap)
    said = gap[:cut.start()] if cut else ""
    return said if said.strip() and names_goods(said, words) else ""


def _said_by(head: str, at: int) -> str:
    """Who a part is for: the words since the last separator before its count, less a buying word (我要一箱 → 我)."""
    cut = max((m.end() for m in _SEPARATOR.finditer(head[:at])), default=0)
    return _BUYING.sub("", head[cut:at])


def _name_start(head: str, first: int, words: Collection[str]) -> int:
    """Where the first part's name begins (after the last separator before its count), unless that holds goods."""
    cut = max((m.end() for m in _SEPARATOR.finditer(head[:first])), default=0)
    return first if names_goods(head[cut:first], words) else cut


def dozens_of_size(message: str) -> str:
    """鸡蛋30枚装来半打 → 鸡蛋30枚装来6份: a dozen said after a pack size (or with a pack word: 礼盒来半打, 一打盒装的)
    counts packs of it."""
    dozen = _DOZEN.search(message)
    single = _SINGLE.search(message) if dozen is not None else None
    if dozen is not None and single is not None:  # 半打黄桃罐头 要单罐的: 6罐 of the can sold alone
        value, unit = _number(dozen.group("num")), single.group("unit")
        if value is None or (value * 12).denominator != 1:
            return message
        message = _SINGLE.sub(f"单{unit}的", message, count=1)
        return _DOZEN.sub(f"{_whole(value * 12)}{unit}", message, count=1)
    if dozen is None or not (_SIZE_SAID.search(message[:dozen.start()]) or _PACK_SAID.search(message)):
        return message
    value = _number(dozen.group("num"))
    if value is None or (value * 12).denominator != 1:
        return message
    return f"{message[:dozen.start()]}{_whole(value * 12)}份{message[dozen.end():]}"


def one_of(message: str, words: Collection[str]) -> str:
    """马尾绣香囊来个 / 买个柚子 → 来1份: one pack (see the module)."""
    for m in _ONE.finditer(message):
        rest = m.group("rest")
        if _ENDING.match(rest) or any(rest[:n] in words for n in range(2, min(_LONGEST, len(rest)) + 1)):
            return f"{message[:m.start()]}{m.group('verb')}1份{message[m.end():]}"
    return message


def relay_list(message: str, words: Collection[str]) -> str:
    """A 接龙 list read as one count per goods (see the module); unchanged unless every entry names goods."""
    marks = list(_ENTRY.finditer(message))
    if len(marks) < 2:
        return message
    totals: dict[str, Fraction] = {}
    for mark, nxt in zip(marks, [*marks[1:], None], strict=True):
        entry = message[mark.end():nxt.start() if nxt else len(message)].strip()
        read = _entry(entry, words)
        if read is None:
            return message
        goods, count = read
        totals[goods] = totals.get(goods, Fraction(0)) + count
    header = message[:marks[0].start()]  # 接龙 / 团购接龙: dropped unless it names the goods
    kept = header if names_goods(header, words) else ""
    return kept + " ".join(f"{_whole(n)}份{goods}" for goods, n in totals.items())


def _entry(entry: str, words: Collection[str]) -> tuple[str, Fraction] | None:
    """王 红枣1kg×2 → (红枣1kg, 2): the goods and their count, the leading name dropped."""
    tokens = entry.split()
    if len(tokens) > 1 and not names_goods(tokens[0], words):
        tokens = tokens[1:]
    goods = " ".join(tokens)
    said = _TIMES.search(goods) or _COUNT_AT_END.search(goods)
    count = to_number(said.group("num")) if said else Fraction(1)
    goods = goods[:said.start()].strip() if said else goods
    if count is None or not names_goods(goods, words):
        return None
    return goods, count
