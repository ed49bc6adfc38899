"""Another platform's red envelope (美团红包, 淘宝红包, 饿了么的红包, 拼多多现金红包) asked whether it pays here
(能抵扣吗, 在这能用吗, 可以付款吗): the shop takes only its love card and WeChat Pay, so the answer says so.

A 红包 alone (有红包吗) is a promotion of this shop's asked after (bot.discounts), and 包个红包 wraps one
(bot.wrapping); only a red envelope named with its platform is another's credit. It is read as a short honest
`fallback` naming no product (never 没有找到「美团红包能抵扣」, never "I did not understand").

The other way round, the shop's own love card asked whether it works on another platform or in another shop
(饿了么上能用你们的卡吗, 爱心卡能在京东用吗, 美团外卖能用爱心卡吗): it is spent only here, on certified products; the
honest `fallback` says so, never the card's balance nor a search.
"""
from __future__ import annotations

import re

_PLATFORM = (r"美团|淘宝|天猫|京东|拼多多|饿了么|饿了吗|抖音|快手|支付宝|云闪付|唯品会|苏宁|滴滴|携程|大众点评|点评|"
             r"闲鱼|小红书|得物|盒马|银行")
_RED_ENVELOPE = re.compile(rf"(?:{_PLATFORM})(?:外卖|app|平台)?的?(?:现金|无门槛|满减|外卖|购物)?红包")
_USED_HERE = re.compile(r"能用|可以用|能不能用|可不可以用|用得了|能抵|可以抵|抵扣|抵用|抵钱|能付|可以付|付款|支付|结账|"
                        r"买单|在这|在你们|你们这|你们家|能使|可以使|通用|用吗|用不")

REPLY = "本店只收消费扶贫爱心卡和微信支付，别的平台的红包、优惠券、购物卡都不能在这里付款或抵扣。"


def asked_to_pay(text: str) -> bool:
    """The compact message asks whether another platform's red envelope pays here (see the module)."""
    m = _RED_ENVELOPE.search(text)
    return m is not None and _USED_HERE.search(text[m.end():] + text[:m.start()]) is not None


# Elsewhere: another platform (外卖 of 美团外卖 too), never its own card (京东卡: bot.love_card_means).
# A shop in town (爱心卡在超市能刷吗) is answered from the card's rules (bot.card_rules), not here.
_ELSEWHERE = re.compile(rf"(?:{_PLATFORM}|别的平台|其他平台|其它平台|外卖)(?!\S{{0,2}}[卡券])")
# The shop's own card: 爱心卡, 你们的卡, 这张卡.
_OURS = re.compile(r"爱心卡|扶贫卡|(?:你们|你们家|你家|店里|这里|商城)的?卡|这张卡|这卡")
_USED = re.compile(r"能用|可以用|能不能用|可不可以用|用得了|用不了|能刷|可以刷|能不能刷|通用|能付|可以付|用吗|刷吗")
_BOUGHT_THERE = re.compile(r"(?:上|里|那)?买的")  # 淘宝上买的爱心卡能用吗: a card bought there, used here

ELSEWHERE_REPLY = ("爱心卡只能在本店购买认定的扶贫农产品时使用，饿了么、美团、淘宝等别的平台和别的店铺都用不了，"
                   "也不能提现。")


def love_card_elsewhere(text: str) -> bool:
    """The compact message asks whether the shop's love card is spent on another platform or in another shop."""
    place, ours = _ELSEWHERE.search(text), _OURS.search(text)
    if place is None or ours is None or _USED.search(text) is None:
        return False
    return _BOUGHT_THERE.match(text, place.end()) is None
