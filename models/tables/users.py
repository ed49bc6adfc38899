"""People who use the system and their bearer tokens."""
from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.tables.catalog import Supplier
    from models.tables.merchants import Merchant
    from models.tables.regions import Region


class Role(str, Enum):
    CONSUMER = "consumer"
    MERCHANT_STAFF = "merchant_staff"
    ADMIN = "admin"
    SUPPLIER_STAFF = "supplier_staff"  # tied to one supplier: its products, its order lines, its applications
    OFFICIAL = "official"  # a county, city or province official: their region, at their region's level


class User(Model):
    id = fields.IntField(primary_key=True)
    role = fields.CharEnumField(Role, max_length=16, default=Role.CONSUMER)
    openid = fields.CharField(max_length=128, unique=True, null=True)
    username = fields.CharField(max_length=64, unique=True, null=True)
    password_hash = fields.CharField(max_length=255, null=True)
    nickname = fields.CharField(max_length=64, default="")
    merchant: fields.ForeignKeyNullableRelation[Merchant] = fields.ForeignKeyField(
        "models.Merchant", null=True, related_name="staff", on_delete=fields.RESTRICT)
    merchant_id: int | None
    supplier: fields.ForeignKeyNullableRelation[Supplier] = fields.ForeignKeyField(
        "models.Supplier", null=True, related_name="staff", on_delete=fields.RESTRICT)
    supplier_id: int | None
    # An official's region; the official's level is the region's level (county, city or province).
    region: fields.ForeignKeyNullableRelation[Region] = fields.ForeignKeyField(
        "models.Region", null=True, related_name="officials", on_delete=fields.RESTRICT)
    region_id: str | None
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "app_user"


class AuthToken(Model):
    """A bearer token, stored as its SHA-256 so a database leak does not leak sessions."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="tokens", on_delete=fields.CASCADE)
    user_id: int
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "auth_token"
