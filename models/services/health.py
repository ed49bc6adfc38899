from __future__ import annotations

import logging

from models.regions import Region

log = logging.getLogger(__name__)


async def database_ok() -> bool:
    try:
        await Region.filter(code="11").exists()
    except Exception:
        log.exception("database health check failed")
        return False
    return True
