"""What the assistant knows about the catalogue: its words, its products and the places they come from.

Built from the database (every product, sellable or not, so that a revoked or expired product can be
named and refused) and rebuilt when the search index reports a change. It owns the bot's private
jieba tokenizer, whose user dictionary holds product names, brands, aliases, tags, categories, origin
names with their short forms (佛冈 for 佛冈县) and the assistant's cue words.
"""
from __future__ import annotations

import asyncio
import functools
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot import lexicon, typos
from models.places.region_names import region_short_forms
from models.search import CatalogTokenizer
from models.search.characters import simplified
from models.search.tokenizer import new_jieba_tokenizer
from models.sellability import sellable
from models.services import assistant_reads

_SPEC = re.compile(r"[\s(（【\[].*$|[\d.]+\s*[a-zA-Z×x*\u4e00-\u9fa5]*装?$")
_ALL_CJK = re.compile("[\u4e00-\u9fff]+")
_NUMERAL = re.compile("[一二两三四五六七八九十百千万]")
_LEVELS = {"province": 0, "city": 1, "county": 2}
# Right before a place the goods go to: 寄到, 发往, 送去, 快递到 (寄宁夏枸杞 and 买到宁夏枸杞 keep their origin).
_SENT_TO = re.compile(r"(?:寄|送|发|邮|运|快递)(?:到|往|至|去)\s*$")


@dataclass(frozen=True)
class Origin:
    name: str  # the full name: 贵州省, 佛冈县
    level: str  # province | city | county
    mention: str  # what the user wrote: 贵州, 佛冈


@dataclass(frozen=True)
class Known:
    """A product as the assistant refers to it, sellable or not."""

    sku: str
    name: str
    core: str  # the name without its pack size: 广生源鸡蛋 30枚装 → 广生源鸡蛋
    names: tuple[str, ...]  # every way the product is named whole: core, other name parts, brand
    category: str
    unit: str
    aliases: tuple[str, ...]
    sellable: bool
    province: str
    city: str
    county: str
    tags: tuple[str, ...] = ()


@functools.lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """NFKC (full-width → ASCII), lower case, control characters dropped, traditional characters simplified (the same
    words are normalized again and again within a turn: remembered)."""
    text = simplified(unicodedata.normalize("NFKC", text).lower())
    return "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")


@functools.cache
def _char_sounds(ch: str) -> tuple[str, ...]:
    """Every reading of a character without tones, the common (first listed) one first: 合 → (he, ge)."""
    from pypinyin.pinyin_dict import (
        pinyin_dict,  # loaded with the vocabulary, in the background
    )

    readings = pinyin_dict.get(ord(ch))
    if not readings:
        return (ch,)
    toneless = ("".join(c for c in unicodedata.normalize("NFD", r) if not unicodedata.combining(c))
                for r in readings.split(","))
    return tuple(dict.fromkeys(toneless))


def pinyin_key(text: str) -> str:
    """枸杞 → "gou qi": each character's common reading without tones (how a catalogue word is filed)."""
    return " ".join(_char_sounds(ch)[0] for ch in text)


def reads_as(text: str, sounds: tuple[str, ...]) -> bool:
    """红寺堡 reads as (hong, si, bu): each character has its syllable among its readings (堡: bao, bu, pu)."""
    return len(text) == len(sounds) and all(s in _char_sounds(c) for c, s in zip(text, sounds, strict=True))


def core_name(name: str) -> str:
    name = normalize(name).strip()
    core = _SPEC.sub("", name).strip()
    return core if len(core) >= 2 else name


@dataclass
class Vocabulary:
    tokenizer: CatalogTokenizer
    products: dict[str, Known] = field(default_factory=dict)
    regions: dict[str, Origin] = field(default_factory=dict)  # mention → origin, longest mentions matched first
    words: frozenset[str] = frozenset()  # every catalogue word: what makes a message about products
    indexed: Callable[[str], bool] = lambda term: False  # whether the search index holds a term (inside a name too)
    common_words: frozenset[str] = frozenset()  # two-character catalogue words that are words of the language too
    word_tags: Mapping[str, str] = field(default_factory=dict)  # jieba's part of speech of each word (n: a noun)
    places: frozenset[str] = frozenset()  # every city and county of the country, short forms too (烟台, 五常)

    def find_origin(self, text: str) -> Origin | None:
        """The most specific place named in the text (county over city over province), longest name first. A place
        the goods are sent to (寄到北京, 发往广州) is no origin: 固始鸡 寄到北京 asks for nothing from Beijing."""
        best: Origin | None = None
        for mention in self._mentions_in(text):
            if all(_SENT_TO.search(text, 0, at) for at in _places_of(text, mention)):
                continue
            origin = self.regions[mention]
            if best is None or _LEVELS[origin.level] > _LEVELS[best.level]:
                best = origin
        return best

    def _mentions_in(self, text: str) -> list[str]:
        regions = self.regions
        return [w for w, _ in _longest_first(text, self._longest_region, lambda p: p if p in regions else None)]

    @functools.cached_property
    def _longest_region(self) -> int:
        return max((len(k) for k in self.regions), default=0)

    def named_products(self, text: str) -> list[Known]:
        """Products named whole in the text (core name, another part of the name, or brand), the longest
        naming first (sellable or not); 英红九号 names 英德红茶 英红九号 100g."""
        best: dict[str, int] = {}
        for name in _substrings(text, self._names):
            for sku in self._names[name]:
                best[sku] = max(best.get(sku, 0), len(name))
        return sorted((self.products[s] for s in best), key=lambda p: (-best[p.sku], p.sku))

    @functools.cached_property
    def _names(self) -> dict[str, list[str]]:
        names: dict[str, list[str]] = {}
        for p in self.products.values():
            for name in p.names:
                names.setdefault(name, []).append(p.sku)
        return names

    def numeral_words(self, text: str) -> list[str]:
        """Catalogue words in the text that hold a Chinese numeral (英红九号, 三七粉): not quantities."""
        return sorted(_substrings(text, self._numeral_words), key=len, reverse=True)

    @functools.cached_property
    def _numeral_words(self) -> frozenset[str]:
        return frozenset(w for w in self.words if _NUMERAL.search(w))

    def card_words(self, text: str) -> list[str]:
        """Catalogue words in the text with 卡 in them (卡通…): not love cards."""
        return _substrings(text, self._card_words)

    @functools.cached_property
    def _card_words(self) -> frozenset[str]:
        return frozenset(w for w in self.words if "卡" in w)

    def knows(self, token: str) -> bool:
        """A catalogue word, a single character that ends one (米, 茶), or a term the search index holds."""
        if token in self.words:
            return True
        if len(token) == 1:
            return token in self.heads
        return self.indexed(token)

    @functools.cached_property
    def _sounds(self) -> dict[str, str]:
        """Catalogue words by their toneless pinyin: typed with the wrong character of the same sound."""
        sounds: dict[str, str] = {}
        for word in sorted(self.words):
            if 2 <= len(word) <= 8 and _ALL_CJK.fullmatch(word):
                sounds.setdefault(pinyin_key(word), word)
        return sounds

    def word_sounding(self, key: str) -> str | None:
        """The catalogue word whose toneless pinyin is `key` ("feng mi" → 蜂蜜), if any (bot.pinyin_words)."""
        return self._sounds.get(key)

    def sounds_like(self, text: str) -> list[str]:
        """Catalogue words that sound like parts of `text` (黑狗杞 → 黑枸杞, 铁观因 → 铁观音), longest first."""
        return [word for word, _ in self.sounds_like_pieces(text)]

    def sounds_like_pieces(self, text: str, near: bool = False) -> list[tuple[str, int]]:
        """As `sounds_like`, with how many characters of `text` each word was heard in; `near`: one character of
        each word may sound near rather than the same (bot.typos: 纪 for 杞)."""
        words = self.words
        return _longest_first(text, 8, lambda piece: piece if piece in words else self.heard_as(piece, near))

    def heard_as(self, piece: str | Sequence[str], near: bool = False) -> str | None:
        """The catalogue word `piece` sounds like, each typed character taken in any of its readings (枸己: 己 is
        jǐ or qǐ → 枸杞; 合桃 → 核桃), the common readings first; None when no reading makes a catalogue word.
        With `near`, one character may be read as a syllable people mix its own up with (枸纪: ji → qi)."""
        keys = [("", False)]
        for ch in piece:
            keys = [(f"{key} {sound}" if key else sound, bent) for key, bent in keys
                    for sound, bent in self._readings(ch, bent, near)]
            keys = [(key, bent) for key, bent in keys if key in self._sound_prefixes]
            if not keys:
                return None
        for key in [k for k, bent in keys if not bent] + [k for k, bent in keys if bent]:
            word = self._sounds.get(key)
            # Two characters sound like many things: a two-character word is heard only as a word of the language
            # (合桃 → 核桃), not as a trade term the customer may never have met (喜茶 is not 硒茶).
            if word is not None and (len(word) > 2 or word in self.common_words):
                return word
        return None

    @staticmethod
    def _readings(ch: str, bent: bool, near: bool) -> list[tuple[str, bool]]:
        exact = (ch,) if ch.isascii() else _char_sounds(ch)  # a syllable typed in pinyin (xiang芋) is its sound
        out = [(sound, bent) for sound in exact]
        if near and not bent:
            out += [(other, True) for sound in exact for other in typos.near(sound) if other not in exact]
        return out

    @functools.cached_property
    def _sound_prefixes(self) -> frozenset[str]:
        """Every beginning of a catalogue word's sound, syllable by syllable ("gou", "gou qi")."""
        prefixes: set[str] = set()
        for key in self._sounds:
            syllables = key.split(" ")
            prefixes.update(" ".join(syllables[:n]) for n in range(1, len(syllables) + 1))
        return frozenset(prefixes)

    @functools.cached_property
    def names_text(self) -> str:
        """Every product name and alias, spaces removed, one after another: a catalogue word running on into the
        next character inside some name (羊羔肉 + 羊 in 环县羊羔肉羊排) is that name, not another thing."""
        return "|".join(normalize(text).replace(" ", "") for known in self.products.values()
                        for text in (known.name, *known.aliases))

    @functools.cached_property
    def product_texts(self) -> tuple[tuple[Known, str], ...]:
        """Each product with its words joined (name without spaces, aliases, tags, the names it is known by): read
        for every product word of a turn, so built once per catalogue."""
        return tuple((k, "|".join((k.name.replace(" ", ""), *k.aliases, *k.tags, *k.names)))
                     for k in self.products.values())

    def name_goes_on(self, word: str, following: str) -> bool:
        return (word + following) in self.names_text

    @functools.cached_property
    def _held_texts(self) -> tuple[tuple[str, str], ...]:
        """Each product's name, aliases and tags joined (a word never holds the line break), and its category."""
        return tuple(("\n".join((k.name, *k.aliases, *k.tags)), k.category) for k in self.products.values())

    def held_together(self, first: str, second: str, category: bool = False) -> bool:
        """Some product holds both words in its name, aliases or tags (or its category, when asked): the shop sells
        them so (文山三七粉 holds 三七 and 粉; 富硒绿茶 holds 富硒 and 绿茶)."""
        return any(first in text and second in text
                   for texts, cat in self._held_texts for text in ((texts + "\n" + cat) if category else texts,))

    @functools.cached_property
    def kinds_text(self) -> str:
        """Every tag, alias and category one after another: a word inside it names a kind of goods (绿茶, 菊花)."""
        return "\n".join(t for k in self.products.values() for t in (*k.tags, *k.aliases, k.category))

    def carried_with(self, word: str, ch: str) -> bool:
        """Whether some product holding `word` in its name, aliases or tags also holds `ch` there (英吉沙杏 + 干: the
        product's tag is 杏干; 雀舌 + 茶: 黎平雀舌 is a 绿茶): then word + ch still names that product."""
        return any(ch in text for text in self._product_texts if word in text)

    @functools.cached_property
    def _product_texts(self) -> tuple[str, ...]:
        return tuple("|".join((normalize(k.name).replace(" ", ""), *k.names, *k.aliases, *k.tags))
                     for k in self.products.values())

    @functools.cached_property
    def by_place(self) -> dict[Origin, frozenset[str]]:
        """Words derived per place said, filled as places come (bot.name_parts.place_words), once per catalogue."""
        return {}

    @functools.cached_property
    def heads(self) -> frozenset[str]:
        """Last characters of catalogue words (大米 → 米, 红茶 → 茶): single characters that name products."""
        return frozenset(w[-1] for w in self.words if w)


def _places_of(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(word), text)]


def _longest_first(text: str, longest: int, lookup: Callable[[str], str | None]) -> list[tuple[str, int]]:
    """Scan left to right; at each position take the longest piece (two characters or more) that `lookup`
    recognises, keep what it returns (with the piece's length) and jump past it."""
    found: list[tuple[str, int]] = []
    i = 0
    while i < len(text) - 1:
        for size in range(min(longest, len(text) - i), 1, -1):
            word = lookup(text[i : i + size])
            if word:
                found.append((word, size))
                i += size
                break
        else:
            i += 1
    return found


def _substrings(text: str, vocabulary: Any, longest: int = 24) -> list[str]:
    """Every substring of text (two characters or more) that is in `vocabulary`."""
    n = len(text)
    return [text[i:j] for i in range(n) for j in range(i + 2, min(n, i + longest) + 1) if text[i:j] in vocabulary]


async def load_vocabulary(today: date, indexed: Callable[[str], bool] | None = None) -> Vocabulary:
    """Read every product and the region names, and build the tokenizer's user dictionary."""
    rows, provinces = await assistant_reads.catalogue_words()
    places = await assistant_reads.place_names()
    products = {row["sku"]: _known(row, today) for row in rows}
    # The rest is CPU work (a dictionary of every catalogue word, the pinyin table): done in a thread, so the
    # event loop goes on answering requests meanwhile.
    return await asyncio.to_thread(_build, rows, products, provinces, indexed or (lambda term: False), places)


def _build(rows: list[dict[str, Any]], products: dict[str, Known], provinces: list[str],
           indexed: Callable[[str], bool], places: list[str]) -> Vocabulary:
    regions = _regions(provinces, products.values())
    words = _catalogue_words(rows)
    tokenizer = CatalogTokenizer(new_jieba_tokenizer(), cache_size=20_000)
    known = frozenset(normalize(w) for w in words if len(w) >= 2)
    common = frozenset(w for w in known if len(w) == 2 and tokenizer.jieba.FREQ.get(w))  # before the catalogue's own
    tokenizer.add_words([*words, *regions, *_cue_words()])
    vocab = Vocabulary(tokenizer, products, regions, known, indexed, common, _word_tags(),
                       frozenset(f for name in places for f in region_short_forms(name) if len(f) >= 2))
    vocab.sounds_like("预热")  # build the pinyin table now, not on the first message
    return vocab


def _word_tags() -> Mapping[str, str]:
    """Each word of jieba's dictionary with its part of speech (bot.things_named: is a word a noun of goods?), from
    the public `jieba.posseg`: ~0.2 s the first time, so read here, in the background, not on a first message."""
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab


def _known(row: dict[str, Any], today: date) -> Known:
    if row["origin__parent__level"] == "province":
        province, city = row["origin__parent__name"] or "", ""
    else:
        province, city = row["origin__parent__parent__name"] or "", row["origin__parent__name"] or ""
    return Known(
        sku=row["sku"], name=row["name"], core=core_name(row["name"]), names=_names(row),
        category=row["category"], unit=row["unit"],
        aliases=tuple(normalize(a) for a in row["aliases"] or ()),
        sellable=sellable(row["cert_status"], row["supplier__cert_status"], row["valid_until"], today),
        province=province, city=city, county=row["origin__name"] or "",
        tags=tuple(normalize(t) for t in row["tags"] or ()),
    )


def _names(row: dict[str, Any]) -> tuple[str, ...]:
    parts = {core_name(row["name"]), normalize(row["brand"] or "")}
    # A later part names the product alone only when it is more than a descriptor (英红九号, not 明前, 特级, 红茶).
    first, *later = normalize(row["name"]).split() or [""]
    parts.update(part for part in (first, *(p for p in later if len(p) > 2)) if not re.search(r"\d", part))
    return tuple(sorted(p for p in parts if len(p) >= 2))


def _regions(provinces: list[str], products: Any) -> dict[str, Origin]:
    """Every province, and the cities and counties that products come from, by full and short name."""
    regions: dict[str, Origin] = {}
    for name in provinces:
        _add_region(regions, name, "province")
    for p in products:
        if p.city:
            _add_region(regions, p.city, "city")
        if p.county:
            _add_region(regions, p.county, "county")
    return regions


def _add_region(regions: dict[str, Origin], name: str, level: str) -> None:
    for form in region_short_forms(name):
        if len(form) >= 2 and form not in regions:
            regions[form] = Origin(name, level, form)


def _catalogue_words(rows: list[dict[str, Any]]) -> set[str]:
    words: set[str] = set()
    for row in rows:
        words.update((row["name"], core_name(row["name"]), row["brand"], row["category"]))
        words.update(row["aliases"] or ())
        words.update(row["tags"] or ())
    words.discard("")
    return words


def _cue_words() -> list[str]:
    groups = (lexicon.GREET, lexicon.THANKS, lexicon.HELP, lexicon.CANCEL, lexicon.BALANCE, lexicon.ORDER_STATUS,
              lexicon.ASK_PRICE, lexicon.SEARCH, lexicon.ADD, lexicon.CORRECT, lexicon.GENERIC_PRODUCT, lexicon.CARD,
              lexicon.SIZE_PACKS, lexicon.SEASON)
    return [w for group in groups for w in group if len(w) >= 2]
