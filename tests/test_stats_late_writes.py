"""Writes landing in a day the statistics rollup has closed (issue 14): a WeChat Pay notification retried past
midnight, a refund of yesterday's order, a void committing after midnight. Each marks its day; a statistics
request counts it at once (the marked day is aggregated live) and the background rollup recomputes the day
within its interval, without `stats-rollup --rebuild`. Requests never compute the rollup themselves, and two
workers never recompute the same day."""
from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise import get_connection

from api.keys import DATABASE, WECHATPAY_SANDBOX
from api.wechat.pay_sandbox import send_notification
from models.clock import SHANGHAI, today_shanghai
from models.services import redemptions, stats_background, stats_fresh, stats_rollup
from models.storage import sql
from models.storage.database import activated
from models.tables.cards import Redemption
from models.tables.orders import Order
from models.tables.payments import Payment
from models.tables.users import Role, User
from tests.support.cards import buy_cards, pay_code, redeem
from tests.support.http import auth, staff_token
from tests.support.orders import order, pay, shop

URL = "/api/v1/admin/stats"
EGG, JJG = "T-EGG-01", "T-JJG-01"  # 3990 and 3580 fen (tests/data/catalog_small.csv)
QUICK = 0.05  # the background rollup's interval in these tests
DEADLINE = 30.0  # seconds: generous, only a hung rollup takes this long


def days_ago(n: int) -> str:
    return (today_shanghai() - timedelta(days=n)).isoformat()


async def db_rows(client, query: str, args: list[Any]) -> list[dict[str, Any]]:
    with activated(client.app[DATABASE]):
        return await sql.query(get_connection("default"), query, args)


async def eventually(check: Callable[[], Awaitable[bool]], what: str) -> None:
    deadline = time.monotonic() + DEADLINE
    while not await check():
        assert time.monotonic() < deadline, f"not within {DEADLINE} s: {what}"
        await asyncio.sleep(QUICK)


async def rolled_up(client, day: str) -> bool:
    """`day` is computed and no write marked it since."""
    state = await db_rows(client, "SELECT day FROM stats_day_state WHERE day = ?", [day])
    marks = await db_rows(client, "SELECT day FROM stats_dirty WHERE day = ?", [day])
    return bool(state) and not marks


async def rollup_amount(client, day: str) -> int:
    """What the rollup itself (not the live part) holds for `day`: all goods, every channel."""
    rows = await db_rows(client, "SELECT SUM(amount_fen) AS fen FROM stats_day WHERE dim = 'channel' AND scope = 0 "
                                 "AND day = ?", [day])
    return int(rows[0]["fen"] or 0)


async def day_stats(client, admin, day: str) -> dict:
    resp = await client.get(URL, params={"group_by": "day", "from": day, "to": day}, headers=admin)
    body = await resp.json()
    assert resp.status == 200, body
    return body


async def set_paid_at(client, order_no: str, at: datetime) -> None:
    with activated(client.app[DATABASE]):
        await Order.filter(order_no=order_no).update(paid_at=at)


async def test_late_wechat_notification_counts_in_a_closed_day(make_client, small_catalog):
    client = await make_client(wechatpay_sandbox_auto_pay=False, stats_rollup_seconds=QUICK)
    sandbox = client.app[WECHATPAY_SANDBOX]
    admin, alice = await shop(client, small_catalog)

    async def wechat_order(qty: int, success_time: str) -> str:
        no = (await order(client, alice, (EGG, qty)))["order_no"]
        await pay(client, alice, no)
        with activated(client.app[DATABASE]):
            trade_no = (await Payment.get(order__order_no=no)).out_trade_no
        status, text = await send_notification(sandbox, trade_no, success_time=success_time)
        assert status == 204, text
        return no

    # history: a sale two days ago; the background closes the days up to yesterday
    await wechat_order(1, f"{days_ago(2)}T12:00:00+08:00")
    yesterday = days_ago(1)
    await eventually(lambda: rolled_up(client, yesterday), "yesterday rolled up")
    assert await rollup_amount(client, yesterday) == 0
    # WeChat retried: the notification of a payment at 23:59:30 yesterday arrives today
    late = await wechat_order(2, f"{yesterday}T23:59:30+08:00")
    body = await day_stats(client, admin, yesterday)  # at once: the marked day is read live
    assert body["total"]["amount_fen"] == 2 * 3990
    assert body["stale_days"] == []
    assert [(r["key"], r["amount_fen"], r["orders"]) for r in body["rows"]] == [(yesterday, 2 * 3990, 1)]
    # within the background's interval the rollup itself has it, no --rebuild
    await eventually(lambda: rolled_up(client, yesterday), "yesterday recomputed")
    assert await rollup_amount(client, yesterday) == 2 * 3990
    body = await day_stats(client, admin, yesterday)
    assert body["total"]["amount_fen"] == 2 * 3990
    assert body["stale_days"] == []
    with activated(client.app[DATABASE]):
        paid_at = (await Order.get(order_no=late)).paid_at
    assert paid_at.astimezone(SHANGHAI).isoformat() == f"{yesterday}T23:59:30+08:00"


async def test_late_refund_leaves_its_closed_day(make_client, small_catalog):
    client = await make_client(stats_rollup_seconds=QUICK)
    admin, alice = await shop(client, small_catalog)
    no = (await order(client, alice, (EGG, 1)))["order_no"]
    await pay(client, alice, no)
    await eventually(lambda: _status_is(client, no, "paid"), "the sandbox paid")
    yesterday = days_ago(1)
    await set_paid_at(client, no, datetime.fromisoformat(f"{yesterday}T20:00:00+08:00").astimezone(UTC))
    await eventually(lambda: rolled_up(client, yesterday), "yesterday rolled up")
    assert await rollup_amount(client, yesterday) == 3990
    resp = await client.post(f"/api/v1/admin/orders/{no}/refund", json={"reason": "质量问题"}, headers=admin)
    assert resp.status == 200, await resp.text()
    body = await day_stats(client, admin, yesterday)
    assert body["total"]["amount_fen"] == 0
    assert body["rows"] == []
    assert body["stale_days"] == []
    await eventually(lambda: rolled_up(client, yesterday), "yesterday recomputed")
    assert await rollup_amount(client, yesterday) == 0


async def _status_is(client, order_no: str, status: str) -> bool:
    with activated(client.app[DATABASE]):
        return (await Order.get(order_no=order_no)).status.value == status


async def test_void_committing_after_midnight_leaves_its_closed_day(make_client, small_catalog):
    client = await make_client(stats_rollup_seconds=QUICK)
    _, alice = await shop(client, small_catalog)
    card_no = (await buy_cards(client, alice))[0]["card_no"]
    clerk = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk1", merchant_name="佛冈专柜"))
    receipt = await redeem(client, clerk, await pay_code(client, alice, card_no), [(JJG, 1)], "late-void")
    yesterday = days_ago(1)
    with activated(client.app[DATABASE]):  # the redemption was made yesterday evening
        await Redemption.filter(id=receipt["id"]).update(business_date=today_shanghai() - timedelta(days=1))
    await eventually(lambda: rolled_up(client, yesterday), "yesterday rolled up")
    assert await rollup_amount(client, yesterday) == 3580
    # the clerk voided at 23:59:59 (the same business day, allowed); it commits after the day was rolled up
    with activated(client.app[DATABASE]):
        staff = await User.get(username="clerk1")
        at = datetime.fromisoformat(f"{yesterday}T23:59:59+08:00")
        voided = await redemptions.void(staff, receipt["id"], "退货", now=at)
    assert voided.status.value == "voided"
    admin = auth(await staff_token(client, Role.ADMIN, username="admin2"))
    body = await day_stats(client, admin, yesterday)
    assert body["total"]["amount_fen"] == 0
    assert body["stale_days"] == []
    await eventually(lambda: rolled_up(client, yesterday), "yesterday recomputed")
    assert await rollup_amount(client, yesterday) == 0


async def test_requests_never_compute_the_rollup(make_client, small_catalog, monkeypatch):
    """After midnight (here: days never rolled up, the background held off by another worker's lease), a request
    answers from the rollup plus the days it lacks, aggregated live; it computes nothing of the rollup."""
    client = await make_client(stats_rollup_seconds=QUICK)
    admin, alice = await shop(client, small_catalog)
    no = (await order(client, alice, (EGG, 1)))["order_no"]
    await pay(client, alice, no)
    await eventually(lambda: _status_is(client, no, "paid"), "the sandbox paid")

    async def hold() -> bool:  # once this app's own round (if one is running) lets go
        with activated(client.app[DATABASE]):
            return await stats_background.claim("another worker, busy")

    await eventually(hold, "the lease taken by another worker")  # the rollup is not coming
    three_days_ago = days_ago(3)
    await set_paid_at(client, no, datetime.fromisoformat(f"{three_days_ago}T09:00:00+08:00").astimezone(UTC))
    resp = await client.get(URL, params={"group_by": "day"}, headers=admin)
    body = await resp.json()
    assert resp.status == 200, body
    assert [(r["key"], r["amount_fen"]) for r in body["rows"]] == [(three_days_ago, 3990)]
    assert body["stale_days"] == []
    assert await db_rows(client, "SELECT day FROM stats_day_state", []) == []
    # more stale days than a request computes live: the rollup as it stands, and which days are not in it yet
    monkeypatch.setattr(stats_fresh, "LIVE_BUDGET", 0)
    resp = await client.get(URL, params={"group_by": "day"}, headers=admin)
    body = await resp.json()
    assert resp.status == 200, body
    assert body["rows"] == []
    assert body["stale_days"] == [days_ago(n) for n in (3, 2, 1)]
    assert await db_rows(client, "SELECT day FROM stats_day_state", []) == []
    # the lease runs out (or is let go): the background computes the days, the answer is exact again
    with activated(client.app[DATABASE]):
        await stats_background.release("another worker, busy")
    await eventually(lambda: rolled_up(client, days_ago(1)), "the days rolled up")
    body = await (await client.get(URL, params={"group_by": "day"}, headers=admin)).json()
    assert [(r["key"], r["amount_fen"]) for r in body["rows"]] == [(three_days_ago, 3990)]
    assert body["stale_days"] == []


async def test_two_workers_never_recompute_the_same_day(make_client, small_catalog, monkeypatch):
    worker_a = await make_client()  # the default interval: the tests run the rounds themselves
    worker_b = await make_client()
    _, alice = await shop(worker_a, small_catalog)
    no = (await order(worker_a, alice, (EGG, 1)))["order_no"]
    await pay(worker_a, alice, no)
    await eventually(lambda: _status_is(worker_a, no, "paid"), "the sandbox paid")
    await set_paid_at(worker_a, no, datetime.fromisoformat(f"{days_ago(4)}T09:00:00+08:00").astimezone(UTC))
    recomputed: list[str] = []
    recompute = stats_rollup._recompute

    async def counted(conn, lo, hi, signature):
        recomputed.extend(stats_rollup._days(lo, hi))
        await asyncio.sleep(0.05)  # a slow day: the other worker's round comes while this one works
        await recompute(conn, lo, hi, signature)

    monkeypatch.setattr(stats_rollup, "_recompute", counted)
    rounds = []
    for worker, name in ((worker_a, "a"), (worker_b, "b"), (worker_a, "a2"), (worker_b, "b2")):
        with activated(worker.app[DATABASE]):
            rounds.append(asyncio.create_task(stats_background.run_cycle(name)))
    done = await asyncio.gather(*rounds)
    assert sorted(recomputed) == sorted(set(recomputed)), recomputed
    assert len(recomputed) == 4, recomputed  # 4 days ago .. yesterday
    assert sum(n or 0 for n in done) == 4, done
    assert None in done, done  # the others found the lease taken
    # a held lease is renewed by its holder only; one that ran out is taken over
    with activated(worker_a.app[DATABASE]):
        assert await stats_background.claim("a")
        assert await stats_background.claim("a")
        assert not await stats_background.claim("b")
        await sql.execute(get_connection("default"), "UPDATE stats_lease SET until_ms = 0", [])
        assert await stats_background.claim("b")
        assert not await stats_background.claim("a")


async def test_migration_marks_refunds_no_computation_saw(client, small_catalog):
    """Before marks, a day found its refunds by the last refund event its computation had seen; migration 0012
    turns the refunds past that into marks, so none is lost in the change."""
    from importlib import import_module
    from types import SimpleNamespace

    admin, alice = await shop(client, small_catalog)
    no = (await order(client, alice, (EGG, 1)))["order_no"]
    await pay(client, alice, no)
    await eventually(lambda: _status_is(client, no, "paid"), "the sandbox paid")
    await set_paid_at(client, no, datetime.fromisoformat(f"{days_ago(2)}T09:00:00+08:00").astimezone(UTC))
    assert (await client.post(f"/api/v1/admin/orders/{no}/refund", json={"reason": "退货"},
                              headers=admin)).status == 200
    with activated(client.app[DATABASE]):
        db = get_connection("default")
        await sql.execute(db, "DELETE FROM stats_dirty", [])  # as an older release left it: no marks
        for n, seen in ((2, 0), (3, 0)):  # both computed before the refund (event ids start at 1)
            await sql.execute(db, "INSERT INTO stats_day_state (day, computed_at, signature) VALUES (?, ?, ?)",
                              [days_ago(n), 1, f"1:1|{seen}"])
        await import_module("models.migrations.0012_stats_marks").unseen_refunds(None, SimpleNamespace(client=db))
        marked = await sql.query(db, "SELECT day FROM stats_dirty", [])
    assert [r["day"] for r in marked] == [days_ago(2)]
