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

# Days kept for someone (母亲节送妈妈, 教师节送老师): an occasion like the festivals. A shop may tag its goods so (草莓:
# 母亲节), yet 有卖康乃馨的吗 母亲节要送 still asks for carnations, not for the goods tagged with the day.
PEOPLES_DAYS = ("母亲节", "父亲节", "教师节", "情人节", "妇女节", "三八节", "女神节", "儿童节", "六一儿童节", "圣诞节",
                "感恩节", "七夕节", "520")
FESTIVALS = ("中秋节", "端午节", "元宵节", "重阳节", "中秋", "端午", "春节", "元宵", "重阳", "七夕", "新年", "元旦",
             "年货", "过年", "过节", "节日", "国庆", "冬至", "小年", "除夕", *PEOPLES_DAYS)
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


# Whom and when a thing not sold is for, said before it (母亲节送妈妈哪款护手霜好, 父亲节送爸爸的剃须刀有吗, 过年送人的
# 坚果礼盒): no part of the thing's name, so 没有找到「护手霜」, never the whole run. The clause begins with the
# festival or a verb of giving and ends with 的 or a question word; 宁夏的枸杞 and 三只松鼠的坚果 (no festival, no
# giving) keep their words.
# 给 begins the clause only after a festival (给孩子的奶粉 may name the thing: 婴儿奶粉).
_GIVING = r"(?:要|想|准备)?(?:送给|送|孝敬|带给{})[^\s的]{{0,6}}?"
_FOR_SOMEONE = re.compile(
    rf"(?:(?:{'|'.join(FESTIVALS)})节?(?:的时候|时)?(?:{_GIVING.format('|给')})?|{_GIVING.format('')})"
    r"(?:的|用的|哪款|哪种|哪个|哪一款|哪样|什么样的|什么|啥)(?=[\u4e00-\u9fff])")


_GOOD_ASKED = re.compile(r"(?:比较|更|最)?(?:好|合适|实惠|划算)(?:呢|啊|呀|些)?(?=\s|$)")


def without_for_someone(spaced: str) -> str:
    """父亲节送爸爸的剃须刀有吗 → 剃须刀有吗; 哪款护手霜好 → 护手霜 (the question's 好 goes with it); 宁夏的枸杞
    stays (see above)."""
    runs = spaced.split(" ")
    for i, run in enumerate(runs):
        said = _FOR_SOMEONE.match(run)
        if said is not None:
            cut = run[said.end():]
            runs[i] = cut if said.group().endswith("的") else _GOOD_ASKED.sub("", cut) or cut
    return " ".join(runs)
