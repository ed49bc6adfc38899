"""Keeping a process's in-memory search index in step with the catalogue in the database.

Every worker process owns one `CatalogSearch`: the index plus a display card per sellable product,
so a search is answered from memory without a database round trip. It polls the database for
products whose `updated_at` moved (services touch it on every change, including supplier
changes) and re-indexes them, and rebuilds completely when the date in Shanghai changes, so
expired certificates drop out at midnight. The process that makes a change refreshes at once;
the others follow within one poll interval.

No query is built from an unbounded list: changes are found by a range on `updated_at`, re-read in
chunks of `CHUNK` skus, and a change set larger than a quarter of the catalogue rebuilds from a
plain scan. A refresh that fails never fails the write that asked for it (`follow`), backs off
(`poll`, models/search/refresh.py) and marks the index stale; what a stale index returns is checked
against the database, a handful of skus at a time, before it is shown (`search_checked`,
`drop_unsellable`), and products the database refuses leave the index at once.
"""
from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from tortoise.functions import Count, Max

from models.clock import today_shanghai
from models.errors import Unavailable
from models.search import PriceRange, SearchIndex
from models.search.catalog_rows import CHUNK, sellable_card_rows, update_stamps
from models.search.product_cards import card, search_doc
from models.search.refresh import RefreshHealth
from models.sellability import sellable_skus
from models.tables.catalog import Product

log = logging.getLogger(__name__)

# Writers in other processes may commit a little after the time they stamped: look back this far.
LOOK_BACK = timedelta(seconds=30)
CACHE_SIZE = 512
REBUILD_MIN = 2_000  # a change set larger than this and than a quarter of the index rebuilds instead
CHECK_ROUNDS = 4  # a stale page with refused products is searched again at most this often


@dataclass(frozen=True)
class SearchPage:
    items: list[dict[str, Any]]
    total: int


class CatalogSearch:
    def __init__(self, index: SearchIndex, today: Callable[[], date] = today_shanghai,
                 refresh_seconds: float | None = None, clock: Callable[[], float] | None = None) -> None:
        """refresh_seconds: how often `poll` runs (api/contexts.py); left None for an index nobody polls (a
        command, a benchmark), which is then distrusted only after a failed refresh."""
        self.index = index
        self._today = today
        self._cards: dict[str, dict[str, Any]] = {}
        self._cache: OrderedDict[tuple, SearchPage] = OrderedDict()
        self._built_for: date | None = None
        self._watermark: datetime | None = None
        self._seen: dict[str, Any] = {}  # sku → updated_at as last read, for the rows inside the look-back window
        self._last_signature: tuple[int, datetime | None] | None = None
        self._refreshing = asyncio.Lock()
        self.health = RefreshHealth(refresh_seconds) if clock is None else RefreshHealth(refresh_seconds, clock)
        self.version = 0  # bumped whenever the set of sellable products or their cards may have changed

    # --- following the database ---------------------------------------------------------------

    async def rebuild(self) -> None:
        """Index every sellable product from scratch."""
        started = self.health.started()
        today = self._today()
        # The window is read before the rows: a change committed in between differs from what is seen and is
        # read again by the next refresh.
        latest = (await Product.all().annotate(m=Max("updated_at")).first().values("m") or {}).get("m")
        window = [] if latest is None else await update_stamps(latest - LOOK_BACK)
        rows = await sellable_card_rows(today)
        self.index.rebuild(search_doc(row) for row in rows)
        self._cards = {row["sku"]: card(row) for row in rows}
        self._cache.clear()
        self._built_for, self._watermark, self._last_signature = today, latest, None
        self._seen = dict(window)
        self.version += 1
        self.health.rebuilds_total += 1
        self.health.succeeded(started)

    async def refresh(self) -> int:
        """Follow changes made by any process since the last look; returns how many products were re-read.
        Raises what the database raises (see `poll` and `follow` for the callers that must not). One at a time:
        a poll that read a row before a change committed cannot put it back after the change's own refresh."""
        async with self._refreshing:
            return await self._refresh()

    async def _refresh(self) -> int:
        started = self.health.started()
        if self._built_for != self._today():
            await self.rebuild()
            return len(self._cards)
        since = None if self._watermark is None else self._watermark - LOOK_BACK
        changed = Product.all() if since is None else Product.filter(updated_at__gte=since)
        signature = await self._signature(changed)
        if signature == self._last_signature or signature[0] == 0:
            self._last_signature = signature
            self.health.succeeded(started)
            return 0
        stamps = await update_stamps(since)  # no id list: a range on the indexed column
        moved = [sku for sku, at in stamps if self._seen.get(sku) != at]
        if len(moved) > max(REBUILD_MIN, len(self._cards) // 4):
            await self.rebuild()
            return len(moved)
        await self._reindex(moved)
        self._seen = dict(stamps)
        self._last_signature = signature
        self._watermark = max(filter(None, (self._watermark, signature[1])))
        self.health.succeeded(started)
        return len(moved)

    async def poll(self) -> float:
        """One periodic refresh that never raises: a failure is logged and counted. Returns the seconds to wait
        before the next poll (longer after failures)."""
        try:
            await self.refresh()
        except Exception as exc:  # the loop must survive a database hiccup; the health check shows it
            self._failed(exc)
        return self.health.next_delay()

    async def follow(self) -> bool:
        """Refresh right after this process committed a change. Never raises: the change is committed whatever
        the index does, and a failed refresh leaves the index stale (checked against the database) until a
        poll succeeds."""
        try:
            await self.refresh()
        except Exception as exc:
            self._failed(exc)
            return False
        return True

    def _failed(self, exc: BaseException) -> None:
        self.health.failed(exc)
        log.warning("search index refresh failed (%d in a row, next try in %.0f s): %s",
                    self.health.failures, self.health.next_delay(), self.health.last_error,
                    exc_info=self.health.failures == 1)

    @staticmethod
    async def _signature(changed: Any) -> tuple[int, datetime | None]:
        row = await changed.annotate(n=Count("id"), m=Max("updated_at")).first().values("n", "m")
        return (row["n"], row["m"]) if row else (0, None)

    async def _reindex(self, skus: list[str]) -> None:
        if not skus:
            return
        today = self._today()
        for start in range(0, len(skus), CHUNK):
            chunk = skus[start:start + CHUNK]
            rows = await sellable_card_rows(today, chunk)
            sellable = {row["sku"]: row for row in rows}
            for sku in chunk:
                if sku in sellable:
                    self.index.upsert(search_doc(sellable[sku]))
                    self._cards[sku] = card(sellable[sku])
                else:
                    self._forget(sku)
        self._cache.clear()
        self.version += 1

    def _forget(self, sku: str) -> None:
        self.index.remove(sku)
        self._cards.pop(sku, None)

    # --- what the database refuses ------------------------------------------------------------

    @property
    def stale(self) -> bool:
        """Whether the last refresh failed or none succeeded lately: then results are checked in the database."""
        return self.health.stale

    async def drop_unsellable(self, skus: Iterable[str]) -> set[str]:
        """Of `skus` (a page, a handful), those the database refuses to sell today; they leave this index at once.
        One query per `CHUNK` skus; raises `Unavailable` when the database cannot say."""
        wanted = list(dict.fromkeys(skus))
        if not wanted:
            return set()
        version = self.version
        try:
            allowed = await sellable_skus(wanted, self._today(), CHUNK)
        except Exception as exc:
            log.warning("sellability check failed: %s", exc)
            raise Unavailable("search_unavailable", "商品信息暂时无法确认，请稍后再试") from exc
        refused = {sku for sku in wanted if sku not in allowed}
        if refused and version == self.version:  # a refresh in between may know better: then only filter
            for sku in refused:
                self._forget(sku)
            self._cache.clear()
            self.version += 1
        return refused

    async def search_checked(
        self, q: str, *, province: str | None = None, category: str | None = None, price: PriceRange | None = None,
        offset: int = 0, limit: int = 20,
    ) -> SearchPage:
        """`search`, but while the index is stale the page is checked against the database first."""
        page = self.search(q, province=province, category=category, price=price, offset=offset, limit=limit)
        for _ in range(CHECK_ROUNDS):
            if not self.stale or not page.items:
                return page
            refused = await self.drop_unsellable(c["sku"] for c in page.items)
            if not refused:
                return page
            page = self.search(q, province=province, category=category, price=price, offset=offset, limit=limit)
        refused = await self.drop_unsellable(c["sku"] for c in page.items)
        return SearchPage([c for c in page.items if c["sku"] not in refused], page.total)

    # --- answering from memory ----------------------------------------------------------------

    @property
    def cards(self) -> Mapping[str, dict[str, Any]]:
        """Display cards of the products this process believes sellable, by sku."""
        return self._cards

    def search(
        self, q: str, *, province: str | None = None, category: str | None = None, price: PriceRange | None = None,
        offset: int = 0, limit: int = 20,
    ) -> SearchPage:
        """A page of cards; `price` bounds the price of one pack within the search (PriceRange(high_fen=10_000):
        the best matches at 100元 or less, never a page of the best matches thinned out afterwards)."""
        key = (q, province, category, price, offset, limit)
        page = self._cache.get(key)
        if page is None:
            result = self.index.search(q, province=province, category=category, price=price, offset=offset,
                                       limit=limit)
            page = SearchPage([self._cards[s] for s in result.skus if s in self._cards], result.total)
            self._cache[key] = page
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return page

    def matches(self, q: str, *, province: str | None = None, price: PriceRange | None = None,
                limit: int = 20) -> tuple[list[tuple[dict[str, Any], int]], int]:
        """Cards of the best matches (within `price`) with their matched-term counts, and how many terms of q are
        known."""
        found, known = self.index.matches(q, province=province, price=price, limit=limit)
        return [(self._cards[sku], hits) for sku, hits in found if sku in self._cards], known
