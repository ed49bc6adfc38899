"""Writing the audit trail. Called inside the caller's transaction so the entry and the change land together."""
from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from models.tables.audit import AuditEntry
from models.tables.users import User


def actor_label(actor: User | None) -> str:
    if actor is None:
        return "system"
    return actor.username or actor.openid or f"user:{actor.id}"


def jsonable(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def snapshot(obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: jsonable(getattr(obj, name)) for name in fields}


async def record(
    actor: User | None,
    action: str,
    entity_type: str,
    entity_id: str | int,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    using: BaseDBAsyncClient | None = None,
    label: str | None = None,
) -> None:
    await AuditEntry.create(
        actor_id=actor.id if actor else None, actor_label=label or actor_label(actor), action=action,
        entity_type=entity_type, entity_id=str(entity_id), before=before, after=after, using_db=using,
    )
