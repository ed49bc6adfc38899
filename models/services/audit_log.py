"""Reading the audit trail: newest first, filtered by who, what action, which object and a range of days."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from tortoise.queryset import QuerySet

from models.clock import SHANGHAI
from models.errors import Invalid
from models.tables.audit import AuditEntry


@dataclass(frozen=True)
class AuditFilter:
    """Every field narrows the list; None leaves it open. `action` is one action ("product.revoke") or, ending in
    ".*", a family ("product.*"); `actor` is the actor's name as the trail keeps it (the staff username); days are
    Asia/Shanghai days, both inclusive."""

    actor: str | None = None
    action: str | None = None
    entity_type: str | None = None
    entity_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None


def _midnight(day: date) -> datetime:
    """Shanghai midnight starting `day`, in UTC (times are stored in UTC)."""
    return datetime.combine(day, time(0), tzinfo=SHANGHAI).astimezone(UTC)


def _filtered(f: AuditFilter) -> QuerySet[AuditEntry]:
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise Invalid("invalid_date_range", "开始日期不能晚于结束日期", date_from=f.date_from.isoformat(),
                      date_to=f.date_to.isoformat())
    query = AuditEntry.all()
    if f.actor:
        query = query.filter(actor_label=f.actor)
    if f.action and f.action.endswith(".*"):
        query = query.filter(action__startswith=f.action[:-1])
    elif f.action:
        query = query.filter(action=f.action)
    if f.entity_type:
        query = query.filter(entity_type=f.entity_type)
    if f.entity_id:
        query = query.filter(entity_id=f.entity_id)
    if f.date_from:
        query = query.filter(created_at__gte=_midnight(f.date_from))
    if f.date_to:
        query = query.filter(created_at__lt=_midnight(f.date_to + timedelta(days=1)))
    return query


async def list_entries(f: AuditFilter, offset: int, limit: int) -> tuple[list[AuditEntry], int]:
    query = _filtered(f)
    return await query.order_by("-id").offset(offset).limit(limit), await query.count()
