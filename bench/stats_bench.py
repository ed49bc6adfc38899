"""Statistics (消费扶贫台账) over a million order lines and a million redemptions: how long each grouping takes.

    python bench/stats_bench.py                       # SQLite, a temporary file
    python bench/stats_bench.py --engine postgres     # a throw-away PostgreSQL cluster (tests/pg_server.py)
    python bench/stats_bench.py --database-url postgres://u@h/db   # an existing, EMPTY, database

The data is made set-based in the database (INSERT … SELECT over a number series; only the 10,000
products and 2,000 suppliers go through executemany), in a freshly migrated database:

* 400,000 goods orders with 1,000,000 lines over 365 days (5 % refunded, 5 % cancelled, the rest paid,
  shipped or completed), plus 1,000 card orders (认购额);
* 1,000,000 redemptions with 1,500,000 lines at 50 merchants over the same days (3 % voided);
* line snapshots drawn from 10,000 products of 2,000 suppliers in 600 counties (a third of them
  poverty counties).

Then every grouping is timed over the whole year (and over one month), the median of --runs runs,
through `models.services.stats.statistics` (the code the endpoint runs). Targets: ≤ 1 s on PostgreSQL,
≤ 3 s on SQLite, for the whole year.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics as pystats
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tortoise.backends.base.client import BaseDBAsyncClient  # noqa: E402

from models.services import setup, stats_rollup  # noqa: E402
from models.services.stats import GroupBy, StatsFilter, direct_statistics, statistics  # noqa: E402
from models.storage.database import activated, open_database  # noqa: E402
from models.tables.orders import Order  # noqa: E402

START = date(2025, 1, 1)
DAYS = 365
SUPPLIERS = 2_000
PRODUCTS = 10_000
MERCHANTS = 50
CARDS = 100_000
COUNTIES = 600
TARGET = {"sqlite": 3.0, "postgres": 1.0}


@asynccontextmanager
async def fresh_database(engine: str, url: str | None) -> AsyncIterator[str]:
    if url:
        yield url
        return
    if engine == "sqlite":
        folder = tempfile.mkdtemp(prefix="stats-bench-")
        try:
            yield f"sqlite://{folder}/bench.sqlite3"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    from tests import pg_server
    server = pg_server.start()
    try:
        yield server.url
    finally:
        server.stop()


def series(sqlite: bool, n: int) -> str:
    """A FROM item yielding i = 1..n."""
    if sqlite:
        return f"(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {n}) SELECT i FROM s) AS seq"
    return f"generate_series(1::bigint, {n}) AS seq(i)"


def at_seconds(sqlite: bool, seconds: str) -> str:
    """A UTC timestamp `seconds` after START, stored the way the application stores it."""
    if sqlite:
        return f"(datetime('{START} 00:00:00', '+' || ({seconds}) || ' seconds') || '+00:00')"
    return f"(timestamptz '{START} 00:00:00+00' + ({seconds}) * interval '1 second')"


def plus_days(sqlite: bool, days: str) -> str:
    if sqlite:
        return f"date('{START}', '+' || ({days}) || ' days')"
    return f"(date '{START}' + ({days})::int)"


async def run(conn: BaseDBAsyncClient, statement: str, args: list[Any] | None = None) -> None:
    sqlite = conn.capabilities.dialect == "sqlite"
    if not sqlite and args:
        parts = statement.split("?")
        statement = parts[0] + "".join(f"${i}{p}" for i, p in enumerate(parts[1:], start=1))
    await conn.execute_query(statement, args or [])


async def reference_rows(conn: BaseDBAsyncClient) -> None:
    """Suppliers, products (and a snapshot helper table), one consumer, merchants, cards."""
    sqlite = conn.capabilities.dialect == "sqlite"
    rng = random.Random(832)
    counties = await conn.execute_query_dict(
        "SELECT c.code, c.name, c.poverty_county, p.name AS city, g.name AS province FROM region c "
        "JOIN region p ON p.code = c.parent_id JOIN region g ON g.code = p.parent_id "
        "WHERE c.level = 'county' AND p.level = 'city' ORDER BY c.code")
    poor = [c for c in counties if c["poverty_county"]]
    rich = [c for c in counties if not c["poverty_county"]]
    chosen = rng.sample(poor, COUNTIES // 3) + rng.sample(rich, COUNTIES - COUNTIES // 3)
    categories = ["粮油米面", "禽蛋肉类", "蔬菜水果", "茶叶饮品", "蜂蜜蜂产品", "滋补养生", "干货特产", "水产海鲜"]
    now = "2025-01-01 00:00:00+00:00" if sqlite else None
    ph = (lambda n: ", ".join("?" * n)) if sqlite else (lambda n: ", ".join(f"${i}" for i in range(1, n + 1)))
    suppliers = []
    for i in range(1, SUPPLIERS + 1):
        county = chosen[i % COUNTIES]
        suppliers.append((i, f"扶贫供应商{i:04d}", "合作社", county["code"], rng.randint(1, 500), "certified",
                          now or _now(), now or _now()))
    await conn.execute_many(
        "INSERT INTO supplier (id, name, type, region_id, households_lifted, cert_status, created_at, updated_at) "
        f"VALUES ({ph(8)})", suppliers)
    await conn.execute_script(
        "CREATE TABLE bench_snapshot (id INT PRIMARY KEY, sku VARCHAR(64), name VARCHAR(128), category VARCHAR(32), "
        "price_fen BIGINT, supplier_id INT, supplier_name VARCHAR(128), households_lifted INT, "
        "origin_code VARCHAR(12), "
        "origin_province VARCHAR(64), origin_city VARCHAR(64), origin_county VARCHAR(64), poverty_county BOOLEAN)")
    products, snapshots = [], []
    for i in range(1, PRODUCTS + 1):
        sid = rng.randint(1, SUPPLIERS)
        _, sname, _, code, households, *_ = suppliers[sid - 1]
        county = next(c for c in chosen if c["code"] == code) if i <= 50 else chosen[sid % COUNTIES]
        category, price = rng.choice(categories), rng.randint(500, 30000)
        products.append((i, f"B-{i:05d}", f"扶贫产品{i}", category, "件", price, 1000, sid, county["code"],
                         "[]", "[]", "certified", now or _now(), now or _now()))
        snapshots.append((i, f"B-{i:05d}", f"扶贫产品{i}", category, price, sid, sname, households, county["code"],
                          county["province"], county["city"], county["name"], bool(county["poverty_county"])))
    await conn.execute_many(
        "INSERT INTO product (id, sku, name, category, unit, price_fen, stock, supplier_id, origin_id, tags, aliases, "
        f"cert_status, created_at, updated_at, brand) VALUES ({ph(14)}, '')", products)
    await conn.execute_many(f"INSERT INTO bench_snapshot VALUES ({ph(13)})", snapshots)
    await run(conn, "INSERT INTO app_user (id, role, openid, nickname, is_active, created_at) "
                    "VALUES (1, 'consumer', 'bench', "
                    f"'bench', {'1' if sqlite else 'true'}, {at_seconds(sqlite, '0')})")
    await run(conn, "INSERT INTO merchant (id, name, kind, address, organization, active, created_at) "
                    f"SELECT i, '消费扶贫专柜' || i, 'counter', '', '', {'1' if sqlite else 'true'}, "
                    f"{at_seconds(sqlite, '0')} FROM {series(sqlite, MERCHANTS)}")
    await run(conn, "INSERT INTO card (id, card_no, face_value_fen, balance_fen, status, expires_at, pay_counter, "
                    f"spent_counter, created_at) SELECT i, '8860' || (100000000000 + i), 20000, 0, 'active', "
                    f"{plus_days(sqlite, '1000')}, 0, 0, {at_seconds(sqlite, '0')} FROM {series(sqlite, CARDS)}")


def _now() -> Any:
    from models.clock import now_utc
    return now_utc()


_SNAPSHOT_COLUMNS = ("sku, name, unit, category, price_fen, qty, amount_fen, supplier_id, supplier_name, "
                     "households_lifted, origin_code, origin_province, origin_city, origin_county, poverty_county")


def _snapshot_select(qty: str) -> str:
    return (f"b.sku, b.name, '件', b.category, b.price_fen, {qty}, b.price_fen * {qty}, b.supplier_id, "
            "b.supplier_name, "
            "b.households_lifted, b.origin_code, b.origin_province, b.origin_city, b.origin_county, b.poverty_county")


async def facts(conn: BaseDBAsyncClient, order_lines: int, redemptions: int, redemption_lines: int) -> None:
    sqlite = conn.capabilities.dialect == "sqlite"
    orders = order_lines * 2 // 5
    span = DAYS * 86400
    status = ("CASE i % 20 WHEN 0 THEN 'refunded' WHEN 1 THEN 'cancelled' WHEN 2 THEN 'paid' WHEN 3 THEN 'paid' "
              "WHEN 4 THEN 'shipped' WHEN 5 THEN 'shipped' ELSE 'completed' END")
    paid = at_seconds(sqlite, f"i * {span} / {orders}")
    await run(conn, 'INSERT INTO "order" (id, order_no, user_id, kind, status, total_fen, note, paid_at, created_at) '
                    f"SELECT i, 'B' || i, 1, 'goods', {status}, 0, '', CASE WHEN i % 20 = 1 THEN NULL ELSE {paid} END, "
                    f"{paid} FROM {series(sqlite, orders)}")
    await run(conn, f"INSERT INTO order_line (order_id, product_id, {_SNAPSHOT_COLUMNS}) "
                    f"SELECT (i - 1) * {orders} / {order_lines} + 1, b.id, {_snapshot_select('(1 + i % 3)')} "
                    f"FROM {series(sqlite, order_lines)} JOIN bench_snapshot b ON b.id = (i * 7919) % {PRODUCTS} + 1")
    await run(conn, 'UPDATE "order" SET total_fen = t.s FROM (SELECT order_id, SUM(amount_fen) AS s FROM order_line '
                    'GROUP BY order_id) AS t WHERE t.order_id = "order".id')
    card_orders = 1_000
    await run(conn, 'INSERT INTO "order" (id, order_no, user_id, kind, status, total_fen, note, paid_at, created_at, '
                    f"card_face_value_fen, card_quantity) SELECT {orders} + i, 'C' || i, 1, 'card', 'paid', 20000, '', "
                    f"{at_seconds(sqlite, f'i * {span} / {card_orders}')}, "
                    f"{at_seconds(sqlite, f'i * {span} / {card_orders}')}, "
                    f"20000, 1 FROM {series(sqlite, card_orders)}")
    day = f"i * {DAYS} / {redemptions + 1}"
    await run(conn, "INSERT INTO redemption (id, merchant_id, card_id, amount_fen, status, idempotency_key, "
                    "request_hash, business_date, created_at) "
                    f"SELECT i, i % {MERCHANTS} + 1, i % {CARDS} + 1, 0, "
                    f"CASE WHEN i % 33 = 0 THEN 'voided' ELSE 'completed' END, 'k' || i, '', {plus_days(sqlite, day)}, "
                    f"{at_seconds(sqlite, f'({day}) * 86400 + 7200')} FROM {series(sqlite, redemptions)}")
    await run(conn, f"INSERT INTO redemption_line (redemption_id, product_id, {_SNAPSHOT_COLUMNS}) "
                    f"SELECT (i - 1) * {redemptions} / {redemption_lines} + 1, b.id, {_snapshot_select('(1 + i % 2)')} "
                    f"FROM {series(sqlite, redemption_lines)} "
                    f"JOIN bench_snapshot b ON b.id = (i * 104729) % {PRODUCTS} + 1")
    await run(conn, "UPDATE redemption SET amount_fen = t.s FROM (SELECT redemption_id, SUM(amount_fen) AS s "
                    "FROM redemption_line GROUP BY redemption_id) AS t WHERE t.redemption_id = redemption.id")
    if not sqlite:
        await conn.execute_script("VACUUM ANALYZE")
    else:
        await conn.execute_script("ANALYZE")


async def timed(work) -> float:
    started = time.perf_counter()
    await work
    return time.perf_counter() - started


async def timings(runs: int, naive: bool) -> list[tuple[str, str, float]]:
    year = (START, date.fromordinal(START.toordinal() + DAYS - 1))
    month = (date(2025, 6, 1), date(2025, 6, 30))
    started = time.perf_counter()
    days = await stats_rollup.refresh(*year, chunk_days=stats_rollup.CHUNK_DAYS)
    seconds = time.perf_counter() - started
    print(f"  rollup build (`main.py stats-rollup`): {days} days and their months in {seconds:.1f} s"
          f" ({seconds / max(days, 1):.2f} s a day)", flush=True)
    conn = Order._meta.db
    # what autovacuum does after the inserts: index-only scans need it
    if conn.capabilities.dialect != "sqlite" and days:
        await conn.execute_script("VACUUM ANALYZE stats_day, stats_day_supplier, stats_month, stats_month_supplier")
    one_day = StatsFilter(group_by=GroupBy.PROVINCE, date_from=date(2025, 6, 15), date_to=date(2025, 6, 15))
    seconds = pystats.median([await timed(direct_statistics(one_day)) for _ in range(runs)])
    print(f"  one day aggregated from the snapshots (the cost of today's live part): {seconds:.3f} s", flush=True)
    out = []
    for label, (lo, hi) in (("year", year), ("month", month)):
        for group in GroupBy:
            f = StatsFilter(group_by=group, date_from=lo, date_to=hi)
            median = pystats.median([await timed(statistics(f)) for _ in range(runs)])
            out.append((label, group.value, median))
            print(f"  {label:5} {group.value:9} {median:7.3f} s", flush=True)
    # last: the rewrite it causes sets autovacuum going on PostgreSQL, which would disturb the timings above
    await conn.execute_query("DELETE FROM stats_day_state WHERE day = '2025-06-15'")
    seconds = await timed(stats_rollup.refresh(*year))
    print(f"  one day recomputed alone, and its month (yesterday's close, or a refund): {seconds:.3f} s", flush=True)
    if naive:
        f = StatsFilter(group_by=GroupBy.PROVINCE, date_from=year[0], date_to=year[1])
        print(f"  naive (no rollup) year province: {await timed(direct_statistics(f)):.1f} s", flush=True)
    return out


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--database-url", help="an existing empty database instead of a throw-away one")
    parser.add_argument("--order-lines", type=int, default=1_000_000)
    parser.add_argument("--redemptions", type=int, default=1_000_000)
    parser.add_argument("--redemption-lines", type=int, default=1_500_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--naive", action="store_true", help="also time the naive query (no rollup) once")
    parser.add_argument("--sqlite-file", help="keep the SQLite data in this file; reused (not regenerated) if present")
    args = parser.parse_args()
    engine = "postgres" if (args.database_url or "").startswith("postgres") else args.engine
    reuse = bool(args.sqlite_file) and os.path.exists(args.sqlite_file)
    given = args.database_url or (f"sqlite://{args.sqlite_file}" if args.sqlite_file else None)
    async with fresh_database(engine, given) as url:
        ctx = await open_database(url)
        try:
            with activated(ctx):
                await setup.migrate(ctx, url)
                conn = ctx.db()
                started = time.perf_counter()
                [filled] = await conn.execute_query_dict("SELECT COUNT(*) AS n FROM order_line")
                if not reuse and not filled["n"]:
                    await reference_rows(conn)
                    await facts(conn, args.order_lines, args.redemptions, args.redemption_lines)
                    print(f"{engine}: generated {args.order_lines:,} order lines, {args.redemptions:,} redemptions "
                          f"({args.redemption_lines:,} lines) in {time.perf_counter() - started:.1f} s", flush=True)
                results = await timings(args.runs, args.naive)
        finally:
            await ctx.close_connections()
    worst = max(s for label, _, s in results if label == "year")
    verdict = "met" if worst <= TARGET[engine] else "NOT met"
    print(f"{engine}: slowest grouping over the year {worst:.3f} s (target ≤ {TARGET[engine]:.0f} s: {verdict})")


if __name__ == "__main__":
    asyncio.run(main())
