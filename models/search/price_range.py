"""A bound on the price of one product (fen), part of a search rather than a filter over its results.

    index.search("茶叶", price=PriceRange(high_fen=10_000))   # the best teas at 100元 or less
    index.search("", price=PriceRange(4_000, 6_000))         # everything from 40元 to 60元, in SKU order

Either end may be open; both ends are inclusive. A range whose low end is above its high end matches nothing (the
HTTP layer refuses one before it gets here: api/handlers/products.py).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# The index keeps prices as int64: a bound past this (a client's 10**30) is clamped instead of overflowing numpy.
_LIMIT = 2**62


@dataclass(frozen=True, slots=True)
class PriceRange:
    low_fen: int | None = None
    high_fen: int | None = None

    @property
    def is_open(self) -> bool:
        """No bound at all: PriceRange() keeps every product."""
        return self.low_fen is None and self.high_fen is None

    def fits(self, price_fen: int) -> bool:
        return (self.low_fen is None or price_fen >= self.low_fen) and \
            (self.high_fen is None or price_fen <= self.high_fen)

    def mask(self, prices: np.ndarray) -> np.ndarray:
        """Which of `prices` (an int64 column) lie within the range."""
        keep = np.ones(len(prices), np.bool_)
        if self.low_fen is not None:
            keep &= prices >= max(-_LIMIT, min(self.low_fen, _LIMIT))
        if self.high_fen is not None:
            keep &= prices <= max(-_LIMIT, min(self.high_fen, _LIMIT))
        return keep
