"""Opening the database and keeping its schema current with Tortoise's own migrations."""
from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tortoise.backends.base.config_generator import expand_db_url
from tortoise.context import TortoiseContext
from tortoise.migrations.executor import MigrationExecutor

from models.storage.db_clock import watch_connection

MODEL_MODULES = [
    "models.tables.regions",
    "models.tables.catalog",
    "models.tables.merchants",
    "models.tables.users",
    "models.tables.audit",
    "models.tables.addresses",
    "models.tables.orders",
    "models.tables.payments",
    "models.tables.cards",
    "models.tables.redemption_requests",
    "models.tables.chat",
    "models.tables.wechat_messages",
    "models.tables.settlements",
    "models.tables.throttle",
    "models.tables.certification",
]
APP_LABEL = "models"


def tortoise_config(database_url: str, pool_size: int = 10) -> dict[str, Any]:
    """Tortoise config for our single app; also what `tortoise makemigrations` is pointed at."""
    return {
        "connections": {"default": _with_pool(database_url, pool_size)},
        "apps": {
            APP_LABEL: {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": "models.migrations",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


# SQLite pragmas unless the URL says otherwise (`sqlite://PATH?busy_timeout=100`): a ledger of money keeps its
# last commits on a power cut (FULL), and a write waits up to 5 s for the lock another connection holds (the group
# commit's writer thread, an import from the command line) before it is answered 503 `database_busy`.
SQLITE_PRAGMAS = (("busy_timeout", 5000), ("synchronous", "FULL"))
# Tortoise's SQLite client, timing statements for the request that runs them (models/storage/db_clock.py).
TIMED_SQLITE_ENGINE = "models.storage.timed_sqlite"


def _with_pool(url: str, pool_size: int) -> str | dict[str, Any]:
    """PostgreSQL gets a bigger pool than Tortoise's default 5 (which makes p99 wait on connections). The pool
    resets a connection given back as asyncpg does by default (docs/decisions/0003). SQLite gets its pragmas."""
    if url.startswith("sqlite"):
        return sqlite_connection(url)
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query.setdefault("minsize", "1")
    query.setdefault("maxsize", str(pool_size))
    info = expand_db_url(urlunsplit(parts._replace(query=urlencode(query))))
    info["credentials"]["init"] = watch_connection  # database time per request (models/storage/db_clock.py)
    return info


def sqlite_connection(url: str) -> dict[str, Any]:
    """Tortoise's settings for `sqlite://PATH`, with `SQLITE_PRAGMAS` (the group commit's writer opens its own
    connection with the same pragmas: models/storage/sql_group.py)."""
    info = expand_db_url(url)
    for pragma, value in SQLITE_PRAGMAS:
        info["credentials"].setdefault(pragma, value)
    info["engine"] = TIMED_SQLITE_ENGINE
    return info


async def open_database(database_url: str, pool_size: int = 10) -> TortoiseContext:
    """A Tortoise context of our own (never the global one), so each app owns and closes its pool."""
    ctx = TortoiseContext()
    with ctx:  # a new object, entered by this task alone
        await ctx.init(config=tortoise_config(database_url, pool_size))
    return ctx


@contextmanager
def activated(ctx: TortoiseContext) -> Iterator[TortoiseContext]:
    """Make `ctx` the active Tortoise context for the current task only.

    `with ctx:` keeps its reset token on the context object, so two requests entering the app's one context
    concurrently would corrupt each other's token. Each entry here enters a shallow copy of its own instead: the
    same connections and models (they are shared references), its own token.
    """
    with copy.copy(ctx) as entered:
        yield entered


def _executor(ctx: TortoiseContext, database_url: str) -> MigrationExecutor:
    apps = tortoise_config(database_url)["apps"]
    return MigrationExecutor(ctx.db(), apps)


def _migration_files() -> set[str]:
    folder = Path(__file__).resolve().parent / "migrations"
    return {p.stem for p in folder.glob("[0-9][0-9][0-9][0-9]_*.py")}


async def _all_applied(ctx: TortoiseContext) -> bool:
    """The quick look (one query): every migration file is recorded as applied. Planning with Tortoise's
    executor replays every migration's state, which takes seconds; it only runs when this says no."""
    try:
        rows = await ctx.db().execute_query_dict("SELECT name FROM tortoise_migrations WHERE app = 'models'")
    except Exception:  # no migration table yet: a new database
        return False
    return _migration_files() <= {row["name"] for row in rows}


async def pending_migrations(ctx: TortoiseContext, database_url: str) -> list[str]:
    """Names of the migrations not yet applied to this database."""
    if await _all_applied(ctx):
        return []
    with activated(ctx):
        plan = await _executor(ctx, database_url).plan()  # no migration table yet: every migration is pending
    return [step.migration.name for step in plan if not step.backward]


async def apply_migrations(ctx: TortoiseContext, database_url: str) -> list[str]:
    """Apply what is pending; returns the names applied."""
    pending = await pending_migrations(ctx, database_url)
    if pending:
        with activated(ctx):
            await _executor(ctx, database_url).migrate()
    return pending
