"""How the shop itself works, asked of no product: a payment that failed or seems lost, the shop's hours, where the
shop is, a delivery on a chosen day, the address of an order already paid, and a bare "在？" or "帮帮我".

These got 抱歉，我没太明白 (付款失败 怎么回事, 你们几点上班, 你们公司在哪), a search of their words (营业时间,
你们有实体店吗, 帮帮我), or worse: 钱扣了订单还是待付款 was read as paying, and a shopper with a pending order and
a love card would have had the card charged. Now:

* A payment in trouble (付款失败, 付不了款, 支付一直不成功, 微信付款一直转圈, 已经付款了 怎么显示未支付) is
  `pay_order` answered with what happens to the order and how to pay again (bot/holder_actions.py), never a
  payment.
* The hours (营业时间, 几点上班), where the shop is (你们公司在哪, 有实体店吗), a delivery on a chosen day
  (能指定日期送达吗, 能周末送吗, 可以约时间送货吗) and whether a paid order's address can still change (能改地址吗
  已经付款了) are `ask_info` answered from what the shop does; the last is `change_address`, as the shopper's next
  words are the new address. 能改地址吗 alone (地址还能换吗) is `change_address` too: yes, the new address asked for
  (for the draft, or to keep for the next orders).
* 在？ / 在 / 在线吗 alone greet; 帮帮我 alone asks for help.

Not these: 付款 用微信 (a way of paying told), 用卡支付 (a payment), 几点发货 (the shipping answer),
静宁苹果在哪产 (a product's origin), 地址改成… (a change with the new address)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.addressing import AddressPart
from bot.life_matters import LIFE

if TYPE_CHECKING:
    from bot.understanding import Understanding

_PAYING = r"(?:付款|付钱|支付|付账|结账|买单|微信支付|微信付款|付)"
_FAILED = r"(?:失败|不了|不成功|没成功|没有成功|出错|报错|错误|异常|一直转圈|转圈|卡住|卡了|没反应|不上|不进去|不出去)"
_TROUBLE = re.compile(
    rf"{_PAYING}\S{{0,3}}?{_FAILED}|(?:付|支付)不(?:了|成|上)|(?:为什么|为啥|怎么)(?:付|支付)不|"
    rf"(?:页面|小程序|屏幕)\S{{0,3}}(?:卡|转圈|白屏)\S{{0,4}}{_PAYING}")
# Paid, but the order does not show it: 已经付款了 怎么显示未支付, 钱扣了订单还是待付款, 付了钱没到账.
_PAID = (r"(?:已经付款|已付款|付过了|付过钱|付了钱|钱付了|付款了|已经付了|已经支付|支付了|钱扣了|扣了钱|扣款了"
         r"|扣钱了|被扣了)")
_UNSHOWN = (r"(?:未支付|未付款|没支付|待付款|待支付|没付款|没有付款|没到账|没显示|不显示|还是没付|显示没付|让我再付"
            r"|又让我付)")
_LOST = re.compile(rf"{_PAID}\S{{0,10}}?{_UNSHOWN}|{_UNSHOWN}\S{{0,6}}?{_PAID}")

_HOURS = re.compile(r"营业时间|几点(?:上班|下班|开门|关门|营业|打烊)|上班时间|下班时间"
                    r"|(?:晚上|半夜|夜里|周末|节假日|过年)\S{0,3}(?:能|可以)?(?:下单|买|营业|上班)(?:吗|不|么)"
                    r"|24小时\S{0,3}(?:营业|在线|下单)|客服\S{0,2}几点")
_WHERE = re.compile(r"(?:你们|您们|贵)(?:公司|店|商城|平台|单位)?(?:在哪|在什么地方|地址是|是哪里的?(?:公司|店|平台)?)"
                    r"|(?:实体店|线下店|门店|线下(?:有)?(?:店|柜台)|专柜)\S{0,3}(?:在哪|有吗|有没有|吗)"
                    r"|有(?:没有)?(?:实体店|线下店|门店)|公司(?:地址|在哪)")
_ON_A_DAY = re.compile(r"指定\S{0,2}(?:日期|时间|日子|哪天)|(?:约|预约)\S{0,2}时间|(?:定时|准时)(?:送|到|达)"
                       r"|(?:周末|周六|周日|星期[六天日]|晚上|上午|下午|节假日)(?:能|可以)?(?:送|送货|配送|派送)(?:吗|不|么)"
                       r"|(?:能|可以)(?:在)?(?:几号|哪天|某天)(?:送|到)")
_ADDRESS_PAID = re.compile(r"(?:还)?(?:能不能|可不可以|能否|能|可以)(?:修?改|换)\S{0,2}地址"
                           r"|地址\S{0,4}(?:能|可以|还能)(?:修?改|换)")
_PAID_WORDS = re.compile(r"付款|付了|支付|下单|下了单|买了|发货|订单\S{0,3}下了")  # 订单已经下了
# 能改地址吗 / 收货地址还能换吗 alone: yes, the new address asked for (it was 没太明白)
_ADDRESS_MAY = re.compile(rf"(?:请问|问下|那个)?我?的?(?:收货)?(?:{_ADDRESS_PAID.pattern})"
                          r"(?:一下|下)?(?:吗|么|不|嘛|呢)?[?？。.!！]*")
_GREET_ALONE = re.compile(r"^(?:在|在线|在线吗|在线么|在呢|在嘛|在吧|你在|您在)[?？!！。.~～]*$")
_HELP_ALONE = re.compile(r"^(?:帮帮我|帮帮忙|帮个忙|求助|求帮忙|救救我|help me)[吧啊呀!！。.~～]*$", re.IGNORECASE)

PAID_NOT_SHOWN = ("付款成功后，微信支付的结果一般几秒到一两分钟内到账，订单就会变成“已付款”，请稍后刷新「我的订单」。"
                  "如果钱扣了、订单却已超时关闭，这笔钱会记在那一单上原路退回，不会丢。")
HOURS = "网上随时可以下单，我24小时都在；付款后由供货商家发货，一般48小时内发出。"
WHERE = ("这是消费扶贫的线上商城，没有自己的门店：商品由各贫困县的供货商家从产地直接发货。"
         "线下可以到消费扶贫专柜、专馆、"
         "专区买认定扶贫产品，用爱心卡出示付款码付款。")
ON_A_DAY = ("不能指定送达的日期或时间：商品由各地供货商家直接发货，一般付款后48小时内发出，大部分地区3到5天送到。"
            "要在某天前收到，请提前一周左右下单。")
ADDRESS_PAID = ("还没发货的订单可以改地址：把新的收货地址、收件人和手机号用一句话发给我（比如“刚才那单改寄到+地址”），"
                "我帮您改；已经发货的改不了，请联系快递或商家。")


def trouble(text: str) -> str:
    """"lost" for a payment made that the order does not show, "failed" for one that did not go through, else ""."""
    if _LOST.search(text):
        return "lost"
    return "failed" if _TROUBLE.search(text) else ""


def failed_answer(minutes: int) -> str:
    """A payment that did not go through: the order waits, and how to pay it again."""
    return (f"付款没成功的话，订单还在「我的订单」里待付款（下单后{minutes}分钟内有效，过时自动取消、库存退回）："
            "可以重新点“微信支付”，网络不好时换个网络或稍后再试；也可以在这里说“用卡支付”，用爱心卡付。")


def asked(text: str) -> str:
    """Which question of the module (see there): "hours", "where", "on_a_day", "address_paid", "address_may" or ""."""
    if _HOURS.search(text):
        return "hours"
    if _WHERE.search(text):
        return "where"
    if _ON_A_DAY.search(text):
        return "on_a_day"
    if _ADDRESS_PAID.search(text) and _PAID_WORDS.search(text):
        return "address_paid"
    return "address_may" if _ADDRESS_MAY.fullmatch(text) else ""


def answer(text: str) -> str:
    """The answer to a question of the module, or "" when the message asks none."""
    return {"hours": HOURS, "where": WHERE, "on_a_day": ON_A_DAY, "address_paid": ADDRESS_PAID}.get(asked(text), "")


# Places whose hours or whereabouts are not the shop's (招商银行网点几点关门, 邮局几点下班).
_OTHERS_HOURS = re.compile(r"银行|网点|营业厅|邮局|医院|药店|派出所|车管所")


def revise(u: Understanding) -> None:
    """The readings of the module (see there); any other message is left as it was read."""
    text = u.text.replace(" ", "")
    if u.address is not None or u.order_no or (u.quantities and not trouble(text)) or u.unrelated in LIFE:
        return  # 彩票店几点关门: the lottery shop's hours (bot.life_matters), never ours
    if _GREET_ALONE.match(text):
        intent = "greet"
    elif _HELP_ALONE.match(text):
        intent = "help"
    elif trouble(text):
        intent = "pay_order"
    elif asked(text) and not u.product_words and not _OTHERS_HOURS.search(text):  # 招商银行网点几点关门: a bank's
        intent = "change_address" if asked(text).startswith("address") else "ask_info"
    else:
        return
    u.intent, u.product_text, u.foreign, u.instead, u.generic, u.origin = intent, "", "", "", False, None
    u.unrelated, u.quantity, u.quantities, u.money_yuan = "", None, [], None
    if intent == "change_address":  # the new address asked for, as after 换个收货地址 (bot/turns/address.py)
        u.address = AddressPart(line="", change=True)
