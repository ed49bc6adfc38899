"""What `GET /healthz` reports: the database (one tiny read) and this process's search index (from memory)."""
from __future__ import annotations

import logging
from typing import Any

from models.search.refresh import RefreshHealth
from models.tables.regions import Region

log = logging.getLogger(__name__)


async def database_ok() -> bool:
    try:
        await Region.filter(code="11").exists()
    except Exception:
        log.exception("database health check failed")
        return False
    return True


def report(search: RefreshHealth) -> dict[str, Any]:
    """The body of a healthy answer: "degraded" while the search index is stale (its last refresh failed or none
    succeeded lately). The worker still answers correctly then (search results are checked in the database), so
    this is not a reason to take it out of service: the status code stays 200."""
    index = search.as_dict()
    return {"status": index["status"], "database": "ok", "search_index": index}
