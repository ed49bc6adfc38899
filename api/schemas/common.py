from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field


class Strict(BaseModel):
    """Request bodies: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# Integers that name a row, bounded to their column (IntField / BigIntField primary keys): a bigger one is a 422 at
# the edge, not a database error. One type each, reused by paths, queries and bodies.
INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
IntId = Annotated[int, Field(ge=1, le=INT32_MAX)]
BigIntId = Annotated[int, Field(ge=1, le=INT64_MAX)]

# A calendar day (business day, certificate end, statistics range): YYYY-MM-DD only (pydantic would read 0 as
# 1970-01-01) and within years the service can compute with (9999-12-31 has no next day).
FIRST_DAY, LAST_DAY = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_day(value: Any) -> Any:
    if isinstance(value, dt.date) or (isinstance(value, str) and _ISO_DAY.match(value)):
        return value
    raise ValueError("应为 YYYY-MM-DD 格式的日期")


def _in_range(day: dt.date) -> dt.date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"日期应在 {FIRST_DAY} 至 {LAST_DAY} 之间")
    return day


Day = Annotated[dt.date, BeforeValidator(_iso_day), AfterValidator(_in_range), Field(
    json_schema_extra={"pattern": r"^(?:20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$"},
    description=f"YYYY-MM-DD, {FIRST_DAY} to {LAST_DAY}")]


def _no_null_default(schema: dict[str, Any]) -> None:
    """A PATCH field that may be left out but not set to null documents no `default: null`."""
    for prop in schema.get("properties", {}).values():
        nullable = prop.get("type") == "null" or any(p.get("type") == "null" for p in prop.get("anyOf", []))
        if "default" in prop and prop["default"] is None and not nullable:
            del prop["default"]


def left_out(**constraints: Any) -> Any:
    """`Field(None, **constraints)` for a PATCH field that may be left out but not set to null (see Patch): typed
    Any, so that a type checker accepts the None default of a field declared `str`."""
    return Field(None, **constraints)


class Patch(Strict):
    """PATCH bodies: a field left out is unchanged. Declare a field `name: str = left_out(…)` when its column
    cannot be empty (an explicit null is then a 422), `str | None` only when null clears it."""

    model_config = ConfigDict(json_schema_extra=_no_null_default)


class PageQuery(BaseModel):
    page: int = Field(1, ge=1, le=10_000)
    page_size: int = Field(20, ge=1, le=100)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


class ErrorDetail(BaseModel):
    code: str = Field(description="stable snake_case code a client can act on")
    message: str
    details: dict[str, Any]


class ErrorBody(BaseModel):
    error: ErrorDetail


class Reason(Strict):
    reason: str = Field(min_length=1, max_length=255)
