"""Why a line is taken out, said beside the removal (松茸不要了 太贵, 木耳去掉吧 买多了, 不划算 腊肉不要了): no search.

A removal (X不要了, 去掉X, 把X删了, X不买了) with a clause that only gives the reason (太贵, 有点贵, 不划算, 买多了,
家里还有, 吃不完, 用不上, 不需要了, 不喜欢), or only what will be done instead (等下单独下给我妈, 回头再买,
我自己去超市买: later, apart, elsewhere; it names no goods) is the removal alone: the reason asks for nothing, so
it is never looked up (抱歉，没有找到「太贵」 came after the line had gone). A clause that names something else
(不要蜂蜜了 换成大米) is a replacement, read as before (bot.phrasing.replacement). The lists are kinds of reason,
never sentences.
"""
from __future__ import annotations

import re

from bot.lexicon import PUNCTUATION

_REMOVAL = re.compile(r"不要了|不要啦|不买了|不买啦|不要|去掉|删掉|删了|拿掉|退掉|撤掉|减掉")
# A reason only: the price, too much bought, already had, not needed, not liked (with a softener before it).
_REASON = re.compile(
    r"^(?:因为|主要是|感觉|觉得|我觉得|嫌|还是|有点|有些|太|真|实在|确实|好像|那个|算了)*"
    r"(?:太贵|贵了|有点贵|偏贵|贵|太贵了|不划算|不值|不实惠|不便宜|价格高|买多了|多了|买重了|重复了|点错了|"
    r"家里(?:还)?有|家里有了|吃不完|用不完|吃不了|用不上|用不着|不需要|不用了|不想要|不喜欢|不爱吃|"
    r"不好吃|预算不够|钱不够|超预算了?)"
    r"(?:了|啦|吧|啊|呀|哈|哦|嘞|呢|的)*$")
# Or bought another time or another way: later, on its own, elsewhere, by oneself (等下单独下给我妈, 回头再买,
# 我自己去超市买, 改天另外下一单): what the shopper will do instead, no goods asked for now.
_LATER = r"(?:等下|等一下|等会儿?|待会儿?|一会儿?|回头|改天|下次|下回|以后|晚点|晚些|过几天|过两天|明天|后面)"
_APART = r"(?:单独|分开|另外|自己|去?(?:别处|别家|别的地方|超市|菜市场|外面|线下|实体店)|在(?:别处|别家|超市|外面))"
_ELSEWHERE = re.compile(
    rf"^(?:我|我们|咱)?(?:先|就)?(?=[^，。]*(?:{_LATER}|{_APART}))(?:{_LATER})?(?:再)?(?:{_APART})*(?:再)?"
    r"(?:下单|下|买|拍|订|定|另下|重下)(?:一单|单|吧)?(?:(?:给|送)(?:我|我的)?[\u4e00-\u9fff]{1,3})?"
    r"(?:了|啦|吧|啊|呀|哈|哦|嘞|呢|的)*$")
_CLAUSES = re.compile("[" + re.escape(PUNCTUATION.replace(".", "")) + r"\s]+")


def reason(clause: str) -> bool:
    """The clause only says why (太贵, 买多了, 家里还有): see the module."""
    return _REASON.match(clause) is not None or _ELSEWHERE.match(clause) is not None


def dropped(message: str) -> str:
    """The message without the clauses that only give the reason for a removal said in another of its clauses;
    the message as it was when none is, or when nothing is removed."""
    clauses = [c for c in _CLAUSES.split(message.strip()) if c]
    if len(clauses) < 2:
        return message
    kept = [c for c in clauses if not reason(c)]
    if not kept or len(kept) == len(clauses) or not any(_REMOVAL.search(c) for c in kept):
        return message
    return " ".join(kept)
