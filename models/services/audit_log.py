"""Reading the audit trail."""
from __future__ import annotations

from models.tables.audit import AuditEntry


async def list_entries(entity_type: str | None, entity_id: str | None, offset: int, limit: int) -> tuple[list[AuditEntry], int]:
    query = AuditEntry.all()
    if entity_type:
        query = query.filter(entity_type=entity_type)
    if entity_id:
        query = query.filter(entity_id=entity_id)
    return await query.order_by("-id").offset(offset).limit(limit), await query.count()
