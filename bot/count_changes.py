"""A count taken back and another said in its place, with no product named: 不要2盒了 一盒就够, 两箱太多了 一箱就行,
不要两袋 要一袋, 三瓶不够 来五瓶. It is the line's new count, as 改成一盒 is.

不要2盒了 一盒就够 CANCELLED THE DRAFT (不要 read as dropping the order), and 两箱太多了 一箱就行 kept the two
boxes. The message is rewritten before it is read (bot/rewrite.py): the count taken back goes, 改成 and the count
wanted stay.

Counts said in fragments, as a hurried shopper types (再 两双的 一): 再 before a count or a size is 再来, and a
bare numeral after a size said with 的 is the count of packs of that size (两双的 一 → 两双的 一份). 再见, 再说,
再三, 一 inside a clause (一双的) are left alone.

算了 两箱吧 / 要不两箱吧 at a summary is that count too (算了 CANCELLED THE DRAFT); 算了 alone still drops it. Who
will share it may follow (算了，一张就够了，他们俩用一张: still the count, it CANCELLED the card draft).

Not these: 不要两箱了 alone (no count in its place: read as before), 不要苹果了 要梨 (products: bot/phrasing.py's
replacement), 两箱就够 (one count, read as usual)."""
from __future__ import annotations

import re

_NUM = r"[\d一二两三四五六七八九十俩仨半]+"
_UNIT = r"[袋箱瓶盒罐包斤个份只件桶提听条支枚颗串套双张]|公斤|千克|克|kg|g(?![a-z])"
_ENOUGH = r"(?:就够了?|就行了?|就好了?|就可以了?|够了|就成|就得|吧|就这样)?[。.!！~～]*"
_WANT = r"(?:那|那就|就|还是)?(?:要|只要|就要|改成|改为|换成|来|买)?"
_TAKEN_BACK = re.compile(
    rf"^(?:那|算了|哎呀|诶)?[，,\s]*(?:不要|不用|不买)(?:了)?(?P<n>{_NUM})\s*(?P<u>{_UNIT})(?:了|啦)?"
    rf"[，,\s]*{_WANT}(?P<m>{_NUM})\s*(?P<v>{_UNIT})?{_ENOUGH}$", re.IGNORECASE)
_TOO_MANY = re.compile(
    rf"^(?P<n>{_NUM})\s*(?P<u>{_UNIT})(?:太多了?|多了|有点多|太少了?|少了|不够|不太够)(?:了|啦)?"
    rf"[，,\s]*{_WANT}(?P<m>{_NUM})\s*(?P<v>{_UNIT})?{_ENOUGH}$", re.IGNORECASE)


_AGAIN = re.compile(r"^再(?!三|来|要|买|加|拿|订|见|说|看|想|问|等|给)(?=[\s，,]*[\d一二两三四五六七八九十俩仨半])")
_BARE_COUNT = re.compile(r"(?<=的)(?P<gap>[\s，,]+)(?P<n>[\d一二两三四五六七八九十俩仨])[。.!！~～]*$")


# 算了 两箱吧 at a summary: "never mind, two boxes then" (it cancelled the draft): the count, not the drop.
# (…，他们俩用一张: who will share the one said after it, no new count)
_SHARED = (r"(?:[，,\s]*(?:他们|她们|我们|咱们|咱|俩人|两人|两个人|两口子|老两口)(?:俩|仨|两个|几个)?(?:一起|合|共|就)?"
           r"用(?:一|1|同一)\s*[张个份箱袋盒瓶]?(?:就行了?|就够了?|就好了?|吧)?)?")
_NEVER_MIND = re.compile(rf"^(?:算了算了|那算了|算了|要不)[，,\s]*(?:还是)?(?:要|来|就要|就来)?(?P<m>{_NUM})\s*"
                         rf"(?P<v>{_UNIT})(?:吧|就行了?|就好了?|就够了?|得了)?{_SHARED}[。.!！~～]*$", re.IGNORECASE)


# 一袋就行了啊 / 一箱就可以了呀: a count said enough, talk after it (「就行了」 was searched as goods)
_ENOUGH_TAIL = re.compile(rf"(?<=[\d一二两三四五六七八九十俩仨半])\s*(?P<u>{_UNIT})\s*"
                          r"(?:就行了|就可以了|就好了|就够了|就行|就可以|就好)"
                          r"[啊呀吧哈哦嘛啦呢]*(?=\s*(?:$|[，,。.!！~～]))", re.IGNORECASE)


# 20斤一箱的那种 / 5斤一箱的: the size each pack holds (20斤装的), not one box of an amount (it made 100斤 one box)
_SIZE_PER_PACK = re.compile(r"(?P<n>\d+(?:\.\d+)?|[一二两三四五六七八九十]+)\s*(?P<m>斤|公斤|千克|克|kg|g)"
                            r"\s*一[箱袋盒包桶提罐瓶](?=的)", re.IGNORECASE)


def rewrite(text: str) -> str:
    """不要2盒了 一盒就够 → 改成一盒, 再 两双的 一 → 再来 两双的 一份, 一袋就行了啊 → 一袋就行 (see the module); any
    other message as it was."""
    text = _SIZE_PER_PACK.sub(r"\g<n>\g<m>装", text)
    text = _ENOUGH_TAIL.sub(r"\g<u>就行", _BARE_COUNT.sub(r"\g<gap>\g<n>份", _AGAIN.sub("再来", text)))
    said = text.strip()
    kept = _NEVER_MIND.match(said)
    if kept is not None:
        return f"改成{kept.group('m')}{kept.group('v')}"
    m = _TAKEN_BACK.match(said) or _TOO_MANY.match(said)
    if m is None or m.group("n") == m.group("m"):
        return text
    return f"改成{m.group('m')}{m.group('v') or m.group('u')}"
