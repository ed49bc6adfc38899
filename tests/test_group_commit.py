"""Batches written together (SQLite's group commit, models/storage/sql_group.py; on PostgreSQL, concurrent transactions)
stay all-or-nothing one by one: a refused batch, a broken unique index or a bad statement fails only its own
batch, and the others in the same group are written."""
from __future__ import annotations

import asyncio
import sqlite3
import threading
from typing import Any

import pytest
from tortoise.exceptions import IntegrityError, OperationalError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from api.keys import DATABASE
from models.storage.database import activated
from models.storage.sql_batch import Ref, Refused, Statement, run_batch
from models.storage.sql_group import group_committer
from models.tables.catalog import Product
from tests.support.cards import counter, reconcile  # noqa: F401 (fixtures)
from tests.support.http import admin_headers, import_csv
from tests.support.orders import order, shop, stock_of

_TAKE = "UPDATE product SET stock = stock - ? WHERE sku = ? AND stock >= ? RETURNING id, stock"
_RENAME = "UPDATE product SET sku = ? WHERE id = ?"


async def _stock(sku: str) -> int:
    return (await Product.get(sku=sku)).stock


async def test_each_batch_of_a_group_stands_or_falls_alone(client, small_catalog):
    await import_csv(client, small_catalog, await admin_headers(client))
    with activated(client.app[DATABASE]):
        db = Product._meta.db
        eggs, rice = await _stock("T-EGG-01"), await _stock("T-RICE-01")
        fine = [Statement(_TAKE, [1, "T-EGG-01", 1], True), Statement(_TAKE, [2, "T-RICE-01", 2], True)]
        refused = [Statement(_TAKE, [1, "T-EGG-01", 1], True),
                   Statement(_TAKE, [10**9, "T-RICE-01", 10**9], True, "rice")]
        duplicate = [Statement(_TAKE, [1, "T-EGG-01", 1], True, "egg"),
                     Statement(_RENAME, ["T-RICE-01", Ref("egg", "id")])]
        broken = [Statement(_TAKE, [1, "T-EGG-01", 1], True), Statement("UPDATE no_such_table SET x = 1", [])]
        outcomes = await asyncio.gather(*(run_batch(db, b) for b in (fine, refused, fine, duplicate, broken, fine)),
                                        return_exceptions=True)
        assert [type(o).__name__ for o in outcomes] == ["list", "Refused", "list", "IntegrityError",
                                                         "OperationalError", "list"]
        assert isinstance(outcomes[1], Refused)
        assert (outcomes[1].index, outcomes[1].name) == (1, "rice")
        assert isinstance(outcomes[3], IntegrityError)
        assert isinstance(outcomes[4], OperationalError)
        # The three fine batches took an egg and two rice each, one after the other; the others took nothing.
        taken = sorted(o[0][0]["stock"] for o in outcomes if isinstance(o, list))
        assert await _stock("T-EGG-01") == eggs - 3
        assert taken == [eggs - 3, eggs - 2, eggs - 1]
        assert await _stock("T-RICE-01") == rice - 6
        assert await Product.filter(sku="T-RICE-01").count() == 1


async def test_a_burst_of_mixed_redemptions_on_one_card(client, counter, settings):
    """Replays, refusals and debits racing in one burst: each answered as if it had come alone."""
    clerk, alice, card_no = counter
    code = (await (await client.post(f"/api/v1/cards/{card_no}/give", headers=alice)).json())["claim_code"]

    def post(key: str, sku: str, qty: int):
        return client.post("/api/v1/merchant/redemptions", headers=clerk, json={
            "code": code, "items": [{"sku": sku, "qty": qty}], "idempotency_key": key})

    burst = [post("same-key", "T-EGG-01", 1) for _ in range(4)] + [post("too-much-key", "T-APPLE-02", 3)] + [
        post(f"own-key-{i}", "T-EGG-01", 1) for i in range(3)]
    responses = await asyncio.gather(*burst)
    bodies = [await r.json() for r in responses]
    assert [r.status for r in responses] == [201] * 4 + [409] + [201] * 3, bodies
    assert len({b["id"] for b in bodies[:4]}) == 1
    assert len({b["id"] for b in bodies if "id" in b}) == 4
    assert bodies[4]["error"]["code"] == "card_insufficient_balance"
    reused = await (await post("same-key", "T-EGG-01", 2)).json()
    assert reused["error"]["code"] == "idempotency_key_reused"
    preview = await (await client.post("/api/v1/merchant/redemptions/preview", json={"code": code},
                                       headers=clerk)).json()
    assert preview["balance_fen"] == 20000 - 4 * 3990
    listed = await (await client.get("/api/v1/merchant/redemptions", headers=clerk)).json()
    assert listed["total"] == 4
    assert reconcile(settings).returncode == 0


async def test_a_failing_batch_in_a_group_rolls_back_only_itself(client, small_catalog, db_engine):
    """One group, one COMMIT (SQLite): the middle batch takes eggs and then fails; its take is undone before the
    next batch runs, which needs every egg the failed batch had taken back."""
    await import_csv(client, small_catalog, await admin_headers(client))
    with activated(client.app[DATABASE]):
        db = Product._meta.db
        eggs = await _stock("T-EGG-01")
        first = [Statement(_TAKE, [1, "T-EGG-01", 1], True)]
        failing = [Statement(_TAKE, [eggs - 1, "T-EGG-01", eggs - 1], True),
                   Statement("UPDATE no_such_table SET x = 1", [])]
        after = [Statement(_TAKE, [eggs - 1, "T-EGG-01", eggs - 1], True)]  # only if the failed take was undone
        committer = group_committer(db)
        groups = committer.groups if committer else 0
        if db_engine == "sqlite":  # all three waiting at once: one group, in this order
            outcomes = await asyncio.gather(*(run_batch(db, b) for b in (first, failing, after)),
                                            return_exceptions=True)
        else:  # three transactions of their own, which concurrently could run in any order: one after the other
            outcomes = [await _outcome(run_batch(db, b)) for b in (first, failing, after)]
        assert [type(o).__name__ for o in outcomes] == ["list", "OperationalError", "list"]
        assert await _stock("T-EGG-01") == 0
        if db_engine == "sqlite":  # the three went to the writer thread together
            assert committer is not None
            assert committer.groups == groups + 1


async def _outcome(write: Any) -> Any:
    try:
        return await write
    except Exception as exc:
        return exc


async def _take_in_a_tortoise_transaction(sku: str) -> None:
    """Read, give the writer time to commit, then write: SQLite never lets a reading transaction wait for the
    write lock, so this fails at once ("database is locked") if the writer may commit in between."""
    async with in_transaction() as conn:
        product = await Product.get(sku=sku, using_db=conn)
        await asyncio.sleep(0.002)
        changed = await Product.filter(id=product.id, stock__gte=1).using_db(conn).update(stock=F("stock") - 1)
        assert changed == 1


async def test_tortoise_transactions_writing_beside_the_writer_are_not_refused(client, small_catalog):
    """Batches through the writer thread (its own connection) and Tortoise's own read-then-write transactions and
    autocommit writes on the same rows, all at once: none fails, every take counts."""
    await import_csv(client, small_catalog, await admin_headers(client))
    with activated(client.app[DATABASE]):
        db = Product._meta.db
        eggs = await _stock("T-EGG-01")
        batches = [run_batch(db, [Statement(_TAKE, [1, "T-EGG-01", 1], True)]) for _ in range(30)]
        transactions = [_take_in_a_tortoise_transaction("T-EGG-01") for _ in range(30)]
        autocommits = [Product.filter(sku="T-EGG-01").update(stock=F("stock") - 1) for _ in range(10)]
        mixed = [x for trio in zip(batches, transactions, autocommits + [asyncio.sleep(0)] * 20, strict=True)
                 for x in trio]
        outcomes = await asyncio.gather(*mixed, return_exceptions=True)
        failures = [repr(o) for o in outcomes if isinstance(o, BaseException)]
        assert failures == []
        assert await _stock("T-EGG-01") == eggs - 70


async def test_an_order_waits_for_another_connection_then_answers_503(make_client, small_catalog, settings, db_engine):
    """SQLite: another connection holds the write lock. Briefly: the writer thread waits for it and the order is
    placed. Longer than the busy timeout: 503 database_busy, nothing reserved."""
    if db_engine != "sqlite":
        pytest.skip("the writer thread and its busy timeout are SQLite's")
    client = await make_client(database_url=settings.database_url + "?busy_timeout=300")
    _, alice = await shop(client, small_catalog)
    eggs = await stock_of(client, "T-EGG-01")
    blocker = sqlite3.connect(settings.database_url.removeprefix("sqlite://"), isolation_level=None,
                              check_same_thread=False)  # released by a timer's thread
    try:
        blocker.execute("BEGIN IMMEDIATE")
        threading.Timer(0.1, blocker.rollback).start()  # released well within the 300 ms
        await order(client, alice, ("T-EGG-01", 1))
        blocker.execute("BEGIN IMMEDIATE")
        resp = await client.post("/api/v1/orders", json={"items": [{"sku": "T-EGG-01", "qty": 1}]}, headers=alice)
        body = await resp.json()
        assert resp.status == 503, body
        assert body["error"]["code"] == "database_busy"
        blocker.rollback()
        assert await stock_of(client, "T-EGG-01") == eggs - 1
    finally:
        blocker.close()


async def test_the_writer_thread_ends_with_the_app(make_client, db_engine):
    client = await make_client()
    writers = [t for t in threading.enumerate() if t.name.startswith("sqlite-writer") and t.is_alive()]
    assert len(writers) == (1 if db_engine == "sqlite" else 0)
    await client.close()
    assert [t for t in writers if t.is_alive()] == []
