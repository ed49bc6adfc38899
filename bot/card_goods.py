"""Another shop's card, voucher or credit asked about as goods: what the shopper does with it, and its name as said.

The shop sells one card, its love card, and takes only that card and WeChat Pay. A message about somebody else's
card (大润发购物卡, 肯德基兑换券, 支付宝消费券, 淘宝购物金, 话费) keeps the intent of what the shopper does:

* asks whether it can be used here (大润发的卡能在你们这付吗, 消费券能抵扣吗, 工会卡能刷吗) → `ask_info`;
* asks its price (沃尔玛卡多少钱一张) → `ask_price`;
* buys it (买5张大润发购物卡, 来300元话费, 要100张粽子券, 京东卡 500面值 来一张) → `order`;
* asks whether it is sold (有没有家乐福购物卡, 卖不卖肯德基兑换券) → `search`;
* names it alone, perhaps with its issuer or its kind (京东E卡, 星巴克礼品卡, 月饼券, 加油卡 中石化, 芒果TV会员)
  → `search` for a thing the shop does not have;
* anything else about it (银行卡怎么绑定, 购物卡回收吗, 公交卡充值, 京东卡余额) stays `fallback`.

Whatever the intent, nothing is offered and nothing drafted: the answer is 没有找到「the card as said」 and that the
shop sells love cards only (bot.turns.honest.other_card_answer).
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from bot import other_cards
from bot.bare_things import noun_words

# Credit of another platform that is not called a card (淘宝购物金, 话费 bought with 来/买/充), and a platform's
# membership (芒果TV会员, 视频会员, 爱奇艺VIP).
_MEMBERSHIP = r"(?:[a-z]{2,}|视频|音乐|影视|网盘|爱奇艺|优酷|腾讯|芒果|哔哩哔哩|网易云|酷狗|喜马拉雅)(?:会员|vip)"
VALUE = re.compile(rf"购物金|消费金|话费|{_MEMBERSHIP}")
_USE_HERE = re.compile(r"能用|能刷|能付|能抵|能不能用|能不能刷|能不能付|可以用|可以刷|可以付|可以抵|可不可以用|"
                       r"抵扣|抵用|支持|收不收|收吗|能收|分期|在你们这|在这里用|在这用|用得了|刷得了|"
                       r"用\S{0,10}(?:卡|券|购物金|消费金)(?:来|去)?(?:付|支付|结|买单|抵)")  # 这单用沃尔玛卡付
_PRICE = re.compile(r"多少钱|什么价|啥价|价格|价钱|几折|怎么卖|咋卖")
_BUY = re.compile(r"买|来|要|订|下单|购|拿|整")
_COUNTED = re.compile(r"[\d一二两三四五六七八九十几]+[张份个]")
_ASKS = re.compile(r"有没有|有没|有吗|有卖|有售|卖不卖|卖吗|卖不|有不")
# The shop's own discounts (有优惠券吗, 领券): a question about this shop, not another's voucher.
_OWN_COUPON = re.compile(r"优惠券|折扣券|满减券|无门槛券|领券|红包")


def another_card(text: str, words: Mapping[str, int], product_words: list[str]) -> bool:
    """Somebody else's card, voucher or credit is what the message is about: no product word stands outside its
    name (月饼券, not 两袋大米 用购物卡付), it is no card sold as goods (SD卡, 卡牌) and no coupon of this shop's."""
    named = other_cards.other_card(text, words) or (
        VALUE.search(text) is not None and not other_cards.love_card_said(text, words))
    return named and not other_cards.goods_beside(text, product_words) and not other_cards.goods_card(text) \
        and _OWN_COUPON.search(text) is None


def action(text: str, name: str) -> str:
    """The intent of a message about another's card (see the module): `text` is the compact message, `name` the card
    as said, left out when the words are read (好利来蛋糕卡 holds 来, 家乐福购物卡 holds 购: no buying words there)."""
    credit = "话费" in text
    text = text.replace(name, "", 1).replace("购物", "")
    if _USE_HERE.search(text):
        return "ask_info"
    if _PRICE.search(text):
        return "ask_price"
    if credit and re.search(r"交|缴", text):
        return ""  # 帮我交话费: an errand (bot.honesty), not credit bought
    if _ASKS.search(text) and not _COUNTED.search(text):
        return "search"  # 有没有家乐福购物卡; 有吗 来两张 is bought
    if _BUY.search(text) or (credit and "充" in text):
        return "order"
    if _ASKS.search(text) or named_alone(text):
        return "search"  # 京东E卡, 加油卡 中石化: the card named alone is asked for, a thing the shop does not have
    return "fallback"  # talked about (银行卡怎么绑定, 购物卡回收吗): the short honest answer


# What one asks or does of a card one holds (京东卡余额, 会员卡积分, 公交卡充值, 会员卡怎么办): no card asked for.
# (jieba tags 充值 and 怎么办 as nouns, so these are read as words, not by their part of speech)
_HELD = re.compile(r"余额|积分|密码|卡号|账号|额度|有效期|过期|充|办|转让|转卖|回收|绑|解|挂失|激活|注销|冻结|退|查|"
                   r"怎|如何|什么|啥|吗|呢|能|可以|会|要|用|刷|丢|坏")


def named_alone(rest: str) -> bool:
    """Nothing but nouns (an issuer, a kind, another card: 中石化, 王者荣耀 点券, 月卡) and amounts stands beside the
    card's name (`rest`: the message without it): no verb (充值, 转让, 绑定), question word or particle."""
    return not _HELD.search(rest) and noun_words(rest)


# The card or voucher as said: a run of the message up to its 卡, 券 or credit word (turns.honest trims the rest).
NAMED = re.compile(rf"[\u4e00-\u9fffa-z0-9]*?(?:卡|券|购物金|消费金|话费|{_MEMBERSHIP})")
