"""Whether an order, once placed, can still be undone, asked as the shop's rule (下了单还能取消吗, 下单以后可以撤销吗,
付了款还能退单不): `ask_info`, answered with the rule, and nothing dropped: neither the draft under way nor an order.

Only the rule is asked: no order is pointed at (刚下的单能取消吗, 昨天下的单能取消吗, 下错单了 能取消吗 name one placed,
and cancel it: bot/holder_talk.py and bot/shop_questions.py read those)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding

_RULE = re.compile(r"^(?:请问|问一下|问下|那|你们这?里?|在这里?)?"
                   r"(?:下了?单|下订单|提交了?订单|订单提交了?|付了?款|付完款|付了钱)(?:了)?(?:以后|之后|后)?"
                   r"(?:还|也|是)?(?:能|可以|可不可以|能不能|能否|可否|允许)"
                   r"(?:取消|撤销|撤回|撤单|退单|不要)(?:订单|掉)?(?:吗|不|么|嘛|呢|没|啊|呀)*$")
ANSWER = ("可以。还没付款的订单，说“取消订单”或在「我的订单」里取消就行（超时不付也会自动取消）；"
          "已付款还没发货的，请在「我的订单」里申请退款，会全额退回；已经发货的，收到货后联系商家处理。")


def asked(text: str) -> bool:
    """下了单还能取消吗: the rule asked, no order pointed at (see the module)."""
    return _RULE.match(text) is not None


def revise(u: Understanding) -> None:
    """The rule asked is a question, never a cancel of the draft or of an order."""
    if u.intent in ("cancel", "cancel_order", "fallback", "search", "help") and asked(u.text):
        u.intent, u.quantity, u.quantities, u.product_text = "ask_info", None, [], ""
