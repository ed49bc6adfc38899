"""Other things named with a catalogue word, which the shop does not sell (none of them is offered as a match):

* a brand made of a count and a food word (六个核桃, 三只松鼠): a Chinese number word + 个/只 glued before a catalogue
  word, when the message also counts packs (来一箱六个核桃), asks whether the shop has it (六个核桃有吗) or says a
  drink after it (六个核桃 饮料 整箱) — nobody asks a shop whether it has six walnuts; the brand's goods are not the
  food word's (六个核桃 is a drink): nothing is listed for it;
* a container or a tool glued after a food word (米桶, 米缸, 油桶, 蛋托, 茶杯, 蜂蜜罐, 鸡蛋盒): the last part of a
  Chinese word names the thing, and a pack word there is no count (蜂蜜两罐 is; 蜂蜜罐装 says how it is packed);
* a live animal or a plant, not the food (小香猪, 活鸡, 猪仔, 鸡苗; 多肉 玉露, 盆栽): a young or living animal's word,
  or a plant's word in the message;
* a variety or a brand said alone after the food word (荔枝 妃子笑): a rare word of the language standing by itself
  after the catalogue word names which one, as one standing before it does (卡地亚 手镯, bot.product_words); so does
  any word of the language ending with a character of the catalogue word (兰花 春兰: a kind of 兰, the flower);
* a catalogue word said after the thing, as what it is like (鲜花饼 玫瑰的, 枣泥饼 红枣的, 粽子 蜂蜜味的): the thing
  named first is the head and the catalogue word only describes it; when no catalogue word ends that head, it is
  something the shop does not sell.

`named` returns (the thing as the customer said it, the catalogue word whose products are listed as alternatives).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import glued_heads, heads_after, lexicon, not_ours, other_milks, phrasing, sized_names

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Vocabulary

_CJK = re.compile("[\u4e00-\u9fff]")
_COUNTED_NAME = re.compile("[一二两三四五六七八九十]+[个只]$")
_CJK_RUN = re.compile("[\u4e00-\u9fff]+")
_CONTAINERS = frozenset("桶缸罐瓶盒袋箱杯壶托盘篮筐碗勺锅架柜")
_LIVE = re.compile(r"^(?:活|幼).+|^小.*[猪牛羊兔]$|.+[猪牛羊兔鸡鸭鹅鱼狗](?:仔|崽|苗|宝宝)$")
_PLANTS = ("多肉", "盆栽", "绿植", "花苗", "树苗", "种苗", "幼苗", "盆景", "花卉", "苗木", "种子", "活体")
_DRINK = re.compile("饮料|饮品|乳|露")  # a drink said after a count and a food word: the brand's drink, no count
_RARE = 20  # a word the general dictionary has seen at most this often is a name (妃子笑: 3), not everyday talk


def named(u: Understanding, kept: list[str], vocab: Vocabulary) -> tuple[str, str]:
    known = [t for t in kept if vocab.knows(t) and _CJK.match(t)]
    if not known:
        return "", ""
    return (_counted_brand(u, known) or sized_names.named(u, known)  # 小罐茶: a brand, not a pack of tea
            or _container(u, known, vocab) or _living(u, known)
            or _variety_after(u, known, kept, vocab) or _described(u, known, vocab)
            or heads_after.named(u, known, vocab)  # 核桃 夹子, 小米 手机膜, 苹果 脆片
            or glued_heads.named(u, known, vocab)  # 橄榄油发膜, 核桃发膜 有吗: a head jieba's dictionary lacks
            or not_ours.named(u, known, kept, vocab)  # 菊花 一束, 麻鸭 公母各两只, 德芙礼盒, 荔枝
            or other_milks.named(u, known, kept, vocab)  # 奶粉: cow's milk, not the yak's of 牦牛奶粉
            or ("", ""))


def _counted_brand(u: Understanding, known: list[str]) -> tuple[str, str] | None:
    asks = "search" in u.cues or u.text.endswith(("吗", "么", "没有"))
    for found in u.quantities:
        if found.unit not in ("个", "只") or not _COUNTED_NAME.search(u.text[found.start:found.end]):
            continue
        word = next((w for w in known if len(w) >= 2 and u.text.startswith(w, found.end)), None)
        goes_on = word is not None and u.text.startswith(word, found.end + len(word))  # 六个核桃核桃乳
        drink = word is not None and _DRINK.match(u.text, found.end + len(word)) is not None  # 六个核桃 饮料
        if word is None or not (asks or goes_on or drink or len(u.quantities) > 1) \
                or u.text[found.start:found.end] + word not in u.spaced:  # 乌骨鸡来两只，腊肉一斤: two things
            continue
        u.quantities.remove(found)  # 六个 is part of the name, not a count
        u.quantity = u.quantities[0] if u.quantities else None
        u.specs = [s for s in u.specs if not s.endswith(("个", "只"))]
        name = _CJK_RUN.match(u.text, found.start) if goes_on else None  # 六个核桃核桃乳: the whole name
        return (name.group() if name else u.text[found.start:found.end] + word), ""  # a drink: no walnuts listed
    return None


def _container(u: Understanding, known: list[str], vocab: Vocabulary) -> tuple[str, str] | None:
    for word in known:
        for m in re.finditer(re.escape(word), u.spaced):
            ch, then = u.spaced[m.end():m.end() + 1], u.spaced[m.end() + 1:m.end() + 2]
            if ch in _CONTAINERS and then not in ("装", "的") and not (
                    vocab.knows(word + ch) or vocab.name_goes_on(word, ch)):
                return word + ch, ""
    return None


def _living(u: Understanding, known: list[str]) -> tuple[str, str] | None:
    if any(p in u.text for p in _PLANTS):
        plant = next(p for p in _PLANTS if p in u.text)
        return " ".join([plant, *(w for w in known if w not in plant)]), ""
    live = next((w for w in known if _LIVE.match(w)), None)
    return (live, "") if live else None


def _variety_after(u: Understanding, known: list[str], kept: list[str], vocab: Vocabulary) -> tuple[str, str] | None:
    freq = vocab.tokenizer.jieba.FREQ
    for word in known:
        if len(word) < 2:
            continue
        after = _word_after(u.spaced, word)
        if after in kept and not vocab.knows(after) and after not in vocab.regions \
                and after not in lexicon.PLAIN_MODIFIERS and freq.get(after, 0) > 0 \
                and (freq.get(after, 0) <= _RARE or after[-1] in word):  # 兰花 春兰: a 兰 of its own name
            return f"{word} {after}", ""  # no alternatives: 荔枝 is only in an alias here (毛荔枝)
    return None


_SPACED_WORD = re.compile(r"\s+([\u4e00-\u9fff]{2,6})")


def _word_after(spaced: str, word: str) -> str:
    """The Chinese word said apart right after `word` (荔枝 in 妃子笑 荔枝), or "": one pattern compiled once, not one
    per catalogue word (those overflowed re's cache and were compiled again on every message)."""
    at = spaced.find(word)
    while at >= 0:
        m = _SPACED_WORD.match(spaced, at + len(word))
        if m:
            return m.group(1)
        at = spaced.find(word, at + 1)
    return ""


# 鲜花饼 玫瑰的 / 要个枣泥饼，红枣的 / 粽子 蜂蜜味的: a thing, then apart from it what it is like, said with 的.
_DESCRIBED = re.compile(r"(?P<head>[\u4e00-\u9fff]{2,10})\s+(?P<like>[\u4e00-\u9fff]{2,6}?)(?:口味|味)?的"
                       r"(?:吗|呢|吧|啊|呀)?$")
_LEADS = sorted({w for group in (lexicon.BUY, lexicon.SEARCH, lexicon.FILLER) for w in group if w},
                key=len, reverse=True)


def _described(u: Understanding, known: list[str], vocab: Vocabulary) -> tuple[str, str] | None:
    m = _DESCRIBED.search(u.spaced)
    # a catalogue word heard outside the describing part (木儿来一斤 柞水的: 木儿 heard as 木耳) heads the thing
    if m is None or any(word not in m.group("like") for word in known) \
            or not _holds_a_catalogue_word(m.group("like"), vocab):
        return None
    head = m.group("head")
    if [(0, len(head))] == phrasing.vocative_spans(head):
        return None  # 你好朋友 巴旦木有大的吗: whom the shopper greets, no thing
    for word in _LEADS:  # 要个枣泥饼: the buying words before the thing
        head = head[len(word):] if head.startswith(word) and len(head) - len(word) >= 2 else head
    if head in vocab.regions or vocab.named_products(head) or _holds_a_catalogue_word(m.group("head"), vocab):
        return None  # 大米 东北的, 小米要两斤 岢岚的, 香肠有吗 川味的: a catalogue word in the thing said, the shop's
    return f"{head} {m.group('like')}的", ""


def _holds_a_catalogue_word(text: str, vocab: Vocabulary) -> bool:
    """A catalogue word of two characters or more anywhere in the text (the thing, its quantity, a question)."""
    return any(vocab.knows(text[i:j]) for i in range(len(text) - 1) for j in range(i + 2, len(text) + 1))
