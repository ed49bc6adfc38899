"""Short forms of everyday shop talk that the cue words alone miss, each read by a general rule:

* a greeting made of a form of address (老板好, 亲在吗, 掌柜的在不在);
* dropping the order under way with a negated ordering verb (这单先不下了, 不买了);
* a measure word with no number after a buying verb (来只土鸡, 要份红薯干, 买个核桃): one of that pack;
* a removal and a replacement in one message (不要X了，换成Y / X不要了，来一斤Y / 不要辣的，来瓶Y);
* a price asked per pack without 钱 (一饼多少, 多少一盒);
* a question about what a product is like (是散养的吗, 是不是有机的);
* advice with a purpose or for someone (推荐点送长辈的, 有什么适合煲汤的, 给小孩买点啥零食好).
"""
from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from bot.festival_words import FESTIVALS
from bot.lexicon import PUNCTUATION, UNITS

if TYPE_CHECKING:
    from bot.understanding import Understanding

# Forms of address in a shop (亲 is the online shops' "dear"): a greeting when nothing else is asked.
VOCATIVES = ("老板娘", "老板", "亲亲", "亲爱的", "亲", "掌柜的", "掌柜", "店家", "店主", "小二", "客服", "小姐姐",
             "小哥哥", "美女", "帅哥", "师傅", "您", "你")
_HELLO = ("好", "你好", "您好", "早", "早上好", "上午好", "中午好", "下午好", "晚上好", "在吗", "在么", "在嘛",
          "在不在", "在没", "在没在", "有人吗", "在", "嗨", "哈喽", "hello", "hi")
_VOCATIVE = re.compile("^(?:" + "|".join(sorted(VOCATIVES, key=len, reverse=True)) + ")+")


# A season's greeting (过年好, 新年快乐, 中秋节快乐, 端午安康): a greeting, not goods named 过年好.
# The festivals (bot/festival_words) and the seasons greeted but never a time goods are bought for.
_GREETED = (*(f for f in FESTIVALS if f != "年货"), "新春", "除夕", "圣诞", "小年", "腊八", "冬至")
_SEASONS = re.compile(rf"(?:{'|'.join(_GREETED)})节?(?:好|快乐|安康|大吉|吉祥|愉快)(?:啊|呀|哈|了|!|！|~)*$")


def season_greeting(compact: str) -> bool:
    """过年好 / 老板新年快乐 / 端午节安康 (安康 is also a city): the whole message is a season's greeting."""
    m = _VOCATIVE.match(compact)
    return _SEASONS.fullmatch(compact[m.end() if m else 0:].rstrip("。.，, ")) is not None


def greeting(compact: str) -> bool:
    """老板好 / 亲，在吗 / 老板在不在 / 亲 / 老板新年好: a form of address alone or with a greeting; a season's
    greeting alone (过年好, 端午节安康)."""
    m = _VOCATIVE.match(compact)
    if (m is None or m.group() in ("您", "你")) and _SEASONS.match(compact) is None:
        return False
    rest = "".join(ch for ch in compact[m.end() if m else 0:] if not unicodedata.category(ch).startswith("S"))  # 😄
    rest = rest.rstrip("呀啊哦呢吖~噻撒哈哟嘛嘞咯哇")  # 老板好噻 (south-western 噻), 老板好哇
    return rest == "" or rest in _HELLO or _SEASONS.fullmatch(rest) is not None


# 你好朋友 / 您好老板: a hello glued to a form of address (jieba cuts 你 / 好朋友 / …); the forms of address said
# only after a hello (alone at the start 朋友 may be the subject: 朋友推荐的).
_HELLO_ADDRESSED = re.compile("^(?:你好|您好|哈喽|嗨)(?:" + "|".join(
    sorted({*VOCATIVES, "朋友", "老乡", "同志", "大哥", "大姐", "阿姨", "叔叔"} - {"您", "你"}, key=len, reverse=True))
    + ")+")


def vocative_spans(compact: str) -> list[tuple[int, int]]:
    """老板，来两瓶蜂蜜 / 你好朋友，巴旦木有大的吗: the form of address the message opens with, and a hello glued
    before it (it names no product)."""
    m = _HELLO_ADDRESSED.match(compact) or _VOCATIVE.match(compact)
    return [m.span()] if m is not None and m.group() not in ("您", "你") else []


# The order under way dropped: a negated ordering verb, with nothing else named (这单先不下了, 先不要了, 不订了).
# Put off first (等下再说吧 这单先不下, 回头再说 先不买了): later is no order now.
_DROP_ORDER = re.compile(r"^(?:(?:等下|等等|等会儿?|下次|以后|改天|回头|过两天|过几天)再说(?:吧|了|哈)*"
                         r"|我?再想想(?:吧)?)?"
                         r"(?:那|那就|这|这个|这一)?(?:单|单子|订单)?(?:我)?(?:先|就|暂时|还是|今天)?"
                         r"(?:不|别)(?:下|买|要|订)(?:单)?(?:了|啦|吧)*"
                         r"(?:谢谢(?:你|您|啦|了)?|多谢|麻烦了|辛苦了)?$")  # 这单不下了 谢谢: the thanks ends it


def drops_the_order(compact: str) -> bool:
    return bool(_DROP_ORDER.match(compact))


# A measure word right after a buying verb, with no number: 来只 / 来饼 / 要份 / 买个 (one of that pack).
_ONE_UNITS = [u for u in UNITS if u not in ("两", "g", "l", "kg", "ml", "样", "款", "种", "次", "单", "口", "对", "双")]
_IMPLICIT_ONE = re.compile(r"(?:来|要|买|拿|订|整|给我|帮我|再来|再要|再买|先来|先要|加|添|多来|多要)(?P<unit>"
                           + "|".join(re.escape(u) for u in sorted(_ONE_UNITS, key=len, reverse=True)) + ")")


_SIZE_AFTER = re.compile(r"\d+(?:\.\d+)?\s*(?:kg|g|ml|l|公斤|千克|克|斤|毫升|升|枚|个|只)(?:装|的)")


def implicit_one(text: str, is_word: object) -> tuple[str, int, int] | None:
    """(unit, start, end) of a measure word said without a number (来只土鸡 → 只); `is_word(piece)` tells when the
    measure word only begins a longer word (要包子, 来个人) and so is no measure at all."""
    for m in _IMPLICIT_ONE.finditer(text):
        start, end = m.span("unit")
        after = text[end:end + 1]
        if not after or not (re.match("[\u4e00-\u9fffa-z]", after) or _SIZE_AFTER.match(text, end)):
            continue  # 来罐500g的蜂蜜: a size may stand between the measure word and the product
        if any(is_word(text[start:start + size]) for size in (2, 3, 4) if start + size <= len(text)):  # type: ignore
            continue
        return m.group("unit"), start, end
    return None


# A removal, then a replacement: the removal's clause and the rest (the new request).
_SIGH = r"(?:算了|算啦|唉|哎|哦|嗯)?"  # 算了不要5斤的了，换成10斤的两箱: the removal said with a sigh
_NEGATION = re.compile(rf"^{_SIGH}(?:把|那个)?(?:不要|不买|去掉|删掉|拿掉|别要|别买)\S+?(?:了|啦|吧)?$"
                       r"|^\S+?(?:不要了|不要啦|不买了|不要|去掉|删掉|拿掉)$")
_JOINED = re.compile(rf"^(?P<neg>{_SIGH}(?:把|那个)?(?:不要|不买|去掉|删掉|拿掉|别要|别买)\S+?(?:了|啦)"
                     r"|\S+?(?:不要了|不要啦|不买了|去掉了|删掉了))"
                     r"(?P<rest>(?:换成|换|改成|改为|改|来|要|买|给我|再来|还是要|还是来)\S+)$")
_CLAUSES = re.compile("[" + re.escape(PUNCTUATION.replace(".", "")) + "]+")


# 订单不要了 帮我取消 / 单子不要了 还没付钱的那个 撤了: what follows the removal undoes too (an order dropped, said
# twice), it asks for nothing new.
_UNDOING = re.compile(r"取消|撤销|撤单|撤(?:了|掉|回|吧|喽|咯)|退掉|退单|作废")


def replacement(raw: str) -> tuple[str, str] | None:
    """不要蜂蜜了，换成大米 → ("不要蜂蜜了", "换成大米"); None when the message does not both drop and ask."""
    clauses = [c for c in _CLAUSES.split(raw.strip()) if c]
    if len(clauses) >= 2 and _UNDOING.search("".join(clauses[1:])):
        return None
    if len(clauses) >= 2 and _NEGATION.match(clauses[0]) and not _NEGATION.match("".join(clauses[1:])):
        return clauses[0], "，".join(clauses[1:])
    compact = "".join(clauses)
    m = _JOINED.match(compact)
    return (m.group("neg"), m.group("rest")) if m else None


_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_PER_PACK = re.compile(rf"(?:一|每|1)(?:{_UNIT_ALT})(?:卖|要)?(?:多少|几多|几)(?:钱|块|元|米)?(?:啊|呀|呢)?$"
                       rf"|(?:多少|几多)(?:钱)?(?:一|每|1)(?:{_UNIT_ALT})")


def price_per_pack(compact: str) -> bool:
    """普洱熟茶一饼多少 / 蜂蜜多少一瓶: a price asked for one pack."""
    return bool(_PER_PACK.search(compact))


# 是散养的吗 / 是不是有机的 / 是否野生: what a product is like.
_PROPERTY = re.compile(r"(?:是不是|是否|是)(?P<prop>[\u4e00-\u9fff]{1,6}?)的?(?:吗|嘛|呀|呢)?$")
_NOT_PROPERTY = ("扶贫", "认定", "认证", "正品", "真的", "多少", "什么", "啥", "哪", "几", "谁")


# Of the shop's goods, not of the assistant: 你们的海参, 你们卖的枸杞, 你家卖的小米.
_SHOPS_GOODS = ("你们的", "你家的", "你们家", "您家", "你们卖的", "你们店", "你们这", "你家卖的", "你们那")


def property_asked(compact: str) -> str | None:
    """The quality asked about (散养, 有机, 今年的新货), or None when the message asks nothing of the kind (a
    question about the assistant, 你是机器人吗, is not about a product)."""
    if compact.startswith(("你", "您", "我")) and not compact.startswith(_SHOPS_GOODS):
        return None  # 你是机器人吗: of the assistant; 你们的海参是大连的吗: of the shop's goods
    if not (compact.endswith(("吗", "嘛")) or "是不是" in compact or "是否" in compact):
        return None
    m = _PROPERTY.search(compact)
    if m is None:
        return None
    prop = m.group("prop")
    return None if prop == "的" or any(w in prop for w in _NOT_PROPERTY) else prop


_PLACE_OF = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:是不是|是否|是)(?P<prop>[\u4e00-\u9fff]{2,6}?)"
                       r"(?:产|出|出产|生产)?的(?:吗|嘛|呀|呢)?$")


def property_spans(compact: str) -> list[tuple[int, int]]:
    """枸杞是宁夏中宁的吗: what is asked of the thing said before it (a place, a way it is made) names no product."""
    m = _PLACE_OF.search(compact)
    return [m.span("prop")] if m and property_asked(compact) else []


def without_property(spaced: str) -> str:
    """你们卖的枸杞是宁夏中宁的吗 → 你们卖的枸杞: the quality asked of a thing is no part of its name."""
    m = _PROPERTY.search(spaced.rstrip("?？ "))
    return spaced[:m.start()].rstrip() if m and property_asked(spaced.replace(" ", "")) and m.start() > 0 else spaced


# Advice for a purpose or for someone: the words that say so. Unknown to the catalogue, they name no product.
AUDIENCES = ("长辈", "老年人", "老人", "父母", "爸妈", "爸爸", "妈妈", "孩子", "小孩", "小朋友", "宝宝", "儿童", "学生",
             "孕妇", "女朋友", "男朋友", "老婆", "老公", "朋友", "同事", "领导", "客户", "亲戚", "家人")
PURPOSES = (*AUDIENCES, "送长辈",
            "煲汤", "炖汤", "熬汤", "下饭", "做菜", "炒菜", "泡水", "泡茶", "早餐", "早饭", "零嘴", "解馋", "追剧",
            "过年", "年货", "中秋", "端午", "春节", "过节", "节日", "送礼", "送人", "孝敬", "养生", "补身体", "滋补",
            "办公室", "上班", "宿舍", "露营", "出游", "伴手礼", "下酒", "熬粥", "煮粥", "火锅", "烧烤", "坐月子",
            "月子", "减肥", "健身", "带回老家", "带回家", "带回去", "带给", "回老家", "探亲", "军训",
            "补身子", "补补身子", "当主食", "做主食",  # 想补补身子 买么子好: a purpose
            "徒步", "爬山", "登山", "野营", "野餐", "自驾", "路餐", "干粮", "路上吃")  # 徒步路餐，牦牛肉干要750克
# Explicit asking for advice: a message with these is a recommendation even when it names a category.
ASKING_ADVICE = ("推荐", "适合", "recommend", "suggest")
# What is in season (现在什么水果当季, 有什么时令水果, 应季的水果有哪些) is advice too.
_WHAT_IS_GOOD = re.compile(r"(?:什么|啥|哪些|哪种|哪款|哪个)\S{0,6}(?:好|合适|不错|好吃|好喝|好用)(?:呢|呀|啊|吧|点)?$"
                           r"|(?:什么|啥|哪些|哪种|哪个)\S{0,4}?(?:当季|应季|时令|当令)"
                           r"|(?:当季|应季|时令|当令)的?\S{0,4}?有?(?:什么|啥|哪些)")


# Advice asked in slang or English (安利一下, 求安利, what's good here, need a gift for my boss); 安利 alone is a brand.
_SLANG_ADVICE = re.compile(r"求安利|安利(?:一下|下|个|点|几款|几个|一些)|安利$|what'?s good|whatisgood|gift for|giftfor"
                           r"|any suggestions?|anysuggestion", re.IGNORECASE)


def slang_advice(u: Understanding) -> None:
    """有没有绝绝子的零食 安利一下 / 求安利点好吃的: advice asked in slang is a recommendation, never a search."""
    if _SLANG_ADVICE.search(u.text) and u.intent in ("search", "fallback") and u.quantity is None and not u.unrelated:
        u.intent = "recommend"


# The choice of goods left to the assistant (你看买哪种, 你说选哪个, 帮我挑一款): advice asked; a buying verb says
# it is goods (帮我看看哪个股票能涨 is no advice on goods).
_CHOOSE_FOR_ME = re.compile(r"(?:你看|你说|您看|帮我|帮忙)\S{0,2}?(?:买|选|挑|拿)"
                            r"(?:哪种|哪个|哪款|哪样|什么|啥|一款|一个)")


def wants_advice(compact: str) -> bool:
    """推荐一款茶叶 / 有什么适合煲汤的 / 给小孩买点啥零食好 / 送长辈买什么: advice asked for, perhaps narrowed."""
    if any(w in compact for w in ASKING_ADVICE) or _WHAT_IS_GOOD.search(compact) or _SLANG_ADVICE.search(compact) \
            or _CHOOSE_FOR_ME.search(compact):
        return True
    return any(w in compact for w in PURPOSES) and bool(re.search(r"什么|啥|哪些|哪种|哪款", compact)
                                                      or _ONE_OR_OTHER.search(compact))


# Which of two is better for the purpose said (给医生送礼 送茶叶还是送人参好): advice between them.
_ONE_OR_OTHER = re.compile(r"还是\S{1,8}?(?:好|合适|更好|划算|体面|有面子)(?:呢|呀|啊|些|点|一些|一点)?$")


_OCCASIONS = ("过年", "年货", "中秋", "端午", "春节", "过节", "节日")


def occasion_only(compact: str, u: Understanding) -> bool:
    """过年了 腊肉有哪些 / 中秋有什么月饼: the goods named and only the season said, no advice asked: a search."""
    if not u.about_products or any(w in compact for w in ASKING_ADVICE) or _WHAT_IS_GOOD.search(compact) \
            or _CHOOSE_FOR_ME.search(compact):
        return False
    return all(w in _OCCASIONS for w in PURPOSES if w in compact)


def audience_spans(compact: str) -> list[tuple[int, int]]:
    """送长辈的 / 给爸妈买点什么好, when advice is asked: whom it is for names no product (nor one heard like it:
    爸妈 is not 巴马). Elsewhere (孕妇奶粉) the word stays, and names another thing than the catalogue's."""
    if not wants_advice(compact):
        return []
    spans: list[tuple[int, int]] = [m.span() for m in _AGE.finditer(compact)]  # 宝宝一岁半: how old, no goods
    spans += [m.span() for m in _SLANG_ADVICE.finditer(compact)]  # 安利一下: the asking names no product
    for word in sorted(AUDIENCES, key=len, reverse=True):
        for m in re.finditer(word, compact):
            if not any(s <= m.start() < e for s, e in spans) and not _PERSONS_THING.match(compact, m.end()):
                spans.append(m.span())
    return spans


_AGE = re.compile(r"[一两二三四五六七八九十\d]+(?:个月|周岁|岁)半?(?:大|了|多)?")


# A thing made for a kind of person (孕妇装 买哪种好, 老人机 推荐, 儿童鞋): the person word is part of its name, so
# it is kept and the thing is looked up whole (没有找到「孕妇装」, not the catalogue word 装 of 30枚装).
_PERSONS_THING = re.compile("装|服|鞋|袜|帽|机|车|床|椅|奶粉|用品|玩具|衣|裤|手表|药")
_PURPOSE = re.compile("|".join(sorted(map(re.escape, PURPOSES), key=len, reverse=True)))


def purpose_words(compact: str) -> list[str]:
    return [w for w in PURPOSES if w in compact]


# What a purpose or an audience usually looks for, as catalogue words (tags and categories) to narrow the advice by.
_LOOKS_FOR = {"长辈": ("滋补", "送礼", "礼盒"), "老人": ("滋补", "送礼", "礼盒"), "父母": ("滋补", "送礼", "礼盒"),
              "爸妈": ("滋补", "送礼", "礼盒"), "下酒": ("下酒", "肉干", "花生", "卤味"),
              "熬粥": ("小米", "杂粮", "红枣"), "煮粥": ("小米", "杂粮", "红枣"),
              "火锅": ("火锅", "辣椒", "花椒", "牛肉"), "烧烤": ("烧烤", "辣椒", "羊肉"),
              "月子": ("红糖", "小米", "鸡蛋"), "减肥": ("杂粮", "粗粮"), "健身": ("杂粮", "牛肉"),
              "孩子": ("零食",), "小孩": ("零食",), "小朋友": ("零食",), "宝宝": ("零食",), "儿童": ("零食",),
              "学生": ("零食",), "送": ("送礼", "礼盒"), "过年": ("年货", "送礼"), "节": ("送礼", "礼盒"),
              "孝敬": ("滋补", "送礼"), "养生": ("滋补", "养生"), "补身体": ("滋补",), "追剧": ("零食",),
              "零嘴": ("零食",), "解馋": ("零食",), "办公室": ("零食",), "下饭": ("下饭", "辣椒酱", "腊肉", "咸菜"),
              **dict.fromkeys(("煲汤", "炖汤", "熬汤"), ("煲汤", "炖汤", "香菇", "红枣", "老母鸡", "莲子", "银耳",
                                                   "山药", "枸杞")),  # 适合煲汤的: what soup is made of
              "带回": ("送礼", "礼盒"), "回老家": ("送礼", "礼盒"), "带给": ("送礼", "礼盒"), "探亲": ("送礼", "礼盒"),
              "补身子": ("滋补",), "主食": ("杂粮", "大米", "小米"),
              "养胃": ("滋补",), "补血": ("滋补",), "早餐": ("杂粮", "小米", "鸡蛋"), "早饭": ("杂粮", "小米", "鸡蛋"),
              **dict.fromkeys(("徒步", "爬山", "登山", "野营", "野餐", "自驾", "路餐", "干粮"),
                              ("肉干", "坚果", "果干", "零食")),
              **dict.fromkeys(("妈", "爸", "爷爷", "奶奶", "外公", "外婆", "姥姥", "姥爷", "婆婆", "公公", "岳父",
                               "岳母", "丈母娘", "老丈人"), ("滋补", "送礼", "礼盒"))}  # 给我妈买点东西: as for elders


def only_purposes(product_text: str) -> bool:
    """Every word left to look up is a purpose or an audience (长辈, 适合煲汤): nothing else is asked for."""
    return all(any(p in word for p in PURPOSES) and not _PERSONS_THING.search(_PURPOSE.sub("", word))
               for word in product_text.split())  # 孕妇装: a thing for 孕妇, not the purpose alone


def looked_for(compact: str) -> list[str]:
    """推荐点送长辈的 → 滋补, 送礼: the catalogue words a purpose or audience said in the message points to."""
    words = [w for w in PURPOSES if w in compact and w not in _LOOKS_FOR]
    for said, wanted in _LOOKS_FOR.items():
        if said in compact:
            words += wanted
    return list(dict.fromkeys(words))


# A limit put on the advice asked (不要太贵, 平价, 预算一百以内, 200以内): how much, not what to look up.
_LIMIT = re.compile(r"(?:不要|别|不用|不能)太(?:贵|便宜)|平价|性价比(?:高)?|实惠(?:点|一点|些)?|便宜(?:点|一点|些)?的"
                    r"|预算\S{0,6}?(?:以内|以下|之内|左右)|预算|(?:\d+|[一二两三四五六七八九十百千]+)(?:块钱|块|元)?"
                    r"(?:以内|以下|之内|左右)")
# Advice asked about talk, not goods (推荐一部电影, 有什么好听的歌): nothing the shop sells.
_TALK_ADVICE = re.compile(r"电影|电视剧|综艺|动漫|动画片|歌|音乐|小说|游戏|景点|餐厅|饭店|馆子|名字|网名|专业")


def limit_spans(compact: str) -> list[tuple[int, int]]:
    """推荐个好喝的茶 不要太贵: a price limit on the advice asked names no product."""
    advice = wants_advice(compact) or re.search(r"有什么|有啥|哪些|哪种|哪款|买什么|买啥", compact) is not None
    return [m.span() for m in _LIMIT.finditer(compact)] if advice else []


def talk_advice(compact: str) -> bool:
    return _TALK_ADVICE.search(compact) is not None


# Two or more things weighed against each other (哪个划算, 哪种更便宜, 谁实惠): the question names no product, so
# 大米哪个划算 keeps 大米 (哪个 glued to it is no other thing's name).
COMPARING = re.compile(r"哪(?:个|种|款|样|一?袋|一?箱|一?瓶|一?盒)?(?:更|比较|最|会)?(?:划算|便宜|实惠|合算|值|省钱|贵)"
                       r"|(?:谁|哪个)(?:更)?(?:划算|便宜|实惠|合算)")


# 比 after the second of two things weighed (黑枸杞跟红寺堡枸杞比，哪个划算): no part of its name.
_WEIGHED_WITH = re.compile(r"(?<=[\u4e00-\u9fff])(?:比一比|比比|比较|相比|对比|比)(?=[，,。\s]*(?:哪|谁|怎么样|如何))")


def weighed_with_spans(text: str) -> list[tuple[int, int]]:
    """黑枸杞跟红寺堡枸杞比，哪个划算: the 比 said after the second thing."""
    return [m.span() for m in _WEIGHED_WITH.finditer(text)]


def comparing_spans(compact: str) -> list[tuple[int, int]]:
    """5kg和10kg的大米哪个划算: where the message asks which is the better buy."""
    return [m.span() for m in (*COMPARING.finditer(compact), *_WEIGHED_WITH.finditer(compact))]
