"""Another's card, voucher or credit asked for with the love card as the means (京东卡能用爱心卡买吗, 用爱心卡买星巴克
礼品卡, 爱心卡能换超市购物卡吗, 拿爱心卡充话费): the love card pays only for this shop's goods and the shop sells no
other card, so nothing is drafted — not a love-card purchase (the 买 and the 爱心卡 in the message notwithstanding).
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from bot import other_cards

# Another's card, voucher or credit by its kind or its issuer (京东卡, 星巴克礼品卡, 沃尔玛购物卡, 提货券, 话费).
_ANOTHERS = re.compile(other_cards.OTHER_CARDS.pattern
                       + r"|(?:家乐福|沃尔玛|大润发|永辉|盒马|山姆|物美|华润|苏宁|美团|支付宝|好利来|蛋糕|商场"
                       r"|超市|便利店)的?(?:礼品|购物|会员|储值|充值|提货)?[卡券]"
                       r"|(?:礼品|购物|会员|储值|充值|提货|代金|兑换)[卡券]|话费|购物金|消费金")
# The love card as the means: 用爱心卡买, 拿爱心卡换, 爱心卡能买 / 可以换 / 能不能兑换 / 能充.
_LOVE_PAYS = re.compile(r"(?:用|拿|使用)\S{0,6}爱心卡|爱心卡\S{0,3}(?:买|换|兑换|兑|充|购买|抵|付)")


def bought_with_love_card(text: str, words: Mapping[str, int]) -> str:
    """京东卡能用爱心卡买吗, 用爱心卡买星巴克礼品卡, 爱心卡能换超市购物卡吗: another's card asked for with the love
    card as the means; the card as said, or "" (用爱心卡买两袋大米: goods; 爱心卡能买什么: nothing else named)."""
    if not _LOVE_PAYS.search(text) or not other_cards.love_card_said(text, words):
        return ""
    rest = re.sub(r"(?:" + "|".join(other_cards.LOVE_QUALIFIERS) + r")*爱心卡", " ", text)
    m = _ANOTHERS.search(rest)
    return m.group() if m is not None and not other_cards.goods_card(m.group()) else ""
