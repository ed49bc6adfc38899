"""An order with a shop question said after it (来三饼 能开发票吗 / 要两箱 包邮吗 / 来两罐，几天能到): the order is
read without the question, and the question is answered first, then the order's reply.

Read whole, the question's words were taken for goods (没有找到「能开发票」, the tea in view lost) or silently dropped
(包邮吗 went unanswered). Only a last clause that is a question about invoices, shipping, after-sales or
certification, after a clause that orders with a count, is set apart; a stock question with a count (要200箱 有这么
多货吗) stays whole, since its answer weighs the count.
"""
from __future__ import annotations

import re
from typing import Any

from bot import shop_questions

_CLAUSE = re.compile(r"[\s，,。.!！;；、~～]+")
_COUNT = re.compile(r"[\d一二两三四五六七八九十俩仨半]+\s*[箱袋瓶盒罐包斤个份只饼条提桶枚件把]")
_TOPICS = (shop_questions.INVOICE, shop_questions.SHIPPING, shop_questions.AFTER_SALES, shop_questions.CERTIFIED)


def split(message: str) -> tuple[str, str] | None:
    """(the order, the question after it), or None when the message is not an order followed by such a question."""
    clauses = [c for c in _CLAUSE.split(message.strip()) if c]
    if len(clauses) < 2:
        return None
    question = clauses[-1]
    if not any(shop_questions.says(question, words) for words in _TOPICS) or shop_questions.says(
            question, shop_questions.STOCK):
        return None
    order = message[:message.rindex(question)].rstrip(" ，,。.!！;；、~～")
    if _COUNT.search(order) is None or any(shop_questions.says(order, words) for words in _TOPICS):
        return None
    return order, question


def answer(question: str, card: dict[str, Any] | None, faces_fen: tuple[int, ...]) -> str:
    """The shop's answer to the question said after the order, about the product ordered when there is one."""
    return shop_questions.answer_info(question, card, faces_fen) + "\n"
