"""Resolving region names (full or short: 广东 / 广东省, 佛冈 / 佛冈县) to division codes."""
from __future__ import annotations

from dataclasses import dataclass

from models.region_names import region_short_forms
from models.regions import Region


class RegionNotFound(LookupError):
    """Names the part of an address that does not resolve: province, city or county."""

    def __init__(self, part: str, message: str) -> None:
        super().__init__(message)
        self.part = part


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str
    level: str
    parent: str | None


class RegionDirectory:
    """An in-memory snapshot of the region table, loaded once per operation that needs many look-ups."""

    def __init__(self, rows: list[RegionRow]) -> None:
        self._by_code = {r.code: r for r in rows}
        self._children: dict[tuple[str | None, str], list[RegionRow]] = {}
        for r in rows:
            for form in region_short_forms(r.name):
                self._children.setdefault((r.parent, form), []).append(r)

    @classmethod
    async def load(cls) -> "RegionDirectory":
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
