"""Thanks and praise for goods received, nothing asked (多谢哈 东西收到了 挺好的, 货到了 很新鲜 谢谢老板, 收到啦 不错,
谢谢你哈，上回那个东西挺好的):
a greeting, answered kindly, never a search for 东西. Every clause is a word of thanks, the goods come (收到了,
到了) or a word of praise; a clause that names goods, asks, or complains (不新鲜, 坏了, 少了) makes it more."""
from __future__ import annotations

import re

_FILL = r"(?:哈|啊|呀|啦|了|哦|的|嘞|呢|亲|老板|你|您|啊哈|哈哈|~|～)*"
_THANKS = r"(?:谢谢|多谢|感谢|谢啦|谢了|辛苦了|辛苦|thx|thanks|3q)"
# 上回买的东西收到了, 前天下单的货到了: when it was bought said before it
_CAME = (r"(?:(?:上回|上次|之前|前几天|前天|昨天|那天)?(?:买|下单|订|拍)的)?"
         r"(?:东西|货|宝贝|快递|包裹|我的东西)?(?:已经|都)?(?:收到|到|拿到)(?:了|啦|咯)")
_PRAISE = (r"(?:挺|很|非常|特别|真|蛮|超|都|太|相当)?(?:好|不错|满意|新鲜|好吃|好喝|甜|香|赞|棒|可以|实惠)"
           r"(?:的|了|啊|呀|哦|哈)*|(?:质量|味道|东西|包装)(?:挺|很|非常|真|蛮|不错|都)?(?:好|不错|棒|赞)(?:的|了)*|点赞|好评")
# 上回那个东西挺好的, 上次买的货很新鲜: goods bought before, praised (the praise says they came)
_BOUGHT_BEFORE = (r"(?:上回|上次|之前|前几天|前天|昨天|那天)(?:买的|下单的|订的|拍的|寄的|的)?(?:那个|那些|那批)?"
                  r"(?:东西|货|宝贝|包裹)?")
_CLAUSE = re.compile(rf"^(?:{_THANKS}|{_CAME}|(?:{_BOUGHT_BEFORE})?(?:{_PRAISE})){_FILL}$", re.IGNORECASE)
_CAME_ONLY = re.compile(rf"^(?:{_CAME}|(?:上回|上次|之前|前几天|前天|昨天|那天)\S*?(?:{_PRAISE}))")


def said(spaced: str) -> bool:
    """多谢哈 东西收到了 挺好的: thanks or praise for goods that came, and nothing else (see the module)."""
    clauses = [c for c in spaced.split() if c]
    if len(clauses) < 2 or not all(_CLAUSE.match(c) for c in clauses):
        return False
    return any(_CAME_ONLY.match(c) for c in clauses)  # 谢谢 辛苦了 alone is thanks at length (bot.talk_kinds)


def thanked(compact: str) -> bool:
    """Whether thanks are said (谢谢啊 东西收到了): answered 不客气 rather than a greeting."""
    return re.search(_THANKS, compact, re.IGNORECASE) is not None
