"""Certification applications (扶贫产品认定申请): a supplier applies, the county reviews, the city checks, the
province certifies. Each step is a row of `cert_application_step`; the supporting documents are files stored by
their SHA-256 (models/storage/document_files.py), listed in `cert_document`."""
from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.tables.catalog import Supplier
    from models.tables.regions import Region
    from models.tables.users import User


class AppState(str, Enum):
    SUBMITTED = "submitted"  # waiting for the county
    COUNTY_REVIEWED = "county_reviewed"  # waiting for the city (or the province, for a county under no city)
    CITY_REVIEWED = "city_reviewed"  # waiting for the province
    CERTIFIED = "certified"
    RETURNED = "returned"  # back to the supplier with a reason: resubmitted, it starts again at the county
    REJECTED = "rejected"  # for good


# Waiting for an official's step (county, city or province).
PENDING = (AppState.SUBMITTED, AppState.COUNTY_REVIEWED, AppState.CITY_REVIEWED)


class HouseholdsMechanism(str, Enum):
    """How the product's sales reach poor households (利益联结机制)."""

    EMPLOYMENT = "employment"  # 带动就业
    PRODUCE_PURCHASE = "produce_purchase"  # 收购农产品
    DIVIDENDS = "dividends"  # 入股分红
    OTHER = "other"


class CertApplication(Model):
    id = fields.IntField(primary_key=True)
    supplier: fields.ForeignKeyRelation[Supplier] = fields.ForeignKeyField(
        "models.Supplier", related_name="cert_applications", on_delete=fields.RESTRICT)
    supplier_id: int
    # The first application of a supplier not yet certified also certifies the supplier.
    applies_for_supplier = fields.BooleanField(default=False)
    # The product as the supplier describes it (the product is created or updated from it when certified).
    sku = fields.CharField(max_length=64, db_index=True)
    name = fields.CharField(max_length=128)
    brand = fields.CharField(max_length=64, default="")
    category = fields.CharField(max_length=32)
    unit = fields.CharField(max_length=16)
    price_fen = fields.BigIntField()
    stock = fields.IntField(default=0)
    tags: fields.JSONField[list[str]] = fields.JSONField(default=list)
    aliases: fields.JSONField[list[str]] = fields.JSONField(default=list)
    # Where it comes from, and the regions whose officials review it (city empty for a county under no city).
    origin: fields.ForeignKeyRelation[Region] = fields.ForeignKeyField(
        "models.Region", related_name="cert_applications", on_delete=fields.RESTRICT)
    origin_id: str
    city_code = fields.CharField(max_length=12, null=True, db_index=True)
    province_code = fields.CharField(max_length=12, db_index=True)
    poor_households = fields.IntField(default=0)
    households_mechanism = fields.CharEnumField(HouseholdsMechanism, max_length=20)
    state = fields.CharEnumField(AppState, max_length=16, default=AppState.SUBMITTED, db_index=True)
    reason = fields.CharField(max_length=255, null=True)  # why it was last returned or rejected
    cert_no = fields.CharField(max_length=64, null=True)
    valid_until = fields.DateField(null=True)
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", null=True, related_name="cert_applications", on_delete=fields.SET_NULL)
    created_by_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField()
    documents: fields.ReverseRelation[CertDocument]  # CertDocument.application (related_name="documents")
    steps: fields.ReverseRelation[CertApplicationStep]  # CertApplicationStep.application (related_name="steps")

    class Meta:
        table = "cert_application"


class CertApplicationStep(Model):
    """Who did what to an application, when: submit, approve (at a level), return, reject, resubmit."""

    id = fields.IntField(primary_key=True)
    application: fields.ForeignKeyRelation[CertApplication] = fields.ForeignKeyField(
        "models.CertApplication", related_name="steps", on_delete=fields.CASCADE)
    application_id: int
    action = fields.CharField(max_length=16)
    level = fields.CharField(max_length=8, null=True)  # the official's level (county, city, province)
    from_state = fields.CharField(max_length=16, null=True)
    to_state = fields.CharField(max_length=16)
    reason = fields.CharField(max_length=255, null=True)
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", null=True, related_name="cert_steps", on_delete=fields.SET_NULL)
    actor_id: int | None
    actor_label = fields.CharField(max_length=128)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "cert_application_step"


class CertDocument(Model):
    """A supporting document, kept as documents/<sha256> under VAR_DIR (the uploaded file name is only a label)."""

    id = fields.IntField(primary_key=True)
    application: fields.ForeignKeyRelation[CertApplication] = fields.ForeignKeyField(
        "models.CertApplication", related_name="documents", on_delete=fields.CASCADE)
    application_id: int
    sha256 = fields.CharField(max_length=64)
    content_type = fields.CharField(max_length=32)
    size_bytes = fields.IntField()
    label = fields.CharField(max_length=128, default="")
    uploaded_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", null=True, related_name="cert_documents", on_delete=fields.SET_NULL)
    uploaded_by_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "cert_document"
        unique_together = (("application", "sha256"),)
