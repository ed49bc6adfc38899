"""以购代捐 card batches: create → issue in the background → list with QR texts → activate; resume; report; CLI."""
from __future__ import annotations

import asyncio
import random
from datetime import timedelta

import pytest
from aiohttp.test_utils import TestClient
from tortoise.exceptions import IntegrityError
from tortoise.functions import Count, Sum
from tortoise.transactions import in_transaction

from api.keys import BACKGROUND_JOBS, CARD_CODES, DATABASE
from models.clock import now_utc, today_shanghai
from models.services import card_batches, card_ledger, cards
from models.services.card_numbers import BODY_SPACE, card_no_for, is_valid_card_no
from models.storage.database import activated
from models.tables.audit import AuditEntry
from models.tables.cards import ActivityKind, BatchState, Card, CardActivity, CardBatch, CardStatus
from models.tables.users import Role, User
from tests.support.batches import BATCHES as URL
from tests.support.batches import FACE, batch_body, create_and_issue, wait_issued
from tests.support.cli import empty_database_url, run_cli  # noqa: F401 (fixtures)
from tests.support.http import admin_headers, consumer_headers


class Killed(BaseException):
    """Stands for the process dying mid-job: not an Exception, so nothing marks the batch failed."""


def test_fast_card_numbers_match_card_no_for() -> None:
    starts = [1, 999, 10**6 - 3, 10**9 + 7, BODY_SPACE - 600, *random.Random(7).sample(range(1, BODY_SPACE - 500), 20)]
    for start in starts:
        assert card_batches.card_nos(start, 500) == [card_no_for(s) for s in range(start, start + 500)]


async def test_issue_list_and_activate(client: TestClient) -> None:
    headers = await admin_headers(client)
    batch = await create_and_issue(client, headers)
    assert batch["state"] == "issued"
    assert batch["done"] == batch["total"] == 2500
    assert batch["report"] == {"issued": 2500, "activated": 0, "claimed": 0, "spent_fen": 0, "outstanding_fen": 0}

    with activated(client.app[DATABASE]):
        rows = await Card.filter(batch_id=batch["id"]).values("card_no", "status", "balance_fen", "face_value_fen")
    numbers = [r["card_no"] for r in rows]
    assert len(numbers) == len(set(numbers)) == 2500
    assert all(len(n) == 16 and is_valid_card_no(n) for n in numbers)
    assert {(r["status"], r["balance_fen"], r["face_value_fen"]) for r in rows} == {("inactive", 0, FACE)}

    codes = client.app[CARD_CODES]
    listed: list[str] = []
    for page in (1, 2, 3):
        resp = await client.get(f"{URL}/{batch['id']}/cards", params={"page": page, "page_size": 1000}, headers=headers)
        body = await resp.json()
        assert body["total"] == 2500
        listed += [codes.read_printed(item["qr"]) for item in body["items"]]
        assert all(item["status"] == "inactive" and item["balance_fen"] == 0 for item in body["items"])
    assert sorted(listed) == sorted(numbers)

    resp = await client.post(f"{URL}/{batch['id']}/activate", headers=headers)
    assert resp.status == 200, await resp.text()
    body = await resp.json()
    assert body["state"] == "active"
    assert body["activated_at"]
    assert body["report"] == {"issued": 2500, "activated": 2500, "claimed": 0, "spent_fen": 0,
                              "outstanding_fen": 2500 * FACE}
    await assert_activated(client, batch["id"], 2500)

    again = await client.post(f"{URL}/{batch['id']}/activate", headers=headers)
    assert again.status == 409
    assert (await again.json())["error"]["code"] == "invalid_batch_state"


async def assert_activated(client: TestClient, batch_id: int, count: int) -> None:
    """Every card active at face value with exactly one activate entry, and its ledger sums to its balance."""
    with activated(client.app[DATABASE]):
        states = await Card.filter(batch_id=batch_id).values_list("status", "balance_fen")
        ledger = await (CardActivity.filter(card__batch_id=batch_id).group_by("card_id")
                        .annotate(n=Count("id"), total=Sum("amount_fen")).values("card_id", "n", "total"))
        kinds = await CardActivity.filter(card__batch_id=batch_id).distinct().values_list("kind", flat=True)
        balances = dict(await Card.filter(batch_id=batch_id).values_list("id", "balance_fen"))
        assert await cards.reconcile() == []
    assert set(states) == {(CardStatus.ACTIVE, FACE)}
    assert len(states) == count
    assert len(ledger) == count
    assert {r["n"] for r in ledger} == {1}
    assert all(int(r["total"]) == balances[r["card_id"]] for r in ledger)
    assert set(kinds) == {ActivityKind.ACTIVATE}


async def test_resume_after_crash_and_stale_lease(client: TestClient) -> None:
    with activated(client.app[DATABASE]):
        batch = await card_batches.create_batch(None, organization="某单位", face_value_fen=FACE, count=2500,
                                                expires_at=today_shanghai() + timedelta(days=30),
                                                allowed_face_values=(FACE,))

        def die_after_first_chunk(done: int, total: int) -> None:
            if done >= 1000:
                raise Killed

        with pytest.raises(Killed):
            await card_batches.issue_batch(batch.id, die_after_first_chunk, chunk_size=1000)
        assert (await Card.filter(batch_id=batch.id).count(), (await CardBatch.get(id=batch.id)).issued) == (1000, 1000)

        # The lease is fresh: neither a second call nor the periodic resume may run the job meanwhile.
        assert (await card_batches.issue_batch(batch.id)).issued == 1000
        assert await card_batches.resume_stale_batches() == 0

        await CardBatch.filter(id=batch.id).update(heartbeat_at=now_utc() - timedelta(minutes=2))
        assert await card_batches.resume_stale_batches() == 1
        done = await CardBatch.get(id=batch.id)
        numbers = await Card.filter(batch_id=batch.id).values_list("card_no", flat=True)
    assert done.state == BatchState.ISSUED
    assert done.issued == 2500
    assert len(numbers) == len(set(numbers)) == 2500


async def test_a_worker_that_lost_its_lease_writes_nothing(client: TestClient) -> None:
    with activated(client.app[DATABASE]):
        batch = await card_batches.create_batch(None, organization="某单位", face_value_fen=FACE, count=3000,
                                                expires_at=today_shanghai() + timedelta(days=30),
                                                allowed_face_values=(FACE,))
        slow_a, lease_a = await card_batches.get_batch(batch.id), await card_batches._claim(batch.id)
        assert lease_a is not None
        await card_batches._issue_chunk(slow_a, lease_a, 1000)
        # A stalls for over a minute; B finds the lease stale and takes the job over.
        await CardBatch.filter(id=batch.id).update(heartbeat_at=now_utc() - timedelta(minutes=2))
        assert await card_batches._claim(batch.id) is not None
        with pytest.raises(card_batches.LeaseLost):
            await card_batches._issue_chunk(slow_a, lease_a, 1000)
        assert await Card.filter(batch_id=batch.id).count() == 1000
        # B dies in turn; the next resume finishes the batch.
        await CardBatch.filter(id=batch.id).update(heartbeat_at=now_utc() - timedelta(minutes=2))
        final = await card_batches.issue_batch(batch.id)
        count = await Card.filter(batch_id=batch.id).count()
    assert final.state == BatchState.ISSUED
    assert final.issued == count == 3000


async def test_shutdown_cancels_the_job_and_gives_the_lease_back(client: TestClient) -> None:
    with activated(client.app[DATABASE]):
        batch = await card_batches.create_batch(None, organization="某单位", face_value_fen=FACE, count=6000,
                                                expires_at=today_shanghai() + timedelta(days=30),
                                                allowed_face_values=(FACE,))
    jobs = client.app[BACKGROUND_JOBS]
    jobs.start(card_batches.issue_batch(batch.id, chunk_size=200), "test issue")
    with activated(client.app[DATABASE]):
        while (await CardBatch.get(id=batch.id)).issued == 0:
            await asyncio.sleep(0.01)
        await jobs.close()  # what the app's cleanup does
        stopped = await CardBatch.get(id=batch.id)
        assert jobs.running == 0
        assert stopped.state == BatchState.ISSUING
        assert stopped.heartbeat_at is None
        assert 0 < stopped.issued < 6000
        assert await Card.filter(batch_id=batch.id).count() == stopped.issued
        assert await card_batches.resume_stale_batches() == 1
        assert await Card.filter(batch_id=batch.id).count() == 6000


async def test_concurrent_runs_issue_exactly_count(client: TestClient) -> None:
    with activated(client.app[DATABASE]):
        batch = await card_batches.create_batch(None, organization="某单位", face_value_fen=FACE, count=2200,
                                                expires_at=today_shanghai() + timedelta(days=30),
                                                allowed_face_values=(FACE,))
        await asyncio.gather(*(card_batches.issue_batch(batch.id, chunk_size=500) for _ in range(3)))
        final = await CardBatch.get(id=batch.id)
        assert final.state == BatchState.ISSUED
        assert await Card.filter(batch_id=batch.id).count() == 2200


async def test_failure_marks_the_batch_failed(client: TestClient) -> None:
    headers = await admin_headers(client)
    with activated(client.app[DATABASE]):
        batch = await card_batches.create_batch(None, organization="某单位", face_value_fen=FACE, count=10,
                                                expires_at=today_shanghai() + timedelta(days=30),
                                                allowed_face_values=(FACE,))

        def broken(done: int, total: int) -> None:
            if done:
                raise RuntimeError("disk full")

        with pytest.raises(RuntimeError):
            await card_batches.issue_batch(batch.id, broken)
    body = await (await client.get(f"{URL}/{batch.id}", headers=headers)).json()
    assert body["state"] == "failed"
    assert "disk full" in body["error"]
    resp = await client.post(f"{URL}/{batch.id}/activate", headers=headers)
    assert resp.status == 409
    assert (await resp.json())["error"]["code"] == "invalid_batch_state"


async def test_retry_resumes_a_failed_batch_where_it_stopped(client: TestClient) -> None:
    """A real failure: a card number the batch's second chunk will generate is already taken."""
    headers = await admin_headers(client)
    with activated(client.app[DATABASE]):
        batch = await card_batches.create_batch(None, organization="某单位", face_value_fen=FACE, count=2500,
                                                expires_at=today_shanghai() + timedelta(days=30),
                                                allowed_face_values=(FACE,))
        blocker = await Card.create(card_no=card_no_for(1500), face_value_fen=FACE,
                                    expires_at=today_shanghai() + timedelta(days=30))
        with pytest.raises(IntegrityError):
            await card_batches.issue_batch(batch.id, chunk_size=1000)
        first_chunk = await Card.filter(batch_id=batch.id).order_by("id").values_list("id", "card_no")
    failed = await (await client.get(f"{URL}/{batch.id}", headers=headers)).json()
    assert (failed["state"], failed["done"], len(first_chunk)) == ("failed", 1000, 1000)
    assert failed["error"]

    # Retried while the number is still taken, it fails again at the same place, keeping what it made.
    resp = await client.post(f"{URL}/{batch.id}/retry", headers=headers)
    assert resp.status == 202
    assert (await resp.json())["state"] == "issuing"
    again, _ = await wait_issued(client, headers, batch.id)
    assert (again["state"], again["done"]) == ("failed", 1000)
    assert again["error"]

    with activated(client.app[DATABASE]):
        await blocker.delete()
    resp = await client.post(f"{URL}/{batch.id}/retry", headers=headers)
    body = await resp.json()
    assert resp.status == 202
    assert (body["state"], body["done"], body["error"]) == ("issuing", 1000, None)
    done, seen = await wait_issued(client, headers, batch.id)
    assert (done["state"], done["done"], done["total"]) == ("issued", 2500, 2500)
    assert seen == sorted(seen)
    with activated(client.app[DATABASE]):
        rows = await Card.filter(batch_id=batch.id).order_by("id").values_list("id", "card_no")
        numbers = [n for _, n in rows]
        trail = await AuditEntry.filter(entity_type="card_batch", entity_id=str(batch.id)).order_by("id").values_list(
            "action", flat=True)
    assert rows[:1000] == first_chunk  # the cards made before the failure are kept as they were
    assert len(numbers) == len(set(numbers)) == 2500
    assert all(is_valid_card_no(n) for n in numbers)
    assert card_no_for(1500) in numbers
    assert trail == ["card_batch.create", "card_batch.retry", "card_batch.retry"]
    assert (await client.post(f"{URL}/{batch.id}/activate", headers=headers)).status == 200
    await assert_activated(client, batch.id, 2500)


async def test_retry_only_a_failed_batch(client: TestClient) -> None:
    headers = await admin_headers(client)
    issued = await create_and_issue(client, headers, count=5)
    with activated(client.app[DATABASE]):
        issuing = await card_batches.create_batch(None, organization="某单位", face_value_fen=FACE, count=10,
                                                  expires_at=today_shanghai() + timedelta(days=30),
                                                  allowed_face_values=(FACE,))
    for batch_id, state in ((issued["id"], "issued"), (issuing.id, "issuing")):
        resp = await client.post(f"{URL}/{batch_id}/retry", headers=headers)
        error = (await resp.json())["error"]
        assert resp.status == 409
        assert error["code"] == "invalid_batch_state"
        assert error["details"]["state"] == state
    assert (await client.post(f"{URL}/{issued['id']}/activate", headers=headers)).status == 200
    resp = await client.post(f"{URL}/{issued['id']}/retry", headers=headers)
    assert resp.status == 409
    assert (await resp.json())["error"]["details"]["state"] == "active"
    missing = await client.post(f"{URL}/9999/retry", headers=headers)
    assert missing.status == 404
    assert (await missing.json())["error"]["code"] == "batch_not_found"
    assert (await client.post(f"{URL}/{issued['id']}/retry", headers=await consumer_headers(client))).status == 403


async def test_not_while_issuing(client: TestClient) -> None:
    headers = await admin_headers(client)
    with activated(client.app[DATABASE]):
        batch = await card_batches.create_batch(None, organization="某单位", face_value_fen=FACE, count=10,
                                                expires_at=today_shanghai() + timedelta(days=30),
                                                allowed_face_values=(FACE,))
    resp = await client.post(f"{URL}/{batch.id}/activate", headers=headers)
    assert resp.status == 409
    assert (await resp.json())["error"]["details"]["state"] == "issuing"


async def test_report_follows_claims_and_spending(client: TestClient) -> None:
    headers = await admin_headers(client)
    await consumer_headers(client, "holder")
    batch = await create_and_issue(client, headers, count=50)
    assert (await client.post(f"{URL}/{batch['id']}/activate", headers=headers)).status == 200
    with activated(client.app[DATABASE]):
        holder = await User.get(role=Role.CONSUMER)
        first, second = await Card.filter(batch_id=batch["id"]).order_by("id").limit(2)
        await cards.claim(holder, client.app[CARD_CODES].printed(first.card_no), client.app[CARD_CODES])
        async with in_transaction() as conn:  # what a redemption and its same-day void write
            balance = await card_ledger.debit(conn, first, 500)
            await card_ledger.append(conn, first.id, ActivityKind.REDEEM, -500, balance)
            balance = await card_ledger.debit(conn, second, 1200)
            await card_ledger.append(conn, second.id, ActivityKind.REDEEM, -1200, balance)
            await card_ledger.give_back(conn, second.id, ActivityKind.VOID, 1200)
        net = sum(await CardActivity.filter(card__batch_id=batch["id"], kind__in=["redeem", "void"]).values_list(
            "amount_fen", flat=True))
        assert await cards.reconcile() == []
    report = (await (await client.get(f"{URL}/{batch['id']}", headers=headers)).json())["report"]
    assert report == {"issued": 50, "activated": 50, "claimed": 1, "spent_fen": 500, "outstanding_fen": 50 * FACE - 500}
    assert report["spent_fen"] == -int(net)


@pytest.mark.parametrize("overrides, code", [
    ({"face_value_fen": 12345}, "invalid_face_value"),
    ({"count": 0}, "invalid_count"),
    ({"count": 1_000_001}, "invalid_count"),
    ({"expires_at": "2020-01-01"}, "invalid_expiry"),
    ({"count": "10"}, "validation_error"),
    ({"organization": ""}, "validation_error"),
    ({"colour": "red"}, "validation_error"),
])
async def test_bad_input(client: TestClient, overrides: dict, code: str) -> None:
    headers = await admin_headers(client)
    resp = await client.post(URL, json=batch_body(**overrides), headers=headers)
    assert resp.status == 422
    assert (await resp.json())["error"]["code"] == code
    assert (await (await client.get(URL, headers=headers)).json())["total"] == 0


async def test_expiry_must_be_after_today_in_shanghai(client: TestClient) -> None:
    headers = await admin_headers(client)
    resp = await client.post(URL, json=batch_body(expires_at=today_shanghai().isoformat()), headers=headers)
    assert resp.status == 422
    assert (await resp.json())["error"]["code"] == "invalid_expiry"


async def test_admin_only_list_and_not_found(client: TestClient) -> None:
    consumer = await consumer_headers(client)
    assert (await client.post(URL, json=batch_body(), headers=consumer)).status == 403
    assert (await client.get(URL, headers=consumer)).status == 403
    assert (await client.get(URL)).status == 401
    headers = await admin_headers(client)
    first = await create_and_issue(client, headers, count=5, organization="甲")
    second = await create_and_issue(client, headers, count=5, organization="乙")
    assert (await client.get(f"{URL}/{first['id']}/cards", headers=consumer)).status == 403
    listed = await (await client.get(URL, headers=headers)).json()
    assert [b["id"] for b in listed["items"]] == [second["id"], first["id"]]
    assert listed["total"] == 2
    missing = await client.get(f"{URL}/9999", headers=headers)
    assert missing.status == 404
    assert (await missing.json())["error"]["code"] == "batch_not_found"


def test_cli_issues_and_activates(empty_database_url: str) -> None:
    assert run_cli("migrate", database_url=empty_database_url).returncode == 0
    issued = run_cli("issue-cards", "--org", "某某公司", "--face", "200", "--count", "3000", "--note", "cli",
                     database_url=empty_database_url)
    assert issued.returncode == 0, issued.stderr
    assert "批次 1 发卡完成：3,000 张" in issued.stdout  # the CLI speaks Chinese (issue 16)
    activated_ = run_cli("activate-batch", "1", database_url=empty_database_url)
    assert activated_.returncode == 0, activated_.stderr
    assert "3,000 张" in activated_.stdout, activated_.stderr
    again = run_cli("activate-batch", "1", database_url=empty_database_url)
    assert again.returncode == 1
    assert "issued" in again.stderr
    bad = run_cli("issue-cards", "--org", "x", "--face", "3", "--count", "5", database_url=empty_database_url)
    assert bad.returncode == 1
    assert "面值" in bad.stderr
    bad = run_cli("issue-cards", "--org", "x", "--face", "200", "--count", "5", "--expires", "2001-01-01",
                  database_url=empty_database_url)
    assert bad.returncode == 1
    assert "有效期" in bad.stderr
