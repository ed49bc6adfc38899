"""Finding the product a message talks about, through the catalogue search index.

A product "fits" when it matches as many of the message's product words as the best match does
(the index ranks by matched words first). One fit is a choice made; several are a question to ask;
none is an unknown product. A product named whole but not sellable (pending, revoked, expired) is
refused by name, with certified alternatives from its category.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import jieba

from bot import descriptions, name_parts, numerals, pack_sizes, packs, qualities, unsellable_named
from bot.understanding import Understanding
from bot.vocabulary import Known, Vocabulary, normalize
from models.search.catalog_search import CatalogSearch

MAX_CANDIDATES = 30


@dataclass
class Resolution:
    candidates: list[dict[str, Any]] = field(default_factory=list)  # the products that fit, best first
    total: int = 0
    refused: Known | None = None  # named, but may not be sold
    unknown: str = ""  # product words nothing matched
    family: list[str] = field(default_factory=list)  # skus that matched as well before pack size and unit narrowed

    @property
    def chosen(self) -> dict[str, Any] | None:
        return self.candidates[0] if len(self.candidates) == 1 else None


def _in_origin(card: dict[str, Any], u: Understanding) -> bool:
    if u.origin is None or u.origin.level == "province":
        return True
    return card["origin"].get(u.origin.level) == u.origin.name


def _province(u: Understanding) -> str | None:
    return u.origin.name if u.origin and u.origin.level == "province" else None


def _by_origin(u: Understanding, search: CatalogSearch, within: list[str] | None) -> list[dict[str, Any]]:
    pool = [search.cards[s] for s in within if s in search.cards] if within is not None else None
    if pool is None:
        page = search.search("", province=_province(u), limit=10_000)
        pool = page.items
    origin = u.origin
    return [c for c in pool if _in_origin(c, u)
            and (origin is None or origin.level != "province" or c["origin"]["province"] == origin.name)]


def resolve(u: Understanding, vocab: Vocabulary, search: CatalogSearch, within: list[str] | None = None) -> Resolution:
    """The products the message names, narrowed to `within` (the skus offered last) when given; a variant said not
    wanted (红枣 不要礼盒的) is left out."""
    found = _resolve(u, vocab, search, within)
    if not u.excluded or found.refused:
        return found
    kept = descriptions.without(found.candidates, u.excluded)
    return replace(found, candidates=kept, total=len(kept) if kept is not found.candidates else found.total)


def _resolve(u: Understanding, vocab: Vocabulary, search: CatalogSearch, within: list[str] | None) -> Resolution:
    named = vocab.named_products(u.text)
    if named and not named[0].sellable and not any(n.sellable and n.core == named[0].core for n in named):
        return Resolution(candidates=alternatives(named[0], search), refused=named[0])
    gone = unsellable_named.refused(u, vocab, search.cards)  # 苹果礼盒有吗: the apple gift box, past its term
    if gone is not None:
        return Resolution(candidates=gone[1][:MAX_CANDIDATES], refused=gone[0])
    query = u.product_text if u.product_words else ""
    sizes = [*u.specs, *pack_sizes.named(u)]  # 5斤装, 15枚那种
    if not query and sizes and within:  # 换成10斤装的 / 要15枚那种: a pack size alone picks among the products offered
        offered = [search.cards[s] for s in within if s in search.cards]
        return Resolution(candidates=_with_spec(offered, sizes), total=len(offered))
    if not query:
        if u.origin is None:
            return Resolution(unknown=u.product_text)
        cards = _named_after_place(u, search, within) or _by_origin(u, search, within)
        narrowed = _with_unit(_with_spec(cards, u.specs), u)
        return Resolution(candidates=narrowed, total=len(narrowed), family=[c["sku"] for c in cards[:MAX_CANDIDATES]])
    found, known = _matches(u, search, query, within, vocab)
    kinds = [w for w in u.product_words if f"{w}的" in u.text]  # 牦牛的 250g: the yak one, said as a kind
    found = [(c, hits) for c, hits in found if not _only_as_modifier(c, u.product_words, vocab, kinds)
             or name_parts.said_with_place(c["sku"], u, vocab)]  # 利川那种功夫的: 利川红 功夫红茶
    found = unsellable_named.of_the_thing(found, u.product_words, vocab, search)  # 散养的土鸡: not the eggs
    if not found or not known:
        headed = _with_unit(_with_spec(_headed_by(u, search, vocab, within), sizes), u)  # 来一斤枣 → the 红枣
        return Resolution(candidates=headed[:MAX_CANDIDATES], total=len(headed),
                          family=[c["sku"] for c in headed[:MAX_CANDIDATES]]) if headed else \
            Resolution(unknown=u.product_text)
    best = found[0][1]
    family = _named_in_full([c for c, hits in found if hits == best], u.product_words, vocab)
    family = _word_ends_name(_not_by_brand_alone(family, u.product_words, vocab), u, vocab)
    said_as_size = pack_sizes.named(u)  # 24个装的: a size (辣椒面来一斤 is an amount: the 250g bags, two of them)
    sized = _with_spec([c for c, _ in found], said_as_size) if said_as_size else []
    if sized and len(sized) < len(found) and not set(map(id, sized)) & set(map(id, family)):
        family = sized  # 再来一盒24个装的礼盒: the gift box of 24, though another box matched 礼盒 more closely
    cards = _with_unit(_with_spec(family, sizes), u)
    cards = qualities.prefer(cards, u.qualities, lambda c: _texts(c, vocab))  # 纸皮 → 纸皮核桃
    exact = [c for c in cards if named and c["name"] and _core_of(c, vocab) == named[0].core]
    if named and len(exact) == 1 and len([n for n in named if n.core == named[0].core]) == 1:
        cards = exact
    return Resolution(candidates=cards[:MAX_CANDIDATES], total=len(cards),
                      family=[c["sku"] for c in family[:MAX_CANDIDATES]])


def _named_after_place(u: Understanding, search: CatalogSearch, within: list[str] | None) -> list[dict[str, Any]]:
    """普洱来两饼: a place whose name is also a kind of goods, written inside product names after their own origin
    (勐海普洱熟茶, 景迈山普洱生茶): those goods, not whatever comes from that place (its black-boned chicken). A place
    that only begins names (静宁苹果), or is said inside names only by goods of that place (墨玉新疆干果礼盒, from
    新疆), is an origin as usual: 有新疆的东西吗 lists all of 新疆's goods."""
    assert u.origin is not None
    word = u.origin.mention
    pool = [search.cards[s] for s in within if s in search.cards] if within else list(search.cards.values())
    named = [c for c in pool if word in c["name"][1:]] if len(word) >= 2 else []
    return named if any(not (_in_origin(c, u) and _in_province(c, u)) for c in named) else []


def _matches(u: Understanding, search: CatalogSearch, query: str, within: list[str] | None, vocab: Vocabulary
             ) -> tuple[list[tuple[dict[str, Any], int]], int]:
    """Matches in the place named, unless the place is part of a name (冰岛普洱: 普洱 is also a city), which
    shows as the unfiltered best match naming more of the message than the best match from that place."""
    def keep(card: dict[str, Any]) -> bool:
        return within is None or card["sku"] in within
    found, known = search.matches(query, limit=MAX_CANDIDATES * 4)
    found = [(c, hits) for c, hits in found if keep(c)]
    if u.origin is None:
        return found, known
    local = [(c, hits) for c, hits in found if _in_origin(c, u) and _in_province(c, u)]
    if local and found and local[0][1] >= found[0][1]:
        if name_parts.only_elsewhere(u, [c["sku"] for c, _ in local], [c["sku"] for c, _ in found], vocab):
            return [], known  # 竹溪的雨前: only 婺源's tea is 雨前, 竹溪's 明前 tea matched the place alone
        return _named_with_place(u, local), known
    if not local:
        narrowed, _ = search.matches(query, province=_province(u), limit=MAX_CANDIDATES * 4)
        local = [(c, hits) for c, hits in narrowed if keep(c) and _in_origin(c, u)]
        if local and (not found or local[0][1] >= found[0][1]):
            return local, known
    mention = u.origin.mention
    if not local and u.product_words and not any(_holds_place(c, mention) for c, _ in found):
        return [], known  # 宁夏枸杞来一斤 with only Qinghai's goji: none from there (never the other place's, money)
    return found, known


def _named_with_place(u: Understanding, found: list[tuple[dict[str, Any], int]]
                      ) -> list[tuple[dict[str, Any], int]]:
    """都兰枸杞 (the place glued to the product word) with 都兰红枸杞 and 诺木洪黑枸杞 both from 都兰县: the one whose
    name holds the place, when some do; all of them otherwise."""
    assert u.origin is not None
    glued = any(u.origin.mention + w in u.text for w in u.product_words)
    named = [(c, hits) for c, hits in found if u.origin.mention in c["name"]] if glued else []
    return named or found


def _holds_place(card: dict[str, Any], place: str) -> bool:
    """冰岛 in 勐库冰岛普洱: the place said is part of the product's own name, brand or aliases."""
    return any(place in text for text in (card["name"], card.get("brand", ""), *card.get("aliases", ())))


_RE_CJK = re.compile("[\u4e00-\u9fff]")


def _only_as_modifier(card: dict[str, Any], words: list[str], vocab: Vocabulary, kinds: Sequence[str] = ()) -> bool:
    """冰糖 in 冰糖橙, 牛奶 in 牦牛奶粉, 中华 in 中华蜂蜜, 麻辣 in 麻辣鸡: the product holds the words asked for only
    before more of its own word, where they say what kind of other thing it is (the last part of a Chinese word
    names the thing). Such a product is not the thing asked for. Category names (lists, not words) are left out."""
    known = vocab.products.get(card["sku"])
    brand = card.get("brand", "") if kinds else _brand_of_its_own(card, words)
    texts = [card["name"], brand, *card.get("tags", ()), *(known.aliases if known else ())]
    texts = [normalize(t) for t in texts if t]
    seen = False
    for i, word in enumerate(words):
        if len(word) < 2:
            continue
        said_next = words[i + 1] if i + 1 < len(words) else ""
        for text in texts:
            for m in re.finditer(re.escape(word), text):
                seen = True
                if _cut_short(word, text, m.end(), vocab):
                    return False  # 红寺堡枸(杞): the word said cut short (or mistyped) ends inside the name's own word
                if not _RE_CJK.match(text[m.end():m.end() + 1]):
                    if m.start() and _cut_apart(text, m.start(), m.end()):
                        continue  # 牛奶 in 牦牛奶 (牦牛 + 奶): the product's words hold it only across two words
                    return False  # the word ends a word of the product's: the product is such a thing
                if said_next and text.startswith(said_next, m.end()):
                    return False  # 红薯 干 in 连城红薯干: what the customer said next goes on in the name
    return seen


def _brand_of_its_own(card: dict[str, Any], words: list[str]) -> str:
    """The brand, unless it is the product's name cut short (略阳乌鸡 of 略阳乌鸡蛋) and only part of it was said: then
    it says nothing of what the product is, and 乌鸡 asked is not these eggs (春中宝 asked whole is the maker's; 牦牛的
    said as a kind keeps every brand: 甘孜牦牛 of 甘孜牦牛肉干 is the yak one)."""
    brand, name = card.get("brand", ""), card["name"]
    at = name.find(brand) if brand else -1
    cut_short = at >= 0 and _RE_CJK.match(name[at + len(brand):at + len(brand) + 1]) is not None
    return "" if cut_short and brand not in words else brand


def _cut_short(word: str, text: str, end: int, vocab: Vocabulary) -> bool:
    """红寺堡枸 in 红寺堡枸杞: the word's last character begins a word of the name (枸杞) after a word of two characters
    or more (红寺堡): the word is that name said short, not a modifier (冰糖 in 冰糖橙, 牛奶 in 牦牛奶粉 stay)."""
    head, joined = word[:-1], text[end - 1:end + 1]
    return len(head) >= 2 and len(joined) == 2 and _RE_CJK.match(joined[1]) is not None \
        and vocab.knows(joined) and (vocab.knows(head) or head in vocab.regions)


@functools.lru_cache(maxsize=8192)
def _cut_apart(text: str, start: int, end: int) -> bool:  # of the catalogue's own words, asked again and again
    """A word of the text (jieba's own dictionary, HMM off) begins before `start` and ends inside [start, end):
    the characters there belong to two other words (牦牛奶 is 牦牛 + 奶, so it holds no 牛奶; 土鸡蛋 holds 鸡蛋)."""
    at = 0
    for piece in jieba.lcut(text, HMM=False):
        if at < start < at + len(piece) < end:
            return True
        at += len(piece)
    return False


def _in_province(card: dict[str, Any], u: Understanding) -> bool:
    return u.origin is None or u.origin.level != "province" or card["origin"]["province"] == u.origin.name


def by_size_said(cards: list[dict[str, Any]], u: Understanding) -> list[dict[str, Any]]:
    """Of `cards`, those of the pack size and the unit the message says (蔚县5kg的来一袋: the 5kg bag), else all."""
    return _with_unit(_with_spec(cards, [*u.specs, *pack_sizes.named(u)]), u)


def _with_spec(cards: list[dict[str, Any]], specs: list[str]) -> list[dict[str, Any]]:
    """五斤装的昭通丑苹果 / 鸡蛋60枚的: the product whose name carries the pack size named."""
    if not specs or len(cards) < 2:
        return cards
    def names(card: dict[str, Any]) -> str:
        name = card["name"].lower().replace(" ", "")
        for word, short in (("公斤", "kg"), ("千克", "kg"), ("毫升", "ml"), ("克", "g"), ("升", "l")):
            name = name.replace(word, short)
        return name
    # 5kg is in "泰来大米 5kg", not in "泰来大米 2.5kg": a pack size is matched whole, not inside a longer number
    # …or whose pack holds it, however written (一斤装 is 500g, 24个的 is 24枚装, 10斤的 is 5kg)
    fitting = [c for c in cards if any(re.search(rf"(?<![\d.]){re.escape(spec)}", names(c))
                                       or pack_sizes.holds(c, spec) for spec in specs)]
    return fitting or cards


def _with_unit(cards: list[dict[str, Any]], u: Understanding) -> list[dict[str, Any]]:
    """来两桶武功山茶油: of variants sold in different units, the one sold in the unit named."""
    if u.quantity is None or not u.quantity.unit or len(cards) < 2:
        return cards
    fitting = [c for c in cards if c["unit"] == u.quantity.unit
               or (u.quantity.unit == packs.BOX and packs.same_pack(packs.BOX, c["unit"], c["name"]))]
    return fitting or cards


def _named_in_full(cards: list[dict[str, Any]], words: list[str], vocab: Vocabulary) -> list[dict[str, Any]]:
    """Of products matching equally many words, those whose name, brand or aliases hold every word
    (蜂蜜 → the honeys, not the 葛粉 tagged 蜂蜜伴侣); all of them when none does (a synonym matched)."""
    def strong(card: dict[str, Any]) -> bool:
        known = vocab.products.get(card["sku"])
        text = " ".join((known.core, *known.aliases) if known else (card["name"],)) + " " + card.get("brand", "")
        return all(w in text for w in words)
    named = [c for c in cards if strong(c)]
    return named or sorted(cards, key=lambda c: _closeness(c, words, vocab))


def _headed_by(u: Understanding, search: CatalogSearch, vocab: Vocabulary, within: list[str] | None
               ) -> list[dict[str, Any]]:
    """来一斤枣 / 买点蜜: one character the index does not know, said alone, that ends catalogue words (红枣, 大枣;
    蜂蜜, 椴树蜜) names the products holding such a word in their name, tags or aliases — when all of them are of one
    category; otherwise (桃: 核桃, 蜜桃) it names none. A character inside a word (蜜 in 蜜桃) is no head."""
    words = u.product_words
    if len(words) != 1 or len(words[0]) != 1 or u.product_text.strip() != words[0] or not _RE_CJK.match(words[0]):
        return []
    head = words[0]
    family = [search.cards[sku] for sku, known in vocab.products.items()
              if sku in search.cards and (within is None or sku in within)
              and any(len(t) >= 2 and t.endswith(head) for t in (known.core, *known.tags, *known.aliases))]
    return family if len({c["category"] for c in family}) == 1 else []


def _not_by_brand_alone(cards: list[dict[str, Any]], words: list[str], vocab: Vocabulary) -> list[dict[str, Any]]:
    """红枣 with a brand 稷山核桃红枣 on the walnuts too (a supplier's name used as the brand): when some products hold
    the words in their name, aliases, tags or category, a product that holds them only in its brand is no such thing."""
    if len(cards) < 2 or not words:
        return cards

    def own(card: dict[str, Any]) -> bool:
        text = " ".join((_texts(card, vocab), _core_of(card, vocab), card.get("category", "")))
        return all(w in text for w in words)

    owning = [c for c in cards if own(c)]
    if not owning:
        return cards
    return [c for c in cards if c in owning or not any(w in c.get("brand", "") for w in words)]


def _word_ends_name(cards: list[dict[str, Any]], u: Understanding, vocab: Vocabulary) -> list[dict[str, Any]]:
    """土鸡 beside 土鸡蛋, 核桃 beside 核桃仁, 苹果 beside 苹果干: when the customer's word ends some products' names
    and only begins a longer word in others (more characters the customer did not say), the word names the first."""
    words = [w for w in u.product_words if len(w) >= 2]
    if len(cards) < 2 or not words:
        return cards

    def goes_on(card: dict[str, Any]) -> bool | None:
        name = _core_of(card, vocab)
        verdict = None
        for word in words:
            for m in re.finditer(re.escape(word), name):
                nxt = name[m.end():m.end() + 1]
                said = u.text.find(word)
                if not _RE_CJK.match(nxt) or (said >= 0 and u.text[said + len(word):].startswith(nxt)):
                    return False
                verdict = True
        return verdict

    verdicts = [goes_on(c) for c in cards]
    if False in verdicts and True in verdicts:
        return [c for c, v in zip(cards, verdicts, strict=True) if v is not True]
    return cards


def _closeness(card: dict[str, Any], words: list[str], vocab: Vocabulary) -> int:
    """When no product names the words in full (茶叶 matched only the category 茶叶饮品), those whose name,
    aliases or tags hold a word come first, then those holding its first character (绿茶 for 茶叶); the sort
    is stable, so the index's order stands within each group."""
    known = vocab.products.get(card["sku"])
    text = " ".join((card["name"], *(known.aliases if known else ()), *card.get("tags", ())))
    if any(w in text for w in words):
        return 0
    return 1 if any(w[:1] in text for w in words if w) else 2


def _texts(card: dict[str, Any], vocab: Vocabulary) -> str:
    known = vocab.products.get(card["sku"])
    return " ".join((card["name"], *(known.aliases if known else ()), *card.get("tags", ())))


def _core_of(card: dict[str, Any], vocab: Vocabulary) -> str:
    known = vocab.products.get(card["sku"])
    return known.core if known else card["name"]


def alternatives(product: Known, search: CatalogSearch, limit: int = 5) -> list[dict[str, Any]]:
    """Certified products like one that cannot be sold: same words first, then the same category."""
    found, _ = search.matches(product.core, limit=limit * 2)
    cards = [c for c, _ in found if c["sku"] != product.sku]
    if len(cards) < limit:
        same = search.search("", category=product.category, limit=limit * 2).items
        cards += [c for c in same if c["sku"] != product.sku and c not in cards]
    return cards[:limit]


def pick(u: Understanding, shown: list[str], search: CatalogSearch, vocab: Vocabulary) -> dict[str, Any] | None:
    """第二个 / 最后一个 / 2 / 静宁的 over the list shown last."""
    cards = [search.cards[s] for s in shown if s in search.cards]
    if not cards:
        return None
    index = u.pick if u.pick is not None else (int(u.number) if u.number and u.number.denominator == 1 else None)
    if index is not None:
        return numerals.picked(cards, index)
    if u.origin or u.product_words or u.specs:
        narrowed = resolve(u, vocab, search, within=[c["sku"] for c in cards])
        return narrowed.chosen
    return None
