"""Keeping a process's in-memory search index in step with the catalogue in the database.

Every worker process owns one `CatalogSearch`: the index plus a display card per sellable product,
so a search is answered from memory without a database round trip. It polls the database for
products whose `updated_at` moved (services touch it on every change, including supplier
changes) and re-indexes them, and rebuilds completely when the date in Shanghai changes, so
expired certificates drop out at midnight. The process that makes a change refreshes at once;
the others follow within one poll interval.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Callable, Mapping

from tortoise.functions import Count, Max

from models.catalog import Product
from models.clock import today_shanghai
from models.product_cards import CARD_FIELDS, card, search_doc
from models.search import SearchIndex
from models.sellability import sellable_q

# Writers in other processes may commit a little after the time they stamped: look back this far.
LOOK_BACK = timedelta(seconds=30)
CACHE_SIZE = 512


@dataclass(frozen=True)
class SearchPage:
    items: list[dict[str, Any]]
    total: int


class CatalogSearch:
    def __init__(self, index: SearchIndex, today: Callable[[], date] = today_shanghai) -> None:
        self.index = index
        self._today = today
        self._cards: dict[str, dict[str, Any]] = {}
        self._cache: OrderedDict[tuple, SearchPage] = OrderedDict()
        self._built_for: date | None = None
        self._watermark: datetime | None = None
        self._last_signature: tuple[int, datetime | None] | None = None
        self.version = 0  # bumped whenever the set of sellable products or their cards may have changed

    async def rebuild(self) -> None:
        """Index every sellable product from scratch."""
        today = self._today()
        rows = await Product.filter(sellable_q(today)).values(*CARD_FIELDS)
        self.index.rebuild(search_doc(row) for row in rows)
        self._cards = {row["sku"]: card(row) for row in rows}
        self._cache.clear()
        latest = await Product.all().annotate(m=Max("updated_at")).first().values("m")
        self._built_for, self._watermark, self._last_signature = today, latest["m"] if latest else None, None
        self.version += 1

    async def refresh(self) -> int:
        """Follow changes made by any process since the last look; returns how many products were re-read."""
        if self._built_for != self._today():
            await self.rebuild()
            return len(self._cards)
        changed = Product.all() if self._watermark is None else Product.filter(updated_at__gte=self._watermark - LOOK_BACK)
        signature = await self._signature(changed)
        if signature == self._last_signature or signature[0] == 0:
            self._last_signature = signature
            return 0
        skus = await changed.values_list("sku", flat=True)
        await self._reindex(skus)
        self._last_signature = signature
        self._watermark = max(filter(None, (self._watermark, signature[1])))
        return len(skus)

    @staticmethod
    async def _signature(changed: Any) -> tuple[int, datetime | None]:
        row = await changed.annotate(n=Count("id"), m=Max("updated_at")).first().values("n", "m")
        return (row["n"], row["m"]) if row else (0, None)

    async def _reindex(self, skus: list[str]) -> None:
        rows = await Product.filter(sellable_q(self._today()), sku__in=skus).values(*CARD_FIELDS)
        sellable = {row["sku"]: row for row in rows}
        for sku in skus:
            if sku in sellable:
                self.index.upsert(search_doc(sellable[sku]))
                self._cards[sku] = card(sellable[sku])
            else:
                self.index.remove(sku)
                self._cards.pop(sku, None)
        self._cache.clear()
        self.version += 1

    @property
    def cards(self) -> Mapping[str, dict[str, Any]]:
        """Display cards of the products this process believes sellable, by sku."""
        return self._cards

    def search(
        self, q: str, *, province: str | None = None, category: str | None = None, offset: int = 0, limit: int = 20
    ) -> SearchPage:
        key = (q, province, category, offset, limit)
        page = self._cache.get(key)
        if page is None:
            result = self.index.search(q, province=province, category=category, offset=offset, limit=limit)
            page = SearchPage([self._cards[s] for s in result.skus if s in self._cards], result.total)
            self._cache[key] = page
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return page

    def matches(self, q: str, *, province: str | None = None, limit: int = 20) -> tuple[list[tuple[dict[str, Any], int]], int]:
        """Cards of the best matches with their matched-term counts, and how many terms of q are known."""
        found, known = self.index.matches(q, province=province, limit=limit)
        return [(self._cards[sku], hits) for sku, hits in found if sku in self._cards], known
