"""Questions and advice said with words that look like ordering or searching, read as what they ask:

* how much is enough for people or time (三口人吃半个月大米买几袋合适, 腊肉一斤够炒几次): advice, no count;
* two named products or sizes weighed (5kg的和10kg的哪个值, 这两个送长辈哪个体面): advice;
* gift advice for an occasion or a person (重阳节送爸妈买点啥, 探望病人带什么合适): the occasion and the person name
  no product;
* stock asked with the amount wanted (红枣还有没有库存 要二十袋) and what a product holds (年货大礼包里都有什么): info;
* how to use the shop (怎么帮我妈下单, 可以发语音吗, 字太小看不清): help;
* a love card given by a friend used to pay (用朋友送的爱心卡付钱): paying, not claiming;
* face values alone (有哪些面值): the love card's;
* life news and chit-chat (最近好忙), and an offer to sell to the shop (我家种的核桃想放你们这卖): no goods asked for.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bot import address_questions, delivery_asked, packs, phrasing, product_facts, replies, stock_asked, talk_kinds

if TYPE_CHECKING:
    from bot.understanding import Understanding

_COUNT = r"[\d一二两三四五六七八九十百几半俩仨]+"
# How long or for how many: 三口人, 六个人, 半个月, 一周, 几次.
_PEOPLE_TIME = re.compile(rf"{_COUNT}(?:口人|口|个人|位|人|个月|月|天|周|个星期|星期|顿|次|餐)|全家|一家人|一家子"
                          r"|一家(?=\S{1,2}口)")  # 一家四口
# Enough asked: 够六个人吃吗, 够炒几次, 买几袋合适, 买几箱苹果够, 能吃多久, 吃几天.
_ENOUGH = re.compile(r"够(?:\S{0,6}?)(?:吃|用|喝|炒|炖|煮|分|做|泡)(?:\S{0,3}?(?:吗|么|不|没|几\S{0,2}|多久))?"
                     r"|(?:买|要|拿|订|备|囤|吃|喝|用)(?:几|多少)\S{0,6}?(?:合适|才够|够|比较好|好)(?:吗|呢|啊)?$"
                     r"|(?:能|可以)(?:吃|用|喝)(?:几|多久|多长)\S{0,3}|几(?:个人|口人|口|个|人)(?:吃|用|喝)")
# The words an enough question is made of, to be set apart from the goods it names.
_ENOUGH_WORDS = re.compile(r"够|合适|才够|比较好|多久"
                           r"|(?:买|要|拿|订|备|囤)?(?:几|多少)(?:袋|箱|瓶|盒|斤|只|包|罐|份|个|件|次|顿|天)?"
                           r"|(?<=[人月天周够])(?:吃|用|喝)|(?:吃|用|喝|炒|炖|煮|分|做|泡)(?=[吗么不几多]|$)|能(?:吃|用|喝)"
                           r"|[吗么呢]$|^(?:这|那)?只")
_HOW_MANY = re.compile(r"(?:买|要|拿|订|备|囤|吃|喝|用)(?:几|多少)(?![天周月号点时次年钱块元])")  # 一个月吃多少米
# A definite order said beside (来两袋 够吃吗 asks after what is ordered, and stays an order).
_ORDERED = re.compile(r"(?:来|要|买|拿|订)(?:[\d一二两三四五六七八九十百俩仨]+)"
                      r"(?:袋|箱|瓶|盒|斤|只|包|罐|份|个|件|公斤|kg)")
# Two things weighed for advice: 哪个好, 哪个值, 哪个体面, 哪种合适 (哪个最便宜 is a price question, read elsewhere).
_WHICH = re.compile(r"(?:哪个|哪种|哪款|哪一个|哪一种|哪样)(?:更|比较|会)?"
                    r"(?:好|值|体面|合适|拿得出手|有面子)")  # 哪个划算 / 哪个实惠 stay price comparisons
_GIFT_SAID = re.compile(r"送|体面|面子|拿得出手|长辈|礼")
_THESE = re.compile(r"(?:这|那)(?:两|俩|二)(?:个|种|款|样)?")
_TWO = re.compile(r"和|跟|与|还是|这两|那两|两个|两种|两款")
# Gift advice: 送爸妈买点啥, 带什么合适, 送点什么好.
_GIFT = re.compile(r"(?:送|带|拿|孝敬|探望|看望|拜年)\S{0,6}?(?:什么|啥|哪些|点啥)")
# Words of a gift question that name no product: occasions, people, visits, limits.
_GIFT_WORDS = re.compile(r"^(?:\S{1,3}节|生日|婚礼|满月|乔迁|开业|过年|拜年|探望|看望|探病|病人|住院|班主任|老师|医生|"
                         r"护士|领导|客户|同事|长辈|爸妈|父母|爸|妈|爷爷|奶奶|外公|外婆|亲戚|朋友|邻居|丈母娘|岳父|岳母|"
                         r"公婆|回老家|老家|回家|带回|合适|太贵|不要|送点|送|带|买点|买|给|点|好)+$")
# What a product holds: 里都有什么, 装的是啥; not a budget or a time (一百块以内有什么推荐, 三天之内).
_INSIDE = re.compile(r"(?:里|里面|里头|(?<![以之])内)(?:都|一般)?(?:有|装(?:了|的)?|是)(?:些)?(?:什么|啥|哪些)")
_CONTENTS = re.compile(_INSIDE.pattern + r"|装(?:的|了)?(?:是|都是)?(?:什么|啥|哪些)")  # also 这个礼盒装的是啥
# An order said beside the stock question (有货的话来两袋, 有货就下单): it goes ahead.
_GO_AHEAD = re.compile(r"来[\d一二两三四五六七八九十几]|的话|就要|就下单|就买|给我发|直接下单")
_STOCK = re.compile(r"还有货|有货吗|有没有货|有没有库存|库存|还有没有|有现货|卖完了吗")
# Using the shop itself: 怎么帮我妈下单, 可以发语音吗, 字太小看不清, 第一次用.
_HOW_TO = re.compile(r"(?:怎么|如何|怎样)(?:帮|给|替)\S{0,4}?(?:下单|买|付款|填)|(?:发|说|用)语音|语音(?:输入|下单)"
                     r"|字(?:太|好|有点)小|看不清|第一次用|不会弄|不会操作")
_PAYS = re.compile(r"付钱|付款|支付|结账|买单")
_FACES = re.compile(r"^(?:有|都有)?(?:哪些|几种|什么)?面(?:值|额)(?:有(?:哪些|几种|什么|多少))?(?:啊|呢|吗)?$")
# Life news and chit-chat that names no product: 最近好忙, 今天好冷啊.
_CHAT = re.compile(r"^(?:最近|今天|这几天|这两天|今年|昨天|天天|每天)?(?:好|太|真|挺|很|有点)"
                   r"(?:忙|累|冷|热|困|烦|开心|高兴|无聊)(?:啊|呀|了|哦|呢|死了)?$")
# How much rice is eaten or bought (一家四口一个月吃多少米合适): 多少米 asks an amount of rice, not a price (多少米 is
# also typed for 多少钱: 大米多少米 stays a price).
_RICE_EATEN = re.compile(r"(?<=[吃买要备囤])多少米")


def rice_amount(message: str) -> str:
    """一个月吃多少米合适 → 一个月吃多少大米合适: the rice named, the amount asked (never a price question)."""
    return _RICE_EATEN.sub("多少大米", message)

# Selling to the shop: 想放你们这卖, 帮我卖, 能代卖吗.
SELLING = re.compile(r"放(?:你们|你家|店里|贵店)\S{0,2}卖|帮(?:我|我们)(?:卖|代卖)|代卖|寄卖|能在你们这卖|上架我的")


def enough(compact: str) -> bool:
    """三口人吃半个月大米买几袋合适 / 这只鸡够六个人吃吗: how much is enough, with no definite order said beside."""
    how_many = _HOW_MANY.search(compact) is not None  # 要几袋, never 寄到上海要几天
    asked = _ENOUGH.search(compact) is not None or (  # 一家五口吃一个月 小米要买几袋: for whom, then how many
        _PEOPLE_TIME.search(compact) is not None and how_many)
    return asked and _ORDERED.search(compact) is None


def spans(compact: str) -> list[tuple[int, int]]:
    """The words of an enough question or a two-way comparison (够六个人吃吗, 哪个体面): they name no product."""
    found = [m.span() for m in _WHICH.finditer(compact)]
    if found:
        found += [m.span() for m in _THESE.finditer(compact)]
    if enough(compact):  # only the words of the question: 买几箱苹果够 keeps 苹果
        found += [m.span() for m in (*_ENOUGH_WORDS.finditer(compact), *_PEOPLE_TIME.finditer(compact))]
    found += stock_asked.spans(compact)  # 松茸咋没货了 啥时候有: 松茸
    found += delivery_asked.spans(compact)  # 静宁苹果走顺丰吗, 寄到香港吗: the delivery asked names no goods
    found += [m.span() for m in _WHEN_BACK.finditer(compact)]  # 蓝莓啥时候能有货, 牛肉干夏天会坏吗: 蓝莓, 牛肉干
    return found + [m.span() for m in _INSIDE.finditer(compact)]  # 年货大礼包里都有什么: 年货大礼包 (礼盒装的 stays)


# When it is back in stock, or whether it spoils in the heat on the way: words of the question, no goods.
_WHEN_BACK = re.compile(r"(?:什么|啥|几|哪)(?:时候|天|时)(?:能|会|才|可以)?(?:有货|到货|补货|上货|上架|再有)|补货"
                        r"|(?:夏天|冬天|天热|天气热)(?:发货|寄|发)?(?:会不会|会|能不能)?(?:坏|化|臭|变质)(?:掉)?")


# A price said back to be checked (镇赉大米52块一袋吗, 是52一袋吗, 58元一箱对吧): a price question, the figure no count
# nor part of a name (it was 没有找到「镇赉大米52」).
_PRICE_CHECK = re.compile(r"(?:(?:是|就是|卖)\s*(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)(?:块|元)?|"
                          r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)(?:块|元))钱?\s*(?:一|每)"
                          r"(?:袋|箱|盒|瓶|罐|斤|只|包|桶|个|件|条|提|份|公斤)"
                          r"(?:吗|嘛|么|对吗|是吗|吧|对吧|没错吧|是不是)[？?]?$")


def unglued(spaced: str) -> str:
    """The message with the question's words blanked, so that no goods read as glued to them (半个月大米 is rice,
    not a 月大米; 礼盒里面有什么 asks about the box, not a 礼盒里)."""
    words = [*_INSIDE.finditer(spaced), *(_PEOPLE_TIME.finditer(spaced) if enough(spaced.replace(" ", "")) else ()),
             *_PRICE_CHECK.finditer(spaced), *product_facts.where_from(spaced)]
    chars = list(spaced)
    blanked = [m.span() for m in words] + product_facts.weight_spans(spaced) + delivery_asked.spans(spaced) \
        + phrasing.weighed_with_spans(spaced) + stock_asked.spans(spaced)  # 松茸咋没货了: no 松茸咋
    for start, end in blanked:  # 大米重不重: no 大米重; 静宁苹果走顺丰吗: no 静宁苹果走
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def revise(u: Understanding) -> None:
    """The kinds in the module, read over the context-free intent (see there)."""
    text = u.text
    if _PRICE_CHECK.search(text) and u.intent in ("search", "order", "fallback"):
        u.intent, u.quantity, u.quantities = "ask_price", None, []  # 镇赉大米52块一袋吗: the price checked
    elif SELLING.search(text):
        u.intent, u.product_words, u.product_text, u.origin, u.generic = "fallback", [], "", None, False
    elif u.intent == "claim_card" and _PAYS.search(text) and "AX1" not in u.raw.upper() and not any(
            ch.isdigit() for ch in u.raw):
        u.intent = "pay_order"  # 用朋友送的爱心卡付钱: the card is theirs already; paying is asked
    elif _FACES.search(text):
        u.intent = "ask_info"  # 有哪些面值: the love card's face values, the only faces the shop has
    elif _HOW_TO.search(text) and not u.product_words and u.quantity is None and "search" not in u.cues:
        # not 字太小 帮我买两袋大米, nor 有没有血压计 屏幕字大的: goods asked for
        u.intent, u.quantity, u.quantities = "help", None, []
    elif enough(text) and u.intent in ("order", "search", "fallback", "ask_info", "recommend"):
        _advice(u)
    elif _WHICH.search(text) and _TWO.search(text) and u.intent in ("order", "search", "fallback"):
        u.intent = "recommend"  # 5kg的和10kg的哪个值: the sizes stay, to be compared; 这两个 counts nothing
        u.quantities = [q for q in u.quantities if q.unit not in ("个", "种", "款", "样")]
        u.quantity = u.quantities[0] if u.quantities else None
    elif _STOCK.search(text) and u.intent == "order" and u.product_words and not _GO_AHEAD.search(text):
        u.intent = "ask_info"  # 要二十袋 有这么多货吗: how many is the reason asked (the stock answer weighs it)
    elif _CONTENTS.search(text) and u.intent in ("search", "recommend", "fallback"):
        u.intent = "ask_info"  # 年货大礼包里都有什么: the product's own description
    elif _GIFT.search(text) and u.intent == "recommend" and not u.about_products and _gift_only(u.product_text):
        u.product_text = ""  # 重阳节 / 班主任 / 探望病人: whom and when, no product to look up
    elif u.intent == "search" and not u.about_products and not u.foreign and _CHAT.search(text):
        u.intent, u.product_text = "fallback", ""


def _advice(u: Understanding) -> None:
    u.intent, u.quantity, u.quantities, u.specs = "recommend", None, [], []


def _gift_only(product_text: str) -> bool:
    return all(_GIFT_WORDS.search(w) for w in product_text.split())


def contents(compact: str) -> bool:
    return _CONTENTS.search(compact) is not None


def contents_answer(card: dict[str, Any]) -> str:
    """礼盒里都有什么: what the product's own data says it holds, never a list made up."""
    said = (card.get("description") or "").strip()
    pack = packs.equivalent(card)
    held = f"每{card['unit']}是{pack}" if pack != card["name"] else f"按{card['unit']}卖"
    tail = f"商品介绍：{said}" if said else "商品资料里没有更细的内容清单，具体可以联系商家确认。"
    return f"{card['name']}：{held}，{replies.yuan(card['price_fen'])}/{card['unit']}。{tail}"


def enough_answer(cards: list[dict[str, Any]]) -> str:
    """够几个人吃: the packs there are and what one holds; how many people or days it lasts is not made up."""
    lines = [f"{c['name']}：每{c['unit']}{_held(c)}，{replies.yuan(c['price_fen'])}/{c['unit']}" for c in cards]
    return ("\n".join(lines) + "\n够几个人、吃多久要看各家的饭量，我不替您估一个数。按上面每份的分量算一下，"
            "定好了直接说“要两" + (cards[0]["unit"] if cards else "份") + "”就行。")


def _held(card: dict[str, Any]) -> str:
    pack = packs.equivalent(card)
    return f"是{pack}" if pack != card["name"] else "一份"


# How buying here goes, asked as a whole (采购流程, 下单的步骤, 从下单到开票, 购买流程是怎样的).
_PROCESS = re.compile(r"(?:采购|购买|下单|买东西|订购|整个)\S{0,4}(?:流程|手续|步骤)|从下单到|流程是")


def process_asked(compact: str) -> bool:
    """想了解下采购的整个流程，从下单到开票: how buying here goes, answered step by step (`how_to`)."""
    return _PROCESS.search(compact) is not None


def how_to(compact: str) -> str:
    """怎么帮我妈下单 / 可以发语音吗 / 字太小看不清: the answer to what was asked, before the usual help."""
    said = talk_kinds.how_to(compact) or address_questions.answer(compact)  # 收货地址在哪填, 收件人在哪写, 怎么改地址
    if said:
        return said
    if re.search(r"(?:帮|给|替)\S{0,4}?(?:下单|买|付款|填)", compact):
        return "帮家人买：照常下单，确认前说“寄到+她的地址、收货人和电话”，就寄给她，也可以在「我的地址」里先存好。\n"
    if process_asked(compact):
        return ("在这里买的流程：说要什么（或在商品页下单）→ 确认订单 → 付款（微信支付，或用爱心卡）→ "
                "产地的供货商家发货，「我的订单」里看物流 → 要发票的，付款后在「我的订单」里找到这一单"
                "联系商家开（单位抬头、税号都可以）。"
                "单位量大也可以以购代捐，买消费扶贫爱心卡发给职工。\n")
    if re.search(r"单位|公司|平台|谁办|谁开|你们是谁|你们是什么", compact):
        return ("这里是爱心助农，消费扶贫的线上商城：卖经省里认定的扶贫产品（每款都有认定证书）和消费扶贫爱心卡，"
                "货由产地的供货商家直接发出。\n")
    if re.search(r"卡\S{0,10}(?:怎么|如何)(?:用|使用|花|付|消费)", compact):  # 爱心卡怎么用, 这些卡员工拿到以后怎么用
        return ("爱心卡这样用：收到实体卡或卡码的，先在「我的爱心卡」点“领取”（或把卡码发给我）；网上买认定扶贫产品时，"
                "下单后说“用爱心卡支付”就能用卡里的钱付款；在消费扶贫专柜、专馆、专区，出示「我的爱心卡」里的付款码消费。"
                "卡只能买认定扶贫产品，不能提现。\n")
    if "语音" in compact:
        return "这里现在只能打字，不能发语音；可以用手机输入法的语音转文字，说完发过来就行。\n"
    if re.search(r"字|看不清", compact):
        return "字小的话，可以在手机的“设置-显示-字体大小”里调大，这里的字会跟着变大。\n"
    return ""


def these_two(compact: str) -> bool:
    """这两个送长辈哪个体面: the two just shown are weighed."""
    return _WHICH.search(compact) is not None and _THESE.search(compact) is not None


def weighed(compact: str) -> bool:
    return _WHICH.search(compact) is not None and _TWO.search(compact) is not None


def weigh_answer(cards: list[dict[str, Any]], said: str) -> str:
    """Two products weighed for a gift or a use: what each is and costs, the choice left to the shopper."""
    lines = [f"{i}. {c['name']}：每{c['unit']}{_held(c)}，{replies.yuan(c['price_fen'])}/{c['unit']}"
             for i, c in enumerate(cards, 1)]
    gift = "送人的话价高的一款更显分量，自家用挑实惠的就行。" if _GIFT_SAID.search(said) else "看您的用途和预算挑，"
    return (f"这{'两' if len(cards) == 2 else '几'}款都是认定扶贫产品：\n" + "\n".join(lines)
            + f"\n{gift}想要哪个？说“第一个”就行。")


def gift(compact: str) -> bool:
    """重阳节送爸妈买点啥 / 探望病人带什么合适: a gift asked for, whatever the occasion."""
    return _GIFT.search(compact) is not None


def faces(compact: str) -> bool:
    """有哪些面值: the only face values the shop has are the love card's."""
    return _FACES.search(compact) is not None


def not_named(u: Understanding) -> str:
    """赤松茸和香菇哪个好: what was weighed beside the goods found and names none of them (赤松茸), or ""."""
    rest = "".join(w for w in u.product_text.split() if not any(w in p or p in w for p in u.product_words))
    return rest if len(rest) >= 2 and u.product_words else ""
