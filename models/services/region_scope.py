"""Which region a user may see, and at which level: an official their region (county, city or province), the
national administrator everything (`None`). One scope for every read officials share with the administrator
(statistics, settlements, organisation reports, products, suppliers, merchants) and for certification (which
applications an official sees, which step they take).

A region's code in the regions table's form is a prefix of every code under it: province 44, city 4418, county
441821 (checked for every region of assets/regions/regions.csv), so "in the region" is a prefix match on a
6-digit county code (a product's origin, a line's origin snapshot, a supplier's county) or on a merchant's region
code. The services apply it in SQL as a range, `code >= '4418' AND code < '4419'`: the same answer as a prefix
match for codes of digits, under any collation, and an index on the column can serve it.

Certification: the region decides what an official sees (their county's, city's or province's applications;
anything else is 404, as if it did not exist), the level which step they take: the county reviews `submitted`
ones, the city `county_reviewed` ones, the province `city_reviewed` ones — and `county_reviewed` ones of a county
under no city (省直辖县, a municipality's districts), which have no city step. The national administrator sees
everything and acts on nothing there.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.expressions import Q

from models.errors import Forbidden
from models.places.region_directory import RegionDirectory
from models.tables.certification import PENDING, AppState, CertApplication
from models.tables.regions import Region, RegionLevel
from models.tables.users import Role, User

_APPROVED = {
    RegionLevel.COUNTY: AppState.COUNTY_REVIEWED,
    RegionLevel.CITY: AppState.CITY_REVIEWED,
    RegionLevel.PROVINCE: AppState.CERTIFIED,
}


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

    # ---- certification applications ----------------------------------------------------------------------------

    def applications(self) -> Q:
        """Applications of this region, whatever their state (by the reviewing regions kept on each)."""
        if self.level == RegionLevel.COUNTY:
            return Q(origin_id=self.code)
        if self.level == RegionLevel.CITY:
            return Q(city_code=self.code)
        return Q(province_code=self.code)

    def waiting(self) -> Q:
        """Applications of this region waiting for this level's step."""
        if self.level == RegionLevel.COUNTY:
            return Q(origin_id=self.code, state=AppState.SUBMITTED)
        if self.level == RegionLevel.CITY:
            return Q(city_code=self.code, state=AppState.COUNTY_REVIEWED)
        return Q(province_code=self.code) & (
            Q(state=AppState.CITY_REVIEWED) | Q(state=AppState.COUNTY_REVIEWED, city_code=None))

    def acts_on(self, application: CertApplication) -> AppState:
        """The state an application must be in for this level's step."""
        if self.level == RegionLevel.COUNTY:
            return AppState.SUBMITTED
        if self.level == RegionLevel.CITY:
            return AppState.COUNTY_REVIEWED
        return AppState.COUNTY_REVIEWED if application.city_code is None else AppState.CITY_REVIEWED

    @property
    def approved_state(self) -> AppState:
        """The state this level's approval moves an application to."""
        return _APPROVED[self.level]


def within(scope: RegionScope | None, field: str) -> Q:
    """`field` in the scope's region; everything for the national view."""
    return Q() if scope is None else scope.q(field)


def applications_within(scope: RegionScope | None) -> Q:
    """The certification applications the scope sees; all of them for the national view."""
    return Q() if scope is None else scope.applications()


def applications_waiting(scope: RegionScope | None) -> Q:
    """The applications waiting for the scope's step; for the national view every one waiting for anyone."""
    return Q(state__in=list(PENDING)) if scope is None else scope.waiting()


def reviewer(scope: RegionScope | None) -> RegionScope:
    """The scope of an official taking a certification step; the national administrator only reads (403)."""
    if scope is None:
        raise Forbidden("forbidden", "全国管理员只能查看认定申请，审核由各级官员进行")
    return scope


@dataclass(frozen=True)
class Reviewers:
    """The regions whose officials review an application from a county: its city (None under no city), province."""

    city_code: str | None
    province_code: str

    @classmethod
    def of(cls, directory: RegionDirectory, county_code: str) -> Reviewers:
        county = directory.get(county_code)
        parent = directory.get(county.parent) if county and county.parent else None
        if parent is None:  # never for a county of the regions table
            raise ValueError(f"county {county_code} has no parent region")
        if parent.level == RegionLevel.CITY.value:
            return cls(parent.code, parent.parent or "")
        return cls(None, parent.code)


async def region_scope(user: User) -> RegionScope | None:
    """The caller's scope: None (the whole country) for an administrator, the official's region for an official;
    anyone else is refused (the routes' role checks let no one else in)."""
    if user.role == Role.ADMIN:
        return None
    if user.role == Role.OFFICIAL and user.region_id:
        region = await Region.get_or_none(code=user.region_id)
        if region is not None:
            return RegionScope(region.code, region.level, region.name)
    raise Forbidden("forbidden", "没有权限执行此操作")
