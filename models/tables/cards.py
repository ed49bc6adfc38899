"""Love cards (消费扶贫爱心卡): cards, 以购代捐 batches, the append-only card ledger, merchant redemptions."""
from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from models.snapshots import ProductSnapshot

if TYPE_CHECKING:
    from models.tables.catalog import Product
    from models.tables.merchants import Merchant
    from models.tables.orders import Order
    from models.tables.users import User


class CardStatus(str, Enum):
    INACTIVE = "inactive"
    ACTIVE = "active"
    FROZEN = "frozen"
    EXPIRED = "expired"
    CLOSED = "closed"


class BatchState(str, Enum):
    ISSUING = "issuing"
    ISSUED = "issued"
    ACTIVE = "active"
    FAILED = "failed"


class ActivityKind(str, Enum):
    ACTIVATE = "activate"
    REDEEM = "redeem"
    VOID = "void"
    REFUND = "refund"
    ADJUST = "adjust"
    FREEZE = "freeze"
    UNFREEZE = "unfreeze"
    EXPIRE = "expire"
    CLOSE = "close"


class CardBatch(Model):
    id = fields.IntField(primary_key=True)
    organization = fields.CharField(max_length=128)
    face_value_fen = fields.BigIntField()
    count = fields.IntField()
    issued = fields.IntField(default=0)  # progress of the issuing job
    state = fields.CharEnumField(BatchState, max_length=12, default=BatchState.ISSUING)
    expires_at = fields.DateField()
    note = fields.CharField(max_length=255, default="")
    print_full_card_no = fields.BooleanField(default=False)  # card faces show the whole number (masked by default)
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", null=True, related_name="card_batches", on_delete=fields.SET_NULL)
    created_by_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)
    activated_at = fields.DatetimeField(null=True)
    error = fields.CharField(max_length=255, null=True)
    # The issuing job's lease: the worker running it refreshes this; a stale one is taken over.
    heartbeat_at = fields.DatetimeField(null=True)

    class Meta:
        table = "card_batch"


class Card(Model):
    id = fields.BigIntField(primary_key=True)
    card_no = fields.CharField(max_length=16, unique=True)
    face_value_fen = fields.BigIntField()
    balance_fen = fields.BigIntField(default=0)
    status = fields.CharEnumField(CardStatus, max_length=10, default=CardStatus.INACTIVE)
    holder: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", null=True, related_name="cards", on_delete=fields.RESTRICT)
    holder_id: int | None
    batch: fields.ForeignKeyNullableRelation[CardBatch] = fields.ForeignKeyField(
        "models.CardBatch", null=True, related_name="cards", on_delete=fields.RESTRICT)
    batch_id: int | None
    purchaser: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", null=True, related_name="purchased_cards", on_delete=fields.RESTRICT)
    purchaser_id: int | None
    order: fields.ForeignKeyNullableRelation[Order] = fields.ForeignKeyField(
        "models.Order", null=True, related_name="cards", on_delete=fields.RESTRICT)
    order_id: int | None
    expires_at = fields.DateField()
    # Pay codes: the last counter handed out, and the last one spent (each spends once, in order). Giving,
    # claiming, freezing, unfreezing and closing void every code out: spent_counter and voided_counter move up to
    # pay_counter (voided_counter only tells a voided code from a used one; docs/pay-codes.md).
    pay_counter = fields.IntField(default=0)
    spent_counter = fields.IntField(default=0)
    voided_counter = fields.IntField(default=0)
    claimed_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "card"
        indexes = (("batch_id", "id"), ("holder_id", "id"), ("status", "expires_at"))


class CardNumberCounter(Model):
    """One row: the next card serial. Ranges are taken with a conditional UPDATE, so any number of processes can issue."""  # noqa: E501 (Tortoise keeps it as the table description)

    id = fields.IntField(primary_key=True)
    next_serial = fields.BigIntField()

    class Meta:
        table = "card_number_counter"


class CardActivity(Model):
    """The card ledger, append-only: the balance of a card always equals the sum of the amounts of its activities."""

    id = fields.BigIntField(primary_key=True)
    card: fields.ForeignKeyRelation[Card] = fields.ForeignKeyField(
        "models.Card", related_name="activities", on_delete=fields.RESTRICT)
    card_id: int
    kind = fields.CharEnumField(ActivityKind, max_length=10)
    amount_fen = fields.BigIntField()
    balance_after_fen = fields.BigIntField()
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", null=True, related_name="card_activities", on_delete=fields.SET_NULL)
    actor_id: int | None
    merchant: fields.ForeignKeyNullableRelation[Merchant] = fields.ForeignKeyField(
        "models.Merchant", null=True, related_name="card_activities", on_delete=fields.RESTRICT)
    merchant_id: int | None
    order: fields.ForeignKeyNullableRelation[Order] = fields.ForeignKeyField(
        "models.Order", null=True, related_name="card_activities", on_delete=fields.RESTRICT)
    order_id: int | None
    redemption: fields.ForeignKeyNullableRelation[Redemption] = fields.ForeignKeyField(
        "models.Redemption", null=True, related_name="activities", on_delete=fields.RESTRICT)
    redemption_id: int | None
    idempotency_key = fields.CharField(max_length=64, null=True)
    note = fields.CharField(max_length=255, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "card_activity"
        indexes = (("card_id", "id"),)


class RedemptionStatus(str, Enum):
    COMPLETED = "completed"
    VOIDED = "voided"


class Redemption(Model):
    lines: fields.ReverseRelation[RedemptionLine]  # RedemptionLine.redemption (related_name="lines")
    id = fields.BigIntField(primary_key=True)
    merchant: fields.ForeignKeyRelation[Merchant] = fields.ForeignKeyField(
        "models.Merchant", related_name="redemptions", on_delete=fields.RESTRICT)
    merchant_id: int
    card: fields.ForeignKeyRelation[Card] = fields.ForeignKeyField(
        "models.Card", related_name="redemptions", on_delete=fields.RESTRICT)
    card_id: int
    staff: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", null=True, related_name="redemptions", on_delete=fields.SET_NULL)
    staff_id: int | None
    amount_fen = fields.BigIntField()
    status = fields.CharEnumField(RedemptionStatus, max_length=10, default=RedemptionStatus.COMPLETED)
    idempotency_key = fields.CharField(max_length=64)
    request_hash = fields.CharField(max_length=64)
    business_date = fields.DateField()
    created_at = fields.DatetimeField(auto_now_add=True)
    voided_at = fields.DatetimeField(null=True)

    class Meta:
        table = "redemption"
        unique_together = (("merchant_id", "idempotency_key"),)
        indexes = (("merchant_id", "business_date"),)


class RedemptionLine(ProductSnapshot):
    """What was bought, as it was: the same snapshot an order line keeps."""

    id = fields.BigIntField(primary_key=True)
    redemption: fields.ForeignKeyRelation[Redemption] = fields.ForeignKeyField(
        "models.Redemption", related_name="lines", on_delete=fields.CASCADE)
    redemption_id: int
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="redemption_lines", on_delete=fields.RESTRICT)
    product_id: int

    class Meta:
        table = "redemption_line"
