"""A product named by part of its name, often with its place: 竹溪的明前, 德化白瓷杯, 竹山峰蜜.

Shoppers rarely say a name whole. Three ways of saying part of it are read here, each only when one product's own
name accounts for it, so nothing the shop does not sell is ever made into a match:

* `with_place`: a place (竹溪, 婺源) and a word that is a whole token of a name from that place (明前, 雨前, 特级,
  功夫): 竹溪的明前 / 婺源那个明前的 / 石阡那种手工的 find the products whose name holds both. A two-character part
  jieba's dictionary lacks (明前, cut 明 / 前) is joined again. 明前的事 (no place), 德化的明前 (no tea of 德化) and
  德化的天气 (no name holds 天气) are left alone.
* `headed`: a word glued after a catalogue word that is the head character of a word in the SAME product's name
  (德化白瓷 + 杯 for "德化白瓷 功夫茶杯": 杯 ends 茶杯) is that word: 德化白瓷杯 / 德化白瓷杯子 are the cups.
  安溪铁观音杯子 stays another thing: no word of the tea's name ends in 杯.
* `heard_after_place`: a homophone of a product word glued to the place it comes from, which jieba cuts across the
  place (竹山峰蜜 → 竹 / 山峰 / 蜜): the run after the place is read as the word it sounds like (竹山蜂蜜) when that
  word covers the whole run and a product of that place holds it. 山峰 alone, 竹山的峰会 stay as they were.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import jieba

from bot import typos
from bot.lexicon import PLAIN_MODIFIERS

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Known, Origin, Vocabulary

_CJK = re.compile("[\u4e00-\u9fff]+")
_JOINED_AT_MOST = 3  # tokens joined into one name word: 明 + 前; a name's token is rarely cut finer


def name_words(product: Known) -> frozenset[str]:
    """The whole tokens of a product's name: each part between spaces (明前, 功夫茶杯) and the words jieba's own
    dictionary cuts from it (功夫, 茶杯), two characters or more, no pack sizes (100g, 6只装)."""
    return _name_words(product.name)


@functools.lru_cache(maxsize=65536)
def _name_words(name: str) -> frozenset[str]:
    words: set[str] = set()
    for part in name.split():
        if not _CJK.fullmatch(part):
            continue
        words.add(part)
        words.update(w for w in jieba.lcut(part, HMM=False) if len(w) >= 2)
    return frozenset(w for w in words if len(w) >= 2)


def from_place(product: Known, origin: Origin) -> bool:
    """The product comes from the place said, or holds the place in its name (冰岛 in 勐库冰岛普洱)."""
    level = {"province": product.province, "city": product.city, "county": product.county}.get(origin.level)
    return level == origin.name or origin.mention in product.name


def said_with_place(sku: str, u: Understanding, vocab: Vocabulary) -> bool:
    """利川那种功夫的: every product word said is a whole token of the name of this product from the place said, so the
    product is meant, though 功夫 only says which 红茶 in "利川红 功夫红茶" (bot.products: no mere modifier)."""
    known = vocab.products.get(sku)
    words = [w for w in u.product_words if len(w) > 1]
    return bool(known and u.origin and words and from_place(known, u.origin)
                and all(w in name_words(known) for w in words))


def only_elsewhere(u: Understanding, local: list[str], found: list[str], vocab: Vocabulary) -> bool:
    """竹溪的雨前: a word only names hold, no kind of goods (雨前, 明前, 特级: in no tag, alias or category), that only
    products from other places hold, while the place's own products matched by the place alone: none of them is what
    was asked for. 神农架的蜂蜜 is a kind (a tag): the place's honey, whatever its name says."""
    words = [w for w in u.product_words if len(w) > 1 and w not in vocab.kinds_text]

    def holds(sku: str, anywhere: bool) -> bool:
        known = vocab.products.get(sku)
        texts = (known.name, *known.names, *known.tags, *known.aliases) if known and anywhere else ()
        return known is not None and any(w in name_words(known) or any(w in t for t in texts) for w in words)

    return bool(words) and not any(holds(s, True) for s in local) and any(holds(s, False) for s in found)


def with_place(tokens: list[str], u: Understanding, vocab: Vocabulary, cue: frozenset[str]
               ) -> tuple[list[str], set[str]]:
    """The tokens with the name words of the place's products joined (明 前 → 明前; 明 前来 → 明前 来, a token split
    when the word ends inside it and the rest is a cue word, `cue`), and those words the catalogue did not
    know otherwise (product words of their own, though the index and the dictionary may lack them). Nothing when
    no place is said."""
    if u.origin is None:
        return tokens, set()
    words = place_words(u.origin, vocab)
    if not words:
        return tokens, set()
    out: list[str] = []
    found: set[str] = set()
    rest = list(tokens)
    while rest:
        word = _word_begun(rest, words, cue)
        if not word:
            out.append(rest.pop(0))
            continue
        taken = ""
        while len(taken) < len(word):
            taken += rest.pop(0)
        out.append(word)
        if len(taken) > len(word):
            rest.insert(0, taken[len(word):])
        if not vocab.knows(word):
            found.add(word)
    return out, found


def place_words(origin: Origin, vocab: Vocabulary) -> frozenset[str]:
    """The name words of the place's products, but the place's own names (竹溪 of 竹溪贡茶 is the place, read as
    such): built the first time the place is said, then kept with the vocabulary."""
    words = vocab.by_place.get(origin)
    if words is None:
        words = frozenset(w for k in vocab.products.values() if from_place(k, origin) for w in name_words(k)
                          if w not in vocab.regions)
        vocab.by_place[origin] = words
    return words


def _word_begun(tokens: list[str], words: frozenset[str], cue: frozenset[str]) -> str:
    """The longest name word the tokens begin with, ending where a token ends or inside a token whose rest is a cue
    word (前来 of 竹溪明前来一盒: 来; never 冰岛普洱, a run of a name, nor 礼盒装)."""
    text = "".join(tokens[:_JOINED_AT_MOST])
    for size in range(len(text), 1, -1):
        word = text[:size]
        if word not in words:
            continue
        at = 0
        for token in tokens:
            if at + len(token) >= size:
                if at + len(token) == size or token[size - at:] in cue:
                    return word
                break
            at += len(token)
    return ""


def headed(tokens: list[str], text: str, vocab: Vocabulary) -> tuple[list[str], set[str]]:
    """德化白瓷 杯 → 德化白瓷 茶杯, 洪湖生态 米 → 洪湖生态 大米: a character (or it with the suffix 子) glued right
    after a catalogue word, read as the word it heads in the name of a product holding that catalogue word. A
    token jieba cut across the catalogue word is split first (白 瓷杯 → 白瓷 杯), only when so read. Tokens are left
    alone when no such product has such a word (安溪铁观音杯子, 银耳钉), or when the products holding it disagree on
    it. Returns the tokens and the words so read (茶杯)."""
    out = list(tokens)
    said: set[str] = set()
    i = 0
    while i < len(out) - 1:
        pair = out[i] + out[i + 1]
        split = not (vocab.knows(out[i + 1]) or out[i + 1] in vocab.regions)  # 冰岛 普洱: 普洱 is a word
        for cut in range(len(pair) - 1, len(out[i]) - 1, -1) if split else (len(out[i]),):
            before, after = pair[:cut], pair[cut:]
            known = vocab.knows(before) or (cut == len(out[i]) and len(before) > 2 and before in vocab.names_text)
            word = _headed_word(before, after, vocab) if pair in text and known else ""
            if word:
                out[i:i + 2] = [before, word]
                said.add(word)
                break
        i += 1
    return out, said


def _headed_word(before: str, after: str, vocab: Vocabulary) -> str:
    head = after[:1]
    if len(before) < 2 or after not in (head, head + "子") or not _CJK.fullmatch(before + after):
        return ""
    heads = {w for k in _holding(before, vocab.products.values()) for w in name_words(k)
             if w.endswith(head) and before not in w and w not in before and w not in PLAIN_MODIFIERS}
    heads = {w for w in heads if not any(o != w and w.endswith(o) for o in heads)}  # 茶杯, not 功夫茶杯 too
    return heads.pop() if len(heads) == 1 else ""


def _holding(word: str, products: Iterable[Known]) -> list[Known]:
    return [k for k in products if word in k.name.replace(" ", "") or word in k.names or word in k.tags
            or word in k.aliases]


def heard_after_place(text: str, vocab: Vocabulary, stop: frozenset[str]) -> str:
    """竹山峰蜜1斤装 → 竹山蜂蜜1斤装: after each place the shop has goods from, the run of characters up to a cue word
    (`stop`), a number or a space is read as the catalogue word it sounds like, when that word is all of the run
    and some product of the place holds it. Everything else stays as typed."""
    i = 0
    while i < len(text) - 1:
        mention = _place_at(text, i, vocab)
        if not mention:
            i += 1
            continue
        end = i + len(mention)
        said = _run_after(text[end:], vocab, stop)
        run = "".join(said)
        word = vocab.heard_as(run) if len(run) >= 2 and run not in vocab.words else None
        origin = vocab.regions[mention]
        if word and word != run and not typos.said_as_itself(said, [(word, len(run))], vocab) \
                and any(from_place(k, origin) and _holds(k, word) for k in vocab.products.values()):
            text = text[:end] + word + text[end + len(run):]
        i = end
    return text


def _place_at(text: str, i: int, vocab: Vocabulary) -> str:
    for size in range(min(8, len(text) - i), 1, -1):
        if text[i:i + size] in vocab.regions:
            return text[i:i + size]
    return ""


def _run_after(rest: str, vocab: Vocabulary, stop: frozenset[str]) -> list[str]:
    """The words right after a place that may be a mistyped word: up to a space, a number (两瓶), a cue word."""
    glued = re.match("[\u4e00-\u9fff]*", rest)
    run: list[str] = []
    for token in vocab.tokenizer.cut(glued.group() if glued else ""):
        if token in stop or token[0] in _NUMERALS:
            break
        run.append(token)
    return run


_NUMERALS = frozenset("一二两三四五六七八九十百千几半俩仨")


def _holds(product: Known, word: str) -> bool:
    return any(word in t for t in (product.name, *product.tags, *product.aliases))


def reordered(before: str, word: str, vocab: Vocabulary) -> bool:
    """绿香妃葡萄干 for "疏附葡萄干 绿香妃" (alias 香妃葡萄干): the characters glued before a catalogue word and the
    word's start make a word of the same product's name (绿 + 香妃 = 绿香妃), the rest of the word is in that name too
    (葡萄干), and whatever was said before is its places or words (新疆疏附绿香妃葡萄干): the product's own words in
    another order, no other thing."""
    run = before.strip()
    if not run or len(word) < 4:
        return False
    return any(_reordered_in(run, word, text, vocab) for _, text in vocab.product_texts if word in text)


def _reordered_in(run: str, word: str, text: str, vocab: Vocabulary) -> bool:
    for cut in range(len(run)):
        said, glued = run[:cut], run[cut:]
        if any(glued + word[:k] in text and word[k:] in text for k in range(2, len(word) - 1)):
            return all(t in text or t in vocab.regions for t in vocab.tokenizer.cut(said))
    return False
