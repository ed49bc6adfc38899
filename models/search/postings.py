"""The index's storage: per-slot attribute columns and the postings (term → slots and weighted term frequencies).

Postings are one CSR block built by `SearchIndex.rebuild`, plus small per-term lists for later upserts that are
merged into numpy arrays when a query first reads the term (models/search/index.py).
"""
from __future__ import annotations

import numpy as np


class Column:
    """A numpy array that grows by doubling: one attribute per slot."""

    def __init__(self, dtype: type, values: np.ndarray | None = None) -> None:
        values = np.empty(0, dtype) if values is None else np.asarray(values, dtype)
        self._n = len(values)
        self._data: np.ndarray = np.empty(max(16, 2 * self._n), dtype)
        self._data[: self._n] = values

    def append(self, value: float) -> None:
        if self._n == len(self._data):
            self._data = np.concatenate([self._data, np.empty_like(self._data)])
        self._data[self._n] = value
        self._n += 1

    @property
    def values(self) -> np.ndarray:
        """A view of the live part (writes go through)."""
        return self._data[: self._n]

    def take(self, slots: np.ndarray) -> Column:
        return Column(self._data.dtype.type, self.values[slots])


class Postings:
    """term → (slots int32, weighted tf float32), slots ascending within a term.

    Most postings live in one CSR block (`from_arrays`). `add` appends to per-term Python lists;
    the first `get` of such a term merges them into numpy arrays kept in `_merged`, which then
    shadows the term's CSR slice until the next compaction.
    """

    def __init__(self, ids: dict[str, int], offsets: np.ndarray, slots: np.ndarray, weights: np.ndarray) -> None:
        self._ids = ids
        self._offsets = offsets  # len = terms in the CSR block + 1
        self._slots = slots
        self._weights = weights
        self._merged: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._pending: dict[int, tuple[list[int], list[float]]] = {}

    @classmethod
    def empty(cls) -> Postings:
        return cls({}, np.zeros(1, np.int64), np.empty(0, np.int32), np.empty(0, np.float32))

    @classmethod
    def from_arrays(cls, terms: list[str], term_ids: np.ndarray, slots: np.ndarray, weights: np.ndarray) -> Postings:
        """The CSR block from parallel arrays (terms[i] names id i); terms without postings are dropped."""
        counts = np.bincount(term_ids, minlength=len(terms))
        keep = counts > 0
        new_ids = (np.cumsum(keep) - 1).tolist()
        ids = {term: new_ids[i] for i, (term, kept) in enumerate(zip(terms, keep.tolist(), strict=True)) if kept}
        offsets = np.zeros(len(ids) + 1, np.int64)
        np.cumsum(counts[keep], out=offsets[1:])
        order = np.argsort(term_ids, kind="stable")
        return cls(ids, offsets, slots[order].astype(np.int32), weights[order].astype(np.float32))

    def add(self, term: str, slot: int, weight: float) -> None:
        tid = self._ids.setdefault(term, len(self._ids))
        slots, weights = self._pending.setdefault(tid, ([], []))
        slots.append(slot)
        weights.append(weight)

    def get(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        tid = self._ids.get(term)
        if tid is None:
            return None
        if tid in self._pending:
            self._merge(tid)
        return self._merged.get(tid) or self._block(tid)

    def compact(self, alive: np.ndarray, new_slot: np.ndarray) -> Postings:
        """A fresh CSR block without dead slots, slots renumbered through new_slot."""
        for tid in list(self._pending):
            self._merge(tid)
        n_block = len(self._offsets) - 1
        block_tids = np.repeat(np.arange(n_block, dtype=np.int32), np.diff(self._offsets))
        shadowed = np.zeros(len(self._ids), bool)
        shadowed[list(self._merged)] = True
        keep = ~shadowed[block_tids]
        tids, slots, weights = [block_tids[keep]], [self._slots[keep]], [self._weights[keep]]
        for tid, (s, w) in self._merged.items():
            tids.append(np.full(len(s), tid, np.int32))
            slots.append(s)
            weights.append(w)
        all_tids, all_slots, all_weights = np.concatenate(tids), np.concatenate(slots), np.concatenate(weights)
        live = alive[all_slots]
        terms = sorted(self._ids, key=self._ids.__getitem__)
        return Postings.from_arrays(terms, all_tids[live], new_slot[all_slots[live]], all_weights[live])

    def _block(self, tid: int) -> tuple[np.ndarray, np.ndarray]:
        if tid + 1 >= len(self._offsets):
            return self._slots[:0], self._weights[:0]
        start, end = self._offsets[tid], self._offsets[tid + 1]
        return self._slots[start:end], self._weights[start:end]

    def _merge(self, tid: int) -> None:
        new_slots, new_weights = self._pending.pop(tid)
        slots, weights = self._merged.get(tid) or self._block(tid)
        self._merged[tid] = (
            np.concatenate([slots, np.array(new_slots, np.int32)]),
            np.concatenate([weights, np.array(new_weights, np.float32)]),
        )
