"""Making a database ready to serve: schema migrations, then the reference data every install needs."""
from __future__ import annotations

import csv
import logging

from tortoise.context import TortoiseContext
from tortoise.transactions import in_transaction

from models.errors import Unavailable
from models.paths import REGIONS_CSV
from models.storage.database import activated, apply_migrations, pending_migrations
from models.tables.regions import Region, RegionLevel

log = logging.getLogger(__name__)
_LEVEL_ORDER = {RegionLevel.PROVINCE: 0, RegionLevel.CITY: 1, RegionLevel.COUNTY: 2}


async def migrate(ctx: TortoiseContext, database_url: str) -> list[str]:
    """Apply pending migrations and load the regions; safe to run again."""
    applied = await apply_migrations(ctx, database_url)
    with activated(ctx):
        await ensure_regions()
    return applied


async def check_ready(ctx: TortoiseContext, database_url: str) -> None:
    """Refuse to serve a database that is behind the code."""
    pending = await pending_migrations(ctx, database_url)
    if pending:
        raise Unavailable(
            "database_not_migrated",
            f"数据库尚未迁移（待执行: {', '.join(pending)}）。请先运行: python main.py migrate",
            pending=pending,
        )


async def ensure_regions() -> int:
    """Load the administrative divisions with the poverty-county flag into an empty region table."""
    if await Region.exists():
        return 0
    with REGIONS_CSV.open(encoding="utf-8") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: (_LEVEL_ORDER[RegionLevel(r["level"])], r["code"]))
    regions = [
        Region(
            code=r["code"], name=r["name"], level=RegionLevel(r["level"]),
            parent_id=r["parent_code"] or None, poverty_county=r["poverty_county"] == "1",
        )
        for r in rows
    ]
    async with in_transaction() as conn:
        for level in (RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY):
            await Region.bulk_create([r for r in regions if r.level == level], batch_size=1000, using_db=conn)
    log.info("loaded %d regions", len(regions))
    return len(regions)
