"""Resolving region names (full or short: 广东 / 广东省, 佛冈 / 佛冈县) to division codes."""
from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from dataclasses import dataclass

from models.places.former_names import FormerName, FormerNames, city_matches
from models.places.region_names import region_short_forms, region_spoken_forms
from models.tables.regions import Region

# What a file writes as the "city" of a county under its province: a municipality's 市辖区 or 县, a province's
# 省直辖县级行政区划 (the municipality's or province's own name, or an empty city, are taken the same way).
_UNDER_PROVINCE = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "直辖", "省直辖", "自治区直辖"}
_CODE = re.compile(r"^\d{6}$")


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
class Located:
    """A county found, and the former name or code it was written with (米林县, 540422) when it was one."""

    code: str
    name: str
    former: str | None = None


@dataclass(frozen=True)
class NameForms:
    """A pool of regions by every name they go by (full and short), for matching at the start of a text."""

    by_form: dict[str, RegionRow]
    longest: int

    @classmethod
    def of(cls, rows: list[RegionRow]) -> NameForms:
        by_form: dict[str, RegionRow] = {}
        for row in rows:
            for form in region_spoken_forms(row.name):  # 凉山州 as well as 凉山 and 凉山彝族自治州
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

    def __init__(self, rows: list[RegionRow], former: FormerNames | None = None) -> None:
        self._by_code = {r.code: r for r in rows}
        self._former = former or FormerNames([])
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
        former = await asyncio.to_thread(FormerNames.read)
        return cls([RegionRow(code, name, getattr(level, "value", level), parent)
                    for code, name, level, parent in rows], former)

    def _child(self, parent: str | None, name: str) -> RegionRow | None:
        found = self._children.get((parent, name.strip()), [])
        return found[0] if len(found) == 1 else None

    def _child_by_forms(self, parent: str | None, name: str) -> RegionRow | None:
        """By the name as written, then by its short form (林芝地区 → 林芝 → 林芝市)."""
        for form in region_short_forms(name):
            found = self._child(parent, form)
            if found is not None:
                return found
        return None

    def _city(self, prov: RegionRow, city: str) -> RegionRow | None:
        """The city named, or the province itself for a county under it (重庆市,重庆市 / 重庆市,县 / 重庆市,)."""
        city = city.strip()
        if not city:
            return prov
        found = self._child_by_forms(prov.code, city)
        if found is not None:
            return found
        return prov if city in _UNDER_PROVINCE or city in region_short_forms(prov.name) else None

    def county(self, province: str, city: str, county: str) -> str:
        """The county's code; raises RegionNotFound naming the part that does not resolve."""
        return self.locate(province, city, county).code

    def locate(self, province: str, city: str, county: str) -> Located:
        """The county by its names today or by a former name (米林县 → 米林市, mapped and said so)."""
        prov = self._child_by_forms(None, province)
        if prov is None:
            raise RegionNotFound("province", f"未知省份: {province}")
        parent = self._city(prov, city)
        found = self._child(parent.code, county) if parent else None
        if found is None and parent is not prov:  # 省直辖县 (仙桃市, 济源市 …) hang directly under the province
            found = self._child(prov.code, county)
        if found is not None and found.level == "county":
            return Located(found.code, found.name)
        former = self._former_named(prov, parent, city, county)
        if former is not None:
            return Located(former.code, self._by_code[former.code].name, former.former_name)
        if parent is None:
            raise RegionNotFound("city", f"{prov.name}没有名为「{city}」的地级行政区")
        found = self._child_by_forms(parent.code, county)  # 石柱 written as 石柱县 when history has no such name
        if found is not None and found.level == "county":
            return Located(found.code, found.name)
        raise RegionNotFound("county", f"{parent.name}没有名为「{county}」的县级行政区")

    def _former_named(self, prov: RegionRow, parent: RegionRow | None, city: str, county: str) -> FormerName | None:
        """A former name in this province (as it is today, or as it was then) that leads to one county today, in
        the city written when one is (林芝市 today or 林芝地区 then): 郊区 was a name in many cities."""
        found = [f for f in self._former.named(county) if f.code in self._by_code
                 and f.former_name != self._by_code[f.code].name  # a renaming, not a move to another city
                 and (f.code[:2] == prov.code
                      or set(region_short_forms(f.former_province)) & set(region_short_forms(prov.name)))]
        if parent is not prov:
            found = [f for f in found if city_matches(city, f.former_city)
                     or (parent is not None and self._parent_code(f.code) == parent.code)]
        if len({f.code for f in found}) != 1:
            return None
        return max(found, key=lambda f: f.until)

    def _parent_code(self, code: str) -> str | None:
        row = self._by_code.get(code)
        return row.parent if row else None

    def by_code(self, code: str) -> Located:
        """A 6-digit county code of today, or a former one that went to one county of today."""
        code = code.strip()
        if not _CODE.match(code):
            raise RegionNotFound("code", f"区划代码应为 6 位数字: {code}")
        row = self._by_code.get(code)
        if row is not None and row.level == "county":
            return Located(code, row.name)
        today = [c for c in self._former.codes_of(code) if c in self._by_code]
        if len(today) == 1:
            return Located(today[0], self._by_code[today[0]].name, code)
        if today:
            raise RegionNotFound("code", f"区划代码 {code} 先后用于几个地方，请写今天的代码或写明省、市、县名称")
        raise RegionNotFound("code", f"没有区划代码为 {code} 的县级行政区")

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
