"""Messages that ask more than one thing, or ask about goods already bought, read by rule:

* several questions in one message (腊肉多少钱 有货没 明天能发吗): the first question leads, so a price asked first
  is a price question even when stock or shipping is asked after it;
* the goods of an order already placed (我买的苹果几天到, 我订的蜂蜜发了没): the order's status, not the shop's
  shipping times nor a new order for what was bought.
"""
from __future__ import annotations

import re

from bot import keeping
from bot.lexicon import ASK_PRICE

_CLAUSE = re.compile(r"[\s，,。.!！?？;；、~～]+")
# Other questions a shop answers, which lead when said first (有货没 多少钱: stock first).
_OTHER = re.compile(r"有货|库存|还有吗|包邮|运费|邮费|快递|发货|能发|几天|多久|发票|退|售后|认证|扶贫|产地|哪里产"
                    r"|保质期|新鲜")
# Goods the customer already bought (我买的, 我订的, 我下单的 …, 昨天买的), not goods to buy.
_MINE = re.compile(r"我(?:刚|昨天|前天|上次|之前|早上|今天)?(?:买|订|下单|拍|购买|网购)的|(?:刚|昨天|前天|上次|之前)"
                   r"(?:买|订|下单|拍)的|^(?:买|订|拍|购买)的(?!时候)")  # 买的土鸡什么时候能到: said without the 我
_ARRIVING = re.compile(r"(?:到|发|寄|送)(?:了)?(?:吗|没|没有)|到哪|在哪|怎么还没|还没(?:到|发|寄|收到)|物流|快递"
                       r"|(?:什么时候|啥时候|几时|哪天|何时)\S{0,3}(?:到|收到|到货)")  # 我买的腊肉什么时候能到


def price_leads(raw: str) -> bool:
    """多少钱 asked in the first of several questions (腊肉多少钱 有货没): the price question leads."""
    clauses = [c for c in _CLAUSE.split(raw.strip().lower()) if c]
    if len(clauses) < 2:
        return False
    first = clauses[0]
    return any(w.replace(" ", "") in first for w in ASK_PRICE) and _OTHER.search(first) is None


def about_my_order(text: str) -> bool:
    """我买的苹果几天到 / 我订的蜂蜜发了没: when the goods of an order placed come."""
    if _MINE.search(text) is None:
        return False
    return keeping.transit(text) or _ARRIVING.search(text) is not None


# An order named by the goods bought in it (买苹果那单, 订大米的那一单): an order placed.
_BY_GOODS = re.compile(r"(?:买|订|拍)[\u4e00-\u9fff]{1,8}?的?(?:那|这)一?单")


def order_by_goods(text: str) -> bool:
    """买苹果那单退掉: the order is named by the goods bought in it."""
    return _BY_GOODS.search(text) is not None
