"""Expired bearer tokens, and abuse-limit rows with nothing left to remember, are deleted by a background task in
bounded batches (issue 14: expired tokens were never purged)."""
from __future__ import annotations

import asyncio
import time

from api.keys import DATABASE
from models.services import accounts, throttle
from models.storage.database import activated
from models.tables.throttle import ThrottleBucket
from models.tables.users import AuthToken
from tests.support.http import consumer_headers


async def test_expired_tokens_go_in_bounded_batches_and_valid_ones_stay(make_client):
    expired_app = await make_client(token_ttl_seconds=-1)
    for i in range(5):
        await consumer_headers(expired_app, f"gone{i}")
    client = await make_client()
    alice = await consumer_headers(client, "alice")
    with activated(client.app[DATABASE]):
        assert await accounts.purge_expired_tokens(batch=2, rounds=2) == 4  # at most two statements of two
        assert await AuthToken.all().count() == 2
        assert await accounts.purge_expired_tokens(batch=2, rounds=2) == 1
        assert await accounts.purge_expired_tokens(batch=2, rounds=2) == 0
        assert await AuthToken.all().count() == 1
    assert (await client.get("/api/v1/me", headers=alice)).status == 200


async def test_the_app_purges_in_the_background(make_client):
    expired_app = await make_client(token_ttl_seconds=-1)
    for i in range(3):
        await consumer_headers(expired_app, f"gone{i}")
    client = await make_client(token_purge_seconds=0.1)
    alice = await consumer_headers(client, "alice")
    now = time.time()
    with activated(client.app[DATABASE]):
        await ThrottleBucket.create(scope="chat", subject="old", tat=now - 3 * 86400, window_start=now - 3 * 86400)
        await throttle.take("chat", "fresh", throttle.Rate(5, 1))
        for _ in range(50):
            if await AuthToken.all().count() == 1 and await ThrottleBucket.all().count() == 1:
                break
            await asyncio.sleep(0.1)
        assert await AuthToken.all().count() == 1  # alice's
        assert await ThrottleBucket.all().values_list("subject", flat=True) == ["fresh"]
    assert (await client.get("/api/v1/me", headers=alice)).status == 200
