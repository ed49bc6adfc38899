"""A festival or occasion word glued before the goods (中秋月饼, 端午粽子, 年货腊肉, 春节礼盒): why the goods are
bought, never part of their name. jieba's dictionary holds some such runs as one word (中秋月饼), so the
catalogue's 月饼 was never looked up and the shopper read 没有找到「中秋月饼」. A space after the festival word
lets the goods be read alone; the festival itself is an occasion (bot.qualities.OCCASIONS), which the search
explains away.

Not split: the festival said alone or as a time (中秋节快到了, 春节前发货, 过年好, 端午的时候): the character after it
begins no goods.
"""
from __future__ import annotations

import re

FESTIVALS = ("中秋节", "端午节", "元宵节", "重阳节", "中秋", "端午", "春节", "元宵", "重阳", "七夕", "新年", "元旦",
             "年货", "过年", "过节", "节日", "国庆")
# What follows a festival said as a time or a greeting, not goods: 节, 前, 后, 的, 快, 好, 了, 期间, 放假, 到 …
_AS_TIME = "节期前后的快好了啦吗呢时间到放假那这里还就才也都要我你他她您咱有没能可会是送"
_GLUED = re.compile(rf"({'|'.join(FESTIVALS)})(?=[\u4e00-\u9fff])(?![{_AS_TIME}])")


def unglue(text: str) -> str:
    """中秋月饼 → 中秋 月饼; 中秋节快到了 and 过年好 stay as they are."""
    return _GLUED.sub(r"\1 ", text)


# A festival said as a time near (中秋节快到了, 快过年了, 马上端午了): the festival alone, so that the time words are
# no goods asked for (it read 没有找到「中秋节快到」).
_NEAR = re.compile(rf"(?:快要|快|马上就?要?|就要|眼看|又要|又)?(?:到)?({'|'.join(FESTIVALS)})(?:节)?"
                   r"(?:快要到|快到|就要到|要到|马上到|到)?了")


def as_time(text: str) -> str:
    """中秋节快到了 有啥推荐 → 中秋节 有啥推荐; 快过年了 → 过年. A festival not said as a time stays."""
    return _NEAR.sub(r"\1 ", text)
