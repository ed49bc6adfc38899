"""Merchant settlement and the 以购代捐 organization report over generated data, on SQLite and PostgreSQL.

    python bench/settlement_bench.py                          # both engines (PostgreSQL: a throw-away cluster)
    python bench/settlement_bench.py --engines sqlite --redemptions 50000

Data, per engine, in a fresh migrated database: the demo catalogue, `--merchants` counters, one organization's
batch of `--cards` activated cards, and `--redemptions` redemptions (two lines each, 5 % voided, with their
ledger rows) spread over `--days` business days and all merchants, written with executemany. Timed (median of
5 runs, milliseconds): one merchant's day (what its staff read), every merchant's day (the admin list), closing
one merchant's day (once), and the organization report (where the money went, traced through the lines).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tortoise.transactions import in_transaction  # noqa: E402

from models import sql  # noqa: E402
from models.clock import now_utc, today_shanghai  # noqa: E402
from models.services import card_batches, catalog_import, merchants, organization_report, settlements, setup  # noqa: E402
from models.snapshots import sellable_now  # noqa: E402
from models.storage.database import activated, open_database  # noqa: E402
from models.tables.cards import ActivityKind, Card, CardBatch, RedemptionStatus  # noqa: E402
from models.tables.catalog import Product  # noqa: E402
from models.tables.merchants import MerchantKind  # noqa: E402
from tests import pg_server  # noqa: E402

ORG = "基准测试集团"
FACE = 100000
CHUNK = 20_000
_REDEMPTION = ("INSERT INTO redemption (id, merchant_id, card_id, amount_fen, status, idempotency_key, request_hash, "
               "business_date, created_at, voided_at) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?)")
_ACTIVITY = ("INSERT INTO card_activity (card_id, kind, amount_fen, balance_after_fen, merchant_id, redemption_id, "
             "note, created_at) VALUES (?, ?, ?, 0, ?, ?, '', ?)")


async def _many(text: str, rows: list[tuple]) -> None:
    for i in range(0, len(rows), CHUNK):
        async with in_transaction() as tx:
            await tx.execute_many(sql.for_dialect(tx, text), rows[i:i + CHUNK])


async def generate(args: argparse.Namespace) -> dict[str, Any]:
    demo = (ROOT / "assets" / "catalog" / "demo_catalog.csv").read_bytes()
    await catalog_import.import_catalog(demo, None)
    shops = [await merchants.create_merchant(None, name=f"基准专柜{i:03d}", kind=MerchantKind.COUNTER)
             for i in range(args.merchants)]
    batch = await card_batches.create_batch(None, organization=ORG, face_value_fen=FACE, count=args.cards,
                                            expires_at=today_shanghai() + timedelta(days=365),
                                            allowed_face_values=(FACE,))
    await card_batches.issue_batch(batch.id)
    await card_batches.activate_batch(None, batch.id)
    card_ids = await Card.filter(batch_id=batch.id).order_by("id").values_list("id", flat=True)
    snaps = []
    for sku in await Product.all().order_by("id").values_list("sku", flat=True):
        try:
            snaps += [s.snapshot(1) for s, _ in await sellable_now({sku: 1}, lambda sku, name: ValueError(sku))]
        except ValueError:  # not sellable (pending, expired certificate): not redeemable either
            continue
    first_day, now = today_shanghai() - timedelta(days=args.days + 1), now_utc()
    redemptions, lines, ledger = [], [], []
    for n in range(1, args.redemptions + 1):
        a, b = snaps[n % len(snaps)], snaps[(n * 7) % len(snaps)]
        amount, voided = a["amount_fen"] + b["amount_fen"], n % 20 == 0
        day = first_day + timedelta(days=n % args.days)
        merchant, card = shops[(n // args.days) % len(shops)].id, card_ids[n % len(card_ids)]
        status = RedemptionStatus.VOIDED.value if voided else RedemptionStatus.COMPLETED.value
        redemptions.append((n, merchant, card, amount, status, f"bench-{n:09d}", day, now, now if voided else None))
        lines += [(n, *a.values()), (n, *b.values())]
        ledger.append((card, ActivityKind.REDEEM.value, -amount, merchant, n, now))
        if voided:
            ledger.append((card, ActivityKind.VOID.value, amount, merchant, n, now))
    columns = list(snaps[0])
    await _many(_REDEMPTION, redemptions)
    await _many(f"INSERT INTO redemption_line (redemption_id, {', '.join(columns)}) "
                f"VALUES ({sql.marks(len(columns) + 1)})", lines)
    await _many(_ACTIVITY, ledger)
    conn = CardBatch._meta.db
    await conn.execute_script("ANALYZE")
    return {"merchant": shops[0].id, "day": first_day + timedelta(days=1)}


async def timed(step: Callable[[], Awaitable[Any]], runs: int = 5) -> float:
    spent = []
    for _ in range(runs):
        start = time.perf_counter()
        await step()
        spent.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(spent), 1)


async def run_engine(engine: str, url: str, args: argparse.Namespace) -> dict[str, Any]:
    ctx = await open_database(url)
    try:
        await setup.migrate(ctx, url)
        with activated(ctx):
            start = time.perf_counter()
            picked = await generate(args)
            generated = round(time.perf_counter() - start, 1)
            merchant, day = picked["merchant"], picked["day"]
            one = await settlements.merchant_settlement(merchant, day)
            every = await settlements.settlements_of_day(day)
            report = await organization_report.organization_report(ORG)
            row = {
                "engine": engine, "redemptions": args.redemptions, "lines": 2 * args.redemptions,
                "merchants": args.merchants, "days": args.days, "cards": args.cards, "generate_s": generated,
                "per_day": sum(s.redemption_count for s in every), "merchant_day_redemptions": one.redemption_count,
                "merchant_day_ms": await timed(lambda: settlements.merchant_settlement(merchant, day)),
                "all_merchants_day_ms": await timed(lambda: settlements.settlements_of_day(day)),
                "close_ms": await timed(lambda: settlements.close(None, merchant, day), runs=1),
                "organization_report_ms": await timed(lambda: organization_report.organization_report(ORG)),
                "spent_fen": report.spent_fen, "untraced_fen": report.untraced_fen,
            }
    finally:
        await ctx.close_connections()
    return row


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engines", default="sqlite,postgres")
    parser.add_argument("--redemptions", type=int, default=200_000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--merchants", type=int, default=50)
    parser.add_argument("--cards", type=int, default=100_000)
    args = parser.parse_args()
    engines = args.engines.split(",")
    if len(engines) > 1:  # one process per engine: Tortoise keeps per-model SQL built for the first engine it saw
        for engine in engines:
            subprocess.run([sys.executable, __file__, "--engines", engine, "--redemptions", str(args.redemptions),
                            "--days", str(args.days), "--merchants", str(args.merchants), "--cards", str(args.cards)],
                           check=True)
        return
    rows = []
    for engine in engines:
        if engine == "sqlite":
            folder = tempfile.mkdtemp(prefix="settlement-bench-")
            try:
                rows.append(await run_engine(engine, f"sqlite://{folder}/bench.sqlite3", args))
            finally:
                shutil.rmtree(folder, ignore_errors=True)
        else:
            server = pg_server.start()
            try:
                rows.append(await run_engine(engine, server.url, args))
            finally:
                server.stop()
        print(json.dumps(rows[-1], ensure_ascii=False), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
