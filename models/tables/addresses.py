"""Consumers' delivery addresses."""
from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.tables.regions import Region
    from models.tables.users import User


NAME_MAX = 32  # characters of a receiver's name
DETAIL_MAX = 128  # characters of the street, house and room


class Address(Model):
    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="addresses", on_delete=fields.CASCADE)
    user_id: int
    name = fields.CharField(max_length=NAME_MAX)
    phone = fields.CharField(max_length=16)
    region: fields.ForeignKeyRelation[Region] = fields.ForeignKeyField(
        "models.Region", related_name="addresses", on_delete=fields.RESTRICT)
    region_id: str  # the region code
    province = fields.CharField(max_length=32)
    city = fields.CharField(max_length=32)
    county = fields.CharField(max_length=32)
    detail = fields.CharField(max_length=DETAIL_MAX)
    is_default = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "address"
