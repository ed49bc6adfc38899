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
    """jieba's frequency dictionary, loaded once per process (~0.6-1 s) and never modified."""
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
    """Full-width forms to ASCII (ＸＯ５００ｇ → xo500g), ASCII lowercased."""
    return unicodedata.normalize("NFKC", text).lower()


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
        best, nxt = [0.0] * (n + 1), [0] * (n + 1)
        for i in range(n - 1, -1, -1):
            f = get(s[i])
            score, end = best[i + 1], i + 1  # a character not in the dictionary: frequency 1
            if f is not None:
                # Candidates are s[i:j] with a frequency, extending while s[i:j] is a word or a prefix
                # of one. Ties go to the longer word, as in jieba. (log_total is the same for every
                # candidate: subtracted once below.)
                score, end, j = -math.inf, 0, i + 1
                while f is not None:
                    if f and log(f) + best[j] >= score:
                        score, end = log(f) + best[j], j
                    j += 1
                    f = get(s[i:j]) if j <= n else None
                if not end:
                    score, end = best[i + 1], i + 1
            best[i], nxt[i] = score - log_total, end
        return best, nxt

    def _cut_block(self, s: str) -> list[str]:
        """`Tokenizer.__cut_DAG_NO_HMM`: the route's words, with runs of single ASCII letters/digits joined."""
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


# --- region names ---------------------------------------------------------------------------

_REGION_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "省", "市", "县", "区", "盟")
_ETHNIC_GROUPS = tuple(
    sorted(
        (
            "维吾尔族 维吾尔 哈萨克族 柯尔克孜族 塔吉克族 乌孜别克族 塔塔尔族 俄罗斯族 达斡尔族 鄂温克族 鄂伦春族 蒙古族 "
            "土家族 布依族 仡佬族 哈尼族 傈僳族 拉祜族 纳西族 景颇族 毛南族 仫佬族 朝鲜族 普米族 阿昌族 德昂族 布朗族 "
            "独龙族 基诺族 门巴族 珞巴族 撒拉族 东乡族 保安族 裕固族 锡伯族 赫哲族 高山族 壮族 回族 藏族 苗族 彝族 侗族 "
            "瑶族 白族 傣族 黎族 佤族 畲族 水族 土族 羌族 满族 京族 怒族 各族"
        ).split(),
        key=len,
        reverse=True,  # longest first, so 土家族 is stripped whole rather than as 土族
    )
)


def _strip_ethnic(base: str) -> str:
    """恩施土家族苗族 → 恩施: drop trailing ethnic-group names, keeping at least two characters."""
    stripped = True
    while stripped:
        stripped = False
        for group in _ETHNIC_GROUPS:
            if base.endswith(group) and len(base) - len(group) >= 2:
                base, stripped = base[: -len(group)], True
                break
    if base.endswith("族") and len(base) >= 3:  # 东乡族(自治县) is itself a group name: say 东乡
        base = base[:-1]
    return base


@functools.lru_cache(maxsize=8192)
def _short_forms(name: str) -> tuple[str, ...]:
    for suffix in _REGION_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            base = name[: -len(suffix)]
            if suffix.startswith("自治"):
                base = _strip_ethnic(base)
            return (name, base) if base != name else (name,)
    return (name,) if name else ()


def region_short_forms(name: str) -> list[str]:
    """The name first, then its short form as people say it (at least two characters).

    佛冈县 → [佛冈县, 佛冈]; 广西壮族自治区 → [广西壮族自治区, 广西]; 恩施土家族苗族自治州 → [恩施土家族苗族自治州, 恩施];
    礼县 → [礼县]; 广东 → [广东].
    """
    return list(_short_forms(name.strip()))
