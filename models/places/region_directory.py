"""Resolving region names (full or short: 广东 / 广东省, 佛冈 / 佛冈县) to division codes."""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from models.places.region_names import region_short_forms
from models.tables.regions import Region


class RegionNotFound(LookupError):
    """Names the part of an address that does not resolve: province, city or county.

    Not an AppError (models/errors.py): each caller reports it its own way (an address's 422 invalid_address, a
    catalogue row's problem), so it never reaches HTTP."""

    def __init__(self, part: str, message: str) -> None:
        super().__init__(message)
        self.part = part


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str
    level: str
    parent: str | None


@dataclass(frozen=True)
class NameForms:
    """A pool of regions by every name they go by (full and short), for matching at the start of a text."""

    by_form: dict[str, RegionRow]
    longest: int

    @classmethod
    def of(cls, rows: list[RegionRow]) -> NameForms:
        by_form: dict[str, RegionRow] = {}
        for row in rows:
            for form in region_short_forms(row.name):
                by_form.setdefault(form, row)  # two regions of the pool with one short form: the first keeps it
        return cls(by_form, max(map(len, by_form), default=0))

    def prefix(self, text: str) -> tuple[RegionRow | None, int]:
        """The region whose longest name form starts `text`, and that form's length."""
        for n in range(min(self.longest, len(text)), 0, -1):
            row = self.by_form.get(text[:n])
            if row is not None:
                return row, n
        return None, 0


class RegionDirectory:
    """An in-memory snapshot of the region table. It is immutable, so pools built from it are kept."""

    def __init__(self, rows: list[RegionRow]) -> None:
        self._by_code = {r.code: r for r in rows}
        self._children: dict[tuple[str | None, str], list[RegionRow]] = {}
        for r in rows:
            for form in region_short_forms(r.name):
                self._children.setdefault((r.parent, form), []).append(r)
        self._pools: dict[tuple[str, str | None], NameForms] = {}

    def name_forms(self, key: tuple[str, str | None], rows: Callable[[], list[RegionRow]]) -> NameForms:
        """The pool named `key`, built from `rows()` the first time it is asked for."""
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = NameForms.of(rows())
        return pool

    @classmethod
    async def load(cls) -> RegionDirectory:
        rows = await Region.all().values_list("code", "name", "level", "parent_id")
        return cls([RegionRow(code, name, getattr(level, "value", level), parent) for code, name, level, parent in rows])

    def _child(self, parent: str | None, name: str) -> RegionRow | None:
        found = self._children.get((parent, name.strip()), [])
        return found[0] if len(found) == 1 else None

    def county(self, province: str, city: str, county: str) -> str:
        """The county's code; raises RegionNotFound naming the part that does not resolve."""
        prov = self._child(None, province)
        if prov is None:
            raise RegionNotFound("province", f"未知省份: {province}")
        parent = self._child(prov.code, city) if city.strip() else prov
        if parent is None:
            raise RegionNotFound("city", f"{prov.name}没有名为「{city}」的地级行政区")
        found = self._child(parent.code, county)
        if found is None and parent is not prov:  # 省直辖县 (仙桃市, 济源市 …) hang directly under the province
            found = self._child(prov.code, county)
        if found is None or found.level != "county":
            raise RegionNotFound("county", f"{parent.name}没有名为「{county}」的县级行政区")
        return found.code

    def children(self, parent: str | None) -> list[RegionRow]:
        return [r for r in self._by_code.values() if r.parent == parent]

    def by_level(self, level: str) -> list[RegionRow]:
        return [r for r in self._by_code.values() if r.level == level]

    def get(self, code: str) -> RegionRow | None:
        return self._by_code.get(code)


class RegionSnapshot:
    """The region table read once, on first use, and kept for the life of the app.

    The table is reference data that only a migration changes (and a migration restarts the server), so
    reading its 3,000 rows for every address would be pure waste: 30 ms a time.
    """

    def __init__(self) -> None:
        self._directory: RegionDirectory | None = None
        self._lock = asyncio.Lock()

    async def directory(self) -> RegionDirectory:
        if self._directory is None:
            async with self._lock:
                if self._directory is None:
                    self._directory = await RegionDirectory.load()
        return self._directory
