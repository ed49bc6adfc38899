"""Orders: goods (and, later, love cards), their line snapshots, events and stock ledger."""
from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

from models.snapshots import ProductSnapshot

if TYPE_CHECKING:
    from models.tables.catalog import Product, Supplier
    from models.tables.users import User


class OrderKind(str, Enum):
    GOODS = "goods"
    CARD = "card"


class OrderStatus(str, Enum):
    PENDING_PAYMENT = "pending_payment"
    PAID = "paid"
    SHIPPED = "shipped"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    REFUNDING = "refunding"
    REFUNDED = "refunded"


class Order(Model):
    lines: fields.ReverseRelation[OrderLine]  # OrderLine.order (related_name="lines")
    fulfilments: fields.ReverseRelation[Fulfilment]  # one per supplier once paid (goods orders)
    id = fields.BigIntField(primary_key=True)
    order_no = fields.CharField(max_length=32, unique=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="orders", on_delete=fields.RESTRICT)
    user_id: int
    kind = fields.CharEnumField(OrderKind, max_length=8, default=OrderKind.GOODS)
    status = fields.CharEnumField(OrderStatus, max_length=16, default=OrderStatus.PENDING_PAYMENT)
    total_fen = fields.BigIntField()
    # the address as it was when ordering
    shipping: fields.JSONField[dict[str, Any] | None] = fields.JSONField(null=True)
    # the digits of the shipping address's phone, so an administrator finds a consumer's orders by phone
    ship_phone = fields.CharField(max_length=16, null=True, db_index=True)
    note = fields.CharField(max_length=200, default="")
    pay_deadline = fields.DatetimeField(null=True)
    paid_at = fields.DatetimeField(null=True)
    shipped_at = fields.DatetimeField(null=True)
    carrier = fields.CharField(max_length=32, null=True)
    tracking_no = fields.CharField(max_length=64, null=True)
    # kind == card: what was bought (the cards are made once it is paid)
    card_face_value_fen = fields.BigIntField(null=True)
    card_quantity = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "order"
        indexes = (("status", "pay_deadline"), ("user_id", "created_at"))


class OrderLine(ProductSnapshot):
    """A line with a snapshot of the product as sold: statistics never change when the catalogue does."""

    id = fields.BigIntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="lines", on_delete=fields.CASCADE)
    order_id: int
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="order_lines", on_delete=fields.RESTRICT)
    product_id: int

    class Meta:
        table = "order_line"


class OrderEvent(Model):
    id = fields.BigIntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="events", on_delete=fields.CASCADE)
    order_id: int
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", null=True, related_name="order_events", on_delete=fields.SET_NULL)
    actor_id: int | None
    actor_label = fields.CharField(max_length=128)
    from_status = fields.CharField(max_length=16, null=True)
    to_status = fields.CharField(max_length=16)
    reason = fields.CharField(max_length=255, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "order_event"


class StockMovement(Model):
    """The stock ledger: every change of stock, so stock = the sum of its movements, always."""

    id = fields.BigIntField(primary_key=True)
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="stock_movements", on_delete=fields.RESTRICT)
    product_id: int
    order: fields.ForeignKeyNullableRelation[Order] = fields.ForeignKeyField(
        "models.Order", null=True, related_name="stock_movements", on_delete=fields.RESTRICT)
    order_id: int | None
    delta = fields.IntField()
    reason = fields.CharField(max_length=16)  # opening | reserve | release | adjust (models/services/stock.py)
    # Who set an opening stock or adjusted it (None: a sale, a release, or the command line).
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", null=True, related_name="stock_movements", on_delete=fields.SET_NULL)
    actor_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "stock_movement"


class FulfilmentState(str, Enum):
    PENDING = "pending"  # paid, waiting for its supplier to ship
    SHIPPED = "shipped"
    REFUNDED = "refunded"  # covered by a refund (shipped_at says whether it had left before)


class Fulfilment(Model):
    """One supplier's part of a paid goods order: its lines are the order's lines of that supplier's products
    (`order_line.supplier_id`, the snapshot), shipped as one parcel (docs/suppliers.md)."""

    id = fields.BigIntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="fulfilments", on_delete=fields.CASCADE)
    order_id: int
    supplier: fields.ForeignKeyRelation[Supplier] = fields.ForeignKeyField(
        "models.Supplier", related_name="fulfilments", on_delete=fields.RESTRICT)
    supplier_id: int
    state = fields.CharEnumField(FulfilmentState, max_length=16, default=FulfilmentState.PENDING)
    carrier = fields.CharField(max_length=32, null=True)
    tracking_no = fields.CharField(max_length=64, null=True)
    shipped_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "fulfilment"
        unique_together = (("order_id", "supplier_id"),)
        indexes = (("supplier_id", "state", "id"),)
