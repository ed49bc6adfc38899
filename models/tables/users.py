"""People who use the system and their bearer tokens."""
from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.tables.merchants import Merchant


class Role(str, Enum):
    CONSUMER = "consumer"
    MERCHANT_STAFF = "merchant_staff"
    ADMIN = "admin"


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
