"""Administrative regions (province / city / county) with the national poverty-county flag."""
from __future__ import annotations

from enum import Enum

from tortoise import fields
from tortoise.models import Model


class RegionLevel(str, Enum):
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"


class Region(Model):
    code = fields.CharField(max_length=12, primary_key=True)
    name = fields.CharField(max_length=64, db_index=True)
    level = fields.CharEnumField(RegionLevel, max_length=8)
    parent: fields.ForeignKeyNullableRelation[Region] = fields.ForeignKeyField(
        "models.Region", null=True, related_name="children", on_delete=fields.RESTRICT
    )
    poverty_county = fields.BooleanField(default=False)

    class Meta:
        table = "region"

    def __str__(self) -> str:
        return self.name
