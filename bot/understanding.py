"""Reading one message: its intent (before the dialogue's context is applied) and its entities.

Intents come from cue words (bot.lexicon) combined with what the catalogue recognises: a message
naming a product with a buying word is an order, one with a price word is a price question, a bare
product or origin is a search. Nothing here knows the demo catalogue: products, brands, aliases
and places come from the `Vocabulary`.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from fractions import Fraction

from bot import lexicon, numerals, shop_questions
from bot.addressing import AddressPart, split
from bot.numerals import Found
from bot.rewrite import rewrite
from bot.vocabulary import Origin, Vocabulary, normalize

_RE_CJK = re.compile("[\u4e00-\u9fff]")
_DECIMAL = re.compile(r"(?<=\d)\.(?=\d)")
_PUNCT = re.compile("[" + re.escape(lexicon.PUNCTUATION) + "]+")
_ORDER_NO = re.compile(r"(?<!\d)\d{14,32}(?!\d)")
_SPEC = re.compile(rf"{numerals.NUM}\s*(?:kg|g|ml|l|cm|毫升|升|克|千克|公斤|斤|枚|片|粒|包|袋|瓶|罐|只|个|支|条)"
                   r"\s*(?:(?:袋|盒|瓶|罐|箱|桶|包|听|支)?装|/|×|x|\*|的(?=\S))")


METRIC = {"公斤": "kg", "千克": "kg", "kg": "kg", "克": "g", "g": "g", "斤": "斤", "升": "l", "毫升": "ml", "ml": "ml",
          "l": "l", "两": "两"}


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
_ASKS = re.compile(r"^(?:请问|你们|你家|这里|这儿)?(?:有|卖)\S{1,12}(?:吗|嘛|么|没|没有|不)$")
_STRONG_STATUS = tuple(w for w in lexicon.ORDER_STATUS if w not in ("订单", "我买的", "买过", "买的东西", "下的单"))


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

    @property
    def about_products(self) -> bool:
        return bool(self.product_words or self.generic or self.origin)


@functools.lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # Messages are matched without their spaces, so "how much" is looked for as "howmuch".
    return re.compile("|".join(re.escape(w.replace(" ", "")) for w in sorted(words, key=len, reverse=True)))


def _has(text: str, words: tuple[str, ...]) -> bool:
    return _pattern(words).search(text) is not None


def _is_only(text: str, words: tuple[str, ...]) -> bool:
    """The message is one of these words, give or take particles (好的吧, 确认！)."""
    stripped = text.rstrip("吧呀啊哦嘛了呢哈啦噢咯")
    spaced = {w.replace(" ", "") for w in words if " " in w}  # "ok confirm" arrives as okconfirm
    return text in words or stripped in words or text in spaced or (len(text) <= 8 and _leading(text, words))


def _leading(text: str, words: tuple[str, ...]) -> bool:
    """确认下单吧, 好的谢谢: starts with a yes word and the rest is also only yes/thanks/filler words."""
    if not any(text.startswith(w) for w in words):
        return False
    rest = text
    progressed = True
    pool = sorted({*words, *lexicon.THANKS, "吧", "呀", "啊", "哦", "嘛", "了", "呢", "哈", "啦", "请", "麻烦"},
                  key=len, reverse=True)
    while rest and progressed:
        progressed = False
        for w in pool:
            if rest.startswith(w):
                rest, progressed = rest[len(w):], True
                break
    return not rest


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


def understand(message: str, vocab: Vocabulary) -> Understanding:
    """The message's intent and entities; an address inside it is set apart first (its places are not origins)."""
    rest, address = split(message)
    if address is None:
        return _understand(rewrite(message), vocab)
    u = _understand(rewrite(rest), vocab)
    u.address = address
    if address.change and u.intent in ("fallback", "greet", "search", "help", "order_status"):
        u.intent = "change_address"
    return u


def _understand(message: str, vocab: Vocabulary) -> Understanding:
    # 1.5升 keeps its decimal point: only a point that is not between two digits is punctuation.
    text = _PUNCT.sub(" ", _DECIMAL.sub("\uE000", normalize(message))).replace("\uE000", ".").strip()
    compact = text.replace(" ", "")
    raw = "".join(ch for ch in message if ch.isprintable() or ch == " ").strip()
    u = Understanding(text=compact, intent="fallback", raw=raw, spaced=text)
    if not compact:
        return u
    _entities(u, text, vocab)
    u.intent = _intent(u)
    asked = shop_questions.topic(compact, raw)
    buying_cards = u.intent == "buy_card" and (u.money_yuan is not None or u.card_count is not None or (
        "buy" in u.cues and not _has(compact, ("能买", "可以买", "能用"))))
    if asked == "recommend" and u.about_products and not shop_questions.advice(compact):
        asked = None  # 有什么好吃的推荐一下 / 佛冈有什么好东西: a search over what they named
    if asked == "recommend" and not u.about_products and u.product_text and not u.generic \
            and not shop_questions.advice(compact):
        asked = None  # 推荐一部电影: nothing the shop sells
    strong = asked in ("claim_card", "pay_order", "cancel_order")  # over 卡 / 付款 / 取消 read as buying or cancelling
    if asked is not None and (strong or not buying_cards) and not (
            u.intent == "order" and asked in ("ask_info", "recommend") and u.quantity):
        u.intent = asked
    elif u.intent in ("fallback", "search") and shop_questions.superlative(compact) and u.quantity is None:
        u.intent = "ask_price"  # 哪个最便宜 / 最贵的是哪个
    return u


def _entities(u: Understanding, text: str, vocab: Vocabulary) -> None:
    compact = u.text
    named = vocab.named_products(compact)
    masked = compact
    for word in [*(n for p in named for n in p.names), *vocab.numeral_words(compact)]:
        masked = masked.replace(word, " " * len(word))  # numbers inside names (英红九号, 30枚装) are not quantities
    spec_spans = []
    for m in _SPEC.finditer(masked):
        u.specs.append(_spec_key(m.group()))
        spec_spans.append(m.span())
    masked = _SPEC.sub(lambda m: " " * len(m.group()), masked)
    _cues(u, compact, vocab)
    spans: list[tuple[int, int]] = list(spec_spans)
    m = _ORDER_NO.search(compact)
    if m:
        u.order_no = m.group()
        spans.append(m.span())
    pick = numerals.ordinal(masked)
    if pick:
        u.pick = int(pick.value)
        spans.append((pick.start, pick.end))
    u.number = numerals.bare_number(compact.rstrip("个吧呀啊"))
    if "card" in u.cues or u.number is None:
        _money(u, masked, spans)
    for found in numerals.quantities(_blank(masked, spans)):
        u.quantities.append(found)
        spans.append((found.start, found.end))
    u.quantity = u.quantities[0] if u.quantities else None
    u.specs += [spec_of(q) for q in u.quantities[1:] if q.value.denominator == 1 or q.unit in METRIC]
    u.specs += [spec_of(q) for q in u.quantities[:1] if q.unit in METRIC]
    if u.quantity is None:
        _spoken_quantity(u, masked, spans)
    u.origin = vocab.find_origin(compact)
    _product_text(u, _blank(compact, spans), vocab)


def _cues(u: Understanding, compact: str, vocab: Vocabulary) -> None:
    card_text = compact
    for word in vocab.card_words(compact):
        if word not in lexicon.CARD:
            card_text = card_text.replace(word, "")
    checks = {
        "greet": lexicon.GREET, "thanks": lexicon.THANKS, "help": lexicon.HELP, "cancel": lexicon.CANCEL,
        "balance": lexicon.BALANCE, "status": lexicon.ORDER_STATUS, "price": lexicon.ASK_PRICE,
        "search": lexicon.SEARCH, "buy": lexicon.BUY, "add": lexicon.ADD, "correct": lexicon.CORRECT,
    }
    u.cues = {name for name, words in checks.items() if _has(compact, words)}
    if _has(card_text, lexicon.CARD):
        u.cues.add("card")
    if _has(compact, _STRONG_STATUS):
        u.cues.add("strong_status")
    if _has(compact, lexicon.STRONG_BUY):
        u.cues.add("strong_buy")
    if _ASKS.search(compact):
        u.cues.add("search")
    if _is_only(compact, lexicon.YES):
        u.cues.add("yes")
    if _is_only(compact, lexicon.NO) or compact in ("不要", "不用", "不买"):
        u.cues.add("no")
    if compact.startswith(("换", "改")) or "不是" in compact:
        u.cues.add("correct")


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


def _spoken_quantity(u: Understanding, masked: str, spans: list[tuple[int, int]]) -> None:
    """来俩 / 要3 / 买五吧: a number after a buying verb with no measure word."""
    m = _SPOKEN_QTY.search(masked)
    if m:
        value = numerals.to_number(m.group("num"))
        if value:
            u.quantity = Found(value, m.start("num"), m.end("num"))
            u.quantities.append(u.quantity)
            spans.append((m.start("num"), m.end("num")))


_CUE_WORDS = frozenset(
    w for group in (lexicon.GREET, lexicon.THANKS, lexicon.HELP, lexicon.CANCEL, lexicon.BALANCE, lexicon.ORDER_STATUS,
                    lexicon.ASK_PRICE, lexicon.SEARCH, lexicon.BUY, lexicon.ADD, lexicon.CORRECT, lexicon.YES,
                    lexicon.NO, lexicon.CARD, lexicon.FILLER, lexicon.UNITS, lexicon.LAST)
    for w in group
)


def _product_text(u: Understanding, text: str, vocab: Vocabulary) -> None:
    """What remains once cue words, numbers, places and filler are gone: the product being talked about."""
    kept: list[str] = []
    places: list[str] = []
    for token in vocab.tokenizer.cut(text):
        token = token.strip()
        if not token or token in _CUE_WORDS or re.fullmatch(r"[\d.]+", token):
            continue
        if token in lexicon.GENERIC_PRODUCT:
            u.generic = True
            continue
        if token in vocab.regions:
            places.append(token)
            continue
        kept.append(token)
    if u.cues & {"buy", "search", "price", "add", "correct"} or len(u.text) <= 6:
        kept = _corrected(kept, vocab)
    u.product_words = [t for t in kept if _catalogue_word(t, vocab)]
    named = vocab.named_products(u.text)
    if named and not u.product_words:
        u.product_words = [max(named[0].names, key=len)]
    u.foreign = _foreign(kept, u, vocab, named=bool(named))
    if u.generic and not u.product_words and _unknown_words(kept, vocab):
        u.generic = False  # 狗粮 泰迪吃的: 吃的 is not a request for the whole catalogue
    if u.foreign:  # nothing the shop sells: no product, no origin filter, the words as they were said
        u.product_words, u.origin, u.generic = [], None, False
        u.product_text = u.foreign
        u.bare = False
        return
    # A place next to product words is searched too (冰岛普洱: 普洱 is a city and part of the name).
    u.product_text = " ".join(kept + (places if u.product_words else []))
    stripped = u.text.rstrip("吧呀啊哦嘛了呢哈啦噢咯")
    u.bare = (len(kept) == 1 and stripped == kept[0] and 2 <= len(stripped) <= 6 and _RE_CJK.search(stripped) is not None
              and bool(vocab.tokenizer.jieba.FREQ.get(stripped)))  # one known noun: 香蕉, not asdfgh


def _corrected(tokens: list[str], vocab: Vocabulary) -> list[str]:
    """Unknown words that sound like catalogue words are read as those words (黑狗杞 → 黑枸杞, 铁观因 → 铁观音).

    Each run of unknown tokens is tried whole, since a mistyped word is often cut apart around the wrong
    character; the run is corrected only when what is heard covers all of it (华为手机现货 holds 机现, which
    sounds like 吉县, and is still not a place: nothing is corrected)."""
    if all(_catalogue_word(t, vocab) for t in tokens):
        return tokens
    out: list[str] = []
    run: list[str] = []

    def close() -> None:
        if not run:
            return
        text = "".join(run)
        pieces = vocab.sounds_like_pieces(text)
        if pieces and sum(size for _, size in pieces) == len(text):
            out.extend(word for word, _ in pieces)
        else:
            out.extend(run)
        run.clear()

    for token in tokens:
        if (_catalogue_word(token, vocab) and len(token) >= 2) or _cueish(token):
            close()
            out.append(token)
        else:  # unknown, or one character that may be part of a mistyped word (黑狗 杞, 铁 关 音)
            run.append(token)
    close()
    return out


_MODEL_NUMBER = re.compile(r"(?=[a-z]*\d)[a-z0-9]{1,10}")
_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:斤|kg|g|克|公斤|千克|l|ml|升|毫升|个|箱|袋|瓶|盒|罐|包|份|只|枚|两|打|x|米|cm)")


def _foreign(kept: list[str], u: Understanding, vocab: Vocabulary, named: bool = False) -> str:
    """The thing asked for when the catalogue words in the message are only part of another thing's name:
    a known word followed by a word the catalogue does not know (苹果手机, 核桃夹子, 番茄小说), by a model
    number (小米14, 苹果15), only single characters matched beside real unknown words (床垫 乳胶 1.5米 → 米),
    or a place beside an unknown word (哈尔滨啤酒, 山西老陈醋). Empty when the message is about the catalogue."""
    known = [t for t in kept if _catalogue_word(t, vocab)]
    unknown = _unknown_words(kept, vocab)
    text = u.spaced  # words are next to each other only when nothing (a comma, a space) stands between them
    for word in known:
        at = text.find(word)
        if at < 0:
            continue
        after = text[at + len(word):]
        if after[:1] and word[-1] + after[0] in vocab.name_bigrams:
            continue  # 羊羔肉羊排, 石阡苔茶明前: the name goes on
        follows = next((t for t in unknown if after.startswith(t)), None)
        if follows is not None and not named:
            return word + follows
        model = _MODEL_NUMBER.match(after)
        if len(word) >= 2 and model and not _AMOUNT.match(after):
            return word + model.group()
        compound = _compound(word, after, vocab)
        if compound:
            return compound
    if named:
        return ""
    if unknown and known and all(len(w) == 1 for w in known):
        return " ".join(unknown)
    if unknown and not known and u.origin is not None:  # 哈尔滨啤酒, 枸杞 宁夏的: the place's, not sold here
        return " ".join(unknown)
    return ""


def _unknown_words(kept: list[str], vocab: Vocabulary) -> list[str]:
    return [t for t in kept if not _catalogue_word(t, vocab) and _real_word(t, vocab) and not _cueish(t)]


_PARTICLES = set("的了吗呢吧啊呀哦嘛和跟与及或也都还再就来要买有是在给我你他她这那个只份斤箱袋瓶盒罐包"
                 "一二两三四五六七八九十百千零俩仨半几多每各")


def _compound(word: str, after: str, vocab: Vocabulary) -> str:
    """银耳钉, 鸡蛋卷, 大米虫, 荔枝干, 鸭脖: a catalogue word whose last characters make a word of the language
    with the character that follows (耳钉, 蛋卷, 米虫, 枝干, 鸭脖): the message names that other thing."""
    if not after or after[0] in _PARTICLES or not _RE_CJK.match(after[0]) or after.startswith(word):
        return ""  # 蜂蜜蜂蜜 (🍯🍯) is the word twice, not 蜜蜂
    joined = word + after[0]
    if vocab.knows(joined) or any(vocab.knows(joined[i:]) for i in range(len(joined) - 1)):
        return ""  # 土鸡 + 蛋 = 土鸡蛋, 鸡蛋: still the catalogue's
    freq = vocab.tokenizer.jieba.FREQ
    for i in range(len(joined) - 1):
        if freq.get(joined[i:]):
            return joined
    return ""


def _cueish(token: str) -> bool:
    """几块钱, 多少钱一斤: a word the cue lists hold or contain (price, buying, filler), not a product."""
    return token in _CUE_WORDS or any(len(w) >= 2 and w in token for w in _CUEISH)


_CUEISH = frozenset(w for group in (lexicon.ASK_PRICE, lexicon.BUY, lexicon.SEARCH, lexicon.FILLER, lexicon.THANKS,
                                    lexicon.GREET, lexicon.HELP, lexicon.ORDER_STATUS) for w in group)


_ENGLISH_FILLER = frozenset(
    "please pls plz thanks thank thx want wanna buy the a an of me give get some how much is are do does you have "
    "sell any i to for my order please, ok okay yes no and with in this that one two three four five".split())


def _real_word(token: str, vocab: Vocabulary) -> bool:
    """A word of the language (jieba's dictionary, or a latin word), not a typo or a stray character."""
    if re.fullmatch(r"[a-z]{2,}", token):
        return token not in _ENGLISH_FILLER
    return len(token) >= 2 and _RE_CJK.search(token) is not None and bool(vocab.tokenizer.jieba.FREQ.get(token))


def _catalogue_word(token: str, vocab: Vocabulary) -> bool:
    return vocab.knows(token)


def _intent(u: Understanding) -> str:
    c = u.cues
    if "cancel" in c:
        return "cancel"
    if ("card" in c and ("balance" in c or ("price" in c and "buy" not in c))) or (
            "balance" in c and _has(u.text, ("余额",)) and not u.about_products):
        return "card_balance"
    if "card" in c and ("buy" in c or u.money_yuan is not None or u.card_count is not None or "add" in c):
        return "buy_card"
    if "strong_status" in c or u.order_no or ("status" in c and not u.about_products):
        return "order_status"
    if "price" in c:
        return "ask_price"
    if ("greet" in c or "thanks" in c) and not u.about_products and "buy" not in c:
        return "greet"
    if "yes" in c:
        return "confirm"
    if "no" in c:
        return "cancel"
    specific = bool(u.product_words)
    if "help" in c and not specific:
        return "help"
    if u.about_products and ("buy" in c or "add" in c or u.quantity is not None):
        browsing = "search" in c and u.quantity is None and "add" not in c and (
            _asks(u.text) or not specific or _has(u.text, lexicon.BROWSE))
        return "search" if browsing else "order"
    if u.about_products:
        return "search"
    if "card" in c:
        return "buy_card" if "buy" in c else "card_balance"
    if "greet" in c or "thanks" in c:
        return "greet"
    if u.product_text and ("strong_buy" in c or ("buy" in c and u.quantity is not None)):
        return "order"
    if u.product_text and ("search" in c or u.bare):
        return "search"
    if (u.quantity is not None and "buy" in c) or ("strong_buy" in c and not u.product_text):
        return "order"
    return "fallback"


def _asks(text: str) -> bool:
    """有没有…/有…吗: a question about the catalogue even when it holds a buying word (想要的有吗)."""
    return text.endswith(("吗", "么", "没有")) or text.startswith(("有没有", "有没", "有什么", "有啥", "有哪些", "推荐"))


_ITEM_SEPARATORS = re.compile(r"(?:和|跟|还有|以及|外加|再加|加上|另外|、|;|,|\s)+")


def split_items(u: Understanding, vocab: Vocabulary) -> list[Understanding]:
    """两瓶蜂蜜和三袋大米: one understanding per item when a message orders several products at once
    (every piece names a product, at least two carry a quantity); otherwise just [u]."""
    if len(u.quantities) < 2:
        return [u]
    pieces = [p.replace("\uE000", ".") for p in
              _ITEM_SEPARATORS.split(_PUNCT.sub(",", _DECIMAL.sub("\uE000", normalize(u.raw)))) if p]
    if len(pieces) < 2:
        return [u]
    parts = [understand(piece, vocab) for piece in pieces]
    if not all(part.product_words for part in parts) or sum(part.quantity is not None for part in parts) < 2:
        return [u]
    return parts
