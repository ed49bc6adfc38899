"""Fixtures: a real app over a real database, SQLite or PostgreSQL (`--db=postgres`)."""
from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest
from aiohttp.test_utils import TestClient
from tortoise.backends.base.config_generator import expand_db_url

from api.app import create_app
from api.settings import Settings
from models.services import setup
from models.storage.database import open_database
from tests import pg_server
from tests.support.apps import Collector, forget_finished_apps, resident_bytes
from tests.support.midnight import wait_out_midnight

# Tables emptied before each test; regions and the migration log are reference data and stay.
TABLES = [
    "stats_day", "stats_day_supplier", "stats_day_state", "stats_month", "stats_month_supplier", "stats_month_state",
    "stats_dirty", "stats_lease",
    "wechat_message",
    "merchant_settlement", "chat_session", "redemption_request", "card_activity", "redemption_line", "redemption",
    "card", "card_batch", "card_number_counter",
    "fulfilment", "payment_notification", "payment", "stock_movement", "order_event", "order_line", "order", "address",
    "cert_document", "cert_application_step", "cert_application",
    "throttle_bucket", "audit_entry", "auth_token", "product", "app_user", "supplier", "merchant",
]
HERE = Path(__file__).parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--db", choices=["sqlite", "postgres"], default="sqlite", help="database engine to test on")


# The chat's reading rules, round by round (tests/test_chat_round*.py: how a sentence is understood, over 760 tests),
# do not depend on the engine: they run on SQLite only. What the chat stores and places (dialogue state, orders, cards,
# tests/test_chat*.py outside the rounds, the labelled sets) runs on both engines (docs/testing.md).
SQLITE_ONLY = "test_chat_round"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--db") != "postgres":
        return
    dropped = [item for item in items if item.path.name.startswith(SQLITE_ONLY)]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if not item.path.name.startswith(SQLITE_ONLY)]


@pytest.fixture(scope="session")
def db_engine(request: pytest.FixtureRequest) -> str:
    return request.config.getoption("--db")


@pytest.fixture(scope="session")
def database_url(db_engine: str, tmp_path_factory: pytest.TempPathFactory) -> Any:
    if db_engine == "sqlite":
        url = f"sqlite://{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
        asyncio.run(_migrate(url))
        yield url
        return
    given = os.environ.get("TEST_DATABASE_URL")
    if given:
        asyncio.run(_migrate(given))
        yield given
        return
    try:
        server = pg_server.start()
    except Exception as exc:  # in CI a missing PostgreSQL is a failure, never a silent skip
        if os.environ.get("CI") == "true":
            pytest.fail(f"cannot start PostgreSQL for the tests: {exc}")
        pytest.skip(f"no PostgreSQL available: {exc}")
    try:
        asyncio.run(_migrate(server.url))
        yield server.url
    finally:
        server.stop()


async def _migrate(url: str) -> None:
    ctx = await open_database(url)
    try:
        await setup.migrate(ctx, url)
    finally:
        await ctx.close_connections()


async def reset_database(url: str) -> None:
    """Every table emptied, with the engine's own driver: a Tortoise context opened for it cost 50-90 ms of model
    set-up per test (docs/testing.md)."""
    if url.startswith("sqlite"):
        path = expand_db_url(url)["credentials"]["file_path"]
        emptied = "".join(f'DELETE FROM "{table}"; ' for table in TABLES)
        with contextlib.closing(sqlite3.connect(path, isolation_level=None, timeout=30)) as db:
            db.executescript(f"BEGIN; {emptied}DELETE FROM sqlite_sequence; COMMIT;")
        return
    quoted = ", ".join(f'"{table}"' for table in TABLES)
    conn = await asyncpg.connect(urlunsplit(urlsplit(url)._replace(query="")))
    try:
        await conn.execute(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def var_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Shared by every app in the run, so the WeChat Pay sandbox keys are generated once."""
    return tmp_path_factory.mktemp("var")


@pytest.fixture(scope="session")
def collector() -> Collector:
    return Collector(collected_at=resident_bytes())


@pytest.fixture(autouse=True)
def away_from_midnight() -> None:
    """No test starts in the minutes around Shanghai midnight (tests/support/midnight.py)."""
    wait_out_midnight()


@pytest.fixture(autouse=True)
def release_finished_apps(collector: Collector) -> Iterator[None]:
    """Each test's apps are freed when it ends (see forget_finished_apps and Collector: else 20-45 MB per app test
    stayed)."""
    yield
    forget_finished_apps()
    collector.after_test()


@pytest.fixture
def settings(database_url: str, var_dir: Path) -> Settings:
    return Settings(
        database_url=database_url, secret_key="test-secret-key-not-for-production", var_dir=var_dir,
        search_refresh_seconds=0.2, wechat_api_base="http://127.0.0.1:9", db_pool_size=5,
    )


@pytest.fixture
async def make_client(aiohttp_client: Any, settings: Settings) -> Callable[..., Awaitable[TestClient]]:
    """Start a real app on a clean database; keyword arguments override settings."""
    await reset_database(settings.database_url)

    async def make(**overrides: Any) -> TestClient:
        return await aiohttp_client(create_app(settings.model_copy(update=overrides)))

    return make


@pytest.fixture
async def client(make_client: Callable[..., Awaitable[TestClient]]) -> TestClient:
    return await make_client()


@pytest.fixture
def small_catalog() -> bytes:
    return (HERE / "data" / "catalog_small.csv").read_bytes()
