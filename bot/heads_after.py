"""Another thing named after a catalogue word: the word only says what that thing is for or made of.

The last part of a Chinese noun phrase names the thing. After a catalogue word (glued, or after a space), a noun the
catalogue does not know whose own last part names an object, a cosmetic or a person is that thing (柠檬 护手霜,
茶叶 分装罐, 核桃 夹子, 大米 收纳箱, 小米 手机膜, 苹果 充电器, 苹果 App Store 充值卡, 古筝 老师): the shop does not
sell it, and nothing is offered as a match. Words that only say what the product is like are no such noun: they
begin with a size, a count or 带/去/无 (小瓶, 一箱, 带壳, 去皮), end in 装 (罐装), or are the catalogue's own.
Bedding (苦荞 枕头, 荞麦壳枕) and things for the body's use (艾草 足浴包, 生姜 泡脚包) are such things too; a catalogue
word the reading joined across the shopper's own space (普洱 茶具 read as 普洱茶) is cut there again; a piece ending in
another food's kind that none of the word's products is (大红袍 武夷岩茶: the shop's 大红袍 is a pepper) names it.

A snack of another form named with a fruit (苹果 脆片, 山楂 条 零食) is decided from the catalogue: when no product
holds both the fruit and that form, the shop does not sell it; the fruit's products are alternatives, not a match.

`named` returns (the thing as the customer said it, the catalogue word whose products are the alternatives) or None.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import lexicon

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Vocabulary

# The last character of a noun naming an object, a cosmetic or a person, not a food: containers and tools
# (罐 箱 夹 器 …), gadgets and their parts (机 膜 壳 线), cards and tickets, cosmetics (霜 乳 膏 妆 …), people.
_THING_HEADS = frozenset("罐瓶箱盒桶缸杯壶盘碗勺锅篮筐柜架夹钳剪刀铲器仪具机膜壳套罩垫刷梳线卡券票"
                         "霜乳膏露液妆皂师员匠练枕被毯")
# Whole words whose last character is a food's or too common (充电宝, 洗面奶, 精华, 家教).
_THING_WORDS = ("充电宝", "洗面奶", "精华", "香水", "爽肤水", "面霜", "口红", "家教", "保姆", "陪练", "枕头")
# A use on the body, not eating (艾草 足浴包, 花椒 泡脚粉, 生姜 洗发水): what follows names a thing of that use.
_BODY_USE = re.compile(r"足浴|泡脚|洗脚|沐浴|洗浴|坐浴|熏蒸|艾灸|洗发|洗头|护发")
# A chunk beginning so says what the product is like or how much of it: 小瓶, 一箱, 带壳, 去皮, 来两罐.
_DESCRIBING = frozenset("的了吗呢吧啊呀哦嘛和跟与及或也都还再就来要买有是在给我你他她这那个只份斤箱袋瓶盒罐包"
                        "一二两三四五六七八九十百千零俩仨半几多每各带去无不免脱原纯大小整散单双新0123456789")
# Forms of a snack or a preserve made of a fruit or a vegetable.
_SNACK_FORMS = ("脆片", "冻干", "果脯", "蜜饯", "罐头", "果冻", "果酱", "果汁",
                "条", "片", "干", "脯", "酱", "汁", "糕")
_FORM_AFTER = re.compile("(?P<form>" + "|".join(_SNACK_FORMS) + r")(?=$|\s|[的吗呢吧啊呀有])")
_CJK = re.compile("[\u4e00-\u9fff]")
# The last character of a food's name saying its kind (岩茶, 米酒, 挂面): another food when the word's goods are not it.
_FOOD_KINDS = frozenset("茶酒米面油醋酱糖粉饼糕肉鱼虾蟹菜奶蛋")
_LOOK = 4  # pieces after the catalogue word looked at (苹果 App Store 充值卡)


def named(u: Understanding, known: list[str], vocab: Vocabulary) -> tuple[str, str] | None:
    for word in (w for w in known if len(w) >= 2):
        for m in list(re.finditer(re.escape(word), u.spaced))[:2]:
            found = _thing_after(u.spaced[m.end():], word, vocab) or _form_after(u.spaced[m.end():], word, vocab)
            if found is not None:
                return found
    return _across_space(u, known, vocab) or _other_food_after(u, known, vocab) or _unsold_fruit_form(u, known, vocab)


def _across_space(u: Understanding, known: list[str], vocab: Vocabulary) -> tuple[str, str] | None:
    """普洱 茶具 read as 普洱茶 + 具: a catalogue word only made across the shopper's own space, whose end begins the
    next piece; that piece (茶具) is the thing when it names an object, and the word before it says which."""
    for word in (w for w in known if len(w) >= 3 and w not in u.spaced):
        for cut in range(1, len(word)):
            at = u.spaced.find(word[:cut] + " " + word[cut:])
            if at < 0:
                continue
            rest = u.spaced[at + cut + 1:]
            found = _thing_after(" " + rest, word[:cut], vocab)
            if found is not None:
                return found
    return None


def _other_food_after(u: Understanding, known: list[str], vocab: Vocabulary) -> tuple[str, str] | None:
    """大红袍 武夷岩茶: the piece said after a catalogue word ends in a food's kind (茶) that none of that word's
    products is (大红袍 here is a 花椒): the word names another food, a tea of that name; nothing is offered for it."""
    for word in (w for w in known if len(w) >= 2 and w not in vocab.regions):
        m = re.search(re.escape(word) + r"\s+([\u4e00-\u9fff]{2,6})(?=$|\s)", u.spaced)
        if m is None or m.group(1)[-1] not in _FOOD_KINDS:
            continue
        piece = m.group(1)
        if any(vocab.knows(piece[a:b]) for a in range(len(piece)) for b in range(a + 2, len(piece) + 1)):
            continue  # 红枣 灰枣, 大米 五常大米: the catalogue's own
        kind = piece[-1]
        if not (vocab.held_together(word, kind, category=True) or vocab.carried_with(word, kind)):
            return m.group(), ""
    return None


def _thing_after(rest: str, word: str, vocab: Vocabulary) -> tuple[str, str] | None:
    glued = bool(rest[:1]) and not rest[:1].isspace()
    for i, piece in enumerate(rest.split()[:_LOOK]):
        if not _CJK.match(piece):
            continue  # App Store: a latin name between the word and the thing
        if any(vocab.knows(piece[a:b]) for a in range(len(piece)) for b in range(a + 2, len(piece) + 1)):
            return None  # another catalogue word: the pieces after it are about that one
        thing = _thing(piece, vocab)
        if thing:
            return (word + thing if glued and i == 0 else f"{word} {thing}"), ""
    return None


def _thing(piece: str, vocab: Vocabulary) -> str:
    """The shortest start of the piece that is a noun naming an object, a cosmetic or a person (收纳箱 of
    收纳箱防潮)."""
    if piece[0] in _DESCRIBING:
        return ""
    freq = vocab.tokenizer.jieba.FREQ
    if _BODY_USE.match(piece):
        return piece[:6]  # 足浴包: a foot bath, whatever herb is in it
    for end in range(2, min(len(piece), 6) + 1):
        said = piece[:end]
        if piece[end:end + 1] == "装" or said in lexicon.PLAIN_MODIFIERS or vocab.knows(said) \
                or said in vocab.names_text:
            continue
        head = said[:-1] if said[-1] in "子儿" else said  # 夹子: the thing is the 夹
        noun = said in _THING_WORDS or (head[-1] in _THING_HEADS and (
            bool(freq.get(said)) or (bool(freq.get(head[:-1])) and len(head) > 2)))
        if noun:
            return said
    return ""


def _form_after(rest: str, word: str, vocab: Vocabulary) -> tuple[str, str] | None:
    """苹果 脆片 / 苹果脆片: a snack form right after the fruit, which no product of the catalogue holds."""
    m = _FORM_AFTER.match(rest.lstrip(" ")) if rest[:1] in (" ", "") or _FORM_AFTER.match(rest) else None
    if m is None or vocab.held_together(word, m.group("form")):
        return None
    glued = not rest[:1].isspace()
    return (word + m.group("form") if glued else f"{word} {m.group('form')}"), word


def _unsold_fruit_form(u: Understanding, known: list[str], vocab: Vocabulary) -> tuple[str, str] | None:
    """山楂 条 零食: a word the shop does not know, a snack form after it, beside a kind the shop sells (零食)."""
    freq = vocab.tokenizer.jieba.FREQ
    for m in re.finditer(r"([\u4e00-\u9fff]{2,4})\s?(" + "|".join(_SNACK_FORMS) + r")(?=$|\s|[的吗呢吧啊呀有])",
                         u.spaced):
        fruit = m.group(1)
        if fruit not in known and not vocab.knows(fruit) and freq.get(fruit, 0) >= 20 \
                and fruit not in vocab.regions and not vocab.held_together(fruit, m.group(2)):
            return m.group(), ""
    return None
