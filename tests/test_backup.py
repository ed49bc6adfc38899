"""`main.py backup --to FILE` and `main.py restore FILE` (issue 19): a copy of the live SQLite database taken while
orders and redemptions are being written restores to a database that passes `reconcile`; `restore` is refused
while a server has the database open; PostgreSQL refuses both with the way to do it there (pg_dump / PITR)."""
from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import sqlite3
import sys
import time

import pytest

from models.tables.users import Role
from tests.support.cards import buy_cards, pay_code
from tests.support.cli import ROOT, run_cli
from tests.support.http import auth, consumer_headers, staff_token
from tests.support.orders import ADDRESS, shop
from tests.support.servers import start

LOAD_SECONDS_AFTER = 0.5  # the writers go on this long after the copy ended


def counts(path) -> dict[str, int]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for t in ("order", "redemption", "card_activity", "stock_movement")}


async def writers(client, small_catalog, stop: asyncio.Event) -> dict[str, int]:
    """Two consumers placing orders and a counter redeeming two cards, until `stop`."""
    _, alice = await shop(client, small_catalog)
    bob = await consumer_headers(client, "bob")
    assert (await client.post("/api/v1/me/addresses", json=ADDRESS, headers=bob)).status == 201
    clerk = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk1", merchant_name="佛冈专柜"))
    cards = [(holder, card["card_no"]) for holder in (alice, bob)
             for card in await buy_cards(client, holder, face=100000, quantity=2)]
    done = {"orders": 0, "redemptions": 0}
    keys = itertools.count()

    async def orders(headers, sku) -> None:
        while not stop.is_set():
            resp = await client.post("/api/v1/orders", json={"items": [{"sku": sku, "qty": 1}]}, headers=headers)
            if resp.status == 409:  # out of stock: this writer is done
                return
            assert resp.status == 201, await resp.text()
            done["orders"] += 1

    async def redemptions(holder, card_no) -> None:
        while not stop.is_set():
            code = await pay_code(client, holder, card_no)
            resp = await client.post("/api/v1/merchant/redemptions", headers=clerk, json={
                "code": code, "items": [{"sku": "T-EGG-01", "qty": 1}], "idempotency_key": f"load-{next(keys):06d}"})
            if resp.status == 409:  # the card is spent: this writer is done
                return
            assert resp.status == 201, await resp.text()
            done["redemptions"] += 1

    await asyncio.gather(orders(alice, "T-HONEY-01"), orders(bob, "T-GEFEN-01"),
                         *(redemptions(h, c) for h, c in cards))
    return done


async def test_a_backup_taken_under_write_load_restores_to_a_database_that_reconciles(
        make_client, small_catalog, settings, db_engine, tmp_path):
    if db_engine != "sqlite":
        pytest.skip("the online backup is SQLite's; PostgreSQL: pg_dump (test below)")
    client = await make_client()
    stop = asyncio.Event()
    load = asyncio.create_task(writers(client, small_catalog, stop))
    try:
        while not (await asyncio.sleep(0.2) or counts(settings.database_url.removeprefix("sqlite://"))["redemption"]):
            assert not load.done(), load.result()
        before = counts(settings.database_url.removeprefix("sqlite://"))
        env = {"PATH": os.environ["PATH"], "DATABASE_URL": settings.database_url, "SECRET_KEY": settings.secret_key}
        started = time.perf_counter()
        backup = await asyncio.create_subprocess_exec(
            sys.executable, "main.py", "backup", "--to", str(tmp_path / "copy.sqlite3"), cwd=ROOT, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, err = await backup.communicate()
        seconds = time.perf_counter() - started
        assert backup.returncode == 0, err.decode()
        assert "备份完成" in out.decode()
        await asyncio.sleep(LOAD_SECONDS_AFTER)
    finally:
        stop.set()
        done = await load
    after = counts(settings.database_url.removeprefix("sqlite://"))
    copied = counts(tmp_path / "copy.sqlite3")
    print(f"backup under load: {seconds:.2f} s; {done}; before {before}, copy {copied}, after {after}")
    for table in before:  # the writers went on during the copy: it holds one instant between before and after
        assert before[table] <= copied[table] <= after[table], (table, before, copied, after)
    assert copied["redemption"] < after["redemption"] or copied["order"] < after["order"]

    restored = f"sqlite://{tmp_path / 'restored.sqlite3'}"
    result = run_cli("restore", str(tmp_path / "copy.sqlite3"), database_url=restored)
    assert result.returncode == 0, result.stderr
    result = run_cli("reconcile", database_url=restored)
    assert result.returncode == 0, result.stdout + result.stderr
    assert counts(tmp_path / "restored.sqlite3") == copied


def test_restore_is_refused_while_a_server_has_the_database_open(db_engine, tmp_path):
    if db_engine != "sqlite":
        pytest.skip("restore is SQLite's")
    url = f"sqlite://{tmp_path / 'live.sqlite3'}"
    assert run_cli("migrate", database_url=url).returncode == 0
    assert run_cli("create-merchant", "--name", "备份前的专柜", database_url=url).returncode == 0
    result = run_cli("backup", "--to", str(tmp_path / "b.sqlite3"), database_url=url)
    assert result.returncode == 0, result.stderr
    assert run_cli("create-merchant", "--name", "备份后的专柜", database_url=url).returncode == 0

    server = start(url, tmp_path, "live")
    try:
        server.wait_ready()
        refused = run_cli("restore", str(tmp_path / "b.sqlite3"), database_url=url)
        assert refused.returncode == 1
        assert "数据库正被服务器或其他命令使用" in refused.stderr
    finally:
        assert server.stop() == 0, server.output()
    with contextlib.closing(sqlite3.connect(tmp_path / "live.sqlite3")) as db:  # untouched by the refusal
        assert db.execute("SELECT count(*) FROM merchant").fetchone()[0] == 2

    result = run_cli("restore", str(tmp_path / "b.sqlite3"), database_url=url)
    assert result.returncode == 0, result.stderr
    assert "原数据库已另存为" in result.stdout
    with contextlib.closing(sqlite3.connect(tmp_path / "live.sqlite3")) as db:
        assert [r[0] for r in db.execute("SELECT name FROM merchant")] == ["备份前的专柜"]
    assert run_cli("reconcile", database_url=url).returncode == 0
    saved = list(tmp_path.glob("live.sqlite3.before-restore-*"))
    assert len(saved) == 1  # the database replaced, kept beside it


def test_postgres_refuses_backup_and_restore_with_the_way_to_do_it(db_engine, database_url, tmp_path):
    if db_engine != "postgres":
        pytest.skip("PostgreSQL's refusal")
    for args in (("backup", "--to", str(tmp_path / "x")), ("restore", str(tmp_path / "x"))):
        result = run_cli(*args, database_url=database_url)
        assert result.returncode == 1, result.stdout
        assert "pg_dump" in result.stderr
        assert "docs/deploy.md" in result.stderr
    assert not (tmp_path / "x").exists()
