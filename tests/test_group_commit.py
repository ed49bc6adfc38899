"""Batches written together (SQLite's group commit, models/storage/sql_group.py; on PostgreSQL, concurrent transactions)
stay all-or-nothing one by one: a refused batch, a broken unique index or a bad statement fails only its own
batch, and the others in the same group are written."""
from __future__ import annotations

import asyncio

from tortoise.exceptions import IntegrityError, OperationalError

from api.keys import DATABASE
from models.storage.database import activated
from models.storage.sql_batch import Ref, Refused, Statement, run_batch
from models.tables.catalog import Product
from tests.support.cards import counter, reconcile  # noqa: F401 (fixtures)
from tests.support.http import admin_headers, import_csv

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
        refused = [Statement(_TAKE, [1, "T-EGG-01", 1], True), Statement(_TAKE, [10**9, "T-RICE-01", 10**9], True, "rice")]
        duplicate = [Statement(_TAKE, [1, "T-EGG-01", 1], True, "egg"), Statement(_RENAME, ["T-RICE-01", Ref("egg", "id")])]
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
    preview = await (await client.post("/api/v1/merchant/redemptions/preview", json={"code": code}, headers=clerk)).json()
    assert preview["balance_fen"] == 20000 - 4 * 3990
    listed = await (await client.get("/api/v1/merchant/redemptions", headers=clerk)).json()
    assert listed["total"] == 4
    assert reconcile(settings).returncode == 0
