"""Merchant settlements (商户日结): the figures of a merchant's business day, frozen when an administrator closes it."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.tables.merchants import Merchant
    from models.tables.users import User


class MerchantSettlement(Model):
    """A closed business day of a merchant (Asia/Shanghai): its figures as they were at closing, never recomputed.
    Once this row exists, no redemption of that merchant and day may be voided."""

    id = fields.BigIntField(primary_key=True)
    merchant: fields.ForeignKeyRelation[Merchant] = fields.ForeignKeyField(
        "models.Merchant", related_name="settlements", on_delete=fields.RESTRICT)
    merchant_id: int
    business_date = fields.DateField()
    redemption_count = fields.IntField()
    redemption_fen = fields.BigIntField()
    void_count = fields.IntField()
    void_fen = fields.BigIntField()
    net_fen = fields.BigIntField()
    # the lines by product and by origin county, as computed inside the closing transaction
    lines: fields.JSONField[dict[str, Any]] = fields.JSONField()
    closed_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", null=True, related_name="closed_settlements", on_delete=fields.SET_NULL)
    closed_by_id: int | None
    closed_by_label = fields.CharField(max_length=128)
    closed_at = fields.DatetimeField()

    class Meta:
        table = "merchant_settlement"
        unique_together = (("merchant_id", "business_date"),)
        indexes = (("business_date", "merchant_id"),)
