"""The questions a shop assistant answers, grounded in the data: is it certified, is it in stock, shipping,
invoices, refunds and after-sales, love-card face values; recommendations; and the holder's own actions
(claim a card, pay or cancel a placed order). Cue words here; the answers in `answer_info`."""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from bot import (
    card_holding,
    card_rules,
    claim_after_code,
    delivery_asked,
    holder_questions,
    keeping,
    product_facts,
    question_kinds,
    selling_here,
    several_questions,
    stock_asked,
)
from bot.lexicon import ORDER_STATUS
from bot.replies import origin_of, yuan

if TYPE_CHECKING:
    from bot.understanding import Understanding

CERTIFIED = ("扶贫产品吗", "是扶贫", "是不是扶贫", "认定", "证书", "认证", "扶贫的吗", "贫困县", "帮扶", "脱贫户",
             "贫困户种", "贫困户养", "贫困户做", "真的扶贫", "是正品", "正品吗", "正品不")  # 正品 alone: a title's word
# Whether a thing is genuine, under warranty or traceable (五粮液保真吗, 电视保修多久, 奶粉能查溯源码吗): a question
# about that thing, answered for it (or 没有找到「…」 when the shop does not sell it), never a search.
# Doubt of purity (蜂蜜会不会掺糖, 有没有兑水) is one too: what the page says, and that it shows no test result.
ADULTERATED = ("掺", "兑水", "兑糖", "兑了", "勾兑", "糖浆", "检测报告", "质检报告", "检验报告", "检测结果")
GENUINE = ("保真", "真假", "假货", "假的吗", "是真的吗", "保修", "质保", "溯源", "防伪", "追溯", "正宗吗", "是不是正宗",
           "是不是真的", *ADULTERATED)
STOCK = ("还有货", "有货吗", "有货没", "有没有货", "库存", "缺货", "卖完", "售罄", "还有吗", "有现货", "断货",
         "这么多货", "那么多货", "货够", "库存够", "补货", "时候有货", "时候到货", "时候能有货", "时候上货", "天有货")
SHIPPING = ("包邮", "运费", "邮费", "快递费", "发什么快递", "哪家快递", "几天能到", "多久发货", "什么时候发货",
            "配送范围", "能寄到", "偏远", "能发货", "能不能发", "发不发", "能送到", "能邮", "能寄", "送货上门", "冷链",
            # 发货要几天 / 几天能发货: the shop's shipping time, asked before any order is placed
            "发货要几天", "发货几天", "发货要多久", "发货需要几天", "发货需要多久", "发货得几天", "几天发货",
            "几天能发", "多久能发", "多久能发货")
INVOICE = ("发票", "开票", "报销", "税号", "专票", "普票", "invoice")
AFTER_SALES = ("退款", "退货", "换货", "售后", "坏了", "烂了", "破损", "质量问题", "投诉", "不新鲜", "少了", "发错",
               "赔", "退钱", "七天无理由", "能退", "可以退", "退吗", "退不退", "包退", "包换", "能换吗",
               "想退", "要退", "退换", "怎么退", "给退", "能换", "想换货")  # 腊肉味道不对 想退: after-sales
# A refund asked (那单付了钱的 能退吗): after-sales before any word of paying is read.
REFUND_ASKED = ("能退", "可以退", "退吗", "退不退", "退款", "退钱")
# The card's face values, asked as such or as whether and how the card is sold (爱心卡有卖吗, 爱心卡怎么卖,
# 爱心卡多少钱一张): the values it comes in answer.
CARD_FACES = ("面值", "面额", "几种卡", "卡有哪些", "卡有几种", "多少钱的卡", "卡卖吗", "卡有卖", "卡怎么卖", "卡咋卖",
              "卡多少钱一张", "卡一张多少钱", "卡卖不卖", "卡有得卖", "爱心卡卖", "卖爱心卡", "有爱心卡卖")
ORIGIN_Q = ("哪里产", "哪儿产", "哪产的", "产地是", "产地在", "哪里的货", "从哪发", "从哪里发", "哪里发货", "哪儿发货",
            "哪发货", "发货地", "哪个县")
RECOMMEND = ("推荐", "什么好吃", "好吃的", "送礼", "送人", "卖得好", "卖得最好", "热销", "畅销", "爆款", "买什么好",
             "值得买", "人气", "招牌", "有什么好", "买啥好", "买点啥好", "吃点啥", "特色", "挑几样", "帮我挑",
             "用什么好", "什么水果好", "什么好", "啥好", "recommend")
# Asking for advice (送礼买什么好, 推荐一款茶叶) rather than naming what to find (有什么好吃的推荐一下 lists them).
ADVICE = ("买什么好", "买啥好", "买点啥好", "买点什么好", "买什么水果好", "卖得最好", "什么卖得", "挑几样", "帮我挑",
          "用什么好", "送什么好", "送啥好", "送礼买", "送礼推荐", "送礼送什么")
SUPERLATIVE = ("最便宜", "最贵", "哪个便宜", "哪个贵", "哪个更便宜", "哪个更贵", "谁便宜", "谁贵")
CLAIM = ("领卡", "领取", "绑定", "绑卡", "绑上", "激活", "兑换", "收到一张卡", "别人送", "送我的卡", "朋友送", "发了张",
         "领到", "怎么领", "加到我", "帮我领", "领一下", "加到账户")
PAY = ("付钱", "付了", "结账", "买单", "支付一下", "付一下", "pay", "用卡里的钱", "用卡支付", "用卡付", "卡支付",
       "卡付", "用爱心卡付", "用爱心卡支付", "爱心卡付", "爱心卡支付", "刷卡", "怎么付款", "怎么支付", "去支付",
       "付款方式", "支付方式", "还没付", "待付款的",
       "直接扣", "卡里扣", "从卡里扣", "扣卡里", "用卡扣", "现在付", "付了吧", "先付了",  # 卡里钱够就直接扣
       "余额付", "余额支付", "用余额",  # 用爱心卡余额付: paying with the balance, not asking it
       "要付款", "想付款", "要支付", "付个款", "付下款", "付一下款", "付下钱", "付个钱",  # 我要付款: paying asked
       # 订单待支付 去付款 / 付款 用微信: paying, said with the way it is paid
       "去付款", "付款用", "支付用",
       # the order named as what is paid (支付订单, 订单付款, 把订单付了)
       "支付订单", "订单支付", "付款订单", "订单付款", "订单付了", "订单付一下", "付订单", "结订单")
PLACED = ("刚", "我的", "那个", "那笔", "这笔", "昨天", "之前", "已经", "下的", "上午", "下午", "早上", "今天", "上一")
CANCEL_ORDER = ("cancel my order", "cancel the order", "cancel order", "订单取消", "取消刚", "退单", "撤单",
                "不要这个订单", "订单不要了", "取消那个订单", "把订单取消", "订单撤销", "撤销订单", "订单删了",
                "删除订单",
                # 取消我的订单, 取消我昨天下的: an order of mine; not 取消 我再想想 (the draft dropped, then a thought)
                "取消我的", "取消我刚", "取消我昨", "取消我今", "取消我之前", "取消我那", "取消我下", "取消我买",
                "取消我订")
# An order already placed, referred to (那个单, 下的单, 这一单, 订单号 2026…): not 单价, 菜单, 清单, 下单吧.
_PLACED_ORDER = re.compile(r"(?:订|那|这|的|个|一)单(?!价|位|独|纯|身|品)|\d{14,32}")
_UNDO = ("取消", "不要", "撤", "退掉", "退了", "退单", "作废")
# Goods of an order just placed, named by when it was placed (刚下单的粽子, 昨天拍的那个): not goods received.
_JUST_BOUGHT = re.compile(r"(?:刚|刚刚|才|已经|昨天|今天|上午|下午|早上)(?:才)?(?:下单|下了单|买|订|拍|付款)(?:了)?的")
# When the goods leave: about an order already placed (an order_status when the customer has one).
_WHEN_SHIPPED = re.compile(r"(?:什么时候|啥时候|几时|多久|何时|哪天|多长时间)\S{0,3}(?:发|寄|出库)"
                           r"|(?:发|寄)(?:货|出)?了?(?:吗|没)|还没(?:发|寄)"
                           # 明天能到吗, 后天能收到不: when it arrives, asked by the day
                           r"|^(?:那)?(?:明天|后天|今天|今晚|周末|这周)(?:能|可以|会)?(?:到|送到|收到|发|寄)(?:货)?"
                           r"(?:吗|不|么|嘛|没)?$")
PRINTED_CODE = re.compile(r"AX1\.\d{16}\.[0-9A-Za-z_-]{6,}")
# The printed code typed with spaces for its dot (AX1 9QW3 E7RT): the same code, kept as typed.
_SPACED_PRINTED = re.compile(r"(?<![A-Za-z0-9])AX1(?:[\s.点。]*[0-9A-Za-z_-]){6,}", re.IGNORECASE)  # AX1点5R8T: voice
# A code said as the card's (兑换码 AX…, 卡密：…, 激活码 …): a claim whatever the code looks like.
# Any written form: AB12CD34, K9X2-77QP-3M5T, 6217 0000 1111 2222 (groups joined by dashes or spaces, or a dot said
# 点 by voice: QS3点5K8J2H6G), after a word that says it is the card's code or number (卡号, 兑换码, 码是 …, 卡的码).
SAID_CODE = re.compile(r"(?:兑换码|卡密|卡码|卡号|激活码|领取码|券码|绑定码|卡的码|卡上的码|redeem code|card code"
                       r"|(?:^|(?<=[\s，,。:：;；卡的个张]))码)\s*(?:是|为)?\s*[:：]?\s*"
                       r"(?P<code>[A-Za-z0-9](?:[A-Za-z0-9._]|[-\s点](?=[A-Za-z0-9])){5,})", re.IGNORECASE)
# A claim word in Chinese, pinyin, initials or English (领卡, ling ka, lqk, claim card, redeem, activate) beside a
# code of letters and digits (HJ6.4T8N2X5M): a claim, the code is the card's.
_CLAIMED_CODE = re.compile(r"(?:领卡|领取|兑换|激活|绑卡|ling\s*ka|ling\s*qu|dui\s*huan"
                           r"|(?<![A-Za-z])(?:lqk|lk|lq|dh|jh)(?=\s)"  # lqk DS1.…: 领取卡 typed as its initials
                           r"|claim(?:\s+(?:my|the|a))?(?:\s+card)?|redeem|activate|bind)\s*[:：]?\s*(?P<code>(?=[A-Za-z0-9.-]*\d)(?=[A-Za-z0-9.-]*[A-Za-z])"
                           r"[A-Za-z0-9][A-Za-z0-9.-]{5,}[A-Za-z0-9])(?![A-Za-z0-9])", re.IGNORECASE)
# How to pay asked of a purchase not made yet (买了以后怎么付款, 下单之后如何支付): how the shop works, nothing to pay.
_PAY_LATER = re.compile(r"(?:买了?(?:以后|之后)|买完|买好了?|买的时候|下(?:了)?单(?:以后|之后|后|的时候))"
                        r"\S{0,3}(?:怎么|如何|咋|怎样)(?:付款|支付|付钱|付)")
_COUNTED = re.compile(r"[\d一两二三四五六七八九十几百千]+\s*(?:张|元|块|箱|袋|盒|瓶|斤|个)")  # 买两张爱心卡: an order
# What a love card buys (爱心卡能买哪些东西 / 卡可以买什么): a question about the card, not buying one.
_CARD_BUYS = re.compile(r"卡\S{0,3}(?:能|可以|可)(?:买|用|兑换|换|消费)\S{0,3}(?:哪些|什么|啥|哪)")
CARD_USE = "爱心卡可以买本店所有认定扶贫产品（网上下单时用卡支付），也可以在消费扶贫专柜、专馆、专区出示付款码消费；"


_LIKE_PRINTED = re.compile(r"(?<![A-Za-z0-9])AX1\.[A-Za-z0-9.]{4,}", re.IGNORECASE)


def said_code(raw: str) -> str:
    """The card code the message holds (the printed AX1. form first, else one said as the card's), or ""."""
    m = PRINTED_CODE.search(raw)
    if m is not None:
        return m.group()
    m = _SPACED_PRINTED.search(raw)
    if m is not None:  # AX1 9QW3 E7RT: the code with its spaces left out, its dot after AX1
        rest = re.sub(r"[\s.点。]", "", m.group()[3:])  # and after the 16-digit card number, when it holds one
        return f"AX1.{rest[:16]}.{rest[16:].upper()}" if re.match(r"\d{16}.", rest) else f"AX1.{rest}"  # base32
    m = SAID_CODE.search(raw) or _CLAIMED_CODE.search(raw) or claim_after_code.CODE_FIRST.search(raw)
    if m is not None:
        return m.group("code").strip()
    m = _LIKE_PRINTED.search(raw)  # AX1.1234….ABCD mistyped: the code said, so that it is told apart, never asked for
    return m.group() if m is not None else card_rules.held_code(raw)  # 刮开是 4471 2290


def claiming(u: Understanding, message: str) -> Understanding:
    """A message holding a card's code, read without it (QF7M-28KD-XP3N holds no 28 yuan, ZX9K no multiplier): a
    claim, whatever else it says but its balance (AX1.…这张卡余额多少: `card_balance`); `raw` keeps the code."""
    u.intent = "card_balance" if card_holding.balance_of_code(u.intent, u.text) else "claim_card"
    u.raw = "".join(ch for ch in message if ch.isprintable() or ch == " ").strip()
    u.money_yuan, u.card_count, u.quantity, u.quantities = None, None, None, []
    return u


# The balance one can spend (卡的可用余额, 可用额度): a balance asked, its 用余额 paying nothing.
_AVAILABLE = re.compile(r"可用的?(?:余额|额度)")
# Words in which an after-sales word is part of another (给退休职工发福利, 卡里剩多少了, 饿坏了): not after-sales.
_OTHER_SENSES = re.compile("退休|退伍|退役|退烧|退出|多少了|[饿累乐急气馋]坏了|高兴坏了")


def says(text: str, words: tuple[str, ...]) -> bool:
    """Whether the text holds any of the words (spaces and case aside; 给退休职工 holds no after-sales word)."""
    return _has(text, words)


def _has(text: str, words: tuple[str, ...]) -> bool:
    lowered = text.lower().replace(" ", "")
    lowered = _OTHER_SENSES.sub("", lowered) if words is AFTER_SALES else \
        _ANY_SOLD.sub("", lowered) if words is CERTIFIED else lowered  # 有扶贫产品吗: whether any is sold, a search
    return _any_of(words).search(lowered) is not None


_ANY_SOLD = re.compile(r"有(?:没有)?(?:什么|哪些)?(?:认定的?)?扶贫(?:产品|商品|的东西)(?:吗|嘛|么|没|没有)?$")


@functools.lru_cache(maxsize=256)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a list of words (spaces aside), compiled once per list."""
    return re.compile("|".join(re.escape(w.replace(" ", "")) for w in sorted(words, key=len, reverse=True)))


def topic(text: str, raw: str) -> str | None:
    """Which shop question or holder action a message is, before the ordering cues are read."""
    card = "卡" in text
    printed = PRINTED_CODE.search(raw) or "ax1." in text or _SPACED_PRINTED.search(raw)  # AX1 9QW3 E7RT
    if printed or SAID_CODE.search(raw) or _CLAIMED_CODE.search(raw) or claim_after_code.CODE_FIRST.search(raw):
        return "claim_card"
    held = card_holding.asked(text)  # 朋友送的那张卡里还有多少额度 / 别人转赠的卡在哪收: a card that came to them
    if held is not None:
        return held
    if card and _has(text, CLAIM):
        return "claim_card"
    if _CARD_BUYS.search(text) or (card and card_rules.asked(text)):
        return "ask_info"  # 爱心卡能买哪些东西 / 爱心卡在超市能刷吗: how the card works
    if _has(text, CANCEL_ORDER) or (_has(text, ("订单", "那单", "这单", "的单", "单子", "一单", "一笔"))
                                    and _has(text, PLACED) and _has(text, _UNDO)):  # 上一单莫要了
        return "cancel_order"
    if _JUST_BOUGHT.search(text) and _has(text, _UNDO) and not _has(text, ("退款", "退货", "退钱", "怎么", "如何")):
        return "cancel_order"  # 刚下单的粽子能撤销不: the goods of an order just placed, undone
    placed = _PLACED_ORDER.search(text)
    if placed and _has(text, _UNDO) and not _has(text, ("退款", "退货", "退钱", "怎么", "如何")) and (
            _has(text, (*PLACED, "把")) or placed.group()[0].isdigit() or several_questions.order_by_goods(text)):
        return "cancel_order"  # 已经下的那个单我要退掉 / 帮我把订单退了 / 订单号2026…取消
    if selling_here.asked(text):
        return "ask_info"  # 我想当供应商, 怎么入驻: how selling here works (bot.selling_here)
    if _PAY_LATER.search(text) and not _COUNTED.search(text):
        return "help"  # 买了以后怎么付款: how paying works, asked before anything is bought
    if _has(text, REFUND_ASKED) and not card:
        return "ask_info"  # 那单付了钱的 能退吗: a refund asked, not a payment
    if _has(_AVAILABLE.sub("", text), PAY) or card_rules.pays_with(text):  # 付款用爱心卡, 这单拿爱心卡结
        return "pay_order"
    if card and _has(text, CARD_FACES):
        return "ask_info"
    if several_questions.price_leads(raw):
        return None  # 腊肉多少钱 有货没 明天能发吗: the price, asked first, leads
    if several_questions.about_my_order(text) and not _RECEIVED.search(text):
        return "order_status"  # 我买的苹果几天到: an order placed, not the shop's shipping times
    if keeping.asked(text) or delivery_asked.asked(text) or delivery_asked.courier(text):  # 县城能配送吗, 发顺丰吗
        return "ask_info"  # 保质期多久, 是鲜的还是冻的, 怎么发货: how the product keeps and travels
    if question_kinds.process_asked(text):
        return "help"  # 想了解下采购的整个流程，从下单到开票: how buying here goes, step by step
    if asks_when_shipped(text) and not _has(text, ("发票", "退", *ORDER_STATUS)):
        return "ask_info"  # 啥时候能发: the shop's answer, or (with an order placed) that order's status
    if _RECEIVED.search(text):
        return "ask_info"  # 鸡蛋碎了三个能退吗, 蜂蜜收到漏了: a defect of goods received is after-sales
    if _has(text, holder_questions.ASSEMBLE):
        return "recommend"  # 帮扶任务还差一万元 帮我选点: a choice asked for, though 帮扶 is said
    for words in (INVOICE, AFTER_SALES, SHIPPING, CERTIFIED, GENUINE, STOCK, ORIGIN_Q):
        if _has(text, words):
            return "ask_info"
    if stock_asked.asked(text):
        return "ask_info"  # 热贡唐卡还有几幅, 松茸咋没货了 啥时候有: the stock of a product
    if product_facts.asked(text) and not _has(text, RECOMMEND):
        return "ask_info"  # 香肠辣不辣, 土鸡一只大概几斤, 红茶和绿茶有啥区别: what a product is like
    if _has(text, RECOMMEND):
        return "recommend"
    return None


def asks_other(text: str) -> bool:
    """Another shop question than what a product is like (包邮吗, 保质期, 有货吗): answered as that one."""
    return keeping.asked(text) or any(_has(text, words) for words in (
        INVOICE, AFTER_SALES, SHIPPING, CERTIFIED, GENUINE, STOCK, ORIGIN_Q)) or _RECEIVED.search(text) is not None


# Where the shopper is, said with a shipping question (发货要几天 我在广东清远, 寄到新疆几天到): the destination.
_SHOPPER_AT = re.compile(r"我(?:这边|这里|家|人)?在|(?:寄|发|送)(?:到|去|往)")


def shipping_to(text: str) -> bool:
    """发货要几天 我在广东清远: the shop's shipping time to where the shopper is; the place names no goods."""
    return _has(text, SHIPPING) and _SHOPPER_AT.search(text) is not None


def asks_when_shipped(text: str) -> bool:
    """什么时候发货 / 啥时候能发 / 发了没: when the goods leave."""
    return _WHEN_SHIPPED.search(text.replace(" ", "")) is not None


_FROM = re.compile(r"(?:出产|生产|产出|出品|产|出)$")


def answer_property(card: dict[str, Any], prop: str) -> str:
    """是散养的吗: yes when the product's name, tags, aliases or origin say so; otherwise what the data does say."""
    origin = card.get("origin", {})
    said = [card["name"], *card.get("tags", ()), *card.get("aliases", ()),
            origin.get("province", ""), origin.get("city", ""), origin.get("county", "")]
    # 是不是佛冈出的 / 佛冈产的: the place it comes from, without the verb saying it comes from there
    words = [_FROM.sub("", w) or w for w in re.split(r"[的是了呢]", prop) if w]
    place = f"{origin.get('province', '')}{origin.get('city', '')}{origin.get('county', '')}"
    if words and all(any(w in text for text in said if text) for w in words):
        return f"是的，{card['name']}是{prop}的（商品资料里写着），产自{place}，是认定扶贫产品。"
    tags = "、".join(card.get("tags", ())) or "无"
    return (f"{card['name']}的商品资料里没有写“{prop}”（标签：{tags}），产自{place}，是认定扶贫产品。"
            "更多细节可以联系商家确认。")


def wants_to_pay(text: str) -> bool:
    return _has(text, ("付款", "支付", "付钱", "买单", "结账", "pay"))


# A budget or a buyer for many (预算80一份, 单位采购, 员工福利) said with a request for a recommendation: advice asked.
_BUDGET = re.compile(r"预算|以内|价位|不超过|人均|每人|每份|[一每]份\d+|\d+[块元]?[一每]份|太贵|平价|实惠|性价比"
                     r"|采购|团购|单位|公司|企业|员工|福利")
# The wrong goods came (快递送错了, 我买的是蜂蜜收到的是大米, 你们发的是绿茶, 不是我买的): after-sales, no order's
# status and no order. Not 寄错地址了 (the address), not 不是我要的那款 换成500g的 (the draft corrected).
_WRONG_GOODS = re.compile(r"[送寄发给拿]错了?(?!地址|了地址|地方)|收到的(?:却|居然|怎么)?是"
                          r"|(?:你们|商家)发(?:来|过来)?的(?:却|居然)?是|(?:东西|货|商品)不对(?!劲)"
                          r"|不是我(?:买|订|下单)的(?![那这哪]?[款个种])")
# Goods received with something wrong (鸡蛋碎了三个, 蜂蜜少了一瓶, 苹果烂了两斤): after-sales, whatever number is said.
_RECEIVED = re.compile(r"(?:碎|烂|坏|破|漏|缺|变质|发霉|霉|臭|馊|裂|瘪|蔫|压扁|压碎|压坏|摔坏|摔碎|化)(?:了|掉了|掉)"
                       r"|(?<!多)少了|少发|漏发|发错|缺斤少两|不够秤|短斤|质量问题|破损|不新鲜|(?:里面|里头|里边)?(?:长虫|生虫|有虫)(?!草)|漏液|漏出来"
                       r"|(?:是|都是|有的是?|好几个|几个)(?:坏|烂|碎|臭|馊|霉|破)的"  # 蜂蜜收到是坏的
                       # 苹果有点烂, 腊肉味道不对, 茶叶有股怪味, 牛奶过期了: how the goods came, not a wish
                       r"|(?:(?:有点|有些|有一点|有几个|好几个|好多|不少|一些|全)都?|都)(?:烂|坏|碎|臭|馊|霉|破|化|蔫|软|变质)(?![吗么不没呢])"
                       r"|(?:味道|味儿|口感|颜色|质量)(?:不对|不太对|不正|怪怪|有问题|变了)|有(?:股|点)?(?:怪味|异味|霉味|臭味)"
                       r"|变味|过期了|" + _WRONG_GOODS.pattern)


def advice(text: str) -> bool:
    return _has(text, ADVICE) or _has(text, holder_questions.ASSEMBLE) or (
        _BUDGET.search(text) is not None and _has(text, RECOMMEND))


def for_buyers(product_text: str) -> bool:
    """单位 预算: every word left is a budget or a buyer for many, nothing to look up."""
    return bool(product_text.split()) and all(_BUDGET.search(w) for w in product_text.split())


def overrides(asked: str | None, text: str, card: bool) -> bool:
    """Whether the shop question or holder action asked wins over cues read as buying (卡, 付款, 一瓶 …): a holder's
    action, a question about how the love card works, or after-sales about goods received (no number is an order)."""
    if asked in ("claim_card", "pay_order", "cancel_order") or (asked == "help" and _PAY_LATER.search(text)):
        return True  # 爱心卡怎么用 买了以后怎么付款: how paying works, no card bought
    if asked != "ask_info":
        return False
    return (card and card_rules.asked(text)) or received_wrong(text) or product_facts.asked(text) == "weight"


def received_spans(compact: str) -> list[tuple[int, int]]:
    """Where the message says what was wrong with goods received (土鸡蛋碎了好几个): no part of the goods' name."""
    return [m.span() for m in _RECEIVED.finditer(compact)]


def received_unglued(spaced: str) -> str:
    """The message with what was wrong blanked: no goods read as glued to it (土鸡蛋碎了: 土鸡蛋, no 土鸡蛋碎)."""
    return _RECEIVED.sub(lambda m: " " * len(m.group()), spaced)


def after_sales(text: str) -> bool:
    """Goods received with something wrong, or a refund or an exchange asked (上次买的苹果有点烂 能退吗): nothing in it
    is to be ordered, whatever product it names."""
    return received_wrong(text) or _has(text, AFTER_SALES)


def received_wrong(text: str) -> bool:
    """After-sales about goods received (蜂蜜少了一瓶 找谁, 苹果烂了两斤 能退吗): nothing in it is to be ordered."""
    return _RECEIVED.search(text) is not None  # the defect said is itself after-sales (鸡蛋碎了三个)


# Which of two named things is the better buy (黑枸杞跟红寺堡枸杞哪个划算, 静宁苹果和洛川苹果比哪个实惠): their prices.
_BETTER_BUY = re.compile(r"\S(?:和|跟|与|还是)\S+?(?:比一比|比比|比较|相比|对比|比)?[，,\s]*哪(?:个|款|种)?(?:更|比较)?"
                         r"(?:划算|实惠|合算|性价比高)")


def superlative(text: str) -> str | None:
    """cheap / dear, when the message asks for the cheapest or dearest (or which of two costs less or more)."""
    if _BETTER_BUY.search(text):
        return "cheap"
    if not _has(text, SUPERLATIVE):
        return None
    return "dear" if "贵" in text and "便宜" not in text else "cheap"


def by_price(cards: list[dict[str, Any]], extreme: str) -> list[dict[str, Any]]:
    """The cards cheapest first, or dearest first when `extreme` is "dear"."""
    return sorted(cards, key=lambda c: c["price_fen"], reverse=extreme == "dear")


def answer_info(text: str, card: dict[str, Any] | None, faces_fen: tuple[int, ...], wanted: int | None = None) -> str:
    """The shop's answer; `wanted` is the number of packs said with a stock question (要200箱 有这么多货吗)."""
    if _CARD_BUYS.search(text):
        return f"{CARD_USE}面值有{'、'.join(yuan(f) for f in faces_fen)}。"
    if "卡" in text and card_rules.asked(text):
        return card_rules.answer(text)
    if "卡" in text and _has(text, CARD_FACES):
        return (f"消费扶贫爱心卡的面值有{'、'.join(yuan(f) for f in faces_fen)}，只能买认定扶贫产品。"
                "说“买一张200元的爱心卡”就能下单。")
    shipping = _has(text, SHIPPING) or asks_when_shipped(text) or delivery_asked.asked(text)  # 明天能到吗, 市区能送吗
    if (shipping or keeping.asked(text)) and delivery_asked.beyond(text):
        return delivery_asked.BEYOND  # 香港能寄吗, 寄到台湾要几天: the addresses are the mainland's
    if delivery_asked.courier(text):
        return delivery_asked.COURIER  # 发顺丰吗
    if keeping.asked(text):
        return keeping.answer(text, card)
    if _has(text, INVOICE):
        return "可以开发票：订单付款后，在「我的订单」里找到这一单，联系供货商家开具（个人或单位抬头都可以）。"
    if _WRONG_GOODS.search(text):
        return ("发错货了很抱歉：请在「我的订单」里找到这一单，拍下收到的商品和外包装联系商家，核实后给您换成买的那款"
                "或者退款。")
    if _has(text, AFTER_SALES) or _RECEIVED.search(text):
        return ("还没发货的订单可以直接取消、全额退款；已发货的，收到货有破损或质量问题请拍照，"
                "在「我的订单」里找到这一单联系商家处理，核实后退款或补发。")
    if shipping:
        return (delivery_asked.YES if delivery_asked.asked(text) and not asks_when_shipped(text) else "") + (
            "商品由各地供货商家直接发货，一般付款后48小时内发出，大部分地区3到5天送到；运费以下单时显示为准。")
    if card is None and holder_questions.doubted(text):
        return holder_questions.PROGRAMME  # 扶贫产品是真的吗: how products are certified, no product named
    if re.search(r"哪里?儿?发|发货地", text) or (card and _has(text, ORIGIN_Q) and not _has(text, CERTIFIED)):
        return "每款商品都由它产地的供货商家直接发货。说一下商品名（比如“静宁苹果从哪里发货”），我告诉您它的产地。" \
            if card is None else f"{card['name']}产自{origin_of(card)}，由那里的供货商家直接发货。"  # 产地是哪里
    if card is None:
        return "您问的是哪一款？说一下商品名，比如“静宁苹果是扶贫产品吗”。"
    if _has(text, STOCK) or stock_asked.asked(text, named=True):  # 还有几幅, 咋没货了: its stock, no date made up
        return stock_asked.answer(text, card, wanted)
    if _has(text, ADULTERATED):  # 会不会掺糖: what the page says, and that no test result is on it
        return product_facts.answer_doubt(card)
    return certificate(card)


def certificate(card: dict[str, Any]) -> str:
    origin = card.get("origin", {})
    cert = card.get("certificate", {})
    place = f"{origin.get('province', '')}{origin.get('city', '')}{origin.get('county', '')}"
    poor = "（国家扶贫开发工作重点县）" if origin.get("poverty_county") else ""
    households = (card.get("supplier") or {}).get("households_lifted")
    lifted = f"，带动脱贫户{households}户" if households else ""
    return (f"是的，{card['name']}是认定扶贫产品：认定证书{cert.get('cert_no', '')}，"
            f"有效期至{cert.get('valid_until', '')}，"
            f"产自{place}{poor}{lifted}。")
