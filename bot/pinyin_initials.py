"""Shop words typed as the initials of their pinyin beside Chinese (zf一下 用爱心卡, zm用啊, kd到哪了, 能开fp吗): read
as the words. Only a run of two or three lower-case latin letters glued to a Chinese character, standing apart from
other latin letters, and only the initials below (the everyday ones of shopping chat); English words, codes
(AX1.…) and sizes (kg, ml) are never read so."""
from __future__ import annotations

import re

INITIALS = {
    "zf": "支付", "zm": "怎么", "zmb": "怎么办", "sm": "什么", "kd": "快递", "fh": "发货", "tk": "退款", "th": "退货",
    "fp": "发票", "xd": "下单", "sh": "售后", "yhq": "优惠券", "bzd": "不知道", "wl": "物流",
}
_WORD = "|".join(sorted(INITIALS, key=len, reverse=True))
_INITIALS = re.compile(rf"(?<=[\u4e00-\u9fff])(?:{_WORD})(?![A-Za-z0-9.])"
                       rf"|(?<![A-Za-z0-9.])(?:{_WORD})(?=[\u4e00-\u9fff])")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def read(text: str) -> str:
    """The message with each shop word typed as its initials written out (see the module)."""
    if not _HAN.search(text):
        return text
    return _INITIALS.sub(lambda m: INITIALS[m.group()], text)
