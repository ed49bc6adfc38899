"""Issue a 以购代捐 batch of 630,000 cards into a fresh database, and activate it; compare with bare inserts.

    python bench/card_issue_bench.py                                   # SQLite (temporary file)
    python bench/card_issue_bench.py --database-url postgres://u@h/db  # SQLite, then PostgreSQL

For PostgreSQL a fresh database is created next to the one named (`aixin_card_bench_<pid>`, dropped at the
end), so the URL's user needs CREATEDB. Each engine, in one run, on an emptied card table each time:

  (a) baselines: the same rows (card numbers generated beforehand), same columns, same chunks, one
      transaction per chunk, no allocation / lease / progress: raw `executemany` (the ratio's base),
      Tortoise `bulk_create` (objects built per chunk), and the set-based INSERT … SELECT that
      `issue_batch` uses;
  (b) `issue_batch` itself (claim, per chunk: lease check, serial allocation, card numbers, insert, progress);
  (c) `activate_batch` (set-based UPDATE + ledger INSERT … SELECT, one transaction), then `batch_report`.

Target: issue_batch and activate_batch each ≤ 120 s for 630,000 cards on a 2-core machine.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402
from tortoise.transactions import in_transaction  # noqa: E402

from models.clock import now_utc, today_shanghai  # noqa: E402
from models.services import card_batches, setup  # noqa: E402
from models.storage.database import activated, open_database  # noqa: E402
from models.tables.cards import Card, CardBatch, CardStatus  # noqa: E402

TARGET_SECONDS = 120.0
FACE = 20000
COLUMNS = card_batches.CARD_COLUMNS
Row = tuple[str, float]


@asynccontextmanager
async def fresh_database(engine: str, url: str | None) -> AsyncIterator[str]:
    """A new, migrated database: a temporary SQLite file, or a new database on the PostgreSQL server of `url`."""
    if engine == "sqlite":
        folder = tempfile.mkdtemp(prefix="card-bench-")
        try:
            yield f"sqlite://{folder}/bench.sqlite3"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    assert url is not None
    name = f"aixin_card_bench_{os.getpid()}"
    admin = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(url)._replace(path=f"/{name}"))
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def empty_cards(engine: str) -> None:
    """Back to an empty card table (and a fresh serial counter), so every step starts from the same state."""
    conn = CardBatch._meta.db
    if engine == "sqlite":
        await conn.execute_script(
            'DELETE FROM "card_activity"; DELETE FROM "card"; DELETE FROM "card_number_counter"; VACUUM;')
    else:
        await conn.execute_script(
            'TRUNCATE "card_activity", "card", "card_number_counter" RESTART IDENTITY CASCADE; CHECKPOINT;')


async def timed(work: Callable[[], Awaitable[object]]) -> float:
    started = time.perf_counter()
    await work()
    return time.perf_counter() - started


async def bare_executemany(batch: CardBatch, numbers: list[str], chunk: int) -> None:
    now = now_utc()
    for start in range(0, len(numbers), chunk):
        async with in_transaction() as conn:
            sqlite = conn.capabilities.dialect == "sqlite"
            marks = ", ".join("?" if sqlite else f"${i}" for i in range(1, 10))
            rows = [(n, FACE, 0, CardStatus.INACTIVE.value, batch.expires_at, 0, 0, now, batch.id)
                    for n in numbers[start:start + chunk]]
            await conn.execute_many(f'INSERT INTO "card" ({COLUMNS}) VALUES ({marks})', rows)


async def bare_bulk_create(batch: CardBatch, numbers: list[str], chunk: int) -> None:
    """Tortoise's own bulk_create, objects built per chunk (that is part of its cost)."""
    now = now_utc()
    for start in range(0, len(numbers), chunk):
        async with in_transaction() as conn:
            cards = [Card(card_no=n, face_value_fen=FACE, balance_fen=0, status=CardStatus.INACTIVE,
                          expires_at=batch.expires_at, created_at=now, batch_id=batch.id)
                     for n in numbers[start:start + chunk]]
            await Card.bulk_create(cards, batch_size=chunk, using_db=conn)


async def bare_set_based(batch: CardBatch, numbers: list[str], chunk: int) -> None:
    now = now_utc()
    for start in range(0, len(numbers), chunk):
        async with in_transaction() as conn:
            await card_batches.insert_cards(conn, batch, numbers[start:start + chunk], now)


async def run_engine(engine: str, url: str, count: int, chunk: int) -> list[Row]:
    ctx = await open_database(url)
    try:
        await setup.migrate(ctx, url)
        with activated(ctx):
            return await steps(engine, count, chunk)
    finally:
        await ctx.close_connections()


async def steps(engine: str, count: int, chunk: int) -> list[Row]:
    expires = today_shanghai() + timedelta(days=365)
    numbers = card_batches.card_nos(1, count)
    holder = await CardBatch.create(organization="baseline", face_value_fen=FACE, count=count, expires_at=expires)
    results: list[Row] = []
    bares = (("bare executemany", bare_executemany), ("bare bulk_create", bare_bulk_create),
             ("bare INSERT…SELECT", bare_set_based))
    for label, bare in bares:
        await empty_cards(engine)
        results.append((label, await timed(lambda bare=bare: bare(holder, numbers, chunk))))
    await empty_cards(engine)
    batch = await card_batches.create_batch(None, organization="bench", face_value_fen=FACE, count=count,
                                            expires_at=expires, allowed_face_values=(FACE,))
    calls: list[int] = []
    results.append(("issue_batch", await timed(
        lambda: card_batches.issue_batch(batch.id, lambda done, total: calls.append(done), chunk_size=chunk))))
    results.append(("activate_batch", await timed(lambda: card_batches.activate_batch(None, batch.id))))
    report: dict[str, int] = {}
    results.append(("batch_report", await timed(lambda: _report(batch.id, report))))
    await check(batch.id, count, report, len(calls))
    return results


async def _report(batch_id: int, into: dict[str, int]) -> None:
    into.update(await card_batches.batch_report(batch_id))


async def check(batch_id: int, count: int, report: dict[str, int], progress_calls: int) -> None:
    """The run only counts if the result is right: count unique cards, all active, one ledger entry each."""
    conn = CardBatch._meta.db
    rows = await conn.execute_query_dict(
        'SELECT COUNT(*) AS n, COUNT(DISTINCT "card_no") AS u FROM "card" WHERE "batch_id" = ' + str(batch_id))
    ledger = await conn.execute_query_dict('SELECT COUNT(*) AS n FROM "card_activity"')
    assert int(rows[0]["n"]) == int(rows[0]["u"]) == count, rows
    assert int(ledger[0]["n"]) == count, ledger
    assert report["activated"] == report["issued"] == count and report["outstanding_fen"] == count * FACE, report
    assert (await CardBatch.get(id=batch_id)).state.value == "active"
    assert progress_calls >= 2


def print_results(engine: str, count: int, results: list[Row]) -> bool:
    seconds = dict(results)
    base, same = seconds["bare executemany"], seconds["bare INSERT…SELECT"]
    print(f"\n{engine}: {count:,} cards")
    print(f"  {'step':<22}{'seconds':>9}{'rows/s':>11}  ratio")
    for label, s in results:
        ratio = f"{s / base:.2f} × executemany" if label.startswith("bare") else ""
        if label == "issue_batch":
            ratio = f"{s / base:.2f} × bare executemany, {s / same:.2f} × bare INSERT…SELECT"
        print(f"  {label:<22}{s:>9.2f}{count / s:>11,.0f}  {ratio}")
    ok = True
    for label in ("issue_batch", "activate_batch"):
        verdict = "PASS" if seconds[label] <= TARGET_SECONDS else "FAIL"
        ok &= verdict == "PASS"
        print(f"  {verdict} {label} {seconds[label]:.1f} s ≤ {TARGET_SECONDS:.0f} s")
    return ok


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=630_000)
    parser.add_argument("--chunk", type=int, default=card_batches.CHUNK)
    parser.add_argument("--database-url", help="a PostgreSQL server (any database on it) to bench as well")
    parser.add_argument("--engine", choices=["sqlite", "postgres"], help="only this engine, in this process")
    return parser.parse_args()


async def one_engine(args: argparse.Namespace) -> int:
    async with fresh_database(args.engine, args.database_url) as url:
        results = await run_engine(args.engine, url, args.count, args.chunk)
    ok = print_results(args.engine, args.count, results)
    out = ROOT / "bench" / "results" / f"card-issue-{args.engine}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"engine": args.engine, "count": args.count, "chunk": args.chunk,
                               "seconds": dict(results)}, indent=2))
    return 0 if ok else 1


def main() -> int:
    """Each engine in its own process: Tortoise caches a model's SQL for the first engine it meets."""
    args = parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.engine:
        return asyncio.run(one_engine(args))
    print(f"card issue bench: {args.count:,} cards in chunks of {args.chunk:,}, {os.cpu_count()} cores", flush=True)
    status = 0
    for engine in ["sqlite"] + (["postgres"] if args.database_url else []):
        command = [sys.executable, __file__, "--engine", engine, "--count", str(args.count), "--chunk", str(args.chunk)]
        command += ["--database-url", args.database_url] if args.database_url else []
        status |= subprocess.run(command, cwd=ROOT).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
