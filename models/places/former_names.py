"""Former names and codes of county-level areas (since 1981), each with the code of the area it is today.

Read from `assets/regions/former.csv` (made by `assets/regions/make_regions.py` from the division history): a
catalogue or an old certificate may say 米林县 (540422, now 米林市 540481) or 平泉县 (130823, now 平泉市 130881).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from models.paths import FORMER_REGIONS_CSV
from models.places.region_names import region_short_forms


@dataclass(frozen=True)
class FormerName:
    former_code: str
    former_name: str
    former_province: str  # the province's name at the time (四川省 for 石柱县 before 1997)
    former_city: str  # the city or prefecture at the time (林芝地区), empty for a county under its province
    code: str  # today's county code
    until: str  # the year the name or code stopped being used


class FormerNames:
    """Lookups of former county names (by the province they are in today or were in then) and former codes."""

    def __init__(self, rows: list[FormerName]) -> None:
        self._by_code: dict[str, set[str]] = {}
        self._by_name: dict[str, list[FormerName]] = {}
        for row in rows:
            self._by_code.setdefault(row.former_code, set()).add(row.code)
            self._by_name.setdefault(row.former_name, []).append(row)

    @classmethod
    def read(cls, path: Path = FORMER_REGIONS_CSV) -> FormerNames:
        with path.open(encoding="utf-8", newline="") as f:
            return cls([FormerName(**row) for row in csv.DictReader(f)])

    def codes_of(self, former_code: str) -> set[str]:
        """Today's codes a former code went to: one, or more than one when the code was used again elsewhere."""
        return self._by_code.get(former_code, set())

    def named(self, name: str) -> list[FormerName]:
        """Every former area that went by exactly this name."""
        return self._by_name.get(name.strip(), [])


def city_matches(written: str, former_city: str) -> bool:
    """林芝地区 written as 林芝 or 林芝地区: the city named in a file against a city of the history."""
    return bool(former_city) and bool(set(region_short_forms(written)) & set(region_short_forms(former_city)))
