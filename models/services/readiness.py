"""What `GET /readyz` checks: may a load balancer send this worker requests?

Not ready, with a reason each (details of the 503), while: the database does not answer; a migration the code knows
is not applied (another release's `migrate` has not run yet); this worker's search index failed its last refresh or
has not refreshed for longer than `READY_INDEX_MAX_AGE_SECONDS`; the worker is shutting down. `/healthz` stays the
cheap liveness check (models/services/health.py)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from models.search.refresh import RefreshHealth
from models.services.health import database_ok
from models.storage.sql import db

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def migration_names() -> set[str]:
    """The migrations this code ships (the files of models/migrations)."""
    return {p.stem for p in MIGRATIONS.glob("[0-9][0-9][0-9][0-9]_*.py")}


async def unapplied_migrations() -> list[str]:
    """Migrations of this code not recorded as applied in the database (one query)."""
    rows = await db().execute_query_dict(
        "SELECT name FROM tortoise_migrations WHERE app = 'models'")
    return sorted(migration_names() - {row["name"] for row in rows})


def index_reasons(search: RefreshHealth, max_age_seconds: float) -> list[dict[str, Any]]:
    """The search index's reasons not to be ready (from memory)."""
    reasons: list[dict[str, Any]] = []
    if search.failures:
        reasons.append({"code": "search_refresh_failed", "message": "搜索索引最近一次刷新失败",
                        "failures": search.failures, "last_error": search.last_error})
    age = search.age()
    if age is None or age > max_age_seconds:
        reasons.append({"code": "search_index_stale", "message": "搜索索引过久未刷新",
                        "age_seconds": None if age is None else round(age, 1), "max_age_seconds": max_age_seconds})
    return reasons


async def not_ready_reasons(search: RefreshHealth, max_age_seconds: float, shutting_down: bool) -> list[dict[str, Any]]:
    """Every reason this worker should not get traffic now; empty when it is ready."""
    reasons: list[dict[str, Any]] = []
    if shutting_down:
        reasons.append({"code": "shutting_down", "message": "本工作进程正在停止"})
    if not await database_ok():
        reasons.append({"code": "database_unavailable", "message": "数据库不可用"})
    else:
        try:
            pending = await unapplied_migrations()
        except Exception:  # no migration table: nothing was ever migrated
            pending = sorted(migration_names())
        if pending:
            reasons.append({"code": "migrations_pending", "message": "数据库尚未迁移：请运行 python main.py migrate",
                            "pending": pending})
    return reasons + index_reasons(search, max_age_seconds)
