"""An order with a shop question said after it (来三饼 能开发票吗 / 要两箱 包邮吗 / 来两罐，几天能到): the order is
read without the question, and the question is answered first, then the order's reply. It is one more reading of a
message of several parts (like bot/several_items.py): `understand` sets the question apart in
`Understanding.asked_after` and the turn (bot/dialogue.py) puts its answer before the order's.

Read whole, the question's words were taken for goods (没有找到「能开发票」, the tea in view lost) or silently dropped
(包邮吗 went unanswered). Only a last clause that is a question about invoices, shipping, after-sales or
certification, or a wish for wrapping (要礼品袋: the shop has none), after a clause that orders with a count, is set
apart; a stock question with a count (要200箱 有这么多货吗) stays whole, since its answer weighs the count.
"""
from __future__ import annotations

import re
from typing import Any

from bot import shop_questions

_CLAUSE = re.compile(r"[\s，,。.!！;；、~～]+")
_COUNT = re.compile(r"[\d一二两三四五六七八九十俩仨半]+\s*[箱袋瓶盒罐包斤个份只饼条提桶枚件把]")
_TOPICS = (shop_questions.INVOICE, shop_questions.SHIPPING, shop_questions.AFTER_SALES, shop_questions.CERTIFIED)
# Wrapping asked with the order (来两罐 要礼品袋 / 帮我包装好看点 / 能写贺卡吗): the shop has none to give.
_ASKED = re.compile(r"[吗么嘛?？不]|能否|是否|几|多少|多久|啥|什么|怎么|哪|包邮")
_WRAPPING = re.compile(r"礼品袋|手提袋|礼袋|袋子|包装|包一下|包好看|贺卡|卡片|祝福语")
# How long shipping takes, said with where to (发货到广州几天, 寄到北京要多久, 到上海几天能到).
_SHIP_TIME = re.compile(r"(?:发货?|寄|送|邮|快递)\S{0,8}?(?:几天|多久|多长时间|多少天)"
                        r"|(?:几天|多久)(?:能|可以)?(?:到|收到|送到)")
WRAPPING = "礼品袋、另外的包装和贺卡本店不提供，商品按商家原来的包装发出。"


def split(message: str) -> tuple[str, str] | None:
    """(the order, the question after it), or None when the message is not an order followed by such a question."""
    clauses = [c for c in _CLAUSE.split(message.strip()) if c]
    if len(clauses) < 2:
        return None
    question = clauses[-1]
    if _WRAPPING.search(question) is None and _SHIP_TIME.search(question) is None and (
            not any(shop_questions.says(question, words) for words in _TOPICS)
                                               or shop_questions.says(question, shop_questions.STOCK)
                                               or _ASKED.search(question) is None):
        return None  # 先付50块邮费: no question (a scam's demand, warned of as a whole)
    order = message[:message.rindex(question)].rstrip(" ，,。.!！;；、~～")
    if _COUNT.search(order) is None or any(shop_questions.says(order, words) for words in _TOPICS):
        return None
    return order, question


def answer(question: str, card: dict[str, Any] | None, faces_fen: tuple[int, ...]) -> str:
    """The shop's answer to the question said after the order, about the product ordered when there is one."""
    if _WRAPPING.search(question) is not None:
        return WRAPPING + "\n"
    if _SHIP_TIME.search(question) and not shop_questions.says(question, shop_questions.SHIPPING):
        question = "几天能到"  # 顺便问下发货到广州几天: how long shipping takes
    return shop_questions.answer_info(question, card, faces_fen) + "\n"
