"""Shop words typed in latin letters: the initials of their pinyin beside Chinese (zf一下 用爱心卡, zm用啊, kd到哪了,
能开fp吗), a shop word in whole pinyin beside Chinese (zhifu 用卡, dingdan 到哪了), and a shop phrase typed as its
initials alone, the whole message (qxdd = 取消订单, zmxd = 怎么下单, qr = 确认), and a shop word's initials with
whole syllables of a shop verb, the whole message (zmyong = 怎么用, ye cha xun = 余额查询): read as the words.
Only a run of lower-case latin letters standing apart from other latin letters, and only the words below (the
everyday ones of shopping chat); English words, codes (AX1.…) and sizes (kg, ml) are never read so."""
from __future__ import annotations

import re

INITIALS = {
    "zf": "支付", "zm": "怎么", "zmb": "怎么办", "sm": "什么", "kd": "快递", "fh": "发货", "tk": "退款", "th": "退货",
    "fp": "发票", "xd": "下单", "sh": "售后", "yhq": "优惠券", "bzd": "不知道", "wl": "物流",
    # advice and the card's balance (tj一下 = 推荐一下, 卡ye还剩多少 = 卡余额还剩多少)
    "tj": "推荐", "ye": "余额",
    # shipping, shelf life, price and stock (yf多少, yb多少 = 邮费多少, by吗 = 包邮吗, bzq多久, jg多少, 还有kc吗)
    "yf": "运费", "yb": "邮费", "by": "包邮", "bzq": "保质期", "jg": "价格", "kc": "库存",
}
# Shop words in whole pinyin, read beside Chinese even with a space between (zhifu 用卡, 查下 wuliu).
WHOLE = {
    "zhifu": "支付", "fukuan": "付款", "dingdan": "订单", "quxiao": "取消", "tuikuan": "退款", "tuihuo": "退货",
    "fahuo": "发货", "kuaidi": "快递", "wuliu": "物流", "xiadan": "下单", "queren": "确认", "lingka": "领卡",
    "fapiao": "发票", "shouhou": "售后", "youhuiquan": "优惠券", "aixinka": "爱心卡",
}
# Shop phrases typed as their initials, the whole message (qxdd, zmxd, wddd, qr): read only when alone.
ALONE = {
    "qr": "确认", "qrxd": "确认下单", "qd": "确定", "qxdd": "取消订单", "qxd": "取消订单", "zmxd": "怎么下单",
    "zmfk": "怎么付款", "zmzf": "怎么支付", "wddd": "我的订单", "ckdd": "查看订单", "cdd": "查订单",
    "zmyk": "怎么用卡", "kdnl": "快递到哪了", "sfh": "什么时候发货", "smsh": "什么时候发货", "wyxd": "我要下单",
    "cye": "查余额", "nh": "你好", "nhy": "你好呀", "tj": "推荐", "tjyx": "推荐一下", "xx": "谢谢",
    # the draft given up, typed in whole pinyin with or without spaces (bu yao le, buyaole, suan le)
    "buyaole": "不要了", "buyao": "不要", "bumaile": "不买了", "suanle": "算了", "quxiao": "取消",
    "buxiadanle": "不下单了", "buyongle": "不用了",
}
_WORD = "|".join(sorted(INITIALS, key=len, reverse=True))
_INITIALS = re.compile(rf"(?<=[\u4e00-\u9fff])(?:{_WORD})(?![A-Za-z0-9.])"
                       rf"|(?<![A-Za-z0-9.])(?:{_WORD})(?=[\u4e00-\u9fff])")
_WHOLE_WORD = "|".join(sorted(WHOLE, key=len, reverse=True))
_WHOLE = re.compile(rf"(?<=[\u4e00-\u9fff])\s*(?:{_WHOLE_WORD})(?![A-Za-z0-9.])"
                    rf"|(?<![A-Za-z0-9.])(?:{_WHOLE_WORD})(?=\s*[\u4e00-\u9fff])", re.IGNORECASE)
# Whole syllables of the verbs and question words said with initials (zm yong, ye cha xun, zm mai): no pronoun nor
# particle (wo ye yao is 我也要, never 我余额要).
SYLLABLES = {"yong": "用", "cha": "查", "xun": "询", "kan": "看", "mai": "买", "fu": "付", "ling": "领", "duo": "多",
             "shao": "少", "hai": "还", "sheng": "剩", "xia": "下", "dan": "单", "ban": "办", "nong": "弄", "gao": "搞"}
_HAN = re.compile(r"[\u4e00-\u9fff]")
_ENDING = "?!.,？！。，~ "


def read(text: str) -> str:
    """The message with each shop word typed as its initials or its pinyin written out (see the module)."""
    alone = text.strip(_ENDING).lower()
    if alone in ALONE or alone.replace(" ", "") in ALONE:
        return ALONE[alone.replace(" ", "")]
    if not _HAN.search(text):
        return with_syllables(alone) or text
    text = _WHOLE.sub(lambda m: WHOLE[m.group().strip().lower()], text)
    return _INITIALS.sub(lambda m: INITIALS[m.group()], text)


def with_syllables(alone: str) -> str | None:
    """zmyong / zm yong / ye cha xun: every piece initials or a shop syllable, at least one of each; else None."""
    pieces = [_spelt(token) for token in alone.split()]
    if not pieces or any(p is None for p in pieces):
        return None
    kinds = {kind for p in pieces for kind, _ in p or ()}
    return "".join(word for p in pieces for _, word in p or ()) if kinds == {"initials", "syllable"} else None


def _spelt(token: str) -> list[tuple[str, str]] | None:
    """The token as initials and syllables, left to right (zmyong → 怎么 + 用), or None."""
    if not token:
        return []
    for size in range(min(len(token), 6), 0, -1):
        head, kind = token[:size], "initials" if token[:size] in INITIALS else "syllable"
        word = INITIALS.get(head) or SYLLABLES.get(head)
        rest = _spelt(token[size:]) if word else None
        if word and rest is not None:
            return [(kind, word), *rest]
    return None
