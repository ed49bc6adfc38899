"""Messages that are not shopping for goods, and the customer's own words to echo when nothing is found.

The shop sells certified farm products and love cards, nothing else. Three kinds of message name a catalogue word
(or none) without asking for a product, and get an honest short answer instead of a list or an order:

* a service or an errand (打车, 外卖, 机票, 酒店, 话费, 家政, 搬家, 租房, 寄快递, 维修, 开锁, 彩票, 网课, 摄影, 寄养 …);
* a question about words, not goods: what a saying means (黄花菜都凉了是啥意思), its source, the next line, a riddle;
* a person said to be a food (我是你的菜, 你真是个大苹果): a metaphor;
* a question about the world: the date, the time, the weekday, the weather (今天几号, 现在几点了, 明天星期几).

The lists are kinds of service and ways of asking about words, not sentences; which products exist never enters.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from bot import (
    advice_not_given,
    card_goods,
    discounts,
    errands,
    group_posts,
    health_talk,
    how_to_asked,
    infant_formula,
    latin_goods,
    lexicon,
    life_matters,
    love_card_means,
    other_cards,
    platform_credit,
    prepared_food,
    recipients,
    scams,
    service_goods,
    world_questions,
)
from bot.introductions import introduces

if TYPE_CHECKING:
    from bot.understanding import Understanding

# Services and errands: what is bought is somebody's work or a right to use something, never goods.
_SERVICE_NOUNS = (
    "外卖", "跑腿", "代驾", "打车", "网约车", "出租车", "顺风车", "叫车", "滴滴", "机票", "飞机票", "车票", "火车票",
    "高铁票", "动车票", "汽车票", "船票", "门票", "电影票", "演出票", "演唱会", "景区", "旅游团", "跟团游", "自由行",
    "签证", "护照", "酒店", "宾馆", "民宿", "住宿", "客房", "话费", "流量包", "电费", "水费", "燃气费", "煤气费",
    "物业费", "网费", "宽带", "家政", "保洁", "保姆", "月嫂", "育儿嫂", "钟点工", "搬家", "租房", "房子出租", "二手房",
    "装修", "寄件", "取件", "寄快递", "快递员上门", "维修", "修理", "开锁", "换锁", "彩票", "双色球", "大乐透", "网课",
    "课程", "培训班", "驾校", "家教", "辅导班", "摄影", "写真", "婚纱照", "证件照", "拍照", "寄养", "宠物美容", "美甲",
    "美容院", "理发", "按摩", "足疗", "体检", "挂号", "保险", "贷款", "代购", "洗车", "加油卡", "充值", "会员", "干洗",
    "疏通", "回收",
    "清洗", "保养", "年检", "跟拍", "婚庆", "婚礼策划", "司仪", "验光", "配眼镜", "配钥匙", "报班", "兴趣班", "补习班",
    "二手车", "陪诊", "代办", "中介",
)
# A place to eat out (附近有什么好吃的饭店, 推荐个餐厅): a service when no goods are named (饭店用的大米 is rice).
_EATING_OUT = re.compile(r"(?:附近|周边|周围|这边|哪家|哪里有|推荐(?:个|一个|一家|几家|下|一下)?|好吃的|有名的|订个|订)"
                         r"\S{0,4}(?:饭店|饭馆|餐馆|餐厅|馆子|火锅店|自助餐)|订座|订位")
# A verb of having a service done, glued to its object: 修手机, 交电费, 订酒店, 叫个车, 租房子, 挂个号.
_SERVICE_DONE = re.compile(
    r"(?:修|交|缴|充|订|预订|预定|预约|叫|约|租|寄|取|办|挂|报|拍|剪|配)(?:个|张|辆|间|下|一下|一个|一张|一辆|一间|点|副|一副)?"
    r"(?:手机|电脑|空调|冰箱|洗衣机|电视|热水器|马桶|水管|电费|水费|话费|燃气费|酒店|宾馆|机票|车票|门票|快递|包裹|驾照|"
    r"医生|专家|护照|签证|身份证|社保|医保|眼镜|钥匙|镜片|"
    r"照片|头发|网课|车位|房子|房间|(?:车|房|票|号|课|班)(?=$|[^\u4e00-\u9fff]|[吗呢吧啊了去到回来要多少钱的呀]))")
# Asking about words, not goods.
_ABOUT_WORDS = (
    "什么意思", "啥意思", "是何意", "什么梗", "啥梗", "怎么理解", "如何理解", "出自", "出处", "歇后语", "成语", "俗语",
    "谚语", "下一句", "上一句", "造句", "谜语", "谜底", "怎么读", "怎么念", "英文怎么说", "英语怎么说", "用英语",
    "翻译", "什么典故", "比喻什么",
)
# A person said to be something: 我是你的菜, 你真是个大苹果, 他就是个老油条.
_PERSON_IS = re.compile(r"^(?:我|你|他|她|我们|你们|他们|她们|您|这人|那人)(?:真|就|才|简直|可|也|真的)*是"
                        r"(?:个|一个|一颗|一只|我的|你的|他的|她的|我们的|你们的)?")


# The date, the time, the weekday or the weather asked, and nothing else (今天几号, 现在几点了, 明天星期几).
_WORLD = re.compile(r"^(?:请问|那|你知道)?(?:今天|明天|后天|昨天|今儿|明儿|现在|这会儿|今年|今晚|本周|这周)?"
                    r"(?:是|是不是)?"
                    r"(?:几号|几月几[号日]|几月|几点(?:钟|了)?|星期几|周几|礼拜几|农历几[号月]|农历初几|什么日子|"
                    r"什么节日?|天气(?:怎么样|如何|好吗|咋样)?|下雨吗|冷不冷|热不热|几度)"
                    r"(?:了|啊|呀|呢|吗|啦|来着)*$")
_HUMAN = re.compile("人工|客服|真人")
_AFTER_SALES = re.compile("退款|退货|换货|售后|投诉|坏了|烂了|破损|赔")
_HAS = re.compile("有货|有没有|还有吗|有吗|有卖|有售")
# A complaint about goods bought in another shop, or about a courier: nothing of ours is asked for.
_ELSEWHERE = re.compile(r"(?:别的店|别家|别处|外面|超市|菜市场|淘宝|京东|拼多多|天猫|抖音|快手|实体店|商场|地摊)"
                        r"(?:上|里|那)?买的")
_COURIER = re.compile(r"(?:快递员|快递小哥|送货的|送快递的|配送员|骑手|派件员|快递公司)\S{0,6}"
                      r"(?:态度|差|骂|扔|摔|不接|不打)")
_CARD_INTENTS = frozenset({"buy_card", "card_balance", "claim_card"})
_ASKED_OF_CARDS = frozenset({"buy_card", "card_balance", "claim_card", "order", "search", "ask_info", "ask_price",
                             "recommend", "fallback", "pay_order"})
_GOODS_INTENTS = frozenset({"search", "order", "ask_price", "fallback", "recommend", "order_status"})


def set_aside(u: Understanding, words: Mapping[str, int]) -> None:
    """A message that asks for no goods (see `unrelated`) is a `fallback` that names no product and no origin; one
    about other cards only (银行卡怎么绑定, 沃尔玛卡查余额) starts no love-card action (`words`: the dictionary)."""
    if service_goods.FINANCE_ASKED.match(u.text):  # 有没有理财产品: whether it is sold (bot.service_goods)
        u.intent = "search"
    elif aside_as := "money" if scams.money_talk(u.text) else advice_not_given.kind(u.text) or _life(u):
        _aside(u, aside_as, "fallback")  # 中奖了领鸡蛋要交运费吗, 招代理吗 (bot.scams); 我头疼 该吃啥药, 借我两千块
        return  # (bot.advice_not_given); 刮刮乐在哪里买, 房租能用爱心卡交吗 (bot.life_matters)
    if love_card_means.bought_with_love_card(u.text, words):  # 京东卡能用爱心卡买吗: the love card buys goods only
        _aside(u, "card", "ask_info")
        return
    aside = _aside_kind(u)
    if aside:  # 老年人爱心卡怎么办, 地铁爱心卡刷不了: not the shop's card; 话费充值 50: an errand, no card bought
        _aside(u, aside, "fallback")
        return
    if u.intent in _ASKED_OF_CARDS and card_goods.another_card(u.text, words, u.product_words):
        # 买5张大润发购物卡 → order, 工会卡能刷吗 → ask_info (bot.card_goods); read without the card's name (好利来卡)
        asked = card_goods.action(u.text, card_said(u.spaced).replace(" ", ""))
        if asked and asked != "fallback":  # the rest (银行卡怎么绑定, 积分卡能换核桃不) is read below
            u.unrelated, u.intent = "card", asked
            u.product_words, u.origin, u.generic, u.product_text, u.foreign, u.instead = [], None, False, "", "", ""
            return
    if other_cards.exchanged(u.text) and not other_cards.love_card_said(u.text, words):
        u.unrelated, u.intent = "points", "fallback"  # 超市积分卡能换核桃不, 会员卡积分兑换大米: another shop's value
        u.product_words, u.origin, u.generic, u.product_text, u.foreign, u.instead = [], None, False, "", "", ""
        return
    if other_cards.other_card(u.text, words) and not other_cards.goods_beside(u.text, u.product_words) and (
            u.intent in _CARD_INTENTS or (u.intent == "order" and not u.product_words) or (
                u.intent in ("search", "ask_info", "ask_price", "recommend") and not _HAS.search(u.text)
                and not other_cards.goods_card(u.text))):
        # 买张超市购物卡, 银行卡绑不上, 月饼券, 购物卡 500面值: no order, no search either (京东E卡有吗 and SD卡, goods,
        # stay searches answered 没有找到「…」)
        u.intent = "fallback"
        u.product_words, u.origin, u.generic, u.product_text, u.foreign, u.instead = [], None, False, "", "", ""
        return
    if u.intent == "ask_info" and not u.product_words and _HAS.search(u.text) and (
            u.foreign or other_cards.other_card(u.text, words)):
        u.intent = "search"  # 荔枝 妃子笑 有货吗: whether the shop has a thing it does not have: 没有找到「…」
    if about_the_shop := _shop_talk(u):  # 能便宜点吗 (bot.discounts), 在别的店买的苹果烂了, 快递员态度太差了
        _aside(u, about_the_shop, "fallback")
        return
    if u.intent in ("fallback", "search", "ask_info") and _HUMAN.search(u.text) and not u.product_words \
            and not _has_after_sales(u.text):  # 人工客服 / 转人工 / 有真人吗: where to find a person
        u.unrelated, u.intent = "human", "fallback"
        u.product_words, u.origin, u.generic, u.product_text, u.foreign, u.instead = [], None, False, "", "", ""
        return
    if u.intent == "ask_info" and not u.product_words and (
            service_goods.AT_DOOR.search(u.text) or service_goods.asked_of_me(u.text, service_spans(u.text))):
        u.intent = "fallback"  # 水管坏了能上门修吗, 能帮我约个理发吗: the short honest answer, not the after-sales one
    prepared_food.revise(u)  # 红烧肉 做好的 能寄吗, 腊肉 炒好的有吗: a cooked dish, not the raw goods
    if u.intent not in _GOODS_INTENTS and u.intent != "ask_info":
        return
    infant_formula.revise(u)  # 美赞臣奶粉多少钱, a2 奶粉两罐, 宝宝吃什么奶粉好, 金领冠奶粉有现货吗: never the yak's
    if u.intent not in _GOODS_INTENTS:
        return
    kind = unrelated(u.text, u.cues, u.quantity is not None, u.product_words)
    asked, said, kind = _not_sold(u, kind)
    if asked or kind:
        u.unrelated, u.intent = asked or kind, said[0] if asked else "fallback"
        u.product_words, u.origin, u.generic, u.product_text, u.foreign, u.instead = [], None, False, said[1], "", ""


def _life(u: Understanding) -> str:
    """房租能用爱心卡交吗, 刮刮乐在哪里买, 重庆明天热不热: a matter of life no goods are named with (bot.life_matters),
    its kind; "" for any other message, and for the weather beside the shop's words (台风天能发货吗)."""
    life = life_matters.kind(u.text) if not u.product_words else ""
    return "" if life == "world" and world_questions.SHOP.search(u.text) else life


def _shop_talk(u: Understanding) -> str:
    """Talk about the shop that asks for no goods: bargaining or promotions with no goods named (能便宜点吗, 有满减吗;
    not 肯德基优惠券有吗, 京东卡打折吗), goods bought elsewhere, the courier: the kind of the short answer, else ""."""
    if not u.product_words and not u.foreign and u.intent in _GOODS_INTENTS \
            and discounts.asked(u.text, u.product_text) and "卡" not in u.text:  # 京东卡打折吗: read as cards are
        return "discount"
    return "elsewhere" if _ELSEWHERE.search(u.text) else "courier" if _COURIER.search(u.text) else ""


def _aside_kind(u: Understanding) -> str:
    """美团红包能抵扣吗: another platform's credit; 老年人爱心卡怎么办: another programme's card; 话费充值 50: an
    errand; or nothing."""
    if platform_credit.asked_to_pay(u.text):
        return "platform_credit"
    if platform_credit.love_card_elsewhere(u.text):
        return "card_elsewhere"  # 饿了么上能用你们的卡吗: spent only here
    if group_posts.promotion(u.text) and not u.product_words:
        return "group_post"  # 今晚8点直播间抢红包 速度进群: a group's post forwarded
    return "programme" if other_cards.programme_card(u.text) else "service" if _errand_by_its_verb(u) else ""


def _errand_by_its_verb(u: Understanding) -> bool:
    """话费充值 50, 酒店 预订: a service, named with nothing of the shop, whose verb says it is to be done for the
    shopper (bot.errands.done), not asked whether sold nor priced."""
    spans = service_spans(u.text) if u.intent in _ASKED_OF_CARDS else []
    return bool(spans) and not u.product_words and service_goods.action(u.text, spans) == "" \
        and errands.done(u.text, min(a for a, _ in spans))


def _aside(u: Understanding, kind: str, intent: str) -> None:
    """The message set aside as `kind`: no quantity, money, card count, product or origin is kept from it."""
    u.unrelated, u.intent, u.quantity, u.quantities, u.money_yuan, u.card_count = kind, intent, None, [], None, None
    u.product_words, u.origin, u.generic, u.product_text, u.foreign, u.instead = [], None, False, "", "", ""


def _not_sold(u: Understanding, kind: str) -> tuple[str, tuple[str, str], str]:
    """A thing the shop does not sell asked for as goods, keeping the intent of the act: named in English (buy 1
    switch please → order, any airpods? → search; bot.latin_goods) or a service (有植物园门票吗 → search, 开锁多少钱 →
    ask_price, 买三张博物馆门票 → order; bot.service_goods). ("latin_goods" or "service_goods", (intent, the thing
    said for the answer), "") or ("", ("", ""), kind) when it is none."""
    english = latin_goods.asked(u.raw) if not u.product_words else ("", "")
    if english[0]:
        return "latin_goods", english, ""
    asked = service_goods.action(u.text, service_spans(u.text)) if kind == "service" else ""
    if asked:
        return "service_goods", (asked, ""), ""
    return "", ("", ""), kind

def unrelated(compact: str, cues: set[str], has_quantity: bool, product_words: list[str]) -> str:
    """"service", "words" or "person" when the message asks for no goods at all (see the module), else "".
    A service is only what the message asks for when no catalogue word stands outside its name (修手机 is; 苹果寄快递
    is not)."""
    if any(w in compact for w in _ABOUT_WORDS):
        return "words"
    if _WORLD.match(compact) or (not product_words and world_questions.world(compact)):
        return "world"  # 今天几号, 春晚几点开始, 高铁几点到, 明天会下雪吗, 放假几天
    if not product_words and world_questions.small_talk(compact):
        return "talk"  # 你吃饭了吗
    spans = service_spans(compact)
    if spans and not any(_outside(compact, w, spans) for w in product_words if len(w) >= 2):  # 中通: not 通
        return "service"
    if _PERSON_IS.match(compact) and not has_quantity and not cues & {"buy", "price", "search", "add", "status"} \
            and not introduces(compact):  # 我是党支部的: who speaks, no praise
        return "person"
    return ""


def service_spans(compact: str) -> list[tuple[int, int]]:
    """Where the message names a service or an errand (empty when it names none)."""
    spans = [m.span() for m in _SERVICE_DONE.finditer(compact)]
    spans += [m.span() for m in _SERVICE_SPLIT.finditer(compact)] + service_goods.more_spans(compact)
    spans += errands.spans(compact)  # 卧铺票, 出国旅游, 交交通罚款, 上门洗油烟机, 饭店预订
    for w in _SERVICE_NOUNS:  # str.find: a pattern per noun and message cost more than the rest of the reading
        at = compact.find(w)
        while at >= 0:
            spans.append((at, at + len(w)))
            at = compact.find(w, at + len(w))
    spans += [m.span() for m in _EATING_OUT.finditer(compact)]
    buyers = recipients.stocking_spans(compact)  # 酒店自助早餐要备货: the hotel buys goods, books nothing
    return [(a, b) for a, b in spans if not _DEVICE.match(compact, b) and not any(s <= a < e for s, e in buyers)]


# A service glued to a device's or a goods' head (按摩仪, 按摩椅, 理发器, 洗车液, 清洗剂, 美甲套装, 美甲胶): a thing
# asked for (没有找到「洗车液」), no errand.
_DEVICE = re.compile(r"[仪器椅机垫枕棒梳剪刀液剂膏胶霜]|套装|工具|用品|神器|手机|相机")  # 拍照手机: a phone


# A verb-object service said with a measure word or an aspect between its halves (打个车, 挂个号, 叫辆车, 订张票,
# 交一下话费, 打了车): the same errand as 打车, 挂号, 叫车 … Every short verb-object noun of the list splits so.
_SPLIT_BY = r"(?:个|辆|张|间|份|一个|一辆|一张|一间|一份|一下|了|过)"
_SERVICE_SPLIT = re.compile("|".join(
    rf"{re.escape(w[0])}{_SPLIT_BY}{re.escape(w[1:])}"
    for w in (*_SERVICE_NOUNS, "订票", "买票", "抢票", "点餐", "叫餐")
    if len(w) in (2, 3) and w[0] in "打叫挂订交缴充寄取修约租买抢点搬开换理洗"))


def _outside(compact: str, word: str, spans: list[tuple[int, int]]) -> bool:
    return any(not any(a <= m.start() and m.end() <= b for a, b in spans)
               for m in re.finditer(re.escape(word), compact))


OTHER_CARD = "我们只卖消费扶贫爱心卡，别的卡和券（储值卡、会员卡、礼品卡、提货券、存储卡等）这里没有，也办理不了。"
# Another's card asked for with the love card (京东卡能用爱心卡买吗): neither sold here nor bought with it.
LOVE_CARD_BUYS = OTHER_CARD + "爱心卡只能用来买本店的认定扶贫产品。"
# Asked whether another's card or credit pays here (工会卡能刷吗, 支付宝消费券能抵扣吗).
CARD_PAYMENT = "本店只收消费扶贫爱心卡和微信支付，别家的购物卡、会员卡、消费券、购物金都不能在这里付款或抵扣。"
REPLIES = {
    "wait": "好的，不着急，您想好了随时告诉我。",
    "thanks": "不客气！还需要什么随时跟我说。",  # 谢谢 辛苦了 (bot.talk_kinds): the talk closed kindly
    "service": "抱歉，这个我们办不了。这里是爱心助农商城，只卖认定的扶贫农产品和消费扶贫爱心卡。",
    "words": "抱歉，这个问题我答不了。我是爱心助农的下单助手，只管认定的扶贫农产品和消费扶贫爱心卡。",
    "person": "哈哈，谢谢夸奖。想买点扶贫好物或者消费扶贫爱心卡，直接告诉我就行。",
    "talk": world_questions.TALK_REPLY,
    "world": ("抱歉，日期、时间、天气这些我查不了，请看一下手机。"
              "我是爱心助农的下单助手，只管认定的扶贫农产品和消费扶贫爱心卡。"),
    "human": ("这里没有人工客服在线，我是下单助手。订单、发货、售后的事，请在「我的订单」里找到这一单联系供货商家，"
              "商家会直接处理；买东西、问价格、爱心卡的事直接跟我说就行。"),
    "elsewhere": ("抱歉，不是在本店买的东西我们没法处理，请找当初购买的商家。"
                  "在本店买的，可以在「我的订单」里找到这一单联系商家售后。"),
    "money": scams.REPLY,
    "cure": health_talk.CURE_REPLY,
    **advice_not_given.REPLIES,
    **life_matters.REPLIES,
    **how_to_asked.REPLIES,
    "points": "本店没有积分，别家的积分、会员卡、购物卡也不能在这里兑换或付款。" + OTHER_CARD,
    "discount": discounts.REPLY,
    "platform_credit": platform_credit.REPLY,
    "card_elsewhere": platform_credit.ELSEWHERE_REPLY,
    "group_post": group_posts.REPLY,
    "courier": "抱歉给您带来不好的体验。快递的问题请在「我的订单」里找到这一单联系商家，商家会向快递公司反馈处理。",
}

_RUN = re.compile(r"(?<![0-9.])[0-9.]*[\u4e00-\u9fffa-z][\u4e00-\u9fffa-z0-9]*")  # never inside a number
_CUES = sorted((w for group in (lexicon.BUY, lexicon.SEARCH, lexicon.ASK_PRICE, lexicon.FILLER, lexicon.ADD,
                                lexicon.GREET) for w in group if w), key=len, reverse=True)
_UNIT = ("(?:斤|kg|g|克|公斤|千克|l|ml|升|毫升|个|箱|袋|瓶|盒|罐|包|份|只|枚|两|打|张|件|条|支|台|部|双|套|桶|块|元"
         "|束|朵)")  # 来两束康乃馨: 「康乃馨」
_AMOUNT = re.compile(rf"(?:[0-9.]+|[一二两三四五六七八九十百千半几俩仨]+){_UNIT}装?$")
# Whether someone may eat it, said before the thing (狗狗可以吃红薯干吗, 孕妇能喝咖啡吗): 「红薯干」, 「咖啡」.
_FIT_TO_EAT = re.compile(r"^[\u4e00-\u9fff]*?(?:能不能|可不可以|能|可以|适合|敢)(?:吃|喝)(?=[\u4e00-\u9fffa-z])")
# Whether the shop has it, said before the thing (你们这有螃蟹吗, 你家有卖螃蟹的吗, 这里有没有螃蟹): 「螃蟹」.
_HERE_HAS = re.compile(r"^(?:你们|你家|您家|你|您|咱们|咱|店里|这儿|这里|这边|这|贵店|本店)+"
                       r"(?:有没有卖|有没有|有卖|还有|有|卖)(?=[\u4e00-\u9fffa-z]{2})")
# Some of it, before the thing (想买点喜糖, 来些鲜花): 「喜糖」; 点心 keeps its 点 (the echo holds what was looked up).
_SOME = re.compile(r"^(?:一点儿|一点|点儿|一些|点|些)(?=[\u4e00-\u9fff]{2})")
_LEAD_AMOUNT = re.compile(rf"^(?:[0-9.]+|[一二两三四五六七八九十百千半几俩仨]+)(?!只){_UNIT}")  # not 三只松鼠


def echo(spaced: str, words: str, listed: bool = False) -> str:
    """The customer's words for the thing not found, unsplit: the run of the message holding what was looked up
    (鲁花花生油, not 花花生油; 帮我订张机票 → 机票), without the cue words, amounts and particles at its ends.
    Things named in a list (奶粉、手机壳; 茶叶和咖啡: `listed`, or joined by 和) are echoed each apart: 奶粉、手机壳."""
    pieces = [p for p in re.split(r"\s+", words) if p]
    if not pieces:
        return words
    runs = []
    for m in _RUN.finditer(spaced):
        for run in _AND.split(m.group()):
            held = [p for p in pieces if p in run]
            if held:
                trimmed = trim(run)  # 六个核桃有吗 → 六个核桃: what was looked up is never trimmed away
                runs.append(trimmed if any(p in trimmed or _eaten(p) in trimmed for p in held) else held[0])
    runs = list(dict.fromkeys(r for r in runs if r))
    said = ("、" if listed or (len(runs) > 1 and _AND.search(spaced)) else " ").join(runs)
    return said if said and len(said.replace(" ", "")) <= 24 else words


def _eaten(piece: str) -> str:
    """喝咖啡 → 咖啡: the thing looked up without the verb of eating jieba joined to it (孕妇能喝咖啡吗)."""
    return piece[1:] if len(piece) >= 3 and piece[0] in "吃喝" else piece


# Words that join the things of a list inside one run (茶叶和咖啡, 奶粉跟尿布); not the 和 of a name (和田玉枣).
_AND = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:和|跟|还有|以及)(?=[\u4e00-\u9fff]{2})")


def trim(run: str) -> str:
    """The run without the cue words, amounts and particles at its ends (买5张大润发购物卡 → 大润发购物卡)."""
    changed = True
    while changed and run:
        changed = False
        stripped = _SOME.sub("", _LEAD_AMOUNT.sub("", _AMOUNT.sub("", _FIT_TO_EAT.sub("", _HERE_HAS.sub("", run)))))
        stripped = stripped.strip("的了吗呢吧啊呀嘛哦")
        if stripped != run and stripped:
            run, changed = stripped, True
            continue
        for w in _CUES:
            if run != w and run.endswith(w) and (len(w) > 1 or w in _LEADING):
                run, changed = run[:-len(w)], True
                break
            if run != w and run.startswith(w) and (len(w) > 1 or w in _LEADING):
                run, changed = run[len(w):], True
                break
    return run


_LEADING = frozenset("来要买给有卖想拿帮我请找")  # one-character cue words at either end (来一袋…, 有…吗, …来两袋)


def _has_after_sales(text: str) -> bool:
    """投诉 / 退款 beside 客服: an after-sales question, answered as one."""
    return _AFTER_SALES.search(text) is not None


def card_said(spaced: str) -> str:
    """大润发购物卡 from 买5张大润发购物卡, 大润发的卡 from 大润发的卡能在你们这付吗, 话费 from 来300元话费: the first
    run holding the card, cut after its word, without the buying and asking words and the amounts before it."""
    for run in re.findall(r"[\u4e00-\u9fffa-z0-9]+", spaced.lower()):
        m = card_goods.NAMED.search(run)
        if m is not None:
            name = re.sub(r"^\d+元?面值的?", "", trim(run[:m.end()]))  # 500面值的永辉卡 → 永辉卡
            name = re.sub(r"^\S*?(?:用|拿)(?=\S{2})", "", name)  # 这单用沃尔玛卡付 → 沃尔玛卡
            return trim(name) or run[:m.end()]
    return ""

