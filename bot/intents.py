"""The intent of one message read without context, from its cues (bot.cues) and what the catalogue recognised."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import lexicon
from bot.cue_limits import changes_mind
from bot.cues import has
from bot.product_words import cueish

if TYPE_CHECKING:
    from bot.understanding import Understanding

_RE_CJK = re.compile("[\u4e00-\u9fff]")


def intent_of(u: Understanding) -> str:
    c = u.cues
    if "cancel" in c and not changes_mind(u.text, bool(u.quantity or u.specs or u.about_products)):
        return "cancel"  # not 算了 还是要五斤的吧 一箱: a change of mind, read on as the request it is
    if ("card" in c and ("balance" in c or ("price" in c and "buy" not in c))) or (
            "balance" in c and has(u.text, ("余额",)) and not u.about_products):
        return "card_balance"
    if "card" in c and ("buy" in c or u.money_yuan is not None or u.card_count is not None or "add" in c):
        return "buy_card"
    if "strong_status" in c or u.order_no or ("status" in c and not u.about_products):
        return "order_status"
    if "price" in c:
        return "ask_price"
    if ("greet" in c or "thanks" in c) and not u.about_products and "buy" not in c:
        return "greet"
    if "yes" in c:
        return "confirm"
    if "no" in c:
        return "cancel"
    specific = bool(u.product_words)
    if "help" in c and not specific:
        return "help"
    if u.about_products and ("buy" in c or "add" in c or u.quantity is not None):
        browsing = "search" in c and u.quantity is None and "add" not in c and (
            _asks(u.text) or not specific or has(u.text, lexicon.BROWSE))
        return "search" if browsing else "order"
    if u.about_products:
        return "search"
    if "card" in c:
        return "buy_card" if "buy" in c else "card_balance"
    if "greet" in c or "thanks" in c:
        return "greet"
    if u.product_text and ("strong_buy" in c or ("buy" in c and u.quantity is not None)):
        return "order"
    if u.product_text and ("search" in c or u.bare):
        return "search"
    if (u.quantity is not None and "buy" in c) or ("strong_buy" in c and not u.product_text):
        return "order"
    if u.foreign or (u.product_text and not _CHAT.search(u.text) and any(
            len(t) >= 2 and _RE_CJK.search(t) and not cueish(t) for t in u.product_text.split())):
        return "search"  # 洗衣机滚筒10公斤: a thing asked for, even one the shop does not sell (没有找到「…」)
    return "fallback"


# Talk that is not a request for goods: questions about the world, errands, feelings (they get the fallback).
_CHAT = re.compile(r"你|怎么|为什么|什么时候|天气|笑话|聊|哈哈|在吗|谁|人工|客服|投诉|优惠|便宜点|砍价|"
                   r"红包|积分|会员|活动|"
                   r"怎么样|好不好|是不是|[吗嘛么呢]$|[不没]$|了|等于|[+=]|写|打个|去|下雨|放假|股票|推荐|作业|作文|唱|讲")


def _asks(text: str) -> bool:
    """有没有…/有…吗: a question about the catalogue even when it holds a buying word (想要的有吗)."""
    return (text.endswith(("吗", "么", "没有"))
            or text.startswith(("有没有", "有没", "有什么", "有啥", "有哪些", "推荐")))
