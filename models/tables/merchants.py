"""Merchants: special counters (专柜), pavilions (专馆) and zones (专区) that accept love cards."""
from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.tables.regions import Region


class MerchantKind(str, Enum):
    COUNTER = "counter"  # 专柜
    PAVILION = "pavilion"  # 专馆
    ZONE = "zone"  # 专区


class Merchant(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=128, unique=True)
    kind = fields.CharEnumField(MerchantKind, max_length=12, default=MerchantKind.COUNTER)
    region: fields.ForeignKeyNullableRelation[Region] = fields.ForeignKeyField(
        "models.Region", null=True, related_name="merchants", on_delete=fields.RESTRICT)
    region_id: str | None  # the region code
    address = fields.CharField(max_length=255, default="")
    organization = fields.CharField(max_length=128, default="")  # the operating organization
    active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    # The version of the counter's signed QR code: rotating it invalidates every poster printed before.
    key_version = fields.IntField(default=1)

    class Meta:
        table = "merchant"
