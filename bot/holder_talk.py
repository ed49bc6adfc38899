"""What shoppers say about an order they placed and the draft they are building, in everyday words: paying
"that order" (刚下的那单帮我把钱付了, 那单用爱心卡扣, 单子的钱怎么交啊, 卡上的钱够付那单吗 不够的用微信),
cancelling it with a reason or a count (订单撤了吧 收货人写错了, 重复下单了 撤掉一单, 刚才那单不要了 下错了), and
dropping the draft that was never placed (不下了不下了, 还没下呢 撤了吧).

A second reading (bot/second_readings.py): a message already read is read again for these shapes, and only its intent
changes. The pay verbs here are said of an order referred to (那单, 订单, 单子, 那笔): 扣 / 抵 / 交 / 付 alone say
nothing of paying (打折扣, 抵达, 交货), nor does 付 in a question whether it was paid (那单付了吗: its status).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import pay_ways
from bot.other_cards import OTHER_CARDS
from bot.phrasing import drops_the_order

if TYPE_CHECKING:
    from bot.understanding import Understanding

# An order referred to (那单, 这一单, 订单, 单子, 那笔, 刚下的单, 那个单): not 下单, 买单, 单价, 菜单, 清单.
ORDER_REF = re.compile(r"订单|单子|[那这该刚的个笔张]单(?![价位独纯身品元词据])|[那这]一单|[那这]笔|(?<![再下来])一单")
# Paying said with other verbs than 支付: 把钱付了, 用卡扣, 用礼品卡抵, 钱怎么交, 结一下. Not 货到付款 / 付款方式
# (ways of paying asked), 折扣, 扣了我两次 (a charge complained of), 抵达.
_PAYS = re.compile(r"(?<![货到])付(?!款方式|费方式)|(?<![折打])扣(?![了除错肉子])|(?<!多)抵(?!达|押)|钱\S{0,4}交"
                   r"|交(?:钱|款|费)|结(?:账|算|一下|掉|了)")
# Whether it was paid, asked (那单付了吗, 付没付, 扣款了没): the order's status, not a payment.
_PAID_ASKED = re.compile(r"[付扣](?:了|过|款了)(?:吗|没|么|嘛)|付没付|有没有付|付了没|扣没扣|[付扣]成功了吗")
# Paying told, with what or by 把 (用卡里的钱把单子付了嘛): the 了嘛 at its end asks nothing.
_TOLD = re.compile(r"把|用")
_REFUND = re.compile(r"退款|退货|退钱|退回|退给|多扣|扣多|扣错|重复扣|扣了两|能退|可以退|退吗|退不退")
# Another's value offered for it (那单能用优惠券抵吗): answered as other cards and coupons are, nothing paid.
_COUPON = re.compile(r"券|积分|红包")
# Undoing an order: 撤, 不要了, 取消, 作废, 删掉, 退掉 (not 退款: after-sales).
_UNDO = re.compile(r"撤|不要了|不要啦|别要了|取消|作废|删掉|删了|删除|退掉|不想要了|不买了")
# An order said placed wrongly or twice (下错了, 拍错了, 重复下单了, 多下了一单): one already placed.
_WRONGLY = re.compile(r"[下拍买点订]错|重复(?:下单|下了|拍|买|提交)|下重了|多下了|多拍了|下了两[单次遍]|拍了两[单次遍]")
# Orders placed twice (下了两单重复了, 重复下单了, 多拍了一单): never the draft, which is one.
_TWICE = re.compile(r"重复(?:下单|下了|拍|买|提交)|下重了|多下了|多拍了|[下拍]了(?:两|二|俩|2)[单次遍]")
# This order (这单, 这一单): the one under way as much as one placed; emptying (清空) is only ever the draft.
_THIS_ONE = re.compile(r"这一?单")
_EMPTIES = re.compile(r"清空|清掉|全清|清除")
# An order waiting to be paid (还没付款呢 取消吧, 钱还没给): one placed.
_UNPAID = re.compile(r"还没付|没付款|未付款|待付款|没付钱|钱还?没[给交]|还?没[给交]钱")
# 退 said of an order not paid (那个订单给我退了嘛，还没付钱的): nothing to refund, the order is undone.
_SENT_BACK = re.compile(r"退(?:了|掉|吧|喽|咯)")
# Not placed yet (还没下呢, 别下了, 先不下单, 没提交): the draft under way, never an order placed.
_NOT_PLACED = re.compile(r"还没下|没下呢|没下单|别下|不下了|不下单|先不下|别提交|不提交|没提交")


def revise(u: Understanding) -> None:
    """Pay or cancel an order placed, or drop the draft, said in everyday words (see the module)."""
    text = u.text
    if not text or (u.order_no is None and bool(u.product_words) and _names_goods_only(u)):
        return
    if _drops_draft(text):
        u.intent = "cancel"  # 不下了不下了 / 还没下呢 撤了吧: the draft under way, nothing placed
        return
    if _cancels_placed(text):  # 重复下单了 撤掉一单: 一单 is no count
        if u.intent != "cancel" or _TWICE.search(text) or _UNPAID.search(text):  # 取消订单 with a draft under way
            u.intent = "cancel_order"  # drops it (placing.cancel decides); 下了两单重复了 取消一个,
            # 那单别要了 钱还没给: only orders placed are placed twice or left unpaid
        u.quantity, u.quantities = None, []
        return
    if _pays(text):
        u.intent, u.unrelated = "pay_order", ""  # 我那笔订单用礼品卡抵: the shopper's own card, named loosely
    elif u.intent == "pay_order" and ORDER_REF.search(text) and _PAID_ASKED.search(text) \
            and _TOLD.search(text) is None:  # 用卡里的钱把单子付了嘛: told to pay, 嘛 only softens it
        u.intent = "order_status"  # 那单付了吗 / 订单扣款了没: whether it was paid, asked; nothing is paid


def _names_goods_only(u: Understanding) -> bool:
    """A product named and not said placed wrongly (苹果不要了, 那单的苹果不要了): a line of the draft, read as before;
    我买的鸡蛋下错了 撤了吧 is the order."""
    return _WRONGLY.search(u.text) is None


def _drops_draft(text: str) -> bool:
    """不下了不下了 (a drop said twice), 还没下呢 撤了吧 / 没下单呢 不要了 (not placed, then undone)."""
    return _said_again(text) or (_NOT_PLACED.search(text) is not None and (
        _UNDO.search(text) is not None or "算了" in text))  # 还没下 算了


def _said_again(text: str) -> bool:
    """The message is one drop of the order said two or three times over (不下了不下了, 不要了不要了不要了)."""
    for size in range(2, len(text) // 2 + 1):
        piece, times = text[:size], len(text) // size
        if times >= 2 and piece * times == text and (drops_the_order(piece) or piece in ("不要了", "算了", "不买了")):
            return True
    return False


def _cancels_placed(text: str) -> bool:
    """订单撤了吧 收货人写错了 / 重复下单了 撤掉一单 / 刚才那单不要了 下错了: an order referred to (or said placed
    wrongly), undone; not a refund (那单能退款吗) and not a draft never placed."""
    said = _THIS_ONE.sub("", text)  # 这单不要了 may be the draft: read in its context (bot/turns/placing.cancel)
    referred = any(p.search(t) is not None for p, t in ((ORDER_REF, said), (_WRONGLY, text), (_UNPAID, text)))
    undone = (_UNDO.search(text) is not None or (_UNPAID.search(text) is not None and _SENT_BACK.search(text)
                                                  is not None)) and _EMPTIES.search(text) is None
    return referred and undone and _REFUND.search(text) is None and _NOT_PLACED.search(text) is None


def _pays(text: str) -> bool:
    """刚下的那单帮我把钱付了 / 那单用爱心卡扣 / 单子的钱怎么交啊 / 卡上的钱够付那单吗 不够的用微信: an order referred
    to and paid. A way of paying asked with no card (那单能货到付款吗) stays that question; another shop's card or a
    coupon (那单用京东卡付, 那单能用优惠券抵吗) stays what it was."""
    if ORDER_REF.search(text) is None or _PAYS.search(text) is None or _PAID_ASKED.search(text) is not None:
        return False
    if any(p.search(text) is not None for p in (_REFUND, OTHER_CARDS, _UNDO, _COUPON)):
        return False
    return "卡" in text or not pay_ways.asked(text)
