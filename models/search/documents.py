"""A search document and what the index reads from it and from a query: weighted terms per field (BM25F), the
origin's names with their short forms, a term's synonym forms, and the key a province filter compares."""
from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from models.search.synonyms import expand
from models.search.tokenizer import normalize, region_short_forms

W_NAME, W_ALIAS, W_BRAND, W_CATEGORY, W_TAG, W_ORIGIN = 3.0, 2.5, 2.0, 1.5, 1.0, 1.5


@dataclass(frozen=True, slots=True)
class SearchDoc:
    sku: str
    name: str
    brand: str = ""
    category: str = ""
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    province: str = ""  # full names, e.g. 广东省 (short forms work too)
    city: str = ""
    county: str = ""
    price_fen: int = 0  # of one pack: what a price range (models/search/price_range.py) compares


def weigh(terms: Callable[[str], tuple[str, ...]], doc: SearchDoc) -> tuple[dict[str, float], float]:
    """Weighted term frequencies and weighted length of a document (`terms`: the tokenizer's segmentation)."""
    fields = [
        (W_NAME, terms(doc.name or "")), (W_BRAND, terms(doc.brand or "")), (W_CATEGORY, terms(doc.category or ""))
    ]
    fields += [(W_ALIAS, terms(alias)) for alias in doc.aliases]
    fields += [(W_TAG, terms(tag)) for tag in doc.tags]
    fields.append((W_ORIGIN, origin_terms(doc.province, doc.city, doc.county)))
    tf: dict[str, float] = {}
    get = tf.get
    length = 0.0
    for weight, tokens in fields:
        for token in tokens:
            tf[token] = get(token, 0.0) + weight
        length += weight * len(tokens)
    return tf, length


def doc_words(doc: SearchDoc, name_words: bool) -> Iterator[str]:
    """The user dictionary words a document brings: its texts and its origin names with short forms (and its
    whole name when `name_words`)."""
    if name_words:
        yield doc.name
    yield from (doc.brand, doc.category, *doc.aliases, *doc.tags)
    yield from origin_terms(doc.province, doc.city, doc.county)


@functools.lru_cache(maxsize=4096)
def term_forms(term: str) -> tuple[str, ...]:
    """The term, then its synonyms in a fixed order."""
    return (term, *sorted(expand(term) - {term}))


@functools.lru_cache(maxsize=4096)
def region_key(name: str) -> str:
    """What a province filter compares: the shortest form (广东省 and 广东 → 广东)."""
    forms = region_short_forms(normalize(name))
    return forms[-1] if forms else ""


@functools.lru_cache(maxsize=65536)
def origin_terms(province: str, city: str, county: str) -> tuple[str, ...]:
    """The origin's names and short forms, indexed whole (not segmented): 佛冈县, 佛冈, 清远市, 清远 …"""
    forms = (form for name in (province, city, county) if name for form in region_short_forms(normalize(name)))
    return tuple(dict.fromkeys(sys.intern(form) for form in forms))
