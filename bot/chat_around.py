"""Chat said around an order in one long message: a story of the last purchase, praise, cheers.

老板你好！上次买的苹果巨甜 我妈都说好吃 这次再来两箱 冲冲冲 / 哈喽 之前的蜂蜜喝完了 再来三瓶 / 在吗在吗 上回的小米很香
再整两袋: one clause asks for a count of packs (再来两箱), the others only talk. When a message has such a request,
its other clauses (cut at spaces and punctuation) are read so:

* a clause naming goods with a story or a comment (上次买的苹果巨甜, 之前的蜂蜜喝完了, 上回的小米很香, 蜂蜜收到了):
  only the goods are kept — the time said (上次买的, 之前的, 去年在你家买的) is no question about an order, and the
  comment (巨甜, 喝完了, 很香, 朋友都说好喝) is no part of the name. A clause whose words after the goods are no comment
  (上次买的核桃夹子) is left whole: 夹子 names another thing;
* a clause of talk with no goods in it (我妈都说好吃, 孩子爱吃, 煮饭特别香, 冲冲冲, 奥利给) is dropped;
* a greeting (老板你好, 哈喽, 在吗) stays: a greeting before a request is the request (bot.intents).

When the request names goods of its own (上次的苹果很甜 这次来两瓶蜂蜜), the story's goods are only talked about and
go too.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from bot import group_posts, numerals
from bot.recipients import PEOPLE

_CUT = re.compile(r"(?:[\s，,。!！?？~～;；、…]|(?<!\d)\.|\.(?!\d))+")  # never the point of 1.5斤
_UNIT = r"(?:箱|袋|瓶|盒|罐|包|份|只|斤|公斤|个|件|提|桶|饼|条|块|把|捆|扎|听|支|套|打)"
# The request: a buying verb and a count of packs (再来两箱, 再整两袋, 今年再来一箱, 再要两箱哈).
_REQUEST = re.compile(rf"(?:来|要|买|整|拿|订|搞|弄|囤)\S{{0,3}}?(?:{numerals.NUM}|俩|仨){_UNIT}")
# When the goods were bought: 上次买的, 之前的, 去年在你家买的, 上回那个, 之前买过你家的.
_PAST = re.compile(r"^(?:上次|上回|上一次|之前|以前|前几天|前两天|前些天|前些日子|前阵子|前一阵|前段时间|上个月|上周|"
                   r"上礼拜|上星期|去年|年前|那次|头回|第一次)"
                   r"(?:在?(?:你|你们|您|您们)家?)?(?:买|拿|订|收|寄)?(?:的|过的?|了)?(?:那个|那些|那袋|那箱|那瓶)?"
                   r"(?:你|你们|您)?(?:家的)?")
_DEGREE = r"(?:巨|贼|超级?|很|特别|非常|真的?|太|挺|还挺|蛮|好|老|可|相当|灰常|确实|是真)?"
_PRAISE = (r"(?:好吃|好喝|好用|爱吃|爱喝|喜欢|不错|可以|棒|赞|绝了?|正宗|地道|新鲜|划算|实惠|满意|好|甜|香|脆|嫩|鲜|糯|"
           r"入味|下饭|给力|靠谱|没得说|没话说|念叨|惦记|夸)")
_PEOPLE = "|".join(sorted((re.escape(p) for p in (*PEOPLE, "我", "我们", "全家", "一家人", "大家", "朋友", "同事",
                                                    "孩子", "老公", "老婆", "我家", "家人", "老人")),
                          key=len, reverse=True))
# A comment on goods: who says so, how much, and the praise (巨甜, 我妈都说好吃, 朋友都说好喝, 味道绝了, 天天念叨), or
# that they were used up or came (喝完了, 已经吃完了, 收到了).
_COMMENT = re.compile(rf"(?:(?:{_PEOPLE})(?:们)?)?(?:都|也|一直|天天|每天)?(?:说|夸|觉得|讲)?"
                      rf"(?:味道|口感|品质|质量|个头)?(?:都|也)?"
                      rf"(?:{_DEGREE}{_PRAISE}|(?:已经|都|快|早就|早)?(?:吃完|喝完|用完|吃光|喝光|没了|收到|到了|到货))"
                      r"(?:了|啦|的|哦|呀|啊|哈|吧|呢|得很|得不行|死了|到哭|爆了)*")
# Cheers and laughter (冲冲冲, 冲鸭, 奥利给, 哈哈哈, 666, yyds).
_CHEER = re.compile(r"(?:冲+鸭?|奥利给|哈+|嘿+|嘻+|耶+|666+|yyds|么么哒|比心|爱了|爱你|棒棒哒|给力|安排|走起)+",
                    re.IGNORECASE)


def _goods_span(clause: str, knows: Callable[[str], bool]) -> tuple[int, int] | None:
    """From the start of the first catalogue word of the clause (two characters or more) to the end of the last."""
    found = [(i, i + n) for i in range(len(clause)) for n in range(min(8, len(clause) - i), 1, -1)
             if knows(clause[i:i + n])]
    if not found:
        return None
    return min(a for a, _ in found), max(b for _, b in found)


_PRAISE_WORD = (r"(?:好吃|好喝|好用|爱吃|爱喝|喜欢|不错|正宗|地道|新鲜|划算|实惠|满意|入味|下饭|给力|靠谱|没得说|"
                r"没话说|念叨|惦记|绝了|回购|点赞)")
_DEGREE_SAID = r"(?:巨|贼|超级?|很|特别|非常|真的?|太|挺|还挺|蛮|好|老|可|相当|灰常|确实|是真)"
# Talk with no goods in it: praise said with a praise word (我妈都说好吃, 孩子爱吃, 家里人都喜欢) or a degree and a
# quality (煮饭特别香, 很好喝), never a wish (要甜一点的), a question (甜吗) or a bare yes (好的, 可以).
_TALK = re.compile(rf"{_PRAISE_WORD}|{_DEGREE_SAID}{_PRAISE}")
_WISH = re.compile(r"^(?:要|想|最好|希望|帮|给|不要|别|来|买|麻烦|请)|[吗么嘛呢]|多少|几|哪|啥|什么")


def _talk(clause: str) -> bool:
    """A clause of comment or cheer alone (我妈都说好吃, 孩子爱吃, 煮饭特别香, 冲冲冲)."""
    if _CHEER.fullmatch(clause):
        return True
    return len(clause) <= 10 and _TALK.search(clause) is not None and _WISH.search(clause) is None


def dropped(message: str, knows: Callable[[str], bool]) -> str:
    """The message with the chat around its request left out (see the module); unchanged when it has no request
    clause, or only one clause. `knows`: whether a word is the catalogue's (Vocabulary.knows)."""
    message = group_posts.plain(message)  # 【转发】@王会计 …: the marks of a message forwarded from a group
    clauses = [c for c in _CUT.split(message) if c]
    requests = [c for c in clauses if _REQUEST.search(c)]
    if len(clauses) < 2 or not requests:
        return message
    read = [(c, _story(c, knows)) for c in clauses]
    # 这次来两瓶蜂蜜 / 这次想试试核桃: goods asked for outside a story; the story's goods are then only talked about
    asks_own = any(story is None and _goods_span(c, knows) for c, story in read if not _talk(c))
    kept: list[str] = []
    for clause, story in read:
        if clause in requests:
            kept.append(clause)
        elif story is not None:
            kept += [] if asks_own else [story]
        elif not (_goods_span(clause, knows) is None and _talk(clause)):
            kept.append(clause)
    return " ".join(kept) if kept != clauses else message


def _story(clause: str, knows: Callable[[str], bool]) -> str | None:
    """The goods of a clause that names them with when they were bought or a comment after them (上次买的苹果巨甜 →
    苹果, 蜂蜜收到了 → 蜂蜜); None for any other clause (上次买的核桃夹子很好用: 夹子 is no comment)."""
    span = _goods_span(clause, knows)
    if span is None or _REQUEST.search(clause):
        return None
    before, goods, after = clause[:span[0]], clause[span[0]:span[1]], clause[span[1]:]
    past = _PAST.match(before)
    told = (past is not None and past.end() == len(before) and before != "") or (not before and after != "")
    commented = not after or _COMMENT.fullmatch(after) is not None
    return goods if told and commented and (before or after) else None
