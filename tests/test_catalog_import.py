"""Catalogue import: all or nothing, every bad row reported, re-import idempotent."""
from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import aiohttp

from tests.support.http import HEADER, admin_headers, consumer_headers, import_csv, search

ROOT = Path(__file__).resolve().parent.parent

GOOD = "X-1,好蜂蜜 500g,好,蜂蜜蜂产品,瓶,12.30,10,测试合作社,合作社,广东省,清远市,佛冈县,C-1,2099-01-01,5,蜂蜜,"


def csv_of(*rows: str, header: str = HEADER, bom: bool = False) -> bytes:
    text = "\n".join([header, *rows]) + "\n"
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode()


async def test_good_file_imports_and_is_searchable(client, small_catalog):
    headers = await admin_headers(client)
    summary = await import_csv(client, small_catalog, headers)
    assert summary["rows"] == 10
    assert summary["products_created"] == 10
    egg = await (await client.get("/api/v1/products/T-EGG-01")).json()
    assert egg["price_fen"] == 3990
    assert egg["unit"] == "盒"
    assert egg["origin"] == {"code": "441821", "province": "广东省", "city": "清远市", "county": "佛冈县",
                             "poverty_county": egg["origin"]["poverty_county"]}
    assert egg["supplier"]["households_lifted"] == 120
    honey = await (await client.get("/api/v1/products/T-HONEY-01")).json()
    assert honey["price_fen"] == 5850


async def test_reimport_is_idempotent(client, small_catalog):
    headers = await admin_headers(client)
    await import_csv(client, small_catalog, headers)
    audit_before = (await (await client.get("/api/v1/admin/audit", headers=headers)).json())["total"]
    again = await import_csv(client, small_catalog, headers)
    assert again["products_created"] == 0
    assert again["products_updated"] == 0
    assert again["products_unchanged"] == 10
    audit_after = (await (await client.get("/api/v1/admin/audit", headers=headers)).json())["total"]
    assert audit_after == audit_before
    assert (await search(client, q="鸡蛋"))["total"] == 1


async def test_bom_and_multipart_upload(client):
    headers = await admin_headers(client)
    form = aiohttp.FormData()
    form.add_field("file", csv_of(GOOD, bom=True), filename="catalog.csv", content_type="text/csv")
    resp = await client.post("/api/v1/admin/catalog/import", data=form, headers=headers)
    assert resp.status == 200, await resp.text()
    assert (await resp.json())["products_created"] == 1


async def test_every_bad_row_is_reported_and_nothing_is_written(client):
    headers = await admin_headers(client)
    rows = [
        GOOD,
        "X-2,坏价格,,粮油米面,袋,12.345,10,测试合作社,合作社,广东省,清远市,佛冈县,C-2,2099-01-01,5,,",
        "X-3,负库存,,粮油米面,袋,1,-4,测试合作社,合作社,广东省,清远市,佛冈县,C-3,2099-01-01,5,,",
        "X-4,未知县,,粮油米面,袋,1,4,测试合作社,合作社,广东省,清远市,不存在县,C-4,2099-01-01,5,,",
        "X-5,坏日期,,粮油米面,袋,1,4,测试合作社,合作社,广东省,清远市,佛冈县,C-5,2099-13-01,5,,",
        "X-6,坏类型,,粮油米面,袋,1,4,另一家,公司,广东省,清远市,佛冈县,C-6,2099-01-01,5,,",
        "X-1,重复,,粮油米面,袋,1,4,测试合作社,合作社,广东省,清远市,佛冈县,C-7,2099-01-01,5,,",
        ",,,粮油米面,袋,1,4,测试合作社,合作社,广东省,清远市,佛冈县,C-8,2099-01-01,5,,",
        "X-9,户数不一致,,粮油米面,袋,1,4,测试合作社,合作社,广东省,清远市,佛冈县,C-9,2099-01-01,6,,",
    ]
    resp = await client.post("/api/v1/admin/catalog/import", data=csv_of(*rows), headers=headers)
    assert resp.status == 422
    error = (await resp.json())["error"]
    assert error["code"] == "catalog_invalid"
    by_line = {e["line"]: e for e in reversed(error["details"]["errors"])}  # the first problem of each line
    fields_of = lambda line: {e["field"] for e in error["details"]["errors"] if e["line"] == line}  # noqa: E731
    assert by_line[3]["field"] == "price"
    assert by_line[4]["field"] == "stock"
    assert by_line[5]["field"] == "origin_county"
    assert "不存在县" in by_line[5]["reason"]
    assert by_line[6]["field"] == "cert_valid_until"
    assert by_line[7]["field"] == "supplier_type"
    assert by_line[8]["field"] == "sku"
    assert "第 2 行" in by_line[8]["reason"]
    assert fields_of(9) == {"sku", "name"}
    assert by_line[10]["field"] == "supplier"
    assert 2 not in by_line
    admin_list = await (await client.get("/api/v1/admin/products", headers=headers)).json()
    assert admin_list["total"] == 0


async def test_wrong_header_and_encoding(client):
    headers = await admin_headers(client)
    resp = await client.post("/api/v1/admin/catalog/import",
                             data=csv_of(GOOD, header=HEADER.replace("price", "price_yuan")), headers=headers)
    assert resp.status == 422
    assert (await resp.json())["error"]["details"]["errors"][0]["line"] == 1
    # Excel in China saves GBK: accepted since issue 16 (tests/test_catalog_formats.py); bytes in no encoding are not
    resp = await client.post("/api/v1/admin/catalog/import", data=csv_of(GOOD) + b"\xff\xff", headers=headers)
    assert resp.status == 422
    assert (await resp.json())["error"]["code"] == "catalog_invalid"


async def test_expired_certificate_imports_but_is_not_sellable(client, small_catalog):
    headers = await admin_headers(client)
    await import_csv(client, small_catalog, headers)
    product = await (await client.get("/api/v1/admin/products/T-HONEY-02", headers=headers)).json()
    assert product["cert_status"] == "certified"
    assert product["sellable"] is False
    assert (await client.get("/api/v1/products/T-HONEY-02")).status == 404
    pending = await (await client.get("/api/v1/admin/products/T-PEND-01", headers=headers)).json()
    assert pending["cert_status"] == "pending"


async def test_import_requires_admin(client, small_catalog):
    resp = await client.post("/api/v1/admin/catalog/import", data=small_catalog)
    assert resp.status == 401
    resp = await client.post("/api/v1/admin/catalog/import", data=small_catalog, headers=await consumer_headers(client))
    assert resp.status == 403
    assert (await resp.json())["error"]["code"] == "forbidden"


def test_cli_import_reports_bad_rows(tmp_path, settings):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_of(GOOD,
                           "X-2,坏价格,,粮油米面,袋,abc,10,测试合作社,合作社,广东省,清远市,佛冈县,C-2,2099-01-01,5,,"))
    env = {"DATABASE_URL": settings.database_url, "SECRET_KEY": settings.secret_key, "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "main.py", "import-catalog", str(bad)],
                            capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 1
    assert "第 3 行: price" in result.stderr  # the CLI speaks Chinese (issue 16)
    missing = subprocess.run([sys.executable, "main.py", "import-catalog", str(tmp_path / "nope.csv")],
                             capture_output=True, text=True, env=env, cwd=ROOT)
    assert missing.returncode == 1
    assert "找不到文件" in missing.stderr


# ---------------------------------------------------------------- stock: the CSV never undoes sales (issue 14)

SOLD_OUT = "S-1,限量蜂蜜 500g,好,蜂蜜蜂产品,瓶,12.30,20,测试合作社,合作社,广东省,清远市,佛冈县,C-1,2099-01-01,5,蜂蜜,"


async def _sell_out(client, headers, sku: str, qty: int) -> None:
    from tests.support.orders import ADDRESS

    for i in range(qty):
        buyer = await consumer_headers(client, f"buyer{i}")
        await client.post("/api/v1/me/addresses", json=ADDRESS, headers=buyer)
        resp = await client.post("/api/v1/orders", json={"items": [{"sku": sku, "qty": 1}]}, headers=buyer)
        assert resp.status == 201, await resp.text()


async def _stock_and_ledger(client, sku: str) -> tuple[int, int]:
    from api.keys import DATABASE
    from models.storage.database import activated
    from models.tables.catalog import Product
    from models.tables.orders import StockMovement

    with activated(client.app[DATABASE]):
        product = await Product.get(sku=sku)
        moved = await StockMovement.filter(product_id=product.id).values_list("delta", flat=True)
    return product.stock, sum(moved)


def _reconcile(settings) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": settings.database_url, "SECRET_KEY": settings.secret_key}
    return subprocess.run([sys.executable, "main.py", "reconcile"], capture_output=True, text=True, env=env, cwd=ROOT)


async def test_reimport_never_undoes_sales(client, settings):
    """Sold out by 20 reservations, the same file again: stock stays 0, the 21st order is refused, reconcile holds."""
    headers = await admin_headers(client)
    first = await import_csv(client, csv_of(SOLD_OUT), headers)
    assert first["products_created"] == 1
    assert await _stock_and_ledger(client, "S-1") == (20, 20)  # the opening stock is in the ledger
    await _sell_out(client, headers, "S-1", 20)
    again = await import_csv(client, csv_of(SOLD_OUT), headers)
    assert again["products_updated"] == 0
    assert again["products_unchanged"] == 1
    assert again["stock_left_unchanged"] == 1  # the file says 20, the shop has 0: reported, not applied
    assert await _stock_and_ledger(client, "S-1") == (0, 0)
    buyer = await consumer_headers(client, "late")
    from tests.support.orders import ADDRESS
    await client.post("/api/v1/me/addresses", json=ADDRESS, headers=buyer)
    late = await client.post("/api/v1/orders", json={"items": [{"sku": "S-1", "qty": 1}]}, headers=buyer)
    assert late.status == 409
    assert (await late.json())["error"]["code"] == "out_of_stock"
    result = _reconcile(settings)
    assert result.returncode == 0, result.stderr


async def test_reconcile_finds_stock_changed_outside_the_ledger(client, settings):
    headers = await admin_headers(client)
    await import_csv(client, csv_of(SOLD_OUT), headers)
    assert _reconcile(settings).returncode == 0
    from api.keys import DATABASE
    from models.storage.database import activated
    from models.tables.catalog import Product

    with activated(client.app[DATABASE]):
        await Product.filter(sku="S-1").update(stock=25)  # tampered with: no stock movement
    result = _reconcile(settings)
    assert result.returncode == 1
    assert "S-1" in result.stderr
    assert "库存 25" in result.stderr
    assert "库存流水合计 20" in result.stderr


async def test_admin_stock_change_goes_through_the_ledger(client, settings):
    """PATCH of stock is an adjustment in the stock ledger with the admin; a stale expected stock is refused."""
    headers = await admin_headers(client)
    await import_csv(client, csv_of(SOLD_OUT), headers)
    await _sell_out(client, headers, "S-1", 3)
    resp = await client.patch("/api/v1/admin/products/S-1", json={"stock": 30, "expected_stock": 20}, headers=headers)
    assert resp.status == 409
    assert (await resp.json())["error"]["code"] == "stock_changed"
    assert (await resp.json())["error"]["details"]["stock"] == 17
    resp = await client.patch("/api/v1/admin/products/S-1", json={"stock": 30, "expected_stock": 17}, headers=headers)
    assert resp.status == 200
    assert (await resp.json())["stock"] == 30
    assert await _stock_and_ledger(client, "S-1") == (30, 30)
    from api.keys import DATABASE
    from models.storage.database import activated
    from models.tables.orders import StockMovement

    with activated(client.app[DATABASE]):
        adjust = await StockMovement.get(reason="adjust").prefetch_related("actor")
    assert adjust.delta == 13
    assert adjust.actor.username == "admin1"
    assert _reconcile(settings).returncode == 0


# ---------------------------------------------------------------- a locked database, a large import (issue 14)

async def test_a_locked_database_answers_503_database_busy(make_client, settings, db_engine):
    """Another connection holds the write lock longer than the app waits: 503 database_busy with Retry-After,
    nothing written; once the lock is gone the same request succeeds."""
    from tests.support.orders import ADDRESS

    if db_engine == "sqlite":
        import sqlite3

        client = await make_client(database_url=settings.database_url + "?busy_timeout=100")
        alice = await consumer_headers(client, "alice")
        blocker = sqlite3.connect(settings.database_url.removeprefix("sqlite://"), isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # SQLite's one write lock, held
        release = blocker.rollback
    else:
        import asyncpg

        blocker = await asyncpg.connect(settings.database_url)
        database = await blocker.fetchval("SELECT current_database()")
        # Every connection the app opens until the lock is released waits at most 100 ms (the pool may open one
        # more while the lock is held: reset earlier, that one waited for the lock for ever).
        await blocker.execute(f'ALTER DATABASE "{database}" SET lock_timeout = 100')
        try:
            client = await make_client()
            alice = await consumer_headers(client, "alice")
        except BaseException:
            await blocker.execute(f'ALTER DATABASE "{database}" RESET lock_timeout')
            raise
        await blocker.execute("BEGIN")
        await blocker.execute("LOCK TABLE address IN SHARE MODE")  # no one may insert an address

        async def release() -> None:
            await blocker.execute("ROLLBACK")
            await blocker.execute(f'ALTER DATABASE "{database}" RESET lock_timeout')
            await blocker.close()
    try:
        resp = await client.post("/api/v1/me/addresses", json=ADDRESS, headers=alice)
        body = await resp.json()
        assert resp.status == 503, body
        assert body["error"]["code"] == "database_busy"
        assert int(resp.headers["Retry-After"]) >= 1
    finally:
        if db_engine == "sqlite":
            release()
            blocker.close()
        else:
            await release()
    resp = await client.post("/api/v1/me/addresses", json=ADDRESS, headers=alice)
    assert resp.status == 201, await resp.text()
    listed = await (await client.get("/api/v1/me/addresses", headers=alice)).json()
    assert len(listed if isinstance(listed, list) else listed["items"]) == 1


def _large_catalog(n: int) -> bytes:
    rows = [f"L-{i:06d},大米 {i} 号 5kg,好,粮油米面,袋,{10 + i % 90}.50,{i % 50},合作社{i % 40},合作社,广东省,清远市,"
            f"佛冈县,C-{i},2099-01-01,{i % 40},大米,{'' if i % 3 else '丝苗米'}" for i in range(n)]
    return csv_of(*rows)


async def test_a_large_import_is_written_in_chunks_while_others_are_served(client):
    """20,000 rows: while the import runs, /healthz answers and a reader sees part of the file written (chunks
    commit one by one); the progress lines count up to the total; reimport changes nothing. Ordering only."""
    from models.services.catalog_import import CHUNK

    n = 20_000
    headers = await admin_headers(client)
    data = _large_catalog(n)
    lines: list[dict] = []

    async def run_import() -> None:
        resp = await client.post("/api/v1/admin/catalog/import", data=data, headers={
            **headers, "Content-Type": "text/csv", "Accept": "application/x-ndjson"})
        assert resp.status == 200
        assert resp.headers["Content-Type"].startswith("application/x-ndjson")
        async for raw in resp.content:
            lines.append(json.loads(raw))

    task = asyncio.create_task(run_import())
    healthy_during, partial_seen = 0, set()
    while not task.done():
        health = await client.get("/healthz")
        assert health.status == 200
        listing = await (await client.get("/api/v1/admin/products?page_size=1", headers=headers)).json()
        if task.done():
            break
        healthy_during += 1
        if 0 < listing["total"] < n:
            partial_seen.add(listing["total"])
    await task
    assert healthy_during >= 3
    assert partial_seen, "no reader saw the import part-way: it was written in one transaction"
    assert lines[0] == {"done": 0, "total": n}
    progress = [line["done"] for line in lines if "done" in line]
    assert progress == sorted(progress)
    assert progress[-1] == n
    assert len(progress) == 1 + -(-n // CHUNK)
    summary = lines[-1]["summary"]
    assert summary["rows"] == n
    assert summary["products_created"] == n
    assert summary["suppliers_created"] == 40
    again = await import_csv(client, data, headers)
    assert again["products_unchanged"] == n
    assert again["products_created"] == again["products_updated"] == 0


async def test_progress_stream_still_answers_422_for_a_bad_file(client):
    headers = await admin_headers(client)
    bad = csv_of(GOOD, "X-2,坏价格,,粮油米面,袋,abc,10,测试合作社,合作社,广东省,清远市,佛冈县,C-2,2099-01-01,5,,")
    resp = await client.post("/api/v1/admin/catalog/import", data=bad, headers={
        **headers, "Content-Type": "text/csv", "Accept": "application/x-ndjson"})
    assert resp.status == 422
    assert (await resp.json())["error"]["code"] == "catalog_invalid"
    listing = await (await client.get("/api/v1/admin/products", headers=headers)).json()
    assert listing["total"] == 0


async def test_products_from_before_the_stock_ledger_get_an_opening_movement(client, settings):
    """Products created before opening stock was written (only `product.stock`), some sold since: migration 0010
    writes the difference as an `opening` movement, once, so reconcile holds and the sales stay."""
    from importlib import import_module
    from types import SimpleNamespace

    from api.keys import DATABASE
    from models.storage.database import activated
    from models.tables.catalog import Product
    from models.tables.orders import StockMovement

    headers = await admin_headers(client)
    await import_csv(client, csv_of(SOLD_OUT, GOOD), headers)
    await _sell_out(client, headers, "S-1", 3)
    with activated(client.app[DATABASE]):
        await StockMovement.filter(reason="opening").delete()  # as an older release left them
        assert _reconcile(settings).returncode == 1
        migration = import_module("models.migrations.0010_stock_opening")
        db = Product._meta.db
        await migration.open_ledgers(None, SimpleNamespace(client=db))
        await migration.open_ledgers(None, SimpleNamespace(client=db))  # nothing left to explain: writes nothing
        openings = dict(await StockMovement.filter(reason="opening").values_list("product__sku", "delta"))
        moved = await StockMovement.filter(reason="opening").first()
    assert openings == {"S-1": 20, "X-1": 10}
    assert moved.created_at.tzinfo is not None
    assert await _stock_and_ledger(client, "S-1") == (17, 17)
    result = _reconcile(settings)
    assert result.returncode == 0, result.stderr
