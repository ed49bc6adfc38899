"""Questions of love-card holders and bulk buyers that buy nothing, and goods bought with a card held.

* Goods bought with a card (用卡买两盒猕猴桃, 拿爱心卡买一袋大米): an order of the goods (paid by card later), never the
  purchase of a card: 卡 is the means, the goods are what is bought.
* Questions about cards that buy nothing (有没有300的卡, 卡怎么送给别人, 买了50张卡能开发票吗, 卡买了能退吗): `ask_info`
  answered from the rules; only 买/来/要 + a count or face value, said as a request, buys cards.
* Bulk buyers: how to pay (能对公转账吗, 不用微信支付行不行) → `ask_info`; a wholesale price (买100箱苹果有批发价吗,
  量大能便宜吗) → `ask_price` of what they named, nothing drafted; enough stock for N (要300罐茶叶有这么多货吗) →
  `ask_info` (the stock answered).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import card_rules, card_where, numerals, order_rules, pay_ways
from bot.replies import yuan

if TYPE_CHECKING:
    from bot.understanding import Understanding

# The card held as the means of buying goods: 用卡买, 拿爱心卡买, 用我的卡下单, 用卡里的钱买.
_BY_CARD = re.compile(r"(?:用|拿|使用)(?:我的|这张|那张|我)?(?:爱心)?卡(?:里的钱|里的余额|里)?(?:来)?(?:买|下单|订|换)")
# A question said (吗, 呢, 怎么, 能不能 …): a request to buy cards is no question.
_QUESTION = re.compile(r"吗|嘛|么|呢|\?|？|怎么|如何|咋|能不能|可不可以|可以不|行不行|是否|能否|可否"
                       r"|(?:能|可以)(?:开|退|送|转)")
_GIVE = re.compile(r"送给|送人|转给|转赠|转送|给别人|给朋友|给家人")
_INVOICE = re.compile(r"发票|开票|报销|税号|专票|普票")
_REFUND = re.compile(r"退(?!休)|退款|退钱|退掉")
# 有没有300的卡 / 300的卡有吗 / 有300面值的卡吗: whether a face value is issued.
# A face value in digits or in words with 十, 百 or 千 (300, 三百, 一千): a card's face is never a single figure.
_N = r"(?:\d+|[一二两三四五六七八九]?[十百千][零一二两三四五六七八九十百千]*)"
_FACE_ASKED = re.compile(rf"(?:有没有|有无|有)(?P<a>{_N})(?:元|块)?(?:面值)?的?(?:爱心)?卡"
                         rf"|(?P<b>{_N})(?:元|块)?(?:面值)?的?(?:爱心)?卡(?:有吗|有没有|有不|有么)"
                         # the card said first (爱心卡有没有300的, 卡面值有三百的吗, 爱心卡300的有吗)
                         rf"|卡(?:的?面值)?(?:有没有|有无|有)(?P<c>{_N})(?:元|块)?(?:面值)?的"
                         rf"|卡(?:的?面值)?(?P<d>{_N})(?:元|块)?(?:面值)?的?(?:有吗|有没有|有不|有么)")
# The face values listed, asked (有哪些面值, 面值有几种, 多少面值的), and a buying verb (我想买, 买点爱心卡) or 要 / 来
# on the card (要张卡): a reason said before the question (公司要给员工发福利 爱心卡有哪些面值) buys nothing, its 要 is
# no purchase.
_FACES_LISTED = re.compile(r"(?:哪些|哪几种|几种|什么|多少|啥)(?:样的)?面[值额]"
                           r"|面[值额](?:都|一共|总共)?(?:有|是|分)(?:哪些|哪几种|几种|什么|多少|啥)")
_CARD_BOUGHT = re.compile(r"买|购|订|办(?!公)|(?:来|要|拿)(?:点|些|一些|几张|张|一张|份)?(?:爱心|扶贫)?卡")
# Paying another way than WeChat Pay (对公转账, 银行转账, 不用微信, 支付宝, 汇款, 月结): the shop's answer.
_PAY_WAY = re.compile(r"对公|转账|汇款|打款|银行卡支付|支付宝|月结|账期|货到付款|不用微信|不走微信|除了微信|不是微信"
                      r"|没有微信|现金")
# A wholesale price asked (批发价, 量大能便宜, 买得多有优惠): a price question, nothing drafted. A plain 能便宜点吗
# is bargaining over what is shown; only with a count said (买50箱脐橙能便宜点吗) is it a price for the quantity.
_WHOLESALE = re.compile(r"批发|量大|大量|买得多|买的多|多买|团购价|出厂价")
_CHEAPER = re.compile(r"优惠|打折|折扣|能便宜|便宜点|便宜些")
_PRICE_WORDS = re.compile(r"批发价?|量大|大量|买得多|买的多|多买|团购价|优惠价|出厂价|能便宜|便宜点|便宜些|有|吗|么"
                          r"|能|可以|不|给")
# Whether the stock holds the count asked (有这么多货吗, 货够吗, 库存够不够).
_ENOUGH = re.compile(r"(?:这么多|那么多|这些|够)(?:的)?货|货(?:够|足)|库存够|够不够|能供|供得上|备得够"
                     r"|有这么多|有那么多")

# Asked to put a choice together (帮我配点, 帮我选点, 搭配一下): advice, whatever budget or task is said
# with it; the words said beside it are no goods to look up.
ASSEMBLE = ("帮我配", "帮我选", "帮忙配", "帮忙选", "给我配", "给我选", "配点", "选点", "配一些", "选一些", "搭配一下",
            "帮我挑", "挑几样",
            "帮我搭配")
INVOICE = "买爱心卡可以开发票：付款后在「我的订单」里找到这笔爱心卡订单，联系平台客服开具（个人或单位抬头都可以）。"
REFUND = ("爱心卡买了之后不能在这里退，卡里的钱也不能提现；确有特殊情况请联系平台客服，由管理员核实处理。"
          "还没付款的爱心卡订单可以直接取消。")
# Doubt about the programme itself (是真的吗, 是不是贫困户种的, 靠谱吗) when no product is named.
_DOUBT = re.compile(r"真的|假的|真假|靠谱|骗人|忽悠|贫困户(?:种|养|做|产)|农户(?:种|养)|真是扶贫|真扶贫")
PROGRAMME = ("店里每一款都是认定的扶贫产品：供货商家申请，县里审核、市里复核、省里认定并发证书，"
             "每款商品都有认定证书编号和有效期，写明产地和带动的脱贫户数。说一下商品名（比如“静宁苹果是扶贫产品吗”），"
             "我把它的证书和产地告诉您。")
PAY_WAYS = ("在线下单目前只能用微信支付，或用已领取的消费扶贫爱心卡付款，不支持对公转账、银行转账或货到付款。"
            "单位大批量采购请联系平台客服。")


def paid_by_card(u: Understanding) -> bool:
    """用卡买两盒猕猴桃: goods named after the card held as the means; an order, not a card purchase."""
    return bool(_BY_CARD.search(u.text)) and u.about_products


def card_question(text: str) -> bool:
    """A question about love cards that buys none (giving, invoice, refund, a face value issued)."""
    if "卡" not in text:
        return False
    if card_where.asked(text):  # 爱心卡在哪买: asked, not bought
        return True
    if _FACE_ASKED.search(text) and not re.search(r"[来要买]", text):
        return True
    return bool(_QUESTION.search(text)) and bool(_GIVE.search(text) or _INVOICE.search(text)
                                                 or _REFUND.search(text))


def pay_way_asked(text: str) -> bool:
    """能对公转账吗 / 不用微信支付行不行 / 我要对公转账 (a way to pay wanted is asked as much): how to pay."""
    return bool(_PAY_WAY.search(text)) and bool(_QUESTION.search(text) or re.search(r"行不|可以|能|要|想|用|走", text))


def doubted(text: str) -> bool:
    """扶贫产品是真的吗 是不是贫困户种的: whether the programme is genuine."""
    return bool(_DOUBT.search(text)) and bool(re.search(r"扶贫|贫困|帮扶|脱贫", text))


def wholesale_asked(text: str, counted: bool) -> bool:
    bulk = bool(_WHOLESALE.search(text)) or (counted and bool(_CHEAPER.search(text)))
    return bulk and bool(_QUESTION.search(text))


def enough_asked(text: str) -> bool:
    return bool(_ENOUGH.search(text))


def answer(text: str, faces_fen: tuple[int, ...]) -> str:
    """The answer to a card holder's or a bulk buyer's question, or "" when it is none of them."""
    faces = "、".join(yuan(f) for f in faces_fen)
    if order_rules.asked(text):  # 下了单还能取消吗: the rule, nothing cancelled
        return order_rules.ANSWER
    if pay_ways.asked(text) and not pay_way_asked(text):  # 能刷信用卡吗 / 可以用微信支付吗: the two ways there are
        return pay_ways.answer(text)
    if "卡" in text and card_question(text):
        if card_where.asked(text):
            return card_where.answer(faces)
        face = _FACE_ASKED.search(text)
        if face is not None:
            said = next(g for g in face.groups() if g)  # 300 or 三百, wherever the card was said
            value = int(numerals.to_number(said) or 0)
            if value * 100 in faces_fen:
                return f"有{value}元的爱心卡。面值有{faces}，说“买一张{value}元的爱心卡”就能下单。"
            return f"爱心卡没有{value}元的面值，可选{faces}。"
        if _GIVE.search(text):
            return card_rules.GIVING + card_rules.CARD_RULES
        if _INVOICE.search(text):
            return INVOICE
        return REFUND
    if pay_way_asked(text):
        return PAY_WAYS
    return ""


def revise(u: Understanding) -> None:
    """The intent of a holder's or a bulk buyer's message, once the cues have been read (see the module)."""
    text = u.text
    if u.intent == "recommend" and not u.about_products and any(w in text for w in ASSEMBLE):
        u.product_text = ""  # 预算每份200左右，送客户，帮我配点: the budget and the task are no goods
        return
    if u.intent in ("buy_card", "card_balance") and paid_by_card(u):  # 用我的卡买2袋大米: not the card's balance
        u.intent = "order"
        u.cues.discard("card")
        u.money_yuan, u.card_count = None, None
        return
    if u.intent in ("buy_card", "card_balance", "search", "order", "fallback", "cancel") and card_question(text):
        # 爱心卡买了不想要了可以退吗: a question about refunds, nothing cancelled
        u.intent, u.money_yuan, u.card_count, u.quantity, u.quantities = "ask_info", None, None, None, []
        u.product_words, u.product_text, u.generic, u.origin = [], "", False, None
        return
    if u.intent == "buy_card" and u.money_yuan is None and u.card_count is None and _FACES_LISTED.search(text) \
            and not _CARD_BOUGHT.search(text):
        u.intent = "ask_info"  # 公司要给员工发福利 你们爱心卡有哪些面值: the faces answered, no purchase started
        return
    if u.intent in ("search", "fallback", "ask_price") and pay_way_asked(text) and not u.about_products:
        u.intent, u.product_text = "ask_info", ""
        return
    if enough_asked(text) and u.intent in ("order", "search", "ask_price"):
        u.intent = "ask_info"  # 要200箱 有这么多货吗: nothing ordered; the stock answer weighs the 200
        return
    if wholesale_asked(text, u.quantity is not None) and u.intent in ("order", "search", "ask_price", "fallback"):
        u.intent = "ask_price"  # the count said stays: 买50箱能给批发价吗 is priced for 50 boxes
        u.product_text = " ".join(w for w in (_PRICE_WORDS.sub(" ", p) for p in u.product_text.split())
                              if w.strip() not in ("", "量"))  # 量大能便宜吗: 量 is of 量大
