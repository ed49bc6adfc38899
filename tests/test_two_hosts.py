"""Two hosts on one PostgreSQL (issue 19): two `main.py serve` processes on different ports, as if on two machines
behind a load balancer. A product revoked through one is refused by the other within SEARCH_REFRESH_SECONDS; a
dialogue started on one continues on the other; an unpaid order times out exactly once although both sweep; a card
batch started on one, whose process is killed (SIGKILL), is resumed by the other and issues every card once.
Short settings keep it fast (the lease, the sweeps, the pay time-out)."""
from __future__ import annotations

import datetime
import signal
import time

import pytest

from tests.support.cli import ROOT, run_cli
from tests.support.orders import ADDRESS
from tests.support.servers import call, consumer_login, get, sql_rows, staff_login, start, wait_for

REFRESH = 0.5
PAY_TIMEOUT = 4
SETTINGS = {"SEARCH_REFRESH_SECONDS": str(REFRESH), "ORDER_PAY_TIMEOUT_SECONDS": str(PAY_TIMEOUT),
            "ORDER_SWEEP_SECONDS": "0.3", "CARD_BATCH_LEASE_SECONDS": "3", "CARD_BATCH_RESUME_SECONDS": "0.5",
            "DB_POOL_SIZE": "3"}
BATCH = 150_000


def chat(port: int, token: str, message: str) -> dict:
    status, body = call(port, "POST", "/api/v1/chat", {"message": message}, token)
    assert status == 200, body
    return body


def egg_offered(port: int) -> bool:
    status, page = get(port, "/api/v1/products?q=%E9%B8%A1%E8%9B%8B")  # q=鸡蛋
    assert status == 200, page
    return "T-EGG-01" in [p["sku"] for p in page["items"]]


async def test_two_servers_on_one_postgres(make_client, db_engine, database_url, tmp_path):
    if db_engine != "postgres":
        pytest.skip("several hosts share a PostgreSQL database")
    # make_client emptied the database; the catalogue and an administrator, as an operator would load them
    assert run_cli("import-catalog", str(ROOT / "tests/data/catalog_small.csv"), database_url=database_url
                   ).returncode == 0
    assert run_cli("create-user", "--role", "admin", "--username", "boss", "--password", "correct horse 1",
                   database_url=database_url).returncode == 0
    a, b = (start(database_url, tmp_path, name, **SETTINGS) for name in ("a", "b"))
    try:
        a.wait_ready()
        b.wait_ready()
        alice = consumer_login(a.port, "alice")
        assert call(a.port, "POST", "/api/v1/me/addresses", ADDRESS, alice)[0] == 201

        # A dialogue started on A continues on B: the draft lives in the database.
        assert {p["sku"] for p in chat(a.port, alice, "我想买苹果")["products"]} == {"T-APPLE-01", "T-APPLE-02"}
        assert chat(b.port, alice, "静宁的")["slots"]["sku"] == "T-APPLE-02"
        assert chat(a.port, alice, "两箱")["slots"]["qty"] == 2
        placed = chat(b.port, alice, "确认")["order"]
        assert placed["status"] == "pending_payment"
        assert placed["items"] == [{"sku": "T-APPLE-02", "qty": 2}]
        [(stock_placed,)] = await sql_rows(database_url, "SELECT stock FROM product WHERE sku = 'T-APPLE-02'")

        # Revoked through A, refused by B within the refresh interval (orders read the database: at once).
        admin = staff_login(a.port, "boss", "correct horse 1")
        assert egg_offered(b.port)
        status, body = call(a.port, "POST", "/api/v1/admin/products/T-EGG-01/revoke", {"reason": "抽检不合格"}, admin)
        assert status == 200, body
        revoked = time.monotonic()
        status, body = call(b.port, "POST", "/api/v1/orders", {"items": [{"sku": "T-EGG-01", "qty": 1}]}, alice)
        assert status == 422, body
        assert body["error"]["code"] == "product_not_sellable", body
        followed = wait_for(lambda: not egg_offered(b.port), 10, "B's search dropped the revoked product")
        print(f"B stopped offering the revoked product {followed:.2f} s after A's answer (refresh {REFRESH} s)")
        assert time.monotonic() - revoked <= REFRESH + 1.0  # the interval, plus one HTTP round on a busy machine

        # The unpaid order times out once, although both servers sweep every 0.3 s.
        def cancelled() -> bool:
            return call(b.port, "GET", f"/api/v1/orders/{placed['order_no']}", token=alice)[1]["status"] == "cancelled"
        wait_for(cancelled, PAY_TIMEOUT + 15, "the unpaid order timed out")
        time.sleep(1.0)  # a few more sweeps of both servers
        order_id = f"(SELECT id FROM \"order\" WHERE order_no = '{placed['order_no']}')"
        events = await sql_rows(database_url, f"SELECT to_status FROM order_event WHERE order_id = {order_id}")
        assert sorted(e[0] for e in events) == ["cancelled", "pending_payment"]
        moves = await sql_rows(database_url, f"SELECT reason, delta FROM stock_movement WHERE order_id = {order_id}")
        assert sorted(moves) == [("release", 2), ("reserve", -2)]
        assert await sql_rows(database_url, "SELECT stock FROM product WHERE sku = 'T-APPLE-02'") == [
            (stock_placed + 2,)]

        # A card batch started on A; A is killed mid-way; B takes the stale lease over and finishes it.
        expires = (datetime.date.today() + datetime.timedelta(days=300)).isoformat()
        status, batch = call(a.port, "POST", "/api/v1/admin/card-batches", {
            "organization": "某某集团", "face_value_fen": 20000, "count": BATCH, "expires_at": expires}, admin)
        assert status == 202, batch
        path = f"/api/v1/admin/card-batches/{batch['id']}"
        wait_for(lambda: call(b.port, "GET", path, token=admin)[1]["done"] > 0, 60, "A started issuing")
        a.signal(signal.SIGKILL)
        a.process.wait(10)
        done_at_kill = call(b.port, "GET", path, token=admin)[1]["done"]
        assert 0 < done_at_kill < BATCH
        killed = time.monotonic()
        wait_for(lambda: call(b.port, "GET", path, token=admin)[1]["state"] == "issued", 90, "B finished the batch",
                 every=0.2)
        print(f"batch: {done_at_kill} cards issued by A before SIGKILL; B finished {time.monotonic() - killed:.1f} s "
              f"later (lease 3 s)")
        status, body = call(b.port, "GET", path, token=admin)
        assert body["done"] == BATCH
        rows = await sql_rows(database_url, f"SELECT count(*), count(DISTINCT card_no) FROM card "
                                            f"WHERE batch_id = {batch['id']}")
        assert rows == [(BATCH, BATCH)]  # every card once
    finally:
        for server in (a, b):
            server.stop()
    assert b.process.returncode == 0, b.output()
