"""The command line's way into the database: our own Tortoise context for one command, migrated or checked."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from api.settings import Settings


async def with_database(settings: Settings, work: Callable[[], Awaitable[Any]], migrate: bool = False) -> Any:
    """Run `work` inside our own Tortoise context, after migrating or checking the schema."""
    from models.services import setup
    from models.storage import sqlite_lock
    from models.storage.database import activated, open_database

    lock = sqlite_lock.hold(settings.database_url)  # SQLite: no `restore` while this command runs
    ctx = await open_database(settings.database_url, settings.db_pool_size)
    try:
        if migrate or settings.is_sqlite:
            await setup.migrate(ctx, settings.database_url)
        else:
            await setup.check_ready(ctx, settings.database_url)
        with activated(ctx):
            return await work()
    finally:
        await ctx.close_connections()
        lock.release()
