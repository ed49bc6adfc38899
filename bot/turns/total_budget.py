"""A sum for the whole order (一共800块，买点水果给孩子们; 总预算2000; 不超800吧 after adding a line): kept for the
conversation, and every summary says how the order stands against it.

The teacher who said 一共800块 then added oranges, apples and kiwis saw 合计888元 with nothing said, and her 不超800吧
went unanswered. The sum is a bound on the whole order, never a count of packs nor a bound on one pack's price (those
are bot/budgets.py's 100块以内的茶叶); the summary adds 在800元预算内，还剩44元 or 比预算800元多了88元, and nothing is
ever changed for it: which line to cut is the shopper's choice.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bot.numerals import NUM, to_number
from bot.replies import yuan

if TYPE_CHECKING:
    from bot.dialogue import Turn
    from bot.reply import Reply

_MONEY = r"(?:块钱|元钱|块|元|rmb)"
_CARD_INTENTS = ("buy_card", "claim_card", "card_balance", "pay_order")
# 一共800块 / 总共就500元 / 总预算2000 / 预算一共1000块 / 经费3000 (一共 wants the money's unit: 一共64位老师 is people)
_TOTAL = re.compile(rf"(?:(?:总预算|预算总共|预算一共|经费|活动经费)(?:是|有|就|只有)?\s*(?P<num>{NUM})\s*"
                    rf"(?P<unit>{_MONEY})?"
                    rf"|(?:一共|总共|统共|总计|全部|加起来)(?:就|只有|有|预算|的?预算是?)?\s*(?P<num2>{NUM})\s*"
                    rf"(?P<unit2>{_MONEY}))(?![\d.袋箱盒瓶罐包份斤个只张位人名户家]|钱的(?:爱心)?卡|的(?:爱心)?卡)")
# 不超800吧 / 别超过1000块啊 / 控制在800以内吧, said while goods are drafted: a check against the whole order
_CHECK = re.compile(rf"(?:不超过?|别超过?|不要超过?|控制在)\s*(?P<num>{NUM})(?!\d)\s*(?P<unit>{_MONEY})?(?:以内|之内)?"
                    rf"(?:吧|吗|啊|哈|呀|哦|没|的话|就行|就好)")


def _fen(m: re.Match[str]) -> int | None:
    num, unit = m.group("num"), m.group("unit")
    if num is None and "num2" in m.re.groupindex:
        num, unit = m.group("num2"), m.group("unit2")
    value = to_number(num) if num else None
    if value is None or value <= 0:
        return None
    if not unit and value < 10:  # 预算5: a slip, never a budget
        return None
    return int(value * 100)


def said(text: str, drafting: bool) -> int | None:
    """The sum said for the whole order, in fen: 一共800块 always, 不超800吧 only while goods are drafted."""
    m = _TOTAL.search(text)
    if m is not None:
        return _fen(m)
    m = _CHECK.search(text)
    return _fen(m) if m is not None and drafting else None


def keep(turn: Turn) -> bool:
    """Before the turn: a sum said is kept for the conversation (the last one said wins). True when one was said."""
    d = turn.draft
    fen = said(turn.u.text or turn.said, d is not None and d.kind == "goods" and bool(d.lines))
    if fen is not None:
        turn.state.budget_fen = fen
    return fen is not None


_CONFIRM = "\n确认下单吗？"


def note(turn: Turn, reply: Reply, just_said: bool) -> Reply:
    """After the turn: a goods summary weighed against the sum kept (said before its question), a list of goods told
    the sum is kept; an order placed or dropped forgets it."""
    budget = turn.state.budget_fen
    if budget is None or reply.intent in _CARD_INTENTS:
        return reply
    if reply.order is not None or reply.intent == "cancel":
        turn.state.budget_fen = None
        return reply
    d = turn.draft
    if d is None or d.kind != "goods" or d.awaiting != "confirm" or _CONFIRM not in reply.reply:
        if just_said and reply.products and reply.intent in ("order", "search", "recommend"):
            reply.reply += f"\n（总预算{yuan(budget)}我记下了，下单前帮您算着合计。）"
        return reply
    total = _total(turn, [(ln.sku, ln.qty) for ln in d.lines])
    if total is None:
        return reply
    weighed = (f"（在{yuan(budget)}预算内，还剩{yuan(budget - total)}）" if total <= budget
               else f"（比预算{yuan(budget)}多了{yuan(total - budget)}）")
    reply.reply = reply.reply.replace(_CONFIRM, "\n" + weighed + _CONFIRM, 1)
    return reply


def _total(turn: Turn, lines: list[tuple[Any, Any]]) -> int | None:
    cards = turn.ctx.search.cards
    priced = [(cards.get(sku), qty) for sku, qty in lines if sku and qty]
    if not priced or any(card is None for card, _ in priced):
        return None
    return sum(int(card["price_fen"]) * int(qty) for card, qty in priced if card is not None)
