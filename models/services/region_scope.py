"""What part of the country a reader of the administrators' figures sees: an official their region, the national
administrator everything (`None`).

A region's code in the regions table's form is a prefix of every code under it: province 44, city 4418, county
441821 (checked for every region of assets/regions/regions.csv), so "in the region" is a prefix match on a
6-digit county code (a product's origin, a line's origin snapshot, a supplier's county) or on a merchant's region
code. The services apply it in SQL as a range, `code >= '4418' AND code < '4419'`: the same answer as a prefix
match for codes of digits, under any collation, and an index on the column can serve it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.expressions import Q

from models.errors import Forbidden
from models.tables.regions import Region, RegionLevel
from models.tables.users import Role, User


@dataclass(frozen=True)
class RegionScope:
    """An official's region: its code in the regions table's form (44, 4418, 441821), level and name."""

    code: str
    level: RegionLevel
    name: str

    @property
    def upper(self) -> str | None:
        """The first code after every code under this one ('4418' → '4419'); None after '99…' (nothing is)."""
        if set(self.code) == {"9"}:
            return None
        return str(int(self.code) + 1).zfill(len(self.code))

    def contains(self, code: str | None) -> bool:
        """Whether one region code (an object already read) lies in this region."""
        return code is not None and code.startswith(self.code)

    def sql(self, column: str) -> tuple[str, list[Any]]:
        """` AND <column> in the region` and its arguments, for hand-written statements."""
        if self.upper is None:
            return f" AND {column} >= ?", [self.code]
        return f" AND {column} >= ? AND {column} < ?", [self.code, self.upper]

    def q(self, field: str) -> Q:
        """The same condition for the ORM: `field` in the region."""
        if self.upper is None:
            return Q(**{f"{field}__gte": self.code})
        return Q(**{f"{field}__gte": self.code, f"{field}__lt": self.upper})


def within(scope: RegionScope | None, field: str) -> Q:
    """`field` in the scope's region; everything for the national view."""
    return Q() if scope is None else scope.q(field)


async def region_scope(user: User) -> RegionScope | None:
    """The scope of the caller of an administrator's read: None (the whole country) for an administrator, the
    official's region for an official; anyone else is refused (the route's role check lets no one else in)."""
    if user.role == Role.ADMIN:
        return None
    if user.role == Role.OFFICIAL and user.region_id:
        region = await Region.get_or_none(code=user.region_id)
        if region is not None:
            return RegionScope(region.code, region.level, region.name)
    raise Forbidden("forbidden", "没有权限执行此操作")
