"""Ways of paying asked (可以用微信支付吗, 能用支付宝吗, 支持货到付款吗, 能刷信用卡吗, 可以分期吗): `ask_info`, answered
from what the shop does — WeChat Pay in 我的订单, or a love card already claimed (in the chat: 用卡支付, or on the
order's page) — and no other way. Never a search (微信 is no goods), never another card's answer (信用卡 asked as
a way to pay is no card the shop sells), never a payment: a question pays nothing.

Not a way of paying: 能帮我办张信用卡吗, 信用卡怎么办理, 信用卡积分能兑换吗 (no paying verb beside the way).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding

# A way of paying that needs a paying verb beside it (微信支付, 刷信用卡, 用支付宝, 信用卡付): 微信 alone may be
# anything (加个微信).
_MEANS = r"(?:微信|支付宝|花呗|借呗|京东白条|白条|云闪付|数字人民币|信用卡|银行卡|储蓄卡|借记卡|现金|apple ?pay|paypal)"
_PAYING = r"(?:支付|付款|付钱|付账|付|刷|结账|结算|买单|扫码|分期)"
# A way that is itself about paying (货到付款, 分期, 先用后付, 到付).
_ITSELF = r"(?:货到付款|到付|分期付款|分期|先用后付|先货后款|月付)"
# Means that are only ways of paying (花呗能用吗, 支付宝行不行): no verb needed.
_ONLY_PAYING = r"(?:支付宝|花呗|借呗|白条|云闪付|数字人民币|apple ?pay|paypal)"
_WAY = re.compile(rf"(?:用|拿|使用|走){_MEANS}|{_MEANS}\S{{0,3}}?{_PAYING}|{_PAYING}\S{{0,2}}?{_MEANS}|{_ITSELF}"
                  rf"|{_ONLY_PAYING}", re.IGNORECASE)
# Asked, not told: 可以用微信支付吗, 能不能分期, 支持货到付款不, 信用卡行不行 (付款 用微信 at the summary is a payment).
_ASKED = re.compile(r"吗|嘛|么|不$|没$|呢|\?|？|(?:可以|行|能)吧|能不能|可不可以|可以不|行不行|行不"
                    r"|支不支持|支持|是否|能否|有没有|怎么|如何|咋")
_WAYS_NAMED = (("支付宝", "支付宝"), ("花呗", "花呗"), ("白条", "白条"), ("借呗", "借呗"), ("云闪付", "云闪付"),
               ("数字人民币", "数字人民币"), ("信用卡", "信用卡"), ("银行卡", "银行卡"), ("储蓄卡", "银行卡"),
               ("借记卡", "银行卡"), ("现金", "现金"), ("apple", "Apple Pay"), ("paypal", "PayPal"),
               ("货到付款", "货到付款"), ("到付", "货到付款"), ("分期", "分期"), ("先用后付", "先用后付"),
               ("月付", "分期"))
WAYS = ("付款方式有两种：微信支付（下单后在「我的订单」里找到这一单付款），或用已领取的消费扶贫爱心卡付"
        "（在这里说“用卡支付”，或在订单页面选爱心卡）。")


# Another's value offered, not a way of paying (支付宝消费券能抵扣吗, 信用卡积分能兑换吗): answered as other cards are.
_VALUE = re.compile(r"券|红包|积分|购物金|礼品卡|购物卡|余额宝")


def asked(text: str) -> bool:
    """A way of paying asked about (see the module)."""
    return _WAY.search(text) is not None and _ASKED.search(text) is not None and _VALUE.search(text) is None


def told(text: str) -> bool:
    """A way of paying told, not asked (用微信付款, 微信支付): the order is paid that way (bot/plain_intents.py)."""
    return _WAY.search(text) is not None and _ASKED.search(text) is None and _VALUE.search(text) is None


def answer(text: str) -> str:
    """Yes for WeChat Pay, no for any other way named, and the two ways there are."""
    lowered = text.lower()
    others = list(dict.fromkeys(name for word, name in _WAYS_NAMED if word in lowered))
    if others:
        return f"不支持{'、'.join(others)}，也没有别的付款方式。{WAYS}"
    return f"可以用微信支付。{WAYS}" if "微信" in text else WAYS


def revise(u: Understanding) -> None:
    """A way of paying asked: `ask_info`, nothing looked up (微 信, 花 of 花呗 are no goods), no other card, nothing
    paid."""
    if not asked(u.text) or u.intent == "pay_order" or u.unrelated == "service":  # 花呗额度怎么提: an errand
        return
    ways = "".join(m.group() for m in _WAY.finditer(u.text))
    if any(w not in ways for w in u.product_words):  # 买一箱脐橙 用微信付行吗: goods named beside the way
        return
    u.intent, u.unrelated, u.quantity, u.quantities, u.money_yuan, u.card_count = "ask_info", "", None, [], None, None
    u.product_words, u.origin, u.generic, u.product_text, u.foreign, u.instead = [], None, False, "", "", ""
