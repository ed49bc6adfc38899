"""In-memory product search: BM25F over jieba tokens, with synonyms and origin/category/price filters.

Layout. Every document version occupies a *slot* (0, 1, 2 …); per-slot attributes live in numpy
columns (alive, weighted length, province and category codes, price in fen, rank in SKU order). Replacing a
product tombstones its old slot and appends a new one; when more than a quarter of the slots are
dead the index compacts itself. Postings map a term to numpy arrays of slots and weighted term
frequencies: one CSR block built by `rebuild`, plus small per-term lists for later upserts that are
merged into numpy arrays when a query first reads the term.

Scoring. A document's weighted term frequency is the sum over fields of the field weight times the
term's count in that field (BM25F-style); its length is the weighted token count. Each query token
is expanded with its synonyms (a synonym scores SYNONYM_FACTOR of an exact match, and a document
counts once per query token, through its best-matching form). Documents matching more distinct
query tokens rank first, then by summed BM25, then by SKU.

The columns and postings: models/search/postings.py; documents, their weighted terms, synonym forms and origin
names: models/search/documents.py.
"""
from __future__ import annotations

import math
from array import array
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from models.search.documents import SearchDoc, doc_words, region_key, term_forms, weigh
from models.search.postings import Column, Postings
from models.search.price_range import PriceRange
from models.search.tokenizer import CatalogTokenizer

K1 = 1.2
B = 0.75
SYNONYM_FACTOR = 0.8
COMPACT_DEAD_FRACTION = 0.25

NO_CODE = -1  # a document without province / category
UNKNOWN_CODE = -2  # a filter value no document has: matches nothing


@dataclass(frozen=True, slots=True)
class SearchResult:
    skus: list[str]
    total: int  # all matches, before offset/limit


class SearchIndex:
    """Ranked search over SearchDocs. Not thread-safe: one per process/thread (an aiohttp worker)."""

    _skus: list[str]  # by slot, dead slots included
    _slot_of: dict[str, int]  # live SKUs only
    _order: np.ndarray | None  # live slots (and maybe dead ones) in SKU order

    def __init__(self, tokenizer: CatalogTokenizer, *, name_words: bool = False) -> None:
        """name_words: also add each product name whole to the user dictionary.

        Off by default: a name's parts (brand, origin, kind, alias, category) are user or jieba words
        already, so the whole name adds one useless term per product while it costs a dictionary
        entry per product (plus its prefixes) and doubles the build time (a suggest_freq per name, and
        longer prefix chains in every segmentation: 20,000 generated docs took 2.5 s instead of 1.3 s).
        """
        self._tokenizer = tokenizer
        self._name_words = name_words
        self._reset()

    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, sku: object) -> bool:
        return sku in self._slot_of

    # --- building -------------------------------------------------------------------------

    def rebuild(self, docs: Iterable[SearchDoc]) -> None:
        """Replace everything (a repeated SKU: the last one wins). On an error the index is left empty."""
        unique = list({doc.sku: doc for doc in docs}.values())
        self._tokenizer.add_words(word for doc in unique for word in doc_words(doc, self._name_words))
        self._reset()
        try:
            self._build(unique)
        except BaseException:
            self._reset()
            raise

    def _build(self, docs: list[SearchDoc]) -> None:
        vocab: dict[str, int] = {}
        tids, weights, counts = array("i"), array("f"), array("i")
        lengths, provinces, categories, prices = array("f"), array("i"), array("i"), array("q")
        for doc in docs:
            tf, length = weigh(self._tokenizer.terms, doc)
            tids.extend([vocab.setdefault(term, len(vocab)) for term in tf])
            weights.extend(tf.values())
            counts.append(len(tf))
            lengths.append(length)
            provinces.append(self._province_code(doc.province))
            categories.append(self._category_code(doc.category))
            prices.append(doc.price_fen)
        n = len(docs)
        slots = np.repeat(np.arange(n, dtype=np.int32), np.frombuffer(counts, np.int32))
        self._postings = Postings.from_arrays(
            list(vocab), np.frombuffer(tids, np.int32), slots, np.frombuffer(weights, np.float32)
        )
        self._skus = [doc.sku for doc in docs]
        self._slot_of = {sku: slot for slot, sku in enumerate(self._skus)}
        self._alive = Column(np.bool_, np.ones(n, np.bool_))
        self._length = Column(np.float32, np.frombuffer(lengths, np.float32))
        self._province = Column(np.int32, np.frombuffer(provinces, np.int32))
        self._category = Column(np.int32, np.frombuffer(categories, np.int32))
        self._price = Column(np.int64, np.frombuffer(prices, np.int64))
        self._rank = Column(np.int64, np.full(n, -1, np.int64))
        self._live_length = float(np.sum(self._length.values, dtype=np.float64))  # not money: BM25 document lengths
        self._ensure_order()

    def upsert(self, doc: SearchDoc) -> None:
        """Add or replace by SKU.

        New words of the document join the tokenizer's dictionary; documents indexed earlier keep the
        segmentation they were indexed with until the next rebuild.
        """
        self._tokenizer.add_words(doc_words(doc, self._name_words))
        tf, length = weigh(self._tokenizer.terms, doc)
        slot = len(self._skus)
        for term, weight in tf.items():
            self._postings.add(term, slot, weight)
        old = self._slot_of.get(doc.sku)
        self._append_slot(doc, length)
        self._slot_of[doc.sku] = slot
        if old is None:
            self._order = None  # a new SKU: the SKU order is recomputed on demand
        else:
            self._retire(old)
            if self._order is not None:  # the new version takes the old one's place in SKU order
                position = self._rank.values[old]
                self._order[position] = slot
                self._rank.values[slot] = position
        self._maybe_compact()

    def remove(self, sku: str) -> None:
        slot = self._slot_of.pop(sku, None)
        if slot is not None:
            self._retire(slot)
            self._maybe_compact()

    # --- searching ------------------------------------------------------------------------

    def search(
        self, q: str, *, province: str | None = None, category: str | None = None, price: PriceRange | None = None,
        offset: int = 0, limit: int = 20,
    ) -> SearchResult:
        """Ranked matches of q; a blank q lists every document passing the filters in SKU order.

        province: a full name or a short form (广东省 / 广东). category: exact. price: the range a document's
        price_fen lies in, applied before ranking, so a page holds the best matches within it (not the best
        matches, then thinned out). Empty filters are ignored.
        """
        offset, limit = max(offset, 0), max(limit, 0)
        province_code = self._province_codes.get(region_key(province), UNKNOWN_CODE) if province else None
        category_code = self._category_codes.get(category, UNKNOWN_CODE) if category else None
        if not (q and q.strip()):
            order = self._ensure_order()
            slots = order[self._mask(order, province_code, category_code, price)]
            return SearchResult(self._sku_list(slots[offset : offset + limit]), len(slots))
        slots, hits, scores = self._score(self._tokenizer.query_terms(q))
        keep = self._mask(slots, province_code, category_code, price)
        slots, hits, scores = slots[keep], hits[keep], scores[keep]
        return SearchResult(self._sku_list(self._top(slots, hits, scores, offset, limit)), len(slots))

    def knows(self, text: str) -> bool:
        """Whether any term of `text` (or a synonym) is in some document."""
        return any(self._postings.get(form) is not None for term in self._tokenizer.query_terms(text)
                   for form in term_forms(term))

    def knows_word(self, word: str) -> bool:
        """Whether `word` itself (or a synonym of it) is a term of some document: 牛奶 is not, though 牦牛奶粉
        holds those two characters and 牛 and 奶 are terms."""
        return any(self._postings.get(form) is not None for form in term_forms(word))

    def matches(self, q: str, *, province: str | None = None, price: PriceRange | None = None,
                limit: int = 20) -> tuple[list[tuple[str, int]], int]:
        """Best matches of q (within `price` when given) with how many of its terms each one matched, and how many
        of q's terms the catalogue knows at all: what the chat assistant needs to tell "one product fits" from
        "several do"."""
        terms = self._tokenizer.query_terms(q)
        known = sum(1 for term in terms if any(self._postings.get(form) is not None for form in term_forms(term)))
        province_code = self._province_codes.get(region_key(province), UNKNOWN_CODE) if province else None
        slots, hits, scores = self._score(terms)
        keep = self._mask(slots, province_code, None, price)
        slots, hits, scores = slots[keep], hits[keep], scores[keep]
        hits_of = dict(zip(slots.tolist(), hits.tolist(), strict=True))
        top = self._top(slots, hits, scores, 0, limit)
        return [(self._skus[slot], hits_of[slot]) for slot in top.tolist()], known

    def _score(self, terms: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Candidate slots, how many query terms each matched, and their summed BM25."""
        norms = self._norms()
        parts = [part for term in terms if (part := self._term_scores(term, norms)) is not None]
        if not parts:
            return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0)
        if len(parts) == 1:
            slots, scores = parts[0]
            return slots, np.ones(len(slots), np.int64), scores.astype(np.float64)
        all_slots = np.concatenate([slots for slots, _ in parts])
        all_scores = np.concatenate([scores for _, scores in parts])
        if len(all_slots) * 8 < len(self._skus):  # few postings: sorting them beats sweeping every slot
            matched, inverse = np.unique(all_slots, return_inverse=True)
            return matched, np.bincount(inverse), np.bincount(inverse, weights=all_scores)
        hits = np.bincount(all_slots, minlength=len(self._skus))
        matched = np.flatnonzero(hits)
        return matched, hits[matched], np.bincount(all_slots, weights=all_scores, minlength=len(self._skus))[matched]

    def _term_scores(self, term: str, norms: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """BM25 of one query term over the live documents containing it or a synonym (best form per document)."""
        live = len(self._slot_of)
        pieces = []
        for form in term_forms(term):
            postings = self._postings.get(form)
            if postings is None:
                continue
            slots, tf = postings
            if self._dead:
                alive = self._alive.values[slots]
                slots, tf = slots[alive], tf[alive]
            if not len(slots):
                continue
            idf = math.log(1.0 + (live - len(slots) + 0.5) / (len(slots) + 0.5))
            factor = 1.0 if form == term else SYNONYM_FACTOR
            pieces.append((slots, (idf * factor * (K1 + 1.0)) * tf / (tf + norms[slots])))
        if len(pieces) <= 1:
            return pieces[0] if pieces else None
        return _best_per_slot(pieces)

    def _top(self, slots: np.ndarray, hits: np.ndarray, scores: np.ndarray, offset: int, limit: int) -> np.ndarray:
        """The page of slots ordered by (matched terms desc, score desc, SKU asc)."""
        need = offset + limit
        if not need or not len(slots):
            return slots[:0]
        key = hits * (float(scores.max()) + 1.0) + scores  # hits dominate: every score < the multiplier
        if need < len(slots):  # keep the best `need`, and everything tied with the last of them
            kth = len(slots) - need
            top = key >= np.partition(key, kth)[kth]
            slots, key = slots[top], key[top]
        self._ensure_order()
        order = np.lexsort((self._rank.values[slots], -key))
        return slots[order[offset:need]]

    def _mask(self, slots: np.ndarray, province_code: int | None, category_code: int | None,
              price: PriceRange | None) -> np.ndarray:
        keep = self._alive.values[slots]
        if price is not None and not price.is_open:
            keep &= price.mask(self._price.values[slots])
        if province_code is not None:
            keep &= self._province.values[slots] == province_code
        if category_code is not None:
            keep &= self._category.values[slots] == category_code
        return keep

    # --- slots ----------------------------------------------------------------------------

    def _reset(self) -> None:
        self._postings = Postings.empty()
        self._skus = []  # by slot, dead slots included
        self._slot_of = {}  # live SKUs only
        self._alive = Column(np.bool_)
        self._length = Column(np.float32)
        self._province = Column(np.int32)
        self._category = Column(np.int32)
        self._price = Column(np.int64)
        self._rank = Column(np.int64)  # position in self._order
        self._order = None  # live slots (and maybe dead ones) in SKU order
        self._province_codes: dict[str, int] = {}
        self._category_codes: dict[str, int] = {}
        self._live_length = 0.0
        self._dead = 0
        self._k1_norms: np.ndarray | None = None

    def _append_slot(self, doc: SearchDoc, length: float) -> None:
        self._skus.append(doc.sku)
        self._alive.append(True)
        self._length.append(length)
        self._province.append(self._province_code(doc.province))
        self._category.append(self._category_code(doc.category))
        self._price.append(doc.price_fen)
        self._rank.append(-1)
        self._live_length += length
        self._k1_norms = None

    def _province_code(self, province: str) -> int:
        if not province:
            return NO_CODE
        return self._province_codes.setdefault(region_key(province), len(self._province_codes))

    def _category_code(self, category: str) -> int:
        return self._category_codes.setdefault(category, len(self._category_codes)) if category else NO_CODE

    def _retire(self, slot: int) -> None:
        self._alive.values[slot] = False
        self._live_length -= float(self._length.values[slot])  # not money
        self._dead += 1
        self._k1_norms = None

    def _norms(self) -> np.ndarray:
        """k1 * (1 - b + b * length / average length), per slot; recomputed after any change."""
        if self._k1_norms is None:
            average = self._live_length / len(self._slot_of) if self._slot_of else 1.0
            relative = self._length.values / average if average > 0 else np.zeros_like(self._length.values)
            self._k1_norms = (K1 * (1.0 - B + B * relative)).astype(np.float32)
        return self._k1_norms

    def _ensure_order(self) -> np.ndarray:
        if self._order is not None:
            return self._order
        order = self._order = np.array([self._slot_of[sku] for sku in sorted(self._slot_of)], np.int64)
        self._rank.values[order] = np.arange(len(order))
        return order

    def _maybe_compact(self) -> None:
        if self._dead > COMPACT_DEAD_FRACTION * len(self._skus):
            self._compact()

    def _compact(self) -> None:
        """Drop dead slots: renumber the live ones, keeping their relative order."""
        alive = self._alive.values.copy()
        new_slot = np.cumsum(alive, dtype=np.int64) - 1
        kept = np.flatnonzero(alive)
        self._postings = self._postings.compact(alive, new_slot)
        self._skus = [self._skus[slot] for slot in kept.tolist()]
        self._slot_of = {sku: slot for slot, sku in enumerate(self._skus)}
        for name in ("_alive", "_length", "_province", "_category", "_price", "_rank"):
            setattr(self, name, getattr(self, name).take(kept))
        if self._order is not None:
            self._order = new_slot[self._order[alive[self._order]]]
            self._rank.values[self._order] = np.arange(len(self._order))
        self._dead = 0
        self._k1_norms = None

    def _sku_list(self, slots: np.ndarray) -> list[str]:
        skus = self._skus
        return [skus[slot] for slot in slots.tolist()]


def _best_per_slot(pieces: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Merge (slots, scores) pieces keeping each slot's highest score (scores are positive)."""
    matched, inverse = np.unique(np.concatenate([s for s, _ in pieces]), return_inverse=True)
    best = np.zeros(len(matched), np.float32)
    np.maximum.at(best, inverse, np.concatenate([v for _, v in pieces]))
    return matched, best
