"""Everyday lines whose intent is plain to a person though their words look like shopping (a twentieth round's kinds).

* How buying here works, asked of the place or the way (怎么在这里下单, 请问在哪里下单, 在你这咋买东西啊, 这上面怎么
  购买): `help`. Only the way, the place and filler are said: 怎么买苹果 names goods and stays what it was. Who
  speaks and for whom the goods are may be said (我是团长，怎么帮邻居们一起下单？, 怎么拼单).
* A way of paying told, not asked (用微信付款, 微信支付, 支付宝付): `pay_order` — the order waiting is paid there, and
  the reply says where (「我的订单」). Asked (可以用微信支付吗) it stays the question of bot/pay_ways.py.
* Dropping the draft, then a thought (先不下了，我再想想 / 不买了 回头再说): `cancel`, the thought defers, it asks
  nothing.
* Advice for a use (食堂用的米哪种划算, 学校用的油买哪个好, 饭店用的辣椒哪个实惠): `recommend`, whoever uses it
  (食堂, 学校) naming no goods; 大米5kg和10kg哪个划算 (two sizes weighed, no use said) is left to bot/talk_kinds.py.

A second reading (bot/second_readings.py): each rule changes only a message that is nothing else.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import pay_ways
from bot.phrasing import drops_the_order

if TYPE_CHECKING:
    from bot.understanding import Understanding

# Where: this shop, this app, this page (在这里, 这上面, 你们这儿, 平台上, 小程序上); said before or after the how.
_PLACE = (r"(?:(?:在|从|到|去)?(?:这里|这儿|这边|这上面|这上头|这个上面|这个平台|这个|这|你这里|你这儿|你这|你们这里"
          r"|你们这儿|你们这|你们|你家|咱这|咱们这|平台|app|小程序|网上|线上|手机|微信)(?:上面|上|里|里面)?)")
_HOW = r"(?:怎么样?|咋样?|如何|怎样|该怎么|要怎么|得怎么|在哪里?|在哪儿|哪里|哪儿|去哪里?|从哪里?)"
_VERB = r"(?:下单|下订单|下个单|买东西|买点东西|购买|买|订购|订东西|点单|购物)"
_FILLER = r"(?:请问|问下|问一下|想问下|想问一下|我想问下|我想问一下|那个|我想|我要|我|你好|您好|老板|亲)"
# Who speaks (我是团长) and for whom the buying is (帮邻居们一起, 给大家统一): a group's order, asked how it is placed.
_WHO_SPEAKS = r"(?:(?:我|我们|俺)是[\u4e00-\u9fff]{1,6}?[，,\s]*)"
_FOR_OTHERS = r"(?:(?:帮|替|给|和|跟)[\u4e00-\u9fff]{1,6}?(?:一起|一块儿?|统一|集体|一次性)|一起|统一|集体)"
_WAY_TO_BUY = re.compile(rf"^{_WHO_SPEAKS}?{_FILLER}*{_PLACE}?{_HOW}(?:才能|能|可以|来|去|才)?{_PLACE}?"
                         rf"(?:才能|能|可以)?{_FOR_OTHERS}?(?:才能|能|可以)?(?:{_VERB}|拼单|拼团|团购)"
                         r"(?:东西|商品|产品)?(?:呀|啊|呢|吗|嘛|哦|啦|的)*$", re.IGNORECASE)
# A thought that puts the choice off (我再想想, 再考虑考虑, 回头再说, 过两天再买): no request of its own.
_DEFERS = re.compile(r"^(?:我|那我|让我|容我)?(?:再|先|还得|得|要)?(?:想想|想一想|想一下|考虑|考虑考虑|考虑一下"
                     r"|琢磨琢磨|琢磨一下|商量商量|商量一下|问问家里|问问家里人|看看)(?:再说)?(?:吧|了|啊|哈|哦)*$"
                     r"|^(?:回头|以后|改天|过两天|下次|晚点|明天|有空)再(?:说|买|来|看|下单)(?:吧|了|啊|哈)*$")
_DROP_WORDS = ("不买了", "不要了", "不下了", "算了", "不买啦", "不要啦", "先不买", "先不要", "先不下")
# Whoever uses the goods said with 用的 / 吃的 (食堂用的, 学校用的, 饭店用的, 单位食堂吃的), then which is worth it.
_FOR_USE = re.compile(r"^\s*(?:请问|问下|我们|我|给)?(?P<user>[\u4e00-\u9fff]{1,6}?)(?:用|吃|喝|做饭用|炒菜用)的\s*"
                      r"(?P<kind>[\u4e00-\u9fff]{1,6}?)\s*(?:买|选|要|用)?(?:哪种|哪个|哪款|哪样|哪家|什么|啥)(?:的)?"
                      r"(?:比较|更|最)?(?:划算|实惠|好|合适|便宜|值|耐用|好用|省钱)(?:点|些|一些)?[呀啊呢吗哦？?]*\s*$")


def used_by(message: str) -> str | None:
    """食堂用的米哪种划算 → 推荐米: advice asked on the kind, without whoever uses it (食堂, 学校 name no goods and
    glue to none; 哪种划算 is how advice is asked); None when the message is not of that form."""
    m = _FOR_USE.match(message)
    return None if m is None else f"推荐{m.group('kind')}"  # 推荐热水壶: 「热水壶」 alone when it is not sold


def advised(u: Understanding) -> Understanding:
    """The kind read without its user, as advice asked (食堂用的米哪种划算 → rice recommended)."""
    if u.intent in ("search", "order", "fallback", "ask_price", "recommend") and u.quantity is None:
        u.intent, u.foreign, u.unrelated = "recommend", "", ""
    return u


def revise(u: Understanding) -> None:
    """The kinds in the module (see there); a message none of them fits is left as it was read."""
    text = u.text
    if not text or u.address is not None or u.order_no:
        return
    if not u.product_words and u.quantity is None and _WAY_TO_BUY.match(text):
        u.intent, u.product_text, u.foreign, u.instead, u.generic, u.origin = "help", "", "", "", False, None
        u.unrelated = ""
    elif pay_ways.told(text) and not u.product_words and u.quantity is None and "卡" not in text \
            and u.unrelated != "service":  # 我想分期付款买车: a loan asked (bot.money_services), no order paid
        u.intent, u.product_text, u.foreign, u.instead, u.generic, u.origin = "pay_order", "", "", "", False, None
        u.unrelated = ""
    elif drops_then_defers(u.spaced):
        u.intent = "cancel"


def drops_then_defers(spaced: str) -> bool:
    """先不下了 我再想想 / 算了不买了 回头再说: one clause drops the order, every other only puts the choice off."""
    clauses = [c for c in spaced.split() if c]
    if len(clauses) < 2:
        return False
    dropped = [c for c in clauses if drops_the_order(c) or c.rstrip("吧啊哈") in _DROP_WORDS]
    return bool(dropped) and all(c in dropped or _DEFERS.match(c) for c in clauses)


# How advice is asked and for whom (推荐个, 推荐一款, 适合老人用的, 给小孩玩的): no part of the thing's name.
_ADVICE_LEAD = re.compile(r"(?:帮我|给我)?(?:推荐|介绍)(?:一下|下)?(?:个|一个|一款|款|几个|几款|点|一些)?"
                          r"|(?:适合|给)[\u4e00-\u9fff]{1,5}?(?:用|吃|喝|穿|戴|玩)?的")


def without_advice_lead(spaced: str) -> str:
    """推荐个适合老人用的按摩仪 → 按摩仪: the thing not sold echoed alone in 没有找到「…」."""
    return _ADVICE_LEAD.sub(" ", spaced)

