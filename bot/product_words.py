"""What is left of a message to look up as a product, and whether it is the catalogue's at all.

Cue words, numbers, places and filler go; unknown words that sound like catalogue words are corrected when what
is heard covers the whole mistyped run (黑狗杞 → 黑枸杞); and a catalogue word that is only part of another
thing's name (苹果手机, 银耳钉, 小米14, 哈尔滨啤酒) makes the message about that other thing, so nothing
unrelated is offered.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from bot import (
    beside_kinds,
    certified_claims,
    counted_names,
    cut_names,
    flavoured,
    glued_verbs,
    lexicon,
    look_verbs,
    made_of,
    measured_things,
    name_parts,
    other_things,
    qualities,
    said_apart,
    seasoning_bases,
    snack_brands,
    stray_characters,
    tag_words,
    typos,
)
from bot.cue_limits import PRICE_WORDS, help_kind, helped_kind
from bot.latin_beside import ACRONYM, ENGLISH_FILLER, plain_latin
from bot.makers import maker
from bot.recipients import PEOPLE
from bot.suffixed_nouns import same_thing, stemmed
from bot.vocabulary import Vocabulary

if TYPE_CHECKING:
    from bot.understanding import Understanding

_RE_CJK = re.compile("[\u4e00-\u9fff]")


CUE_WORDS = frozenset(
    w for group in (lexicon.GREET, lexicon.THANKS, lexicon.HELP, lexicon.CANCEL, lexicon.BALANCE, lexicon.ORDER_STATUS,
                    lexicon.ASK_PRICE, lexicon.SEARCH, lexicon.BUY, lexicon.ADD, lexicon.CORRECT, lexicon.YES,
                    lexicon.NO, lexicon.CARD, lexicon.FILLER, lexicon.UNITS, lexicon.LAST, lexicon.CUT_ALONE)
    for w in group
)


def read_product_text(u: Understanding, text: str, vocab: Vocabulary) -> None:
    """What remains once cue words, numbers, places and filler are gone: the product being talked about."""
    kept: list[str] = []
    places: list[str] = []
    tokens, parts = _name_tokens(u, text, vocab)
    tokens, heads = stemmed(stray_characters.books_named(tokens), vocab)  # 梨子 → 梨 (the 酥梨), never heard as 李子
    if u.cues & {"buy", "search", "price", "add", "correct"} or u.quantities or len(u.text) <= 6:
        tokens = typos.mend(tokens, vocab, CUE_WORDS, bool(u.quantities))  # 猕猴逃一盒, 大迷两袋, 霉茶两罐
    tokens, u.qualities = qualities.set_apart(tokens, vocab.knows, CUE_WORDS)  # 核桃 薄皮 新货: what it is like
    for token in tokens:
        token = token.strip()
        if not token or (token in CUE_WORDS and not help_kind(token, u.cues)) or re.fullmatch(r"[\d.]+", token) or (
                token in _MONEY and u.money_yuan is not None):  # 29元: the money said, never a product word
            continue
        if token in lexicon.GENERIC_PRODUCT:
            u.generic = True
            continue
        if token in vocab.regions:
            places.append(token)
            continue
        kept.append(token)
    kept = [] if kept and set(kept) <= set(lexicon.HELP_ALONE) else kept  # 帮我重新来一袋2.5kg的: no goods
    if u.cues & {"buy", "search", "price", "add", "correct"} or u.quantities or len(u.text) <= 6:
        kept = _corrected(kept, vocab)
    u.product_words = [t for t in kept if catalogue_word(t, vocab) or _in_a_name(t, vocab) or t in heads or t in parts]
    named = vocab.named_products(u.text)
    if named and not u.product_words:
        u.product_words = [max(named[0].names, key=len)]
    # 三只松鼠 坚果大礼包: a count glued to another noun before the goods names their maker (before 松鼠坚果 is read)
    u.foreign, u.instead = _title(u, vocab) or helped_kind(kept, u.product_words) or counted_names.named(u, kept, vocab)
    if not u.foreign:  # 有机牛奶, 有机蔬菜: a certificate's claim no product of the thing carries
        u.foreign, u.instead = certified_claims.named(u, vocab)
    if not u.foreign and u.product_words and all(w in qualities.OCCASIONS for w in u.product_words):
        u.foreign = " ".join(_unknown_words(kept, vocab))  # 有没有大闸蟹 中秋…: the crabs, not the mooncakes
    if not u.foreign:
        u.foreign = _foreign(kept, u, vocab, named=bool(named)) or measured_things.named(u, kept, vocab)
    if not u.foreign:  # 六个核桃, 米桶, 小香猪, 多肉 玉露, 荔枝 妃子笑: another thing named with a catalogue word
        u.foreign, u.instead = other_things.named(u, kept, vocab)
    if not u.foreign:  # 海带 紫菜 干货, 章丘铁锅 手工: unknown things beside only a kind or a quality word
        u.foreign, u.instead = beside_kinds.named(u, kept, _unknown_words(kept, vocab), vocab)
    if not u.foreign:  # 有没有车厘子 想吃智利的, 坚果 三只松鼠那种: a place or a brand said apart; 良品铺子年货礼盒
        u.foreign, u.instead = snack_brands.or_brand(said_apart.named(u, vocab), u, vocab)
    if not u.instead:  # 核桃油, 红枣 粉, 蜂蜜绿茶, 西湖龙井 特级: a processed form, two glued words, a grade only
        made, kind_of = made_of.named(u, kept, _unknown_words(kept, vocab), vocab)
        if made and (not u.foreign or made in u.foreign.replace(" ", "")):
            u.foreign, u.instead = made, kind_of
    if u.foreign and parts and all(t in parts or (len(t) > 1 and catalogue_word(t, vocab)) for t in kept):
        u.foreign, u.instead = "", ""  # 竹溪的明前, 德化白瓷杯子: every word is a word of the product's name
    if u.generic and not u.product_words and _unknown_words(kept, vocab):
        u.generic = False  # 狗粮 泰迪吃的: 吃的 is not a request for the whole catalogue
    if u.foreign:  # nothing the shop sells: no product, no origin filter, the words as they were said
        u.product_words, u.origin, u.generic, u.product_text, u.bare = [], None, False, u.foreign, False
        return
    # A place next to product words is searched too (冰岛普洱: 普洱 is a city and part of the name).
    u.product_text = " ".join(kept + (places if u.product_words else []))
    stripped = u.text.rstrip("吧呀啊哦嘛了呢哈啦噢咯")
    u.bare = (len(kept) == 1 and stripped == kept[0] and 2 <= len(stripped) <= 6
              and _RE_CJK.search(stripped) is not None
              and bool(vocab.tokenizer.jieba.FREQ.get(stripped)))  # one known noun: 香蕉, not asdfgh


def _name_tokens(u: Understanding, text: str, vocab: Vocabulary) -> tuple[list[str], set[str]]:
    """The message's words as the catalogue's names have them, and the words of a name read so (bot.name_parts)."""
    text = name_parts.heard_after_place(look_verbs.dropped(text), vocab, CUE_WORDS)  # 看下臭鳜鱼; 竹山峰蜜 → 竹山蜂蜜
    tokens = whole_runs(glued_verbs.unglue(vocab.tokenizer.cut(text), vocab), vocab)  # 当 归来 → 当归 来
    tokens, parts = name_parts.with_place(tokens, u, vocab, CUE_WORDS)  # 竹溪的明前: 明 前 → 明前 (竹溪贡茶 明前)
    tokens, headed = name_parts.headed(tokens, text, vocab)  # 德化白瓷杯 → 德化白瓷 茶杯 (德化白瓷 功夫茶杯)
    return tokens, parts | headed


_TITLE = re.compile(r"《[^《》]{1,40}》")


def _title(u: Understanding, vocab: Vocabulary) -> tuple[str, str] | None:
    """《菊花与刀》 书: a book's, film's or song's title names that work, whatever food it holds; 火锅底料 牛油 names
    a seasoning base, not the pepper (bot.seasoning_bases); 红枣味饮料 a drink, not dates (bot.flavoured)."""
    title = _TITLE.search(u.raw)
    return (title.group(), "") if title else seasoning_bases.named(u, vocab) or flavoured.named(u, vocab)


_MONEY = frozenset({"元", "块", "块钱", "毛", "角"})


def whole_runs(tokens: list[str], vocab: Vocabulary) -> list[str]:
    """普洱 熟 茶 → 普洱熟茶, 红薯 干 → 红薯干: a run of the customer's words (three characters or more) that occurs
    whole in some product's name or alias is one word, that product's, however the words were cut (a place, a single
    character, a word that also begins other names). The longest run from each word on is taken."""
    merged: list[str] = []
    i = 0
    while i < len(tokens):
        end = i + 1
        for j in range(i + 2, len(tokens) + 1):
            run = "".join(tokens[i:j])
            if not _RE_RUN.fullmatch(run):
                break
            if any(t in CUE_WORDS for t in tokens[i:j]):
                break
            if len(run) >= 3 and run in vocab.names_text:
                end = j
        merged.append("".join(tokens[i:end]))
        i = end
    return merged


_RE_RUN = re.compile("[\u4e00-\u9fff]+")


def _in_a_name(token: str, vocab: Vocabulary) -> bool:
    return len(token) >= 3 and _RE_RUN.fullmatch(token) is not None and token in vocab.names_text


def _corrected(tokens: list[str], vocab: Vocabulary) -> list[str]:
    """Unknown words that sound like catalogue words are read as those words (黑狗杞 → 黑枸杞, 铁观因 → 铁观音).

    Each run of unknown tokens is tried whole, since a mistyped word is often cut apart around the wrong
    character; the run is corrected only when what is heard covers all of it (华为手机现货 holds 机现, which
    sounds like 吉县, and is still not a place: nothing is corrected)."""
    if all(len(t) >= 2 and catalogue_word(t, vocab) for t in tokens):
        return tokens  # single characters may be a mistyped word cut apart (合 桃 → 核桃), even when each is known
    out: list[str] = []
    run: list[str] = []

    def close() -> None:
        if not run:
            return
        text = "".join(run)
        pieces = vocab.sounds_like_pieces(text)
        if pieces and sum(size for _, size in pieces) == len(text) and not typos.said_as_itself(run, pieces, vocab):
            out.extend(word for word, _ in pieces)
        else:
            out.extend(run)
        run.clear()

    for token in tokens:
        if (catalogue_word(token, vocab) and len(token) >= 2) or cueish(token) or token in PEOPLE:
            close()  # 爸妈 is whom it is for, never 巴马 misheard
            out.append(token)
        else:  # unknown, or one character that may be part of a mistyped word (黑狗 杞, 铁 关 音)
            run.append(token)
    close()
    return out


_MODEL_NUMBER = re.compile(r"(?=[a-z]*\d)[a-z0-9]{1,10}")
_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:来|多|几|[-~到至]\s*\d+)?\s*"  # 10来个, 2-3袋: a range, no model
                     r"(?:斤|kg|g|克|公斤|千克|l|ml|升|毫升|个|箱|袋|瓶|盒|罐|包|份|只|枚|两|打|x|米|cm|双|对|套|件|条|支|桶|提)")


def _foreign(kept: list[str], u: Understanding, vocab: Vocabulary, named: bool = False) -> str:
    """The thing asked for when the catalogue words in the message are only part of another thing's name: a known
    word followed by a word the catalogue does not know (苹果手机, 核桃夹子, 番茄小说), by a model number (小米14),
    single characters matched beside real unknown words (床垫 乳胶 1.5米 → 米), or a place beside an unknown word
    (哈尔滨啤酒). Empty when the message is about the catalogue."""
    known = [t for t in kept if catalogue_word(t, vocab)]
    unknown = _unknown_words(kept, vocab)
    text = u.spaced  # words are next to each other only when nothing (a comma, a space) stands between them
    uses = tag_words.beside_a_name(known, vocab)  # 大米100斤 公司食堂: 食堂 (a tag) says what the rice is for
    glued, kind_of = _glued_before([w for w in known if w not in uses] + cut_names.first_parts(kept, text, vocab),
                                   unknown, text, vocab)  # 伊比利亚火腿 切片: 火腿, said before the space
    if glued:
        u.instead = kind_of
        return glued
    for word in known:
        at = text.find(word)
        if at < 0:
            continue
        after = text[at + len(word):]
        if after[:1] and _RE_CJK.match(after[0]) and vocab.name_goes_on(word, after[0]):
            continue  # 羊羔肉羊排, 石阡苔茶明前: the name goes on
        if any(after.startswith(k) for k in known if len(k) >= 2 and k != word):
            continue  # 散养鸡蛋 (散养 a tag): 鸡 begins 鸡蛋, the next catalogue word; no 散养鸡 is asked for
        follows = next((t for t in unknown if after.startswith(t)), None)
        if follows is not None and not named:
            return word + follows
        model = _MODEL_NUMBER.match(after)
        if len(word) >= 2 and model and not _AMOUNT.match(after):
            return word + model.group()
        acronym = ACRONYM.match(after)  # 奇异果TV, 苹果 iphone: latin letters beside it name another thing
        if len(word) >= 2 and acronym and not plain_latin(acronym.group(1)):
            return word + acronym.group()
        compound = _compound(word, after, vocab) or _suffixed(word, after, vocab, [w for w in known if len(w) > 1])
        if compound:
            return compound
    if named:
        return ""
    strays = stray_characters.among_strays(known, kept, text, CUE_WORDS) or stray_characters.new_word(
        known, text, vocab) or (stray_characters.unread(kept, text, vocab) if any(len(w) > 1 for w in known) else
                                stray_characters.lone_thing(kept, None if known else u.origin, vocab))
    if strays:
        return strays
    if unknown and known and all(len(w) == 1 for w in known):  # 老人机: 机 (of 有机) glued on is the thing's head
        return " ".join(stray_characters.with_glued(w, known, text) for w in unknown)
    if unknown and not known and u.origin is not None:  # 哈尔滨啤酒, 枸杞 宁夏的: the place's, not sold here
        return " ".join(unknown)
    return ""


def _unknown_words(kept: list[str], vocab: Vocabulary) -> list[str]:
    return [t for t in kept if not catalogue_word(t, vocab) and _real_word(t, vocab) and not cueish(t)
            and t not in lexicon.PLAIN_MODIFIERS and t not in qualities.OCCASIONS]  # 腊肉过年: why, not what


_PARTICLES = stray_characters.PARTICLES


def _compound(word: str, after: str, vocab: Vocabulary) -> str:
    """银耳钉, 鸡蛋卷, 大米虫, 荔枝干, 鸭脖: a catalogue word whose last characters make a word of the language
    with the character that follows (耳钉, 蛋卷, 米虫, 枝干, 鸭脖): the message names that other thing."""
    if not after or after[0] in _PARTICLES or not _RE_CJK.match(after[0]) or after.startswith(word):
        return ""  # 蜂蜜蜂蜜 (🍯🍯) is the word twice, not 蜜蜂
    if PRICE_WORDS.match(after) or same_thing(word, after) or qualities.begins(after):  # 梨子; 红心 流油
        return ""  # 腊肉价格, 大米价钱: the price asked (肉价, 米价 are words, but of the question)
    joined = word + after[0]
    if vocab.knows(joined) or any(vocab.knows(joined[i:]) for i in range(len(joined) - 1)):
        return ""  # 土鸡 + 蛋 = 土鸡蛋, 鸡蛋: still the catalogue's
    freq = vocab.tokenizer.jieba.FREQ
    for i in range(len(joined) - 1):
        if freq.get(joined[i:]):
            return joined
    return ""


def _glued_before(known: list[str], unknown: list[str], text: str, vocab: Vocabulary) -> tuple[str, str]:
    """三只松鼠每日坚果, 福临门大米, 张裕干红, 婴儿奶粉, 安吉白茶, 卡地亚 手镯: words glued before a catalogue word
    that name no catalogue product, brand, place or plain quality (野生蜂蜜, 静宁苹果, 广生源鸡蛋, 一批大米, 往葵大米
    heard, 绿香妃葡萄干 a name's words reordered are the catalogue's) name a brand, a variety or a kind of thing the
    shop lacks. Returns (the thing asked for, the catalogue word it is a kind of: its products are the alternatives)."""
    for word in known:
        if len(word) < 2 or word in lexicon.PLAIN_MODIFIERS:
            continue
        for m in list(re.finditer(re.escape(word), text))[:3]:
            before = _named_before(text[max(0, m.start() - _LOOK_BACK):m.start()], unknown, vocab) \
                or cut_names.adverb_glued(text[:m.start()], CUE_WORDS, vocab)  # 恒都牛肉: 都 is no adverb before a noun
            if not before and text[:m.start()].endswith("的"):  # 良品铺子的坚果: a maker's, said with 的
                said = text[max(0, m.start() - 1 - _LOOK_BACK):m.start() - 1]
                before = maker(said, _named_before(said, unknown, vocab), vocab)
            if before and before + word not in vocab.names_text and not vocab.name_goes_on(before[-1:], word) \
                    and not typos.heard_before(before, word, vocab) and not name_parts.reordered(before, word, vocab):
                after = text[m.end():m.end() + 1]
                headed = not _RE_CJK.match(after) or after in _PARTICLES or after in lexicon.PREDICATE_CHARS \
                    or after in CUE_WORDS or vocab.knows(word + after) or made_of.grade_at(text[m.end():], vocab)
                return before + word, word if headed else ""  # 百草味芒果干: a 芒果干, no kind the shop has
    return "", ""


_LOOK_BACK = 16  # characters looked at before a catalogue word: a brand or a variety is a few words at most


def _named_before(text: str, unknown: list[str], vocab: Vocabulary) -> str:
    """The words right before a catalogue word that say which one, when some of them the shop does not know: the
    content words glued on (after the last cue word, particle or amount), or one unknown word standing alone before
    it (卡地亚 手镯). Empty when they are all the catalogue's, places, plain qualities or nothing."""
    glued = re.search(r"[\u4e00-\u9fffa-z]*$", text)
    run = glued.group() if glued else ""
    if not run:  # 卡地亚 手镯, 多肉 玉露: one word of the language, alone at the start, before the catalogue word
        alone = re.fullmatch(r"\s*([\u4e00-\u9fff]{2,})\s+", text)
        word = alone.group(1) if alone else ""
        real = word in unknown or bool(vocab.tokenizer.jieba.FREQ.get(word))
        return word + " " if real and not _explained(word, vocab) and not cueish(word) and word not in _ADDRESSEES \
            and not any(w in word for w in lexicon.GREET) else ""
    content: list[str] = []
    for token in reversed(vocab.tokenizer.cut(run)):
        if _boundary(token):
            break
        content.insert(0, token)
    if not content or content[0][:1] * 2 == "".join(content)[:2]:
        return ""  # 查查六安瓜片: a verb said twice
    return "".join(content) if any(not _explained(t, vocab) for t in content) or cut_names.singles(content, vocab) \
        else ""  # 美心月饼: 美 and 心 are each the catalogue's, not together


def _boundary(token: str) -> bool:
    """Where the words about the product start: after a cue word, a particle or a phrase with 的 (好吃的), a verb
    (问下, 订), a number or an amount (两桶, 一套)."""
    return (token in CUE_WORDS or cueish(token) or _COUNTED.fullmatch(token) is not None or token.endswith("的")
            or (len(token) == 1 and (token in _PARTICLES or token in _VERB_CHARS)))


_UNIT_WORDS = "|".join(sorted(map(re.escape, lexicon.UNITS), key=len, reverse=True))
# 两桶, 一套, 五两 (not 五常); 斤半 of 1斤半, the digit cut apart from its measure word and half
_COUNTED = re.compile(rf"(?:[\d.]+|[一二两三四五六七八九十百千万半几俩仨]+)(?:{_UNIT_WORDS})?装?|(?:{_UNIT_WORDS})半")
_ADDRESSEES = ("老板", "老板娘", "店家", "掌柜", "客服", "亲", "亲亲", "师傅", "小哥", "小姐姐", "美女", "帅哥", "姐姐",
               "大姐", "阿姨", "老乡", "朋友", "请问", "麻烦", "那么", "那就", "对了", "另外", "然后", "其实", "听说")
_VERB_CHARS = frozenset("问下订想看找选挑求带换加查瞧瞅搜请帮让叫送给拿")
_COOKING = frozenset("涮炖煲煮熬炒蒸烤焖卤腌")


def _explained(token: str, vocab: Vocabulary) -> bool:
    """A word before a catalogue word that the catalogue accounts for: its own word, a place, a plain quality."""
    if (token in lexicon.PLAIN_MODIFIERS or token in vocab.regions or qualities.is_description(token)
            or token in qualities.OCCASIONS  # 年货 腊肉一公斤装的: the occasion, not a kind of 腊肉
            or (not _RE_CJK.search(token) and not token.isalpha())):
        return True
    if len(token) == 1:  # 涮火锅, 炖汤: a way of cooking said before what it is for
        return token in lexicon.PREDICATE_CHARS or token in vocab.heads or token in CUE_WORDS or token in _COOKING
    return catalogue_word(token, vocab) or bool(vocab.named_products(token))


def _suffixed(word: str, after: str, vocab: Vocabulary, known: list[str]) -> str:
    """芒果干, 鸡蛋仔, 猕猴桃苗, 绿茶味, 有机奶: a catalogue word with one more character glued on that starts no word
    of its own and says nothing about it (甜, 好, 寄 …): the customer names a thing made of it, part of it or for it."""
    if len(word) < 2 or not after or not _RE_CJK.match(after[0]) or after.startswith(word) or qualities.begins(after):
        return ""  # 红心流油: what it is like
    ch = after[0]
    if ch in "加和跟及与" and re.match(r"[\d一二两三四五六七八九十半几]", after[1:2]):
        return ""  # 大米加一桶花生油: plus another item, nothing made of the rice
    made = ch in _MADE and not _sold_by(word, ch, vocab)  # 玫瑰饼, 羊肉串, 苹果片: a thing made of it, no pack
    if not made and (ch in _PARTICLES or ch in lexicon.PREDICATE_CHARS or ch in _UNIT_CHARS or ch in CUE_WORDS):
        return ""
    if vocab.knows(word + ch) or vocab.carried_with(word, ch) or vocab.heard_as(word + ch):
        return ""  # 雀舌茶, 英吉沙杏干, 冰糖芯 (心): still the product's own word
    if len(vocab.tokenizer.cut(after)[0]) > 1 or any(len(after) >= n and after[:n] in CUE_WORDS for n in (2, 3)):
        return ""  # 苹果发货, 浓香型铁观音, 芒果帮我订: the character begins the next word
    if ch == "味" and len(known) > 1:
        return ""  # 煎饼小米味: the flavour of another product named
    return word + ch


_UNIT_CHARS = frozenset(w for w in lexicon.UNITS if len(w) == 1)
_MADE = frozenset("饼串片卷")  # measure words that also name a thing made of the food before them (玫瑰饼, 羊肉串)


def _sold_by(word: str, unit: str, vocab: Vocabulary) -> bool:
    return any(k.unit == unit for k in vocab.products.values() if word in k.names or word in k.name)


@functools.lru_cache(maxsize=16384)  # asked for every token of every message, over a few hundred words
def cueish(token: str) -> bool:
    """几块钱, 多少钱一斤: a word the cue lists hold or contain (price, buying, filler), not a product."""
    return token in CUE_WORDS or any(len(w) >= 2 and w in token for w in _CUEISH)


_CUEISH = frozenset(w for group in (lexicon.ASK_PRICE, lexicon.BUY, lexicon.SEARCH, lexicon.FILLER, lexicon.THANKS,
                                    lexicon.GREET, lexicon.HELP, lexicon.ORDER_STATUS) for w in group)


def _real_word(token: str, vocab: Vocabulary) -> bool:
    """A word of the language (jieba's dictionary, or a latin word), not a typo or a stray character."""
    if re.fullmatch(r"[a-z]{2,}", token):
        return token not in ENGLISH_FILLER
    return len(token) >= 2 and _RE_CJK.search(token) is not None and bool(vocab.tokenizer.jieba.FREQ.get(token))


def catalogue_word(token: str, vocab: Vocabulary) -> bool:
    return vocab.knows(token)
