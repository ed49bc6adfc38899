"""Questions about what a named product is like, answered from the data held about it (name, tags, category, pack,
origin) or honestly as not written on its page — never a search and never an order:

* a quality asked as A不A or with 吗 (香肠辣不辣, 咸吗, 刺梨汁甜不甜, 核桃好剥吗);
* how much one piece or pack weighs or holds (土鸡一只大概几斤, 小米一袋几斤, 一箱多重): the pack's content;
* the difference between two products named (红茶和绿茶有啥区别): what the data of each says;
* how to cook, eat, keep or use it (小米怎么熬粥, 枸杞怎么泡水喝, 腊肉要不要放冰箱, 木耳泡发要多久, 红枣能直接吃吗):
  what the page says (origin, category, tags) and that the rest is on the product page or its package.
"""
from __future__ import annotations

import re
from typing import Any

from bot import packs, things_asked_of

# Qualities a shopper asks of food and goods (taste, texture, how it handles), as A不A (辣不辣, 好不好剥).
_QUALITY = (r"(?:好吃|好喝|好用|好剥|好煮|好炖|好存|正宗|新鲜|地道|辣|甜|酸|咸|苦|麻|香|鲜|脆|嫩|软|硬|糯|粘|黏|腻|油"
            r"|肥|柴|涩|面|沙|大|多|干|新|纯|老|臭|腥|膻|重|沉|轻|厚)")
_A_NOT_A = re.compile(rf"(?P<q>{_QUALITY})不(?P=q)|好不好(?P<verb>吃|喝|用|剥|煮|炖|存)")
# The same before 吗, only where a quality cannot be part of a thing's name (菜籽油吗, 大的吗 are not asked so).
_WITH_MA = re.compile(r"(?P<q>好吃|好喝|好用|好剥|好煮|正宗|新鲜|地道|辣|甜|酸|咸|苦|香|脆|嫩|软|硬|糯|腻|柴|涩|腥|膻)"
                      r"(?:吗|嘛|么)")
# How much one piece or pack holds: 一只大概几斤, 一袋几斤, 每箱多少个, 一只多重, 有多大.
_PACK = r"(?:只|个|袋|箱|盒|瓶|罐|包|条|块|份|提|桶|斤装)"
_CONTENT = r"(?:几|多少)(?:斤|公斤|克|kg|g|两|个|枚|毫升|ml|升)"
_WEIGHT = re.compile(rf"(?:一|每|1)(?P<unit>{_PACK})?(?:大概|大约|约|能有|有|是)?{_CONTENT}|多重|多沉|几斤重|有多大"
                     r"|分量多少|净重|(?P<a>重|沉)不(?P=a)"
                     # 卡垫尺寸多大, 多大尺寸, 规格是多少, 有多宽: the size, as written in the name
                     r"|尺寸|尺码|多大尺|规格(?:是)?(?:多少|多大|什么|啥)|多宽|多长(?!时间)|多高"
                     # 蜂蜜多大一瓶, 几斤一袋, 多少个一箱: the content before the pack it is of
                     rf"|(?:多大|多重|{_CONTENT})(?:一|每)(?:{_PACK})"
                     # 一箱苹果有多少个: the pack said before the product, the content asked after it
                     rf"|^(?:一|每)(?:{_PACK})[^，,。？?\s]{{1,8}}?(?:大概|大约|约|能有|有|是)(?:几|多少)(?:斤|公斤|克|个|枚|毫升|升)")
# A size written in a name: 60×90cm, 30x40厘米, 1.2米.
_SIZE = re.compile(r"\d+(?:\.\d+)?\s*(?:[×xX*]\s*\d+(?:\.\d+)?\s*)*(?:cm|mm|厘米|毫米|米|m)(?![a-zA-Z])")
_COUNT_ASKED = re.compile(r"(?:几|多少)(?:个|枚)")
_COMPARE = re.compile(r"(?:有|有啥|有什么|什么|啥)(?:区别|不同|不一样|差别|差异)|区别是|(?:区别|差别)在哪"
                      r"|哪里不一样|哪儿不一样"
                      # 生茶和熟茶的产地分别是哪: one fact asked of each named product, answered for each
                      r"|(?<=\S)(?:和|跟|与)\S{1,12}分别(?:是|在|产自)?(?:哪|什么|啥|多)")
# How to cook, eat, keep or use a product: a way asked (怎么熬粥, 如何保存), how long a step takes (泡发要多久),
# whether it needs cold (要不要放冰箱) or may be eaten as it comes (能直接吃吗).
_USE = r"(?:熬粥|煮粥|熬|煮|泡水喝|泡水|泡茶|泡发|泡|吃|喝|做|炖|蒸|炒|煲|腌|洗|处理|保存|存放|储存|放|冲|剥|解冻|加热)"
_USAGE = re.compile(rf"(?:怎么|怎样|如何|咋)(?:样)?{_USE}(?:才|更|最)?(?:香|好吃|好喝|入味|软|烂|糯)?"
                    rf"|{_USE}(?:要|得|需要)?(?:多久|多长时间|几分钟|几个小时|几小时)"
                    r"|(?:要不要|需不需要|用不用|需要|得|要)(?:(?:放|冷藏|冷冻)(?:进|在|到)?(?:冰箱|冷藏室|冷冻室)"
                    r"|(?:冷藏|冷冻)(?:保存|存放)?(?=吗|嘛|么|不|$))|放冰箱"  # 火腿切片要冷藏吗: a question
                    r"|(?:能|可以|能不能|可不可以)(?:直接|生|空腹)(?:吃|喝|泡)(?:吗|嘛|么)?"
                    # 石锅能用电磁炉吗, 能不能放微波炉: on which stove or in which appliance it may be used
                    r"|(?:能|可以|能不能|可不可以)(?:用|放|上|进)(?:电磁炉|微波炉|烤箱|洗碗机|明火|燃气灶|煤气灶|电陶炉)"
                    r"(?:吗|嘛|么|加热|用)?")
# How old it is (林下参是几年的参, 多少年份的): a quality asked, answered from the page (年份).
_YEARS = re.compile(r"(?:是)?(?:几|多少)年(?:的|生|份)(?:的)?|年份(?:是)?(?:多少|几年)?")
# A question noun glued to the product (蜂蜜保质期, 红枣产地是哪, 木耳口感怎么样): what is asked of it, no product word.
_ASKED_NOUN = re.compile(r"(?:保质期|保存期|原产地|产地|口感|口味|味道|成分|配料表|配料|营养价值|生产日期|发货地)"
                         r"(?![盒罐瓶袋箱机器卡店仪])"
                         r"(?:是|在|有)?(?:多久|多长时间|几个月|多少天|哪里|哪儿|哪|什么|啥|多少)?"
                         # 这个苹果是哪个县的 / 这个县是贫困县吗: where it comes from asked, no product (县 of 吉县苹果)
                         r"|(?:是)?(?:哪个|哪一个|什么|哪)(?:县|省|市|地方|地区)(?:的|产的|出的)?"
                         r"|(?:是)?(?:从)?(?:哪里|哪儿|哪)(?:发货|发的货|发出|发)(?:的)?"
                         r"|(?:这个|那个)?(?:县|地方)?(?:是|属于|算)?(?:国家级|国家)?(?:贫困县|重点县|脱贫县|扶贫县)")
# How it tastes, asked with the noun (口感怎么样, 味道如何, 口味好不好): a quality asked, of the word said.
_TASTE = re.compile(r"(?P<q>口感|口味|味道)(?:到底)?(?:怎么样|怎样|咋样|如何|好不好|好吗|行不行|行吗)")
# Doubt of purity (会不会掺糖, 有没有兑水, 是真的土蜂蜜吗) and the shipping time (发货要几天, 几天能到): words that name
# no product, blanked so that the product asked of stands alone.
_NO_GOODS = re.compile(r"(?:会不会|有没有|是不是|会|有)?(?:掺|兑|勾兑)(?:了|过)?(?:糖浆|糖|假|水|杂质|杂)?"
                       r"(?:吗|没有|没)?"
                       r"|是真的(?=\S{1,6}(?:吗|嘛|么))"
                       r"|(?:发货|发出|寄出|到货|送到|寄到)(?:要|需要|得)?(?:几天|多久|多长时间)"
                       r"|(?:几天|多久)(?:能|可以)?(?:发货|发出|到货|送到)")
_PRICE_WORDS = ("多少钱", "价格", "价钱", "几块", "几元", "多少元", "贵", "便宜")


def asked(text: str) -> str | None:
    """"quality", "weight", "compare" or "usage" when the message asks that of a product; else None."""
    if any(w in text for w in _PRICE_WORDS):
        return None  # 一斤多少钱: a price
    if _COMPARE.search(text):
        return "compare"
    if _WEIGHT.search(text):
        return "weight"
    if _A_NOT_A.search(text) or _quality_with_ma(text) or _TASTE.search(text) or _YEARS.search(text):
        return "quality"
    return "usage" if _USAGE.search(text) else None


def usage_spans(compact: str) -> list[tuple[int, int]]:
    """小米怎么熬粥: the question of how to use it names no product (熬粥 is no product, 香 no quality wanted)."""
    asked_of = [m.span() for m in (*_ASKED_NOUN.finditer(compact), *_NO_GOODS.finditer(compact))]  # 蜂蜜保质期
    asked_of += things_asked_of.spans(compact)  # 这个大衣有M码吗, 耳机支持快充吗: the question names no thing
    if any(w in compact for w in _PRICE_WORDS):
        return asked_of
    return asked_of + weight_spans(compact) + [m.span() for m in (*_USAGE.finditer(compact),
                                                                   *_YEARS.finditer(compact))]


def weight_spans(text: str) -> list[tuple[int, int]]:
    """大米多重, 石锅重不重, 蜂蜜多大一瓶: how heavy or big, asked after the name, names no product (一箱苹果 at the
    start is the pack the question is of, not blanked)."""
    if any(w in text for w in _PRICE_WORDS):
        return []
    return [m.span() for m in _WEIGHT.finditer(text) if not m.group().startswith(("一", "每"))]


def where_from(spaced: str) -> list[re.Match[str]]:
    """静宁苹果从哪里发货: where it is sent from asked right after the name, so nothing is read as glued to it."""
    return [m for m in _ASKED_NOUN.finditer(spaced) if "发" in m.group()]


def thing_said(words: str) -> str:
    """香肠辣不辣 → 香肠: the words looked up, without the question asked of them."""
    for pattern in (_TASTE, _A_NOT_A, _WITH_MA, _WEIGHT, _COMPARE, _USAGE, _YEARS):
        words = pattern.sub("", words)
    return words.strip()


def _quality_with_ma(text: str) -> bool:
    """咸吗 / 辣么, not as part of 是…的吗 (是甜的吗 is a property, bot.phrasing.property_asked)."""
    return _WITH_MA.search(text) is not None


def quality(text: str) -> str:
    """The quality asked about (辣, 好剥): the first said as A不A or before 吗."""
    m = _A_NOT_A.search(text) or _TASTE.search(text)
    if m is None and _YEARS.search(text):
        return "年份"
    if m is not None:
        return m.group("q") or "好" + m.group("verb")
    found = [m.group("q") for m in _WITH_MA.finditer(text)]
    return found[0] if found else ""


def answer_quality(card: dict[str, Any], said: str) -> str:
    """辣不辣: yes when the name, tags, category or aliases say so; otherwise the page does not say."""
    words = [card["name"], *card.get("tags", ()), *card.get("aliases", ()), card.get("category", "") or ""]
    place = _place(card)
    if said and any(said in w for w in words if w):
        return f"{card['name']}的商品资料里写着“{said}”（{_facts(card)}），产自{place}，是认定扶贫产品。"
    return (f"{card['name']}的商品页没有写{_asked_as(said)}（{_facts(card)}），产自{place}。"
            "口味、口感这些细节下单前可以联系商家确认。")


def answer_usage(card: dict[str, Any]) -> str:
    """小米怎么熬粥 / 腊肉要不要放冰箱: what the page says of it, and where the rest is written — never a guess."""
    return (f"{card['name']}（{_facts(card)}，产自{_place(card)}，{_price(card)}）"
            "的商品资料里没有写做法、吃法和存放方法，详见商品页和包装上的说明（保质期、储存条件都印在包装上）；拿不准的可以联系商家问一下。")


def answer_weight(card: dict[str, Any], text: str = "") -> str:
    """一只大概几斤: what one pack holds, from the pack written in the name; a count asked of goods sold by weight
    (苹果一箱多少个) is said to be unwritten, never guessed."""
    pack = packs.pack_of(card)
    unit = card["unit"]
    if pack is None:
        sized = _SIZE.search(card["name"])
        if sized is not None:  # 江孜卡垫 60×90cm: the size the name gives, never a weight made up
            return f"{card['name']}：商品名里写着尺寸{sized.group()}，{_price(card)}；重量商品页没有写。"
        return f"{card['name']}的商品页没有写每{unit}多重或有多少，下单前可以联系商家确认。"
    if pack.dimension == "mass":
        jin = f"{float(pack.amount / 500):g}斤"
        about = "大约" if pack.approx else ""
        size = pack.text.lstrip("约")
        said = f"{card['name']}：每{unit}{about}{size}{'' if size == jin else f'（{about}{jin}）'}，{_price(card)}。"
        return said + (_uncounted(unit) if _COUNT_ASKED.search(text) else "")
    return f"{card['name']}：每{unit}是{pack.text}，{_price(card)}。"


def answer_weights(cards: list[dict[str, Any]], total: int, text: str = "") -> str:
    """大米多重: the pack of each product the words name (the first few), so none is chosen for the shopper."""
    head = f"有{total}款，先说前{len(cards)}款：" if total > len(cards) else f"有{len(cards)}款："
    lines = [f"{i}. {answer_weight(card)}" for i, card in enumerate(cards, 1)]
    weighed = _COUNT_ASKED.search(text) and all((p := packs.pack_of(c)) and p.dimension == "mass" for c in cards)
    return head + "\n" + "\n".join(lines) + ("\n都是" + _uncounted("") if weighed else "") + "\n要哪一款？"


def _uncounted(unit: str) -> str:
    return f"按重量卖的，每{unit or '件'}有多少个商品页没有写，下单前可以联系商家确认。"


def answer_compare(named: list[tuple[str, dict[str, Any]]]) -> str:
    """红茶和绿茶有啥区别: what our data says of each, and that the page says no more."""
    if not named:
        return "您想比较哪两款？说一下商品名，比如“红茶和绿茶有啥区别”。"
    lines = [f"{word}：{card['name']}（{_facts(card)}，产自{_place(card)}，{_price(card)}）" for word, card in named]
    return ("\n".join(lines) + "\n商品页上就写了这些，口味、工艺上的区别没有写；"
            "想细问可以联系商家。")


def answer_doubt(card: dict[str, Any]) -> str:
    """蜂蜜会不会掺糖: what our data says of it, and that no test of purity is on its page — never a promise."""
    cert = card.get("certificate", {}).get("cert_no", "")
    return (f"{card['name']}是认定扶贫产品（认定证书{cert}），商品资料写着：{_facts(card)}，产自{_place(card)}。"
            "是不是真材实料、有没有掺糖兑水之类的掺假，商品页没有写检测结果；需要的话可以联系商家要质检报告，"
            "收到货有问题可以申请售后。")


def _asked_as(said: str) -> str:
    return f"{said}不{said}" if said and len(said) == 1 else f"“{said}”" if said else "这一点"


def _facts(card: dict[str, Any]) -> str:
    tags = "、".join(card.get("tags", ()))
    category = card.get("category") or ""
    return "，".join(p for p in (f"分类：{category}" if category else "", f"标签：{tags}" if tags else "") if p) \
        or "没有标签"


def _place(card: dict[str, Any]) -> str:
    origin = card.get("origin", {})
    return f"{origin.get('province', '')}{origin.get('city', '')}{origin.get('county', '')}"


def _price(card: dict[str, Any]) -> str:
    fen = card["price_fen"]
    return f"{fen // 100}元一{card['unit']}" if fen % 100 == 0 else f"{fen / 100:.2f}元一{card['unit']}"
