"""What the shopper wants from the assistant when no product is ordered, said with words that look like shopping:

* help asked in other words: what the assistant can do for me (你能替我干点啥, 侬帮阿拉做啥), what the shop sells
  (你们这卖什么的), ordering by voice (能说话下单吗 打字太累), where the delivery address is filled in
  (收货地址在哪填), how to send goods to someone else (送礼的话在这怎么下单, 寄给我妈的话咋下单): `help`, never a
  recommendation (送礼), an order (下单) nor an order's status (收货);
* chit-chat and errands the shop cannot serve: a holiday's length (清明放几天 is no shelf life: `world`), money and
  work talk (工资还没到账 烦: no parcel is late), a table or an appointment booked (帮我订个周六的桌), thanks said at
  length (谢谢 辛苦了, 麻烦你了 谢谢: answered kindly, one word of thanks alone stays a greeting): `fallback`;
* advice in other words: the best sellers (最火的是哪个, 什么最受欢迎, top seller), a gift for someone or an occasion
  (给婆婆买点啥好, 端午给老师送啥合适 别太贵), a set put together for a budget (预算300 帮我搭配一份年货: 一份 is the
  set, no count): `recommend`, whom and when naming no product;
* a product asked for with the trip it is for (有土鸡吗 走亲戚拎一只): a search, the one carried being no count
  (有土鸡吗 来两只 orders two).

Each kind leaves a message naming goods to order (给我妈寄两箱苹果, 怎么买蜂蜜) as it was read.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import festival_words, phrasing, recipients, welfare, world_questions
from bot.holder_questions import ASSEMBLE
from bot.intents import asks_has, has_asked

if TYPE_CHECKING:
    from bot.understanding import Understanding

_ME = r"(?:我|我们|阿拉|俺|俺们|咱|咱们|人|大家)"
# What you can do for me (你能替我干点啥, 你可以替我做些什么, 你能为我办点啥事, 侬帮阿拉做啥): the assistant's use.
_CAN_DO = re.compile(rf"(?:(?:能|可以|会|能够|可)?(?:替|帮|给|为){_ME}"
                     r"|(?:(?:你|您|侬)(?:都|还)?|都|还)(?:能|可以|会|能够))(?:干|做|办|弄|搞)(?:点|些|一些|点儿)?"
                     r"(?:啥|什么|哪些|啥子|撒|嘛|啥事|什么事|哪些事)(?:事情?|事儿|物事)?(?:呢|呀|啊|吗|哦|嘞|伐)?$")
# What the shop is (你们这卖什么的, 这是卖啥的, 你家主要卖些什么): how the shop works, not a search of one kind.
_WHAT_SHOP = re.compile(r"(?:是|都|主要)?卖(?:些|点)?(?:什么|啥)(?:的|东西的?)(?:呀|啊|呢|吗|哦)?$"
                        r"|(?:你们|你这|这里|这儿|店里|你家|你们家)(?:是|都|主要)?卖(?:些|点)?(?:什么|啥)(?:呀|啊|呢|吗|哦)?$")
# Ordering by voice (能说话下单吗, 可以说话买东西吗, 能用说的下单吗, 打字太累): how to use the shop.
_VOICE = re.compile(r"(?:说话|讲话|语音|用说的|口述|用嘴)(?:就|也|来)?(?:能|可以|行)?(?:下单|买|订|点单)"
                    r"|(?:能|可以)(?:用)?(?:说话|语音|讲话)(?:吗|么|不|嘛)?$|打字(?:太|好|很)?(?:累|麻烦|慢|费劲|辛苦)"
                    r"|懒得打字|不想打字")
# Where the delivery address is filled in (收货地址在哪填, 收货地址怎么填, 在哪里设置收货地址, 地址在哪儿添加).
_FILL = r"(?:填|写|设置|设|添加|加|保存|存|输入|留|填写|录入)"
_ADDRESS_HOW = re.compile(rf"(?:收货|收件|寄送|配送|送货|邮寄)?地址(?:要|应该|得)?"
                          rf"(?:在哪里?|在哪儿|哪里|哪儿|怎么|如何|咋|怎样)(?:去|来)?{_FILL}"
                          rf"|(?:怎么|如何|咋|怎样|在哪里?|在哪儿|哪里|哪儿)(?:去|来)?{_FILL}(?:收货|收件|寄送|配送)?地址")
# How ordering works, asked (怎么下单, 咋弄, 在这怎么买): with goods sent to someone it is still how to order.
_HOW_ORDER = re.compile(r"(?:怎么|如何|咋|怎样)(?:在这里?|在这儿)?(?:下单|买|购买|弄|搞|操作|订)"
                        r"|(?:下单|购买)(?:流程|步骤)")
# Sending to someone else or as a gift (送礼的话, 送人, 寄给我妈, 想寄东西给朋友).
_TO_SOMEONE = re.compile(r"送礼|送人|送给|寄给|给\S{1,4}?寄|寄\S{0,4}?给")
# A holiday's length (清明放几天, 国庆放几天假, 中秋节放几天, 五一放不放假): no shelf life of goods.
_HOLIDAYS = "|".join(sorted({*festival_words.FESTIVALS, "清明节", "清明", "五一", "十一", "劳动节", "国庆节", "元旦节",
                             "寒假", "暑假", "年假", "周末", "小长假", "春节假期"}, key=len, reverse=True))
_HOLIDAY = re.compile(rf"(?:{_HOLIDAYS})(?:节)?(?:假期|假)?(?:要|能|会)?(?:放|休|调休)"
                      r"(?:几天|多少天|多久|几号|假|不放假|吗)"
                      rf"|(?:{_HOLIDAYS})(?:节)?(?:怎么|咋)?(?:放假|调休)")
# Money and work talk (工资还没到账, 这个月工资又晚发了, 房租还没交 烦死): no parcel and no goods.
# Shop questions said beside a holiday (过年放假吗 还发货吗, 春节期间能下单吗): answered as those.
_SHOP_ASKED = re.compile(r"发货|发吗|发不发|快递|物流|配送|到货|送货|营业|客服|下单|买|卖|订单")
_MONEY_TALK = re.compile(r"工资|薪水|奖金|年终奖|到账|房租|房贷|车贷|信用卡账单|还信用卡|股票|股市|基金")
_ORDER_WORDS = re.compile(r"订单|单号|快递|包裹|物流|货|退|付款|支付|卡|买|下单")
# A table, a seat or an appointment booked (帮我订个周六的桌, 帮我约个明天的号): an errand, never goods.
_BOOKED = re.compile(r"(?:订|约|预约|预订|预定|挂|排)(?:个|一个|张|一张|下|一下)?\S{0,6}?(?:的)?"
                     r"(?:号|桌|桌子|座|座位|位子|包间|包厢|医生|专家)(?:吧|呀|啊|呢|吗)?$")
# Thanks said at length: two words of thanks or more and nothing else (谢谢 辛苦了, 麻烦你了 谢谢, 太感谢了 辛苦你了).
_THANKS_WORD = re.compile(r"谢谢|多谢|感谢|谢啦|谢了|辛苦(?:你|您)?了|辛苦(?:辛苦)?|麻烦(?:你|您)?了|费心了|劳驾|感恩"
                          r"|thank\s*you|thanks|thx|3q", re.IGNORECASE)
_THANKS_FILLER = re.compile(r"[\s啊呀哈啦了你您亲哦呢嘞太非常真是的很多老板啦！!~～。，,]")
# The best sellers asked (最火的是哪个, 卖得最火, 什么最受欢迎, 销量最好的是哪款, top seller).
BEST_SELLERS = ("最火", "卖得火", "卖的火", "卖得最火", "卖的最火", "火爆", "最受欢迎", "受欢迎", "销量最好",
                "销量最高", "销量好", "销量高", "卖得最多", "卖的最多", "卖最多", "卖得最好", "卖的最好", "大家都买",
                "买的人最多", "买的人多", "top seller", "best seller", "bestseller", "best selling", "most popular",
                "popular")
_BEST = re.compile("|".join(re.escape(w).replace(r"\ ", r"\s*") for w in BEST_SELLERS), re.IGNORECASE)
# What a best-seller or gift question is made of besides whom and when: it names no product.
_QUESTION_WORDS = re.compile(r"是哪个|是哪款|是哪种|是啥|是什么|哪个|哪款|哪种|哪些|什么|啥|点啥|买点|买些|买"
                             r"|送点|送|带点|带|拿|孝敬|合适|好|呢|呀|啊|吧|的|给|我|家|们|别太贵|不要太贵|太贵|贵|便宜点|实惠点|一下|推荐"
                             r"|你们|这里|店里|大家|都|现在|最近|比较|一点|点|些|看|有"
                             # what is left of a best-seller or set question once 最 and 得 are read as filler (火)
                             r"|火|热门|销量|最好|最高|最多|卖得?|卖的|帮|搭配|配|选|挑|搭|一份|份|礼物|礼品|礼")
_PERSONS = re.compile(recipients.PERSON)
_OCCASION = re.compile("|".join(sorted((re.escape(w) for w in (*festival_words.FESTIVALS, *phrasing.PURPOSES, "清明",
                                                                "重阳", "生日", "过生日", "探病", "看望", "探望",
                                                                "拜年", "走亲戚")), key=len, reverse=True)))
# A gift asked for (给婆婆买点啥好, 端午给老师送啥合适, 重阳给爷爷奶奶送点啥): advice, whom and when no product.
_GIFT = re.compile(rf"(?:送|带|孝敬|探望|看望|拜年|{recipients.FOR_PERSON}买)(?:给)?{recipients.MINE}"
                   rf"(?:{recipients.PERSON})?(?:们)?(?:点|些|个|一些)?(?:什么|啥|哪些)")
# Paying or shipping asked with such words (送什么快递, 带什么去付款): no gift.
_NO_GIFT = re.compile(r"付款|支付|付钱|快递|物流|发货|运费|邮费")
# Carrying the goods on a visit (走亲戚拎一只, 回老家带两斤, 过年提一只回去): the trip, no count wanted.
_CARRIED = re.compile(r"(?:拎|提|带|捎)(?:上|着|回)?(?:个|[\d一二两三四五六七八九十几俩]+\S?)")
_TRIP = re.compile(r"走亲戚|串门|回家|回去|回老家|过去|过年|过节|看望|探望|拜年|送人|带回|探亲")
_WANTED = re.compile(r"来|要|买|订|给我|下单|拍")
# A count wanted said beside a comparison (大米5kg和10kg哪个划算 划算的来两袋): the order goes on.
_ORDERED = re.compile(r"(?:来|要|买|拿|订)[\d一二两三四五六七八九十俩仨]+")


def revise(u: Understanding) -> None:
    """The kinds in the module, read over what the cues made of the message (see there)."""
    if u.address is not None or u.order_no or u.intent in ("buy_card", "card_balance", "claim_card", "pay_order",
                                                           "cancel_order", "change_address", "confirm", "cancel") \
            or (u.unrelated == "service" and u.intent == "fallback"):  # 基金定投怎么弄: an errand (bot.money_services)
        return
    if _help(u) or _talk(u):
        return
    welfare.revise(u)  # 给30个员工发福利: advice, the 30 people kept
    _advice(u)
    _weighed(u)
    _trip(u)


def _help(u: Understanding) -> bool:
    if u.product_words or u.quantity is not None or u.intent == "help":
        return False
    text = u.text
    asked = _CAN_DO.search(text) or _WHAT_SHOP.search(text) or _VOICE.search(text) or _ADDRESS_HOW.search(text) \
        or (_HOW_ORDER.search(text) and _TO_SOMEONE.search(text) and not _advice_words(text))
    if not asked:
        return False
    u.intent, u.product_text, u.foreign, u.instead, u.generic, u.origin = "help", "", "", "", False, None
    u.unrelated = ""
    return True


def _advice_words(text: str) -> bool:
    """送礼买什么好, 送人推荐哪个: advice asked, not how to order."""
    return phrasing.wants_advice(text) or any(w in text for w in ("推荐", "买什么", "买啥", "送什么", "送啥"))


def how_to(compact: str) -> str:
    """The answer to the help asked here (see `_help`), before the usual help; "" for any other help."""
    if _VOICE.search(compact):
        return ("这里现在只能打字，不能发语音；可以用手机输入法的语音转文字，说完发过来就行，"
                "说“来两箱苹果”这样就能下单。\n")
    if _ADDRESS_HOW.search(compact):
        return ("收货地址：下单时直接说“寄到+省市区街道门牌、收货人和电话”就行；也可以在「我的地址」里先存好，"
                "以后下单默认寄到那里。\n")
    if _HOW_ORDER.search(compact) and _TO_SOMEONE.search(compact):
        return ("寄给别人或送礼：照常下单（说商品和数量），确认前说“寄到+对方的地址、收货人和电话”，就直接寄给对方；"
                "也可以在「我的地址」里先存好对方的地址。\n")
    return ""


def _talk(u: Understanding) -> bool:
    text = u.text
    if u.product_words or u.quantity is not None or u.generic:
        return False
    if (_HOLIDAY.search(text) or world_questions.world(text)) and not _SHOP_ASKED.search(text):
        kind = "world"  # 清明放几天: a date of the world, never how long goods keep
    elif _MONEY_TALK.search(text) and not _ORDER_WORDS.search(text) and not has_asked(u.spaced) \
            and u.intent in ("order_status", "search", "order", "fallback", "ask_info"):
        kind = ""  # 工资还没到账 烦: 到 is no parcel's
    elif _BOOKED.search(text) and u.intent in ("order", "search", "fallback"):
        kind = "service"  # 帮我订个周六的桌
    elif len(_THANKS_WORD.findall(u.spaced)) >= 2 and not _THANKS_FILLER.sub("", _THANKS_WORD.sub("", u.spaced)) \
            and u.intent in ("greet", "fallback"):
        u.intent = "greet"  # 谢谢 辛苦了 / 唔该晒 多谢: thanks at length are thanks, answered 不客气 as one 谢谢 is
        u.cues.add("thanks")
        return True
    else:
        return False
    u.intent, u.product_text, u.foreign, u.instead, u.origin, u.unrelated = "fallback", "", "", "", None, kind
    u.quantities = []
    return True


def _advice(u: Understanding) -> None:
    text = u.text
    if u.product_words or u.origin is not None or u.unrelated not in ("", "latin_goods"):  # 梨花带雨 是什么意思
        return
    best = _BEST.search(u.spaced) is not None
    gift = _GIFT.search(text) is not None and u.quantity is None and not _NO_GIFT.search(text)
    assembled = any(w in text for w in ASSEMBLE) and (u.quantity is None or u.quantity.unit in ("份", "套", "组"))
    advised = u.intent == "recommend" and not u.generic  # 想补补身子 买么子好: words of a purpose cut in two
    if not (best or gift or assembled or advised) or u.intent not in ("search", "order", "fallback", "recommend"):
        return
    rest = _BEST.sub(" ", "".join(u.product_text.split()))
    rest = _QUESTION_WORDS.sub("", _OCCASION.sub("", _PERSONS.sub("", rest))).strip()
    if len(rest) == 1 and any(rest in w for w in (*_OCCASION.findall(text), *_PERSONS.findall(text))):
        rest = ""  # 有什么送人的: the 人 of 送人, its 送 read as a buying word
    if assembled and u.generic:
        rest = ""  # 预算300 帮我搭配一份年货: 年货 is the set put together
    if rest and not u.generic:
        return  # 给老人买点钙片 有什么推荐: a thing named, looked up as it is
    u.intent, u.product_text, u.foreign, u.instead, u.unrelated = "recommend", "", "", "", ""
    u.quantity, u.quantities, u.specs = None, [], []


def _weighed(u: Understanding) -> None:
    """2.5kg和5kg的哪个划算 / 大米5kg和10kg哪个划算: two sizes weighed, advice (bot/turns/comparing.py answers it); the
    sizes stay, to be compared, and none is a count ordered."""
    sizes = {*u.specs, *(f"{q.value}{q.unit}" for q in u.quantities if q.unit)}
    if u.intent in ("order", "search", "fallback", "ask_price") and len(sizes) >= 2 \
            and phrasing.COMPARING.search(u.text) and not _ORDERED.search(u.text):
        u.intent = "recommend"


def _trip(u: Understanding) -> None:
    """有土鸡吗 走亲戚拎一只: whether the shop has it, and the trip it is for: a search, the one carried no count."""
    if u.intent != "order" or not u.product_words or "add" in u.cues or not has_asked(u.spaced):
        return
    others = [c for c in u.spaced.split() if not asks_has(c)]
    carried = [c for c in others if _CARRIED.search(c) and not _WANTED.search(c)]
    said_for = all(c in carried or not _OCCASION.sub("", c) for c in others)  # 过年 提两袋回去: the festival apart
    if not carried or not said_for or not _TRIP.search(u.text):
        return
    u.intent, u.quantity, u.quantities = "search", None, []
