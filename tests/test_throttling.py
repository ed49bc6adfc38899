"""Abuse limits (issue 14): staff login lockouts, card claim, QR decode and chat rates — kept in the database, so two
apps over the same database count together — answered 429 `too_many_attempts` with Retry-After, and audited."""
from __future__ import annotations

import asyncio
import time

from aiohttp.test_utils import TestClient

from api.keys import DATABASE
from models.services import throttle
from models.services.staff_accounts import create_staff_user
from models.services.throttle import Lockout
from models.storage.database import activated
from models.tables.throttle import ThrottleBucket
from models.tables.users import Role
from tests.support.http import assert_limited, auth, consumer_headers, staff_token
from tests.support.qr import DECODE_URL, png_of, qr_image

LOGIN = "/api/v1/auth/staff"
RIGHT = "correct horse battery"


async def make_staff(client: TestClient, username: str = "admin1", role: Role = Role.ADMIN) -> None:
    with activated(client.app[DATABASE]):
        await create_staff_user(role, username, RIGHT)


async def login(client: TestClient, username: str = "admin1", password: str = "wrong password"):
    resp = await client.post(LOGIN, json={"username": username, "password": password})
    return resp, await resp.json()


async def audit_entries(client: TestClient, action: str) -> list[dict]:
    from models.tables.audit import AuditEntry

    with activated(client.app[DATABASE]):
        rows = await AuditEntry.filter(action=action).order_by("id").values("entity_id", "after", "before")
    return rows


async def test_the_sixth_wrong_password_is_429_and_the_right_one_too_until_the_lock_ends(make_client):
    client = await make_client(login_lockout_seconds=1)
    await make_staff(client)
    for _ in range(4):
        resp, body = await login(client)
        assert resp.status == 401
        assert body["error"]["code"] == "invalid_credentials"
    resp, body = await login(client)  # the fifth failure locks the account, and says so
    assert_limited(resp, body, "login_account")
    resp, body = await login(client)
    assert assert_limited(resp, body, "login_account") == 1
    resp, body = await login(client, password=RIGHT)  # even the right password waits
    assert_limited(resp, body, "login_account")
    await asyncio.sleep(1.1)
    resp, body = await login(client, password=RIGHT)
    assert resp.status == 200
    assert body["token"]
    for _ in range(4):  # the success forgot the failures: four more are plain 401s again
        assert (await login(client))[0].status == 401


async def test_locks_grow_and_every_lock_is_audited(make_client):
    client = await make_client(login_lockout_seconds=1, login_lockout_max_seconds=3)
    await make_staff(client)
    admin = auth(await staff_token(client, username="auditor"))
    waits = []
    for _ in range(3):
        for _ in range(5):
            resp, body = await login(client)
        waits.append(assert_limited(resp, body, "login_account"))
        await asyncio.sleep(waits[-1] + 0.05)
    assert waits == [1, 2, 3]  # doubled each time, up to the maximum
    entries = await audit_entries(client, "throttle.lockout")
    assert [e["after"]["lock_seconds"] for e in entries] == [1, 2, 3]
    assert all(e["entity_id"] == "login_account:admin1" and e["after"]["username"] == "admin1" for e in entries)
    assert entries[0]["after"]["address"] == "127.0.0.1"
    assert entries[0]["before"]["failures"] == 5
    page = await (await client.get("/api/v1/admin/audit?entity_type=throttle", headers=admin)).json()
    assert page["total"] == 3
    assert {i["action"] for i in page["items"]} == {"throttle.lockout"}


async def test_a_spray_across_usernames_from_one_address_is_locked(make_client):
    client = await make_client(login_address_max_failures=6)
    await make_staff(client, "real_admin")
    statuses = [(await login(client, f"user{i}"))[0].status for i in range(5)]
    assert statuses == [401] * 5
    resp, body = await login(client, "user5")
    assert_limited(resp, body, "login_address")
    resp, body = await login(client, "real_admin", RIGHT)  # the address is locked for every account
    assert_limited(resp, body, "login_address")
    # the development login is not the staff login: it goes on
    assert (await client.post("/api/v1/auth/wechat", json={"code": "dev:alice"})).status == 200
    entries = await audit_entries(client, "throttle.lockout")
    assert [e["entity_id"] for e in entries] == ["login_address:127.0.0.1"]


async def test_two_apps_over_one_database_share_the_count(make_client):
    first, second = await make_client(), await make_client()
    await make_staff(first)
    for client in (first, second, first, second):
        assert (await login(client))[0].status == 401
    resp, body = await login(second)
    assert_limited(resp, body, "login_account")
    resp, body = await login(first, password=RIGHT)
    assert_limited(resp, body, "login_account")


async def test_concurrent_failures_are_counted_exactly_and_lock_once(make_client):
    first, second = await make_client(), await make_client()
    await make_staff(first)
    results = await asyncio.gather(*(login(c) for c in (first, second) * 2 + (first,)))
    statuses = sorted(resp.status for resp, _ in results)
    assert statuses == [401, 401, 401, 401, 429]  # exactly one of the five reached the limit
    assert len(await audit_entries(first, "throttle.lockout")) == 1

    high = {"login_account_max_failures": 1000, "login_address_max_failures": 1000}
    many, more = await make_client(**high), await make_client(**high)
    await asyncio.gather(*(login(c, "someone") for c in (many, more) * 12))
    with activated(many.app[DATABASE]):
        row = await ThrottleBucket.get(scope="login_account", subject="someone")
        assert row.failures == 24  # none lost between workers


async def test_concurrent_failures_in_the_service_lock_exactly_once(client):
    rule = Lockout(max_failures=3, window_seconds=60, lock_seconds=30, max_lock_seconds=60)
    subject = ("test_scope", "target")
    with activated(client.app[DATABASE]):
        locks = await asyncio.gather(*(throttle.fail([(subject, rule)], {}) for _ in range(8)))
        row = await ThrottleBucket.get(scope="test_scope", subject="target")
    # 8 failures at once: the one that brings the count to 3 locks (the count starts again from 0); failures
    # racing that lock are absorbed by it. However they interleave, every lock is written once, doubled each
    # time, and audited once.
    taken = sorted(lock[1] for lock in locks if lock)
    assert taken in ([30, 60], [30])
    assert row.lockouts == len(taken)
    assert len(await audit_entries(client, "throttle.lockout")) == len(taken)


async def test_card_claims_are_limited_per_user_and_per_address(make_client):
    client = await make_client(claim_burst=3, claim_per_minute=1, claim_address_burst=4, claim_address_per_minute=1)
    alice, bob = await consumer_headers(client, "alice"), await consumer_headers(client, "bob")

    async def claim(headers):
        resp = await client.post("/api/v1/cards/claim", json={"code": "AX1.8860000000000000.00"}, headers=headers)
        return resp, await resp.json()

    for _ in range(3):
        resp, body = await claim(alice)
        assert resp.status in (404, 422), body
        assert body["error"]["code"] != "too_many_attempts", body
    assert_limited(*await claim(alice), "card_claim")
    resp, body = await claim(bob)  # bob has his own count, but shares the address's
    assert resp.status != 429, body
    wait = assert_limited(*await claim(bob), "card_claim_address")
    assert 50 <= wait <= 60  # one more place a minute


async def test_qr_decode_uploads_are_limited_per_staff_member(make_client):
    client = await make_client(decode_burst=2, decode_per_minute=6)
    clerk = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk1"))
    png = png_of(qr_image())
    for _ in range(2):
        resp = await client.post(DECODE_URL, data=png, headers={**clerk, "Content-Type": "image/png"})
        assert resp.status == 200, await resp.text()
    resp = await client.post(DECODE_URL, data=png, headers={**clerk, "Content-Type": "image/png"})
    assert 8 <= assert_limited(resp, await resp.json(), "qr_decode") <= 10  # one more every 10 s
    other = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk2"))
    resp = await client.post(DECODE_URL, data=png, headers={**other, "Content-Type": "image/png"})
    assert resp.status == 200


async def test_a_chat_burst_past_the_limit_is_429_and_audited_once(make_client):
    client = await make_client(chat_burst=3, chat_per_second=0.01)
    alice, bob = await consumer_headers(client, "alice"), await consumer_headers(client, "bob")

    async def say(headers):
        resp = await client.post("/api/v1/chat", json={"message": "你好"}, headers=headers)
        return resp, await resp.json()

    for _ in range(3):
        assert (await say(alice))[0].status == 200
    for _ in range(3):
        assert 90 <= assert_limited(*await say(alice), "chat") <= 100
    assert (await say(bob))[0].status == 200  # per user
    entries = await audit_entries(client, "throttle.limit")
    assert len(entries) == 1
    assert entries[0]["after"]["scope"] == "chat"  # a flood is one entry, not one each


async def test_the_default_chat_limit_is_far_above_typing_and_the_benchmark(make_client):
    """`make bench` sends up to ~1,900 chat turns/s spread over 200 consumers (9.5/s each on average): the
    default (a burst of 30, then 20 a second) stays well clear of it, and of any person typing."""
    client = await make_client()
    alice = await consumer_headers(client, "alice")
    replies = await asyncio.gather(*(client.post("/api/v1/chat", json={"message": "你好"}, headers=alice)
                                     for _ in range(25)))
    assert {r.status for r in replies} == {200}


async def test_the_development_login_is_unlimited_by_default_and_can_be_limited(make_client):
    client = await make_client()
    started = time.perf_counter()
    for i in range(40):
        assert (await client.post("/api/v1/auth/wechat", json={"code": f"dev:user{i}"})).status == 200
    assert time.perf_counter() - started < 30
    limited = await make_client(dev_login_burst=2, dev_login_per_minute=1)
    for i in range(2):
        assert (await limited.post("/api/v1/auth/wechat", json={"code": f"dev:other{i}"})).status == 200
    resp = await limited.post("/api/v1/auth/wechat", json={"code": "dev:other9"})
    assert_limited(resp, await resp.json(), "dev_login")


async def test_the_address_behind_a_trusted_proxy_is_the_forwarded_one(make_client):
    client = await make_client(login_address_max_failures=2, trusted_proxies=("127.0.0.1",))

    async def attempt(forwarded: str):
        resp = await client.post(LOGIN, json={"username": f"u{forwarded}", "password": "x"},
                                 headers={"X-Forwarded-For": f"10.9.9.9, {forwarded}"})
        return resp, await resp.json()

    assert (await attempt("10.0.0.1"))[0].status == 401
    assert_limited(*await attempt("10.0.0.1"), "login_address")
    assert (await attempt("10.0.0.2"))[0].status == 401  # another client behind the same proxy
