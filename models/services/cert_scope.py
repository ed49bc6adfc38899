"""Which certification applications and certificates an official (or the national administrator) may see and act on.

An official's region decides what they may see: a county official their county's applications, a city official
their city's, a province official their province's (anything else is 404, as if it did not exist). Their level
decides which step they take: the county reviews `submitted` ones, the city `county_reviewed` ones, the province
`city_reviewed` ones — and `county_reviewed` ones of a county under no city (省直辖县, a municipality's districts),
which have no city step. The national administrator sees everything and acts on nothing here.
"""
from __future__ import annotations

from dataclasses import dataclass

from tortoise.expressions import Q

from models.errors import Forbidden
from models.places.region_directory import RegionDirectory
from models.tables.certification import AppState, CertApplication
from models.tables.regions import Region, RegionLevel
from models.tables.users import Role, User

PENDING = (AppState.SUBMITTED, AppState.COUNTY_REVIEWED, AppState.CITY_REVIEWED)
_NEXT = {
    RegionLevel.COUNTY: AppState.COUNTY_REVIEWED,
    RegionLevel.CITY: AppState.CITY_REVIEWED,
    RegionLevel.PROVINCE: AppState.CERTIFIED,
}


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


@dataclass(frozen=True)
class Scope:
    """An official's level and region code (the regions table's form: 44, 4418, 441821), or None for the admin."""

    level: RegionLevel | None
    code: str | None

    @property
    def national(self) -> bool:
        return self.level is None

    def visible(self) -> Q:
        """Applications in this official's region, whatever their state."""
        if self.level == RegionLevel.COUNTY:
            return Q(origin_id=self.code)
        if self.level == RegionLevel.CITY:
            return Q(city_code=self.code)
        if self.level == RegionLevel.PROVINCE:
            return Q(province_code=self.code)
        return Q()

    def waiting(self) -> Q:
        """Applications waiting for this official's step (the admin: every application waiting for anyone)."""
        if self.level == RegionLevel.COUNTY:
            return Q(origin_id=self.code, state=AppState.SUBMITTED)
        if self.level == RegionLevel.CITY:
            return Q(city_code=self.code, state=AppState.COUNTY_REVIEWED)
        if self.level == RegionLevel.PROVINCE:
            return Q(province_code=self.code) & (
                Q(state=AppState.CITY_REVIEWED) | Q(state=AppState.COUNTY_REVIEWED, city_code=None))
        return Q(state__in=list(PENDING))

    def acts_on(self, application: CertApplication) -> AppState:
        """The state an application must be in for this official's step."""
        if self.level == RegionLevel.COUNTY:
            return AppState.SUBMITTED
        if self.level == RegionLevel.CITY:
            return AppState.COUNTY_REVIEWED
        if self.level == RegionLevel.PROVINCE:
            return AppState.COUNTY_REVIEWED if application.city_code is None else AppState.CITY_REVIEWED
        raise Forbidden("forbidden", "全国管理员只能查看认定申请，审核由各级官员进行")

    def approved_state(self) -> AppState:
        if self.level is None:
            raise Forbidden("forbidden", "全国管理员只能查看认定申请，审核由各级官员进行")
        return _NEXT[self.level]

    def products(self) -> Q:
        """Products whose origin county is in this official's region (Product's origin → city → province)."""
        if self.level == RegionLevel.COUNTY:
            return Q(origin_id=self.code)
        if self.level == RegionLevel.CITY:
            return Q(origin__parent_id=self.code)
        if self.level == RegionLevel.PROVINCE:
            return Q(origin__parent_id=self.code) | Q(origin__parent__parent_id=self.code)
        return Q()


async def scope_of(user: User) -> Scope:
    """The caller's scope: an official's level and region, or the whole country for the administrator."""
    if user.role == Role.ADMIN:
        return Scope(None, None)
    region = await Region.get_or_none(code=user.region_id) if user.role == Role.OFFICIAL and user.region_id else None
    if region is None:
        raise Forbidden("forbidden", "没有权限执行此操作")
    return Scope(region.level, region.code)
