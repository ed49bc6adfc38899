"""Holder-initiated redemption: the holder scans the counter's code and asks, the merchant confirms or rejects."""
from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.tables.cards import Card, Redemption
    from models.tables.merchants import Merchant
    from models.tables.users import User


class RequestState(str, Enum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    EXPIRED = "expired"  # stored once noticed; a pending request past expires_at is shown as expired anyway


class RedemptionRequest(Model):
    """A card holder asks a merchant to redeem certified items from the card. Nothing is debited until a clerk confirms, through the same redemption as a scan."""  # noqa: E501 (the table description)

    id = fields.BigIntField(primary_key=True)
    card: fields.ForeignKeyRelation[Card] = fields.ForeignKeyField(
        "models.Card", related_name="redemption_requests", on_delete=fields.RESTRICT)
    card_id: int
    holder: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="redemption_requests", on_delete=fields.RESTRICT)
    holder_id: int
    merchant: fields.ForeignKeyRelation[Merchant] = fields.ForeignKeyField(
        "models.Merchant", related_name="redemption_requests", on_delete=fields.RESTRICT)
    merchant_id: int
    state = fields.CharEnumField(RequestState, max_length=10, default=RequestState.PENDING)
    # What was asked, priced when asked: [{sku, name, unit, qty, price_fen, amount_fen}].
    items: fields.JSONField[list[dict[str, Any]]] = fields.JSONField()
    total_fen = fields.BigIntField()
    idempotency_key = fields.CharField(max_length=64)
    request_hash = fields.CharField(max_length=64)
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    # The outcome: who decided and when, the redemption and balance after (confirmed), why (rejected).
    staff: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", null=True, related_name="decided_redemption_requests", on_delete=fields.SET_NULL)
    staff_id: int | None
    decided_at = fields.DatetimeField(null=True)
    redemption: fields.ForeignKeyNullableRelation[Redemption] = fields.ForeignKeyField(
        "models.Redemption", null=True, related_name="requests", on_delete=fields.RESTRICT)
    redemption_id: int | None
    balance_after_fen = fields.BigIntField(null=True)
    reason_code = fields.CharField(max_length=64, default="")
    reason = fields.CharField(max_length=255, default="")

    class Meta:
        table = "redemption_request"
        unique_together = (("card_id", "idempotency_key"),)
        indexes = (("merchant_id", "state", "id"),)
