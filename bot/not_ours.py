"""More things the shop does not sell, named with a word its catalogue also holds (none is offered as a match):

* cut flowers (扫墓用的菊花 一束, 康乃馨一束 母亲节, 玫瑰花 99朵): a bouquet (束, 花束, 鲜花), a grave visit (扫墓,
  祭拜, 上坟) or a count by the bloom or the stem (朵, 枝) makes a flower's name the flower, not the 菊花 tea of the
  catalogue;
* live animals bought by sex (麻鸭 公母各两只, 大闸蟹 一公一母) or weighed per piece in 两 (四两一只): not the cured
  or boxed product sharing the animal's name;
* a form of goods (礼盒, 礼包, 挂件, 摆件 …) whose thing is named by a word the catalogue does not know (德芙礼盒,
  茅台礼盒 来一盒, 桃木剑 挂件): that thing is the head noun, and the shop's gift boxes or carvings are not it;
* an everyday word the catalogue holds only inside a longer name (荔枝 inside the alias 毛荔枝 of 红毛丹): another
  thing; the products of the kind holding it (水果) are offered as alternatives, never ordered.

`named` returns (the thing as the customer said it, the catalogue word whose products are the alternatives) or None.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import lexicon, phrasing

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Vocabulary

# A bouquet, a grave visit, or flowers counted by the stem or the bloom (99朵, 十一枝): cut flowers, not a tea.
# Or a flower asked as a plant, real or not (是真花还是假花, 花盆, 浇水): the flower, not the tea named after it.
_BOUQUET = re.compile(r"[一二两三四五六七八九十几\d]束|花束|鲜花|扫墓|祭拜|上坟|祭扫|祭奠|献花|插花|捧花|花店"
                      r"|[一二两三四五六七八九十百几\d]+[朵枝]|[真假]的?花|仿真花|塑料花|花盆|浇水|养花|种花|花期")
_FLOWERS = ("玫瑰", "百合", "康乃馨", "郁金香", "向日葵", "满天星", "勿忘我", "牡丹", "月季", "雏菊")
# Counted by sex (公母各四只, 一公一母, 三公两母, 母的两只) or weighed per piece in 两 (四两一只): live animals.
_N = r"[一二两三四五六七八九十\d]"
_LIVE = re.compile(rf"公母|{_N}公{_N}母|(?<![父字])[公母]的{_N}+只"
                   r"|[一二两三四五六七八九十半\d.]+两(?:以上|左右)?(?:一|每)只")
_FORMS = ("礼盒", "礼包", "礼品盒", "挂件", "摆件", "吊坠", "套装", "手串")
# Said before a form without naming a thing: an occasion or a quality (中秋礼盒, 圣诞礼盒, 高档礼盒, 送礼礼盒).
_OCCASIONS = ("节", "圣诞", "元旦", "新年", "年货", "生日", "婚礼", "喜糖", "满月", "福利", "员工", "公司", "企业",
              "单位")
_QUALITIES = ("精美", "豪华", "高端", "实惠", "好看", "漂亮", "便宜", "平价", "实用", "喜庆", "小号", "大号", "送礼")
_COMMON = 50  # a word the general dictionary has seen at least this often is everyday language (荔枝: 259)


# A use that is not eating it (能孵小鸡的, 种蛋, 可以种的) or an empty container (空瓶, 空的罐子): the thing named is a
# hatching egg, a seed, a jar — of the kind of a catalogue product but not the product.
_NOT_EATEN = re.compile(r"孵|种蛋|受精蛋|播种|育苗|做种|留种|(?:能|可以|拿来|用来|用于)(?:种|栽)(?![类植])"
                        r"|空的?(?:瓶|罐|盒|袋|箱|桶|壶|杯|托|篮)")
# A container said by what it holds: 装蜂蜜的空瓶子, 用来装大米的袋子 (装 begins the phrase; 散装/袋装 are packs).
_HOLDING = re.compile(r"(?:^|(?<=\s)|(?<=用来|拿来|用于|专门|可以))装"
                      r"(?P<what>[^\s的]{1,8})的(?P<head>[\u4e00-\u9fff]*)")


def named(u: Understanding, known: list[str], kept: list[str], vocab: Vocabulary) -> tuple[str, str] | None:
    return (_flowers(u, known) or _live(u, known) or _not_eaten(u, known)
            or _form_of_another(u, known, kept, vocab) or _only_inside(known, vocab))


def _not_eaten(u: Understanding, known: list[str]) -> tuple[str, str] | None:
    """能孵小鸡的鸡蛋, 种蛋 能孵小鸡的, 装蜂蜜的空瓶子: a catalogue word naming what another thing is for or holds."""
    words = [w for w in known if len(w) >= 2]
    if not words:
        return None
    for m in _HOLDING.finditer(u.spaced):
        if any(w in m.group("what") for w in words):
            return m.group(), ""
    if _NOT_EATEN.search(u.text):
        return " ".join(words), ""
    return None


def _flowers(u: Understanding, known: list[str]) -> tuple[str, str] | None:
    if not _BOUQUET.search(u.text):
        return None
    flowers = [w for w in known if w.endswith(("花", "菊")) or any(f in w for f in _FLOWERS)]
    return (" ".join(flowers), "") if flowers else None


def _live(u: Understanding, known: list[str]) -> tuple[str, str] | None:
    if not _LIVE.search(u.text):
        return None
    animals = [w for w in known if len(w) >= 2]
    return (" ".join(animals), "") if animals else None


def _form_of_another(u: Understanding, known: list[str], kept: list[str], vocab: Vocabulary) -> tuple[str, str] | None:
    """德芙礼盒 / 桃木剑 挂件: the words right before a form word (glued, or alone before it) name what it is of."""
    if any(len(w) >= 2 and w not in _FORMS for w in known):
        return None  # 红枣礼盒, 木雕 挂件: a catalogue thing is named
    for form in (f for f in _FORMS if f in kept):
        at, before, said = kept.index(form), "", None
        while at > 0:  # 费 列 罗 礼盒: the words cut apart are one name again
            m = re.search(re.escape(kept[at - 1] + before) + r"\s?" + re.escape(form), u.spaced)
            if m is None:
                break
            before, said, at = kept[at - 1] + before, m, at - 1
        if said is not None and not _plain(before, vocab):
            return said.group(), ""
    return None


def _plain(word: str, vocab: Vocabulary) -> bool:
    """A word before a form that names no other thing: the catalogue's, a place, an occasion, a quality, a cue."""
    return (len(word) < 2 or vocab.knows(word) or word in vocab.regions or word in lexicon.PLAIN_MODIFIERS
            or any(o in word for o in _OCCASIONS) or any(p in word for p in phrasing.PURPOSES) or word in _QUALITIES)


def _only_inside(known: list[str], vocab: Vocabulary) -> tuple[str, str] | None:
    """荔枝 said where the catalogue has only 毛荔枝: a common word standing in no product's name, only inside a longer
    alias or tag and never alone there, and itself no catalogue word nor part of a category or a tag (a kind: 水果)."""
    freq = vocab.tokenizer.jieba.FREQ
    for word in known:
        if len(word) < 2 or word in vocab.words or freq.get(word, 0) < _COMMON or word in lexicon.PLAIN_MODIFIERS:
            continue  # 农家 inside a brand (清远农家) is still a plain quality: 蜂蜜 纯的 农家
        if any(word in t for k in vocab.products.values() for t in (k.category, *k.tags)):
            continue  # 水果 in 蔬菜水果, 热带水果: a kind the shop sells
        holders = [k for k in vocab.products.values()
                   if any(word in t for t in (k.name, *k.aliases, *k.tags, *k.names))]
        if not holders or any(word in k.name for k in holders):
            continue  # 漾濞核桃, 土鸡蛋 30枚: the product's own name holds the word, so it is that thing
        if any(_alone(word, t) for k in holders for t in (k.name, *k.aliases, *k.tags, *k.names)):
            continue
        return word, _kind(holders[0].category, vocab)
    return None


def _alone(word: str, text: str) -> bool:
    """The word stands in the text as a word of its own (not glued after other characters: 毛荔枝)."""
    return any(m.start() == 0 or not re.match("[\u4e00-\u9fff]", text[m.start() - 1])
               for m in re.finditer(re.escape(word), text))


def _kind(category: str, vocab: Vocabulary) -> str:
    """The kind word of a category the catalogue knows (蔬菜水果 → 水果), for the alternatives."""
    for size in (2, 3):
        tail = category[-size:]
        if len(category) > size and vocab.knows(tail):
            return tail
    return category
