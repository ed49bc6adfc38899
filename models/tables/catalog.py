"""Certified poverty-relief products (认定扶贫产品) and their suppliers."""
from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.tables.regions import Region


class CertStatus(str, Enum):
    PENDING = "pending"
    CERTIFIED = "certified"
    REVOKED = "revoked"


class SupplierType(str, Enum):
    ENTERPRISE = "企业"
    COOPERATIVE = "合作社"
    FARMER = "农户"


class Supplier(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=128, unique=True)
    type = fields.CharEnumField(SupplierType, max_length=8)
    region: fields.ForeignKeyNullableRelation[Region] = fields.ForeignKeyField(
        "models.Region", null=True, related_name="suppliers", on_delete=fields.RESTRICT)
    region_id: str | None  # the region code
    households_lifted = fields.IntField(default=0)
    cert_status = fields.CharEnumField(CertStatus, max_length=12, default=CertStatus.PENDING)
    cert_no = fields.CharField(max_length=64, null=True)
    certified_at = fields.DatetimeField(null=True)
    revoked_reason = fields.CharField(max_length=255, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "supplier"


class Product(Model):
    id = fields.IntField(primary_key=True)
    sku = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=128)
    brand = fields.CharField(max_length=64, default="")
    category = fields.CharField(max_length=32, db_index=True)
    unit = fields.CharField(max_length=16)
    price_fen = fields.BigIntField()
    stock = fields.IntField(default=0)
    supplier: fields.ForeignKeyRelation[Supplier] = fields.ForeignKeyField(
        "models.Supplier", related_name="products", on_delete=fields.RESTRICT)
    supplier_id: int
    origin: fields.ForeignKeyRelation[Region] = fields.ForeignKeyField(
        "models.Region", related_name="products", on_delete=fields.RESTRICT)
    origin_id: str  # the region code
    tags: fields.JSONField[list[str]] = fields.JSONField(default=list)
    aliases: fields.JSONField[list[str]] = fields.JSONField(default=list)
    cert_status = fields.CharEnumField(CertStatus, max_length=12, default=CertStatus.PENDING)
    cert_no = fields.CharField(max_length=64, null=True)
    certified_at = fields.DatetimeField(null=True)
    valid_until = fields.DateField(null=True)
    revoked_reason = fields.CharField(max_length=255, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    # Set explicitly by every service that changes the product or its supplier: the search
    # index of every worker process polls it to follow catalogue changes.
    updated_at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "product"
