"""`/readyz` (issue 19): 200 when this worker should get traffic; 503 `not_ready` with every reason while the search
index refresh fails or is too old, a migration is not applied, or the worker is shutting down. `/healthz` stays 200
meanwhile (liveness). Both engines."""
from __future__ import annotations

import asyncio
import time

from api.keys import DATABASE, SEARCH
from api.lifecycle import LIFECYCLE
from models.storage.database import activated
from tests.support.http import admin_headers, import_csv


async def readyz(client) -> tuple[int, dict]:
    resp = await client.get("/readyz")
    return resp.status, await resp.json()


def reasons(body: dict) -> set[str]:
    assert body["error"]["code"] == "not_ready", body
    return {r["code"] for r in body["error"]["details"]["reasons"]}


async def until(check, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if await check():
            return True
        await asyncio.sleep(0.05)
    return False


async def test_ready_then_503_while_the_index_refresh_fails_then_ready_again(make_client, small_catalog):
    client = await make_client(ready_index_max_age_seconds=1.5)
    await import_csv(client, small_catalog, await admin_headers(client))
    assert await readyz(client) == (200, {"status": "ready"})

    index = client.app[SEARCH]

    async def broken() -> int:
        raise RuntimeError("the number of query arguments cannot exceed 32767")
    index.refresh = broken

    async def failing() -> bool:
        status, body = await readyz(client)
        return status == 503 and "search_refresh_failed" in reasons(body)
    assert await until(failing, 5)
    _, body = await readyz(client)
    failed = next(r for r in body["error"]["details"]["reasons"] if r["code"] == "search_refresh_failed")
    assert "32767" in failed["last_error"]
    assert (await client.get("/healthz")).status == 200  # alive: only not to be sent traffic

    async def too_old() -> bool:  # no refresh has succeeded for longer than READY_INDEX_MAX_AGE_SECONDS
        status, body = await readyz(client)
        return status == 503 and reasons(body) == {"search_refresh_failed", "search_index_stale"}
    assert await until(too_old, 5)

    del index.refresh  # the refresh works again: ready within the (backed-off) next poll

    async def ready() -> bool:
        return (await readyz(client))[0] == 200
    assert await until(ready, 30)


async def test_503_while_a_migration_is_not_applied(client):
    with activated(client.app[DATABASE]) as ctx:
        conn = ctx.db()
        rows = await conn.execute_query_dict("SELECT name FROM tortoise_migrations ORDER BY name DESC LIMIT 1")
        latest = rows[0]["name"]
        await conn.execute_query("UPDATE tortoise_migrations SET name = 'x-hidden' WHERE name = $1"
                                 if conn.capabilities.dialect == "postgres" else
                                 "UPDATE tortoise_migrations SET name = 'x-hidden' WHERE name = ?", [latest])
        try:
            status, body = await readyz(client)
        finally:
            await conn.execute_query("UPDATE tortoise_migrations SET name = $1 WHERE name = 'x-hidden'"
                                     if conn.capabilities.dialect == "postgres" else
                                     "UPDATE tortoise_migrations SET name = ? WHERE name = 'x-hidden'", [latest])
    assert status == 503
    assert reasons(body) == {"migrations_pending"}
    assert body["error"]["details"]["reasons"][0]["pending"] == [latest]
    assert (await readyz(client))[0] == 200


async def test_503_once_the_worker_is_shutting_down(client):
    assert (await readyz(client))[0] == 200
    client.app[LIFECYCLE].stop()  # what SIGTERM does (api/serving.py)
    status, body = await readyz(client)
    assert status == 503
    assert reasons(body) == {"shutting_down"}
    assert (await client.get("/healthz")).status == 200
