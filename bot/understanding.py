"""Reading one message: its intent (before the dialogue's context is applied) and its entities.

Intents come from cue words (bot.lexicon) combined with what the catalogue recognises: a message naming a product
with a buying word is an order, one with a price word is a price question, a bare product or origin is a search.
Nothing here knows the demo catalogue: products, brands, aliases and places come from the `Vocabulary`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction

from bot import (
    asked_after,
    babble,
    bare_things,
    budgets,
    cards_counted,
    cards_per_person,
    chat_around,
    copied_titles,
    descriptions,
    dried_asked,
    eaters,
    lengths,
    lexicon,
    numerals,
    other_cards,
    phone_talk,
    phrasing,
    pinyin_words,
    plain_intents,
    question_kinds,
    removal_reasons,
    second_readings,
    seen_elsewhere,
    shop_questions,
    something_wanted,
    starting_over,
    tag_words,
    testers,
)
from bot.addressing import AddressPart, split
from bot.budgets import Budget
from bot.bulk import multiplied
from bot.corrections import corrected
from bot.cues import has, read_cues
from bot.english_sizes import read as english_read
from bot.group_counts import regrouped
from bot.group_people import people_counted
from bot.intents import has_asked, intent_of
from bot.numerals import Found
from bot.pack_homophones import mend_pack_words
from bot.pack_sizes import NOT_THIS
from bot.product_facts import usage_spans
from bot.product_words import read_product_text
from bot.purposes import purpose_spans, without_glued_use
from bot.recipients import for_someone, recipient_spans
from bot.rewrite import rewrite
from bot.said_counts import spoken_before, trailing_spoken, without_described
from bot.vocabulary import Origin, Vocabulary, normalize
from models.search.characters import simplified

DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")  # 1.5kg: the point kept while punctuation goes
PUNCTUATION_RUN = re.compile("[" + re.escape(lexicon.PUNCTUATION) + "]+")
_ORDER_NO = re.compile(r"(?<!\d)\d{14,32}(?!\d)")
_SPEC = re.compile(rf"{numerals.NUM}\s*(?:kg|g|ml|l|cm|毫升|升|克|千克|公斤|[斤枚片粒包袋瓶罐只个支条双对套])"
                   r"\s*(?:(?:袋|盒|瓶|罐|箱|桶|包|听|支)?装|/|×|x|\*|的(?=\S))")

# A count of pieces pointing at one of the packs shown (30枚那款, 30只的那种, 60个的): a pack chosen by how many it
# holds. Few pieces (两个那款) stay a count; a weight (5斤那款, 要2斤的) is an amount and a size already (METRIC).
_SIZE_THAT = re.compile(rf"(?P<num>{numerals.NUM})\s*(?P<unit>枚|个|只|粒|片|穗)"
                        r"(?=\s*(?:的)?(?:那|这)(?:款|个|种|样)|\s*的$)")  # 30个那盒: as many as one box holds

METRIC = {"公斤": "kg", "千克": "kg", "kg": "kg", "克": "g", "g": "g", "斤": "斤", "升": "l", "毫升": "ml", "ml": "ml",
          "l": "l", "两": "两", "吨": "吨"}


def spec_of(q: Found) -> str:
    """A quantity read as a pack size, written the way names write it (10公斤 → 10kg)."""
    value = str(int(q.value)) if q.value.denominator == 1 else f"{float(q.value):g}"
    return f"{value}{METRIC.get(q.unit, q.unit)}"


def _spec_key(text: str) -> str:
    """五斤装 → 5斤: a pack size as names write it, to prefer the product whose name carries it."""
    m = re.match(rf"({numerals.NUM})\s*(\D+?)\s*(?:装|/|×|x|\*|的)?$", text)
    if not m:
        return text
    value = numerals.to_number(m.group(1))
    number = str(int(value)) if value is not None and value.denominator == 1 else m.group(1)
    return number + METRIC.get(m.group(2), m.group(2))


@dataclass
class Understanding:
    """What one message says, read without any context. Built by `understand` and never changed afterwards
    (turns only read it), so one may serve every turn that sends the same text."""

    text: str  # normalised, punctuation kept out
    intent: str  # the context-free guess
    raw: str = ""  # the message as sent, control characters dropped (for addresses)
    cues: set[str] = field(default_factory=set)  # which cue groups fired: buy, add, correct, card …
    quantity: Found | None = None
    money_yuan: Fraction | None = None
    budget: Budget | None = None  # 一百块以内 / 50元左右: a bound on the price of a pack (bot/budgets.py)
    card_count: int | None = None
    pick: int | None = None  # 1-based position in the last list; -1 for the last one
    number: Fraction | None = None  # the whole message is a number
    origin: Origin | None = None
    product_text: str = ""  # what is left to look up as a product
    product_words: list[str] = field(default_factory=list)  # of which, the words the catalogue knows
    generic: bool = False  # "扶贫产品", "特产": any product
    specs: list[str] = field(default_factory=list)  # pack sizes named (5斤, 60枚): they pick a product, not a qty
    quantities: list[Found] = field(default_factory=list)  # every quantity found; `quantity` is the first
    bare: bool = False  # the message is only a noun phrase (香蕉, 静宁苹果)
    order_no: str | None = None
    address: AddressPart | None = None  # a delivery address (or a change to it) said in the message
    spaced: str = ""  # normalised, punctuation turned into spaces (which words stand next to each other)
    foreign: str = ""  # the thing asked for, when the catalogue's words are only part of its name (苹果手机)
    instead: str = ""  # the catalogue word the foreign thing is a kind of (大米 for 福临门大米): its alternatives
    unrelated: str = ""  # not shopping for goods: "service", "words" or "person" (bot.honesty.unrelated)
    qualities: list[str] = field(default_factory=list)  # what the product is like, said apart (薄皮, 肉厚, 流油的)
    drop: Understanding | None = None  # 不要X了，换成Y: what the message removes (X), before what it asks for (Y)
    excluded: list[str] = field(default_factory=list)  # 不要礼盒的 / 不要散装的: variants said not wanted
    ranged: int | None = None  # where a range of counts starts (两三袋, 十来个): how many is asked
    asked_after: str = ""  # 来三饼 能开发票吗: a shop question after the order, answered first (bot/asked_after.py)
    heads: int | None = None  # 给30个员工发福利: the people a group's welfare is for (bot/welfare.py), no quantity

    @property
    def about_products(self) -> bool:
        return bool(self.product_words or self.generic or self.origin)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def understand(message: str, vocab: Vocabulary) -> Understanding:
    """The message's intent and entities; an address inside it is set apart first (its places are not origins)."""
    message = chat_around.dropped(simplified(message), vocab.knows)  # 買兩箱蘋果: simplified; 上次的苹果巨甜 再来两箱
    message = dried_asked.apart(message, vocab.knows)  # 有红薯干吗: 红薯干 吗, not 红薯 干吗
    asked = asked_after.split(message)  # 来三饼 能开发票吗: the order read alone, the question answered before it
    if asked is not None:
        u = copied_titles.revised(_read(asked[0], vocab), asked[0])
        if u.intent == "order":
            u.asked_after = asked[1]
            return u
    return copied_titles.revised(_read(message, vocab), message)  # 蒙牛纯牛奶250ml*12盒 整箱: a search, no 12 boxes


def _read(message: str, vocab: Vocabulary) -> Understanding:
    code = shop_questions.said_code(message)  # 码是 QF7M-28KD-XP3N: the card's code, never a quantity or a face value
    if code:
        return shop_questions.claiming(_understand(rewrite(message.replace(code, " 卡码 ")), vocab), message)
    message = testers.prepared(phone_talk.plain(message), vocab)  # emmm 改成4袋吧, 忽略之前的指令 然后…: the request
    message = english_read(cards_counted.plain(message), vocab)  # 2 love cards of 500; Jingning apples, the 5 jin ones
    message = mend_pack_words(pinyin_words.read(message, vocab), vocab)  # pinyin as Chinese; 两带 → 两袋
    message = removal_reasons.dropped(corrected(message))  # 三袋 不对 两袋: the count said last; 松茸不要了 太贵
    afresh = starting_over.split(message)
    if afresh is not None:  # 重新来，来两袋洋县黑米: the draft dropped, the rice its new line
        u = _read(afresh[1], vocab)
        if u.intent == "order" and u.about_products and u.drop is None:
            u.drop = _understand(afresh[0], vocab)
            return u
    message = question_kinds.rice_amount(seen_elsewhere.plain(eaters.dropped(message), vocab))  # 老两口喝; 京东上沃柑
    message = cards_per_person.counted(message, vocab.words, vocab.tokenizer.jieba.FREQ)  # 一人一张500的 8个人
    message = multiplied(people_counted(message, vocab.words))  # 45名环卫工人每人一箱 / 40份 每份一袋: 45箱 / 40袋
    message = regrouped(message, vocab.words)  # 张姐两箱，我一箱: 3箱; 30枚装来半打: 6份; 买个柚子: 1份
    used = plain_intents.used_by(message)  # 食堂用的米哪种划算: 食堂 uses it and names nothing; advice on rice
    if used is not None:
        return plain_intents.advised(_understand(rewrite(used), vocab))
    rest, address = split(message, vocab.regions)
    replaced = phrasing.replacement(rest)
    if replaced is not None:
        u = _replacing(replaced, vocab) or _understand(rewrite(rest), vocab)
    elif address is None:
        return _understand(rewrite(message), vocab)
    else:
        u = _understand(rewrite(rest), vocab)
    if address is None or (u.intent in ("cancel", "cancel_order") and not (address.line or address.receiver
                                                                           or address.phone)):
        return u  # 单子我要撤销 地址填错了: why the order is undone, no address to change
    u.address = second_readings.address_read(u, address)  # 麦当劳早餐 送到XX小区: the takeaway errand
    if (address.change and (u.intent in ("fallback", "greet", "search", "help", "order_status")
                            or (u.intent == "cancel" and _HOLD.search(u.text)))) or (  # 先别下单，地址改成…
            "something" in u.cues and (address.line or address.receiver or address.phone)):  # 给老家寄点东西 地址是…
        u.intent = "change_address"
    elif address.line and u.intent == "ask_price" and "buy" in u.cues and u.about_products:
        u.intent = "order"  # 想买两斤核桃多少钱 寄到…: a price asked on the way to an order sent to an address
    return u


# The order held, not dropped, while the address is changed (先别下单，地址改成… / 等一下 收货人改成…).
_HOLD = re.compile(r"^(?:先别|先不|等一下|等等|稍等|慢着|慢点)")


def _replacing(clauses: tuple[str, str], vocab: Vocabulary) -> Understanding | None:
    """不要X了，换成Y: Y ordered, X removed first (unnamed: the line in view); 不要5斤的了，换成10斤的两箱: Y alone."""
    drop, u = _understand(rewrite(clauses[0]), vocab), _understand(rewrite(clauses[1]), vocab)
    if not (u.about_products or u.product_text or u.pick) or not (drop.product_text or drop.about_products
                                                                 or u.about_products):
        return u if not (drop.product_text or drop.about_products or u.product_text) and u.specs else None
    if drop.intent == "cancel_order" and not u.about_products:
        return None  # 刚才那单不要了 下错了: an order placed undone and why, read whole (bot/holder_talk.py)
    u.drop = drop
    if u.intent not in ("ask_price", "ask_info"):
        u.intent = "order"
    return u


def _understand(message: str, vocab: Vocabulary) -> Understanding:
    text = PUNCTUATION_RUN.sub(" ", DECIMAL_POINT.sub("\uE000", normalize(message))).replace("\uE000", ".").strip()
    compact = text.replace(" ", "")
    raw = "".join(ch for ch in message if ch.isprintable() or ch == " ").strip()
    u = Understanding(text=compact, intent="fallback", raw=raw, spaced=text)
    if not compact:
        return u
    _entities(u, text, vocab)
    if has(compact, lexicon.SELL_TO_SHOP):  # 我有一批老茶想卖 / 大米收不收: an offer to sell, nothing asked for
        u.product_words, u.origin, u.generic, u.product_text = [], None, False, ""
        return u
    u.intent = intent_of(u, vocab.word_tags, vocab.tokenizer.jieba.FREQ)
    asked = shop_questions.topic(compact, raw)
    advice = phrasing.wants_advice(compact) and "card" not in u.cues and not phrasing.occasion_only(compact, u)
    if asked is None and advice and u.intent in ("search", "order", "fallback", "greet"):
        asked = "recommend"  # 有什么适合煲汤的 / 给小孩买点啥零食好
    if asked is None and u.intent in ("search", "fallback", "order") and phrasing.property_asked(compact) \
            and u.quantity is None:
        asked = "ask_info"  # 是散养的吗 / 土鸡是不是有机的
    buying_cards = u.intent == "buy_card" and (u.money_yuan is not None or u.card_count is not None or (
        "buy" in u.cues and not has(compact, ("能买", "可以买", "能用"))))
    if asked == "recommend" and u.about_products and not shop_questions.advice(compact) and not advice:
        asked = None  # 有什么好吃的推荐一下 / 佛冈有什么好东西: a search over what they named
    if asked == "recommend" and not u.about_products and u.product_text and not u.generic \
            and not shop_questions.advice(compact) and not phrasing.purpose_words(compact) \
            and (phrasing.talk_advice(compact) or not phrasing.wants_advice(compact)):
        asked = None  # 推荐一部电影: nothing the shop sells (扫地机器人哪款好: goods, not sold: 没有找到)
    if asked == "recommend" and has_asked(u.spaced) and not shop_questions.advice(compact) and u.product_text \
            and not has(compact, ("推荐", "建议", "介绍")):
        asked = None  # 有卖茅台吗 过年送礼用: whether it is sold, the purpose said beside it
    if asked is None and u.intent == "order" and u.generic and not u.product_words and not u.product_text.strip() \
            and u.quantity is None and for_someone(compact):
        asked = "recommend"  # 我想给我妈买点东西: something for her, so advice is asked
    strong = shop_questions.overrides(asked, compact, "card" in u.cues)  # over 卡 / 付款 / 一瓶 read as buying
    if asked is not None and (strong or not buying_cards) and (strong or not (
            u.intent == "order" and asked in ("ask_info", "recommend") and u.quantity and not advice
            and u.cues & {"buy", "strong_buy", "add"})):  # 紫阳富硒茶100g有扶贫证书吗: a size, no buying
        u.intent = asked
    elif shop_questions.superlative(compact) and ((u.quantity is None and u.intent in ("fallback", "search")) or (
            u.intent in ("fallback", "search", "order") and all(q.unit in METRIC for q in u.quantities)
            and not u.cues & {"buy", "strong_buy", "add"})):
        u.intent = "ask_price"  # 哪个最便宜 / 最贵的是哪个; 牦牛肉干250g和风干牛肉干哪个便宜 (a size, no count)
    second_readings.revise(u, vocab.tokenizer.jieba.FREQ)  # 用卡买两盒猕猴桃, 打车, 等等: what such messages mean
    bare_things.revise(u)  # 猫砂, U盘 64G, 暖宝宝 贴的 一箱: only a thing, a search for it (没有找到「猫砂」)
    something_wanted.revise(u, vocab)  # 我想买点东西寄回老家: something, not said yet (没有找到「点东西寄回老家」)
    babble.revise(u)  # 阿巴阿巴 qwerty: nothing said, never a search
    return u


def _sizes(u: Understanding, masked: str) -> tuple[str, list[tuple[int, int]]]:
    """The pack sizes said (500g装, 5斤的那种, 30枚那款) into u.specs; the text without them and where they were."""
    spans = []
    for m in _SPEC.finditer(masked):
        if any(masked[i] == " " != u.text[i] for i in range(m.start(), m.end())):
            continue  # 要5斤泰来的大米: 泰来 blanked as a name, 5斤 is the amount, not a size said with 的
        if not masked[:m.start()].endswith(NOT_THIS):  # 蜂蜜不要500g的，来一瓶1kg的: not the size wanted
            u.specs.append(_spec_key(m.group()))
        spans.append(m.span())
    masked = _blank(masked, spans)
    for m in _SIZE_THAT.finditer(masked):  # 30枚那款 / 60个的: a size pointing at a pack, no count
        if (numerals.to_number(m.group("num")) or 0) >= 6:
            u.specs.append(_spec_key(m.group()))
            spans.append(m.span())
    return _blank(masked, spans), spans


def _entities(u: Understanding, text: str, vocab: Vocabulary) -> None:
    compact = u.text
    named = vocab.named_products(compact)
    origin = vocab.find_origin(compact)  # read once: the cues blank it too (bot/cues.py)
    masked = compact
    for word in [*(n for p in named for n in p.names), *vocab.numeral_words(compact)]:
        masked = masked.replace(word, " " * len(word))  # numbers inside names (英红九号, 30枚装) are not quantities
    masked, spec_spans = _sizes(u, masked)
    read_cues(u, compact, vocab, named, origin)
    spans: list[tuple[int, int]] = list(spec_spans)
    for word, span in descriptions.excluded(compact):  # 红枣 3公斤 不要礼盒的: not a product word
        u.excluded.append(word)
        spans.append(span)
        u.cues -= {"cancel", "no", "correct"}  # 不要礼盒的 来两袋 keeps the order: it says which, it drops nothing
    order_no = _ORDER_NO.search(compact)
    if order_no:
        u.order_no = order_no.group()
        spans.append(order_no.span())
    pick = numerals.ordinal(masked)
    if pick:
        u.pick = int(pick.value)
        spans.append((pick.start, pick.end))
    spans += [span for _, span in lengths.found(masked, vocab.knows)]  # 网线5米, 1.8米的床: metres, not rice
    u.number = numerals.bare_number(compact.rstrip("个吧呀啊"))
    approximate = _ranges(u, masked, spans)  # 两三袋, 十来个: no count
    if "card" not in u.cues:
        u.budget, said = budgets.read(masked)  # 一百块以内的茶叶有啥: a bound on the price, never 100 packs
        spans, masked = spans + said, _blank(masked, said)
    if "card" in u.cues or u.number is None:
        _money(u, masked, spans)
    for found in numerals.quantities(_blank(masked, spans)):
        u.quantities.append(found)
        spans.append((found.start, found.end))
    u.quantities = without_described(u.quantities, compact, vocab.words)  # 10kg一袋那种 要十袋: ten
    u.quantity = u.quantities[0] if u.quantities else None
    u.specs += [spec_of(q) for q in u.quantities[1:] if q.value.denominator == 1 or q.unit in METRIC]
    u.specs += [spec_of(q) for q in u.quantities[:1] if q.unit in METRIC]
    if u.quantity is None:
        _spoken_quantity(u, masked, spans, vocab)
    if all(q.unit in METRIC for q in u.quantities):  # 来仨红枣 1kg的: the size is not the count
        spoken_before(u, masked, spans, vocab.words)
    u.origin = origin
    spans += [m.span() for m in other_cards.OTHER_CARDS.finditer(compact)]  # 京东卡: another's card names no product
    spans += phrasing.vocative_spans(compact)  # 老板，来两瓶: whom the customer speaks to names no product
    spans += phrasing.audience_spans(compact) + descriptions.spans(compact)  # 送长辈的, 小瓶的: no product either
    spans += phrasing.limit_spans(compact) + usage_spans(compact) + phrasing.property_spans(compact)  # 怎么熬粥
    spans += phrasing.comparing_spans(compact) + question_kinds.spans(compact) + shop_questions.received_spans(compact)
    said_for = recipient_spans(compact) + purpose_spans(text, vocab.words)  # 送同事, 给我爸妈分, 煲汤: whom, what for
    if "buy" in u.cues and said_for and not has(_blank(compact, said_for), lexicon.BUY):
        u.cues.discard("buy")  # 中秋给客户送礼 有礼盒吗: 送 is the purpose's, the message only asks
    spans += said_for
    u.spaced, spaced = without_glued_use(shop_questions.received_unglued(question_kinds.unglued(u.spaced)),
                                         vocab.words), u.spaced  # 礼盒里面有什么, 小米熬米油
    read_product_text(u, _blank(compact, spans), vocab)
    tag_words.occasions_apart(u, vocab)  # 鸡蛋来两盒 母亲节送妈妈: the eggs, never the strawberries tagged 母亲节
    u.spaced = spaced
    if u.quantity is None and u.pick is None and u.product_words and not approximate:  # not 来个三五斤
        _implicit_one(u, vocab)
    if approximate and not u.product_text:
        u.cues.add("strong_buy")  # 两三袋吧 said of the product shown: how many is asked again


def _implicit_one(u: Understanding, vocab: Vocabulary) -> None:
    """来只土鸡 / 要份红薯干 / 买个核桃: a measure word after a buying verb, with no number, is one of that pack."""
    freq = vocab.tokenizer.jieba.FREQ
    found = phrasing.implicit_one(u.text, lambda w: bool(freq.get(w)) or vocab.knows(w))
    if found is not None:
        unit, start, end = found
        u.quantity = Found(Fraction(1), start, end, unit)
        u.quantities.append(u.quantity)


_CARD_FACE = re.compile(rf"(?<![0-9]){numerals.NUM}(?![0-9张份个套枚])")


def _money(u: Understanding, masked: str, spans: list[tuple[int, int]]) -> None:
    for found in numerals.money_amounts(masked):
        u.money_yuan = found.value
        if "card" in u.cues:  # 两块 is a quantity of goods unless cards are talked about
            spans.append((found.start, found.end))
        break
    if u.money_yuan is None and "card" in u.cues:  # 爱心卡 100 / 200一张: a bare number of yuan
        for m in _CARD_FACE.finditer(masked):
            value = numerals.to_number(m.group())
            if value is not None and value >= 10:
                u.money_yuan = value
                spans.append(m.span())
                break
    for found in numerals.card_counts(_blank(masked, spans)):
        if "card" in u.cues and found.value.denominator == 1:
            u.card_count = int(found.value)
            spans.append((found.start, found.end))
        break


_SPOKEN_QTY = re.compile(rf"(?:来|要|买|拿|订|整|给我|帮我)(?P<num>{numerals.NUM}|俩|仨)(?:吧|啊|呀|$)")


def _spoken_quantity(u: Understanding, masked: str, spans: list[tuple[int, int]], vocab: Vocabulary) -> None:
    """来俩 / 要3 / 买五吧: a number after a buying verb with no measure word; 土鸡 俩: 俩 / 仨 after the goods."""
    m = _SPOKEN_QTY.search(masked)
    value = numerals.to_number(m.group("num")) if m else None
    if m and value:
        u.quantity = Found(value, m.start("num"), m.end("num"))
    else:
        u.quantity = trailing_spoken(masked, vocab.words)
    if u.quantity is not None:
        u.quantities.append(u.quantity)
        spans.append((u.quantity.start, u.quantity.end))


def _ranges(u: Understanding, masked: str, spans: list[tuple[int, int]]) -> bool:
    """两三袋, 十来个, 2到3袋: a range is no count (the shopper is asked how many), but a wish to buy; no product."""
    approximate = numerals.approximate(masked)
    if approximate:
        u.ranged = approximate[0][0]
        u.cues.add("buy")
        spans += approximate
    return bool(approximate)
