"""Chinese segmentation for the catalogue: jieba's dictionary with per-catalogue user words.

Every `CatalogTokenizer` owns a private `jieba.Tokenizer` (never the global `jieba.dt`), so the
product names and brands one index adds never change how another index, or the chat bot, cuts text.

Indexing and queries use jieba's search mode with the HMM off: the accurate cut of the text, plus
every dictionary word inside a longer word, so the user word 广生源鸡蛋 also yields 广生源 and 鸡蛋.
The accurate cut is jieba's own algorithm (the same DAG and the same maximum-probability route as
`Tokenizer.cut(text, HMM=False)`) re-implemented without jieba's generator layers: it is about
three times faster, and tokenising names is most of the cost of building an index.
"""
from __future__ import annotations

import functools
import logging
import math
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from types import MappingProxyType

import jieba

from models.places.region_names import region_short_forms  # noqa: F401  (re-exported)
from models.search.characters import simplified
from models.search.synonyms import synonym_words

# Single characters that carry no meaning in a product search: particles, measure words, units and
# administrative suffixes. Other single characters (米, 茶, 梨, 藕 …) are kept: they name products.
STOP_CHARS = frozenset(
    "的了和与及或等之其也在是有为把被给从对向就都而又很"
    "斤两克箱个只枚袋盒瓶包罐装件份桶听条颗粒串扎提套组款型号"
    "省市县区"
)
STOP_WORDS = frozenset({"斤装", "克装", "公斤", "千克", "毫升"})  # pack-size words jieba knows as words
MAX_SUBWORD = 8  # longest dictionary word looked for inside a longer token
MAX_USER_WORD = 20  # longer runs are not worth a dictionary entry
DEFAULT_CACHE_SIZE = 200_000

_RE_HAN = jieba.re_han_default  # the characters jieba segments: CJK, ASCII letters and digits, +#&._%-
_RE_ENG = jieba.re_eng
_RE_CJK = re.compile("[\u4e00-\u9fd5]")
_RE_ALL_CJK = re.compile("[\u4e00-\u9fd5]+")
_RE_USER_WORD = re.compile("[\u4e00-\u9fd5a-z]+")  # user words: runs without digits (no 500g, 5斤装)
_RE_NUMBER = re.compile(r"[\d.+#&_%\-]+")


@contextmanager
def _quiet_jieba() -> Iterator[None]:
    """jieba logs every dictionary load at DEBUG on stderr; hush it for the one load we do."""
    logger = jieba.default_logger
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


@functools.cache
def _base_dictionary() -> tuple[MappingProxyType[str, int], int]:
    """jieba's frequency dictionary, loaded once per process (from jieba's own cache) and never modified."""
    loader = jieba.Tokenizer()
    with _quiet_jieba():
        loader.initialize()
    return MappingProxyType(loader.FREQ), loader.total


def new_jieba_tokenizer() -> jieba.Tokenizer:
    """A private, initialised jieba.Tokenizer with its own copy of the base dictionary (~15 ms)."""
    freq, total = _base_dictionary()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = freq.copy()  # mappingproxy.copy() is dict.copy() of the snapshot: fast
    tokenizer.total = total
    tokenizer.initialized = True
    return tokenizer


def normalize(text: str) -> str:
    """Full-width forms to ASCII (ＸＯ５００ｇ → xo500g), ASCII lowercased, traditional characters simplified
    (蘋果 → 苹果: a query and the catalogue are read alike whichever script either is written in)."""
    return simplified(unicodedata.normalize("NFKC", text).lower())


class CatalogTokenizer:
    """Segments catalogue fields and queries identically, with a bounded per-string cache.

    Not thread-safe: use one per thread (or guard it), like the index that owns it.
    """

    def __init__(self, jieba_tokenizer: jieba.Tokenizer | None = None, *, cache_size: int = DEFAULT_CACHE_SIZE) -> None:
        self._jieba = jieba_tokenizer if jieba_tokenizer is not None else new_jieba_tokenizer()
        self._jieba.check_initialized()
        self._log_total = math.log(self._jieba.total)
        # terms(text): index_terms as the cached tuple itself, for the index's hot path (do not mutate).
        self.terms = functools.lru_cache(maxsize=cache_size)(self._terms_uncached)
        self._block_terms = functools.lru_cache(maxsize=cache_size)(self._block_terms_uncached)
        self.add_words(synonym_words())

    @property
    def jieba(self) -> jieba.Tokenizer:
        return self._jieba

    def add_words(self, words: Iterable[str]) -> int:
        """Add user dictionary words; returns how many were new.

        Each value is normalised and split into runs of CJK/ASCII letters (a name like
        广生源鸡蛋 30枚 adds 广生源鸡蛋); runs with digits, without a CJK character, of a single
        character or longer than MAX_USER_WORD are skipped. Each word gets jieba's
        `suggest_freq(word)` (computed without jieba's slow path), so it is cut out whole. Words are
        added in sorted order: a word's frequency depends on the words added before it, and every
        process must segment alike.
        """
        freq = self._jieba.FREQ
        added = 0
        runs = {run for value in set(words) if value for run in _RE_USER_WORD.findall(normalize(value))}
        for word in sorted(runs):
            if 2 <= len(word) <= MAX_USER_WORD and not freq.get(word) and _RE_CJK.search(word):
                self._jieba.add_word(word, self._suggest_freq(word))
                added += 1
        if added:
            self._log_total = math.log(self._jieba.total)
            self.terms.cache_clear()  # cached segmentations may no longer be what the dictionary says
            self._block_terms.cache_clear()
        return added

    def index_terms(self, text: str) -> list[str]:
        """Tokens to index a field with, repeats kept (they count as term frequency)."""
        return list(self.terms(text))

    def query_terms(self, text: str) -> list[str]:
        """Distinct tokens of a search query, in order of appearance."""
        return list(dict.fromkeys(self.terms(text)))

    def cut(self, text: str) -> list[str]:
        """Plain jieba segmentation with the HMM off and this tokenizer's words; whitespace dropped."""
        return [w for w in self._jieba.cut(text, HMM=False) if w.strip()]

    def cache_info(self) -> functools._CacheInfo:
        return self.terms.cache_info()

    # --- internals -------------------------------------------------------------------------

    def _terms_uncached(self, text: str) -> tuple[str, ...]:
        blocks = _RE_HAN.findall(normalize(text))
        if len(blocks) == 1:
            return self._block_terms(blocks[0])
        return tuple(term for block in blocks for term in self._block_terms(block))

    def _block_terms_uncached(self, block: str) -> tuple[str, ...]:
        """Terms of one run of segmentable characters (blocks like 500g or 5斤装 repeat a lot)."""
        freq, intern = self._jieba.FREQ, sys.intern
        out: list[str] = []
        for token in self._cut_block(block):
            if len(token) == 1:  # a CJK character unless a stop word; ASCII letters, digits, symbols: no
                if "\u4e00" <= token <= "\u9fd5" and token not in STOP_CHARS:
                    out.append(intern(token))
            elif token not in STOP_WORDS and not _RE_NUMBER.fullmatch(token):
                out.append(intern(token))
                if len(token) > 2 and _RE_ALL_CJK.fullmatch(token):
                    out += [intern(sub) for sub in _subwords(token, freq) if sub not in STOP_WORDS]
        return tuple(out)

    def _route(self, s: str) -> tuple[list[float], list[int]]:
        """jieba's maximum-probability route over the word DAG.

        best[i] is the log probability of the best segmentation of s[i:]; nxt[i] ends its first word.
        """
        get, log, log_total = self._jieba.FREQ.get, math.log, self._log_total
        n = len(s)
        padded = s + "\x00"  # a sentinel no dictionary word contains: it ends every prefix chain
        best, nxt = [0.0] * (n + 1), [0] * (n + 1)
        for i in range(n - 1, -1, -1):
            f = get(s[i])
            if f is None:  # a character not in the dictionary: a word of frequency 1
                best[i], nxt[i] = best[i + 1] - log_total, i + 1
                continue
            # Candidates are the words s[i:j] (frequency > 0), extending j while s[i:j] is a word or
            # a prefix of one; ties go to the longer word, as in jieba. log_total is the same for
            # every candidate, so it is subtracted once.
            score, end, j = -math.inf, 0, i + 1
            while f is not None:
                if f:
                    candidate = log(f) + best[j]
                    if candidate >= score:
                        score, end = candidate, j
                j += 1
                f = get(padded[i:j])
            if not end:  # only a prefix of longer words: the single character, frequency 1
                score, end = best[i + 1], i + 1
            best[i], nxt[i] = score - log_total, end
        return best, nxt

    def _cut_block(self, s: str) -> list[str]:
        """What jieba's `cut(s, HMM=False)` gives for one block: the route's words, with runs of single ASCII
        letters/digits joined."""
        nxt = self._route(s)[1]
        words: list[str] = []
        i, buf = 0, ""
        while i < len(s):
            word = s[i : nxt[i]]
            i = nxt[i]
            if len(word) == 1 and _RE_ENG.match(word):
                buf += word
                continue
            if buf:
                words.append(buf)
                buf = ""
            words.append(word)
        if buf:
            words.append(buf)
        return words

    def _suggest_freq(self, word: str) -> int:
        """jieba's suggest_freq(word, tune=False): just enough to beat the word's current segmentation."""
        best, _ = self._route(word)
        return max(int(math.exp(best[0]) * self._jieba.total) + 1, self._jieba.FREQ.get(word) or 1)


def _subwords(token: str, freq: dict[str, int]) -> list[str]:
    """Dictionary words of 2..MAX_SUBWORD characters strictly inside a longer token."""
    n = len(token)
    subs = (token[i : i + size] for size in range(2, min(n - 1, MAX_SUBWORD) + 1) for i in range(n - size + 1))
    return [sub for sub in subs if freq.get(sub)]
