"""Payments of orders, and a raw copy of every notification a payment provider sent."""
from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.tables.orders import Order


class PaymentMethod(str, Enum):
    WECHAT = "wechat"
    CARD = "card"


class PaymentStatus(str, Enum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"


class Payment(Model):
    id = fields.BigIntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="payments", on_delete=fields.RESTRICT)
    order_id: int
    method = fields.CharEnumField(PaymentMethod, max_length=8)
    out_trade_no = fields.CharField(max_length=32, unique=True)
    amount_fen = fields.BigIntField()
    status = fields.CharEnumField(PaymentStatus, max_length=12, default=PaymentStatus.PENDING)
    transaction_id = fields.CharField(max_length=64, unique=True, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    succeeded_at = fields.DatetimeField(null=True)

    class Meta:
        table = "payment"


class PaymentNotification(Model):
    """Kept whatever its fate, so a dispute can be settled from what the provider actually sent."""

    id = fields.BigIntField(primary_key=True)
    provider = fields.CharField(max_length=16)
    headers: fields.JSONField[dict[str, Any]] = fields.JSONField()
    body = fields.TextField()
    outcome = fields.CharField(max_length=32)
    transaction_id = fields.CharField(max_length=64, null=True)
    received_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "payment_notification"
