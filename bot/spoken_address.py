"""An address said aloud (voice input) and written down word by word: 嗯 那个 地址 你给我写 写 河南 洛阳 嵩县 城关镇
东街 不对 是西街 18号 啊 我叫 王秀英 电话是 一三八 三七九 二 五六 七八.

Read as the address it says: the hesitations (嗯, 啊, 那个) and the words that only ask it to be written (你给我写,
帮我记一下) are left out, a word said twice in a row (写 写) counts once, and a part put right as it is said
(东街 不对 是西街, 五号 说错了 应该是八号) is the one said last. Only a message that dictates a whole address is tidied
so: a phone in it (in digits or said in Chinese digits) and an address word or a place, each part said apart."""
from __future__ import annotations

import re

_FILLER = re.compile(r"(?:[嗯啊呃额哦噢唔哈呀]+|那个|这个|就是|然后|那啥)[，,。.…~]*")
_WRITE = re.compile(r"(?:你|麻烦你)?(?:给我|帮我|给|帮)?(?:写|记|填)(?:一下|下|上)?(?:吧|啊)?|你给我|你帮我")
_WRONG = re.compile(r"(?:不对|不是|说错了|错了)+[，,]?(?P<right>\S*)")
_PHONE_SAID = re.compile(r"(?:[\d一二三四五六七八九零〇幺两洞][\s-]*){11}")
_ADDRESS_SAID = re.compile(r"地址|住址|[省市区县旗镇乡村街路]\s")


def tidied(text: str) -> str:
    """The dictated address as it was meant (see the module); any other message unchanged."""
    chunks = text.split()
    if len(chunks) < 5 or not _PHONE_SAID.search(text) or not _ADDRESS_SAID.search(text + " "):
        return text
    kept: list[str] = []
    taken_back = False
    for chunk in chunks:
        if _FILLER.fullmatch(chunk) or _WRITE.fullmatch(chunk) or (kept and chunk == kept[-1]):
            continue
        wrong = _WRONG.fullmatch(chunk)
        if wrong is not None and kept and _PLACE.search(kept[-1]):  # 东街 不对 是西街: the part before, put right
            kept.pop()
            chunk, taken_back = wrong.group("right"), True
        if taken_back and chunk:
            chunk, taken_back = _SAID_RIGHT.sub("", chunk), False
        if chunk:
            kept.append(chunk)
    return " ".join(_joined(kept))


# A label said before a part (我叫 王秀英 / 电话是 …): the chunk after it is its value, never a piece of the place.
_LABEL = re.compile(r"(?:我叫|我是|叫|名字叫?|收货人|收件人|联系人|姓名|(?:我的)?(?:电话|手机)(?:号码|号)?)(?:是|为)?")
_PLACE_LABEL = re.compile(r"(?:收货|我的|我家的?)?(?:地址|住址)(?:是|在)?|寄到|送到|发到|我?住在?")


# Said apart from the place: its label, or digits alone (the phone said in groups: 一三八 三七九 …).
_APART = re.compile(rf"{_PLACE_LABEL.pattern}|[\d一二三四五六七八九零〇幺两洞]+")
_PIECE = re.compile(r"[\u4e00-\u9fa5\dA-Za-z-]+")


def _joined(chunks: list[str]) -> list[str]:
    """The pieces of the place said apart after its label (地址 河南 洛阳 嵩县 城关镇 西街 18号) written as one, as the
    address is typed; up to a label, digits, or the house number, so no name said after it is glued to the place."""
    out: list[str] = []
    run: list[str] | None = None  # the place being said, after its label
    for chunk in chunks:
        if run is not None and not _LABEL.fullmatch(chunk) and not _APART.fullmatch(chunk) and _PIECE.fullmatch(chunk):
            run.append(chunk)
            if _HOUSE_END.search(chunk):
                out.append("".join(run))
                run = None
            continue
        if run:
            out.append("".join(run))
        out.append(chunk)
        run = [] if _PLACE_LABEL.fullmatch(chunk) else None
    if run:
        out.append("".join(run))
    return out


_HOUSE_END = re.compile(r"\d+\s*(?:号|室|栋|幢|单元|楼)$|[号室]$")
_PLACE = re.compile(r"[省市区县旗镇乡村组街路巷弄号栋室楼]$|大道$|小区$")
_SAID_RIGHT = re.compile(r"^(?:是|应该是|改成)(?=\S)")
