"""What is in the order being made, asked (购物车里有啥, 我刚才选了哪些, 现在订单里有什么, 我点了啥, 篮子里都有什么):
an `order_status` answered with the draft (bot/turns/in_draft.py), never a search (购物车 is no goods).

Not this: 我买过什么 / 我的订单 (orders placed), 订单里的蜂蜜改成三瓶 / 购物车里加两瓶蜂蜜 (a change to a line).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding

# Where the goods chosen are (购物车, 篮子, 这单, 现在的订单) and a question of what is in it.
# An order said as a place only with 里 (订单里有什么): 我的订单什么时候发 asks when it ships.
_PLACE = r"(?:(?:购物车|购物篮|车里|篮子|清单)(?:里|里面|里头|中)?|(?:单子|这单|这一单|订单)(?:里|里面|里头|中))"
_WHAT = r"(?:啥|什么|哪些|哪几样|几样|些啥|些什么|多少样|多少东西)(?!时候|时间|地方|状态|情况)"
# What I chose: a verb of choosing (选, 点, 挑, 加, 放) in the past and a question of what (买了啥 is orders placed).
_CHOSE = r"我?(?:刚才|刚刚|刚|都|已经|一共|总共|目前|现在)?(?:选|点|挑|加|放)(?:了|的|进去了|进去的)"
_ASKED = re.compile(rf"{_PLACE}(?:都|现在|目前|一共)?(?:有|是|装了|放了|加了)?{_WHAT}"
                    rf"|{_CHOSE}(?:都是)?{_WHAT}|{_CHOSE}(?:东西|商品)?(?:有)?哪些"
                    r"|(?:看看|看一下|查看|瞧瞧)(?:我的)?(?:购物车|篮子)")
# A change or an action named beside it (订单里的蜂蜜改成三瓶, 购物车里加两瓶蜂蜜): not this question.
_NOT = re.compile(r"改|换|删|去掉|不要|取消|加[一二两三四五六七八九十\d]|再来|来[一二两三四五六七八九十\d]")


# Where the order being made goes, asked (确认一下地址对吗, 地址没错吧, 寄到哪个地址): the summary shows it.
# Not 我的订单寄到哪了 (a parcel on its way: orders placed).
_WHERE_TO = re.compile(r"地址(?:对吗|对不对|对吧|对么|没错吧|没错吗|没问题吧|是哪个|是哪里|写的哪|填的哪)|确认一下地址"
                       r"|核对一下地址|寄到哪个地址|发到哪个地址|送到哪个地址")


def asked(text: str) -> bool:
    """What the order being made holds, or where it goes, asked (see the module)."""
    return (_ASKED.search(text) is not None or _WHERE_TO.search(text) is not None) and _NOT.search(text) is None


# What was bought before, asked (我上次买了什么, 我之前都买过哪些): the orders placed, never a search for 上次.
_BOUGHT_ASKED = re.compile(r"(?:上次|上回|之前|以前|最近|前几天|都)买(?:了|过)(?:的)?(?:都)?(?:是)?"
                           r"(?:啥|什么|哪些|哪几样)(?:东西|商品)?$")


def revise(u: Understanding) -> None:
    """购物车里有啥 / 我上次买了什么: an order_status naming no goods."""
    if asked(u.text) or (_BOUGHT_ASKED.search(u.text) and not u.product_words):
        u.intent, u.quantity, u.quantities, u.money_yuan, u.card_count = "order_status", None, [], None, None
        u.product_words, u.origin, u.generic, u.product_text, u.foreign, u.instead = [], None, False, "", "", ""
