"""Aixin command line: serve, migrate, import-catalog, create-user, create-merchant, issue-cards, activate-batch."""
from __future__ import annotations

import argparse
import asyncio
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

from api.settings import ConfigurationError, Settings
from models.errors import DomainError

log = logging.getLogger("aixin")


def _configure_logging(level: str) -> None:
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s[%(process)d]: %(message)s")
    logging.getLogger("jieba").setLevel(logging.WARNING)


async def _with_database(settings: Settings, work: Callable[[], Awaitable[Any]], migrate: bool = False) -> Any:
    """Run `work` inside our own Tortoise context, after migrating or checking the schema."""
    from models.services import setup
    from models.storage.database import activated, open_database

    ctx = await open_database(settings.database_url, settings.db_pool_size)
    try:
        if migrate or settings.is_sqlite:
            await setup.migrate(ctx, settings.database_url)
        else:
            await setup.check_ready(ctx, settings.database_url)
        with activated(ctx):
            return await work()
    finally:
        await ctx.close_connections()


def cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:
    async def report() -> None:
        from models.tables.regions import Region

        print(f"database is up to date ({await Region.all().count()} regions)")

    asyncio.run(_with_database(settings, report, migrate=True))
    return 0


def cmd_import_catalog(settings: Settings, args: argparse.Namespace) -> int:
    """Validate the whole file, then write it in chunks with a rich progress bar on stderr."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn, TimeRemainingColumn

    from models.services.catalog_import import import_catalog, summary_dict

    data = Path(args.file).read_bytes()
    columns = ("importing", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("import", total=None)

        async def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        try:
            summary = asyncio.run(_with_database(
                settings, lambda: import_catalog(data, actor=None, label="cli", progress=progress)))
        except KeyboardInterrupt:
            print("interrupted: the rows written so far stay; run the same file again to finish", file=sys.stderr)
            return 130
    print("imported:", ", ".join(f"{k}={v}" for k, v in summary_dict(summary).items()))
    return 0


def cmd_create_user(settings: Settings, args: argparse.Namespace) -> int:
    from models.services.staff_accounts import StaffTies, create_staff_user
    from models.tables.users import Role

    ties = StaffTies(merchant_id=args.merchant, supplier_id=args.supplier, level=args.level, region_code=args.region)
    user = asyncio.run(_with_database(
        settings, lambda: create_staff_user(Role(args.role), args.username, args.password, ties=ties)))
    print(f"created {user.role.value} {user.username} (id {user.id})")
    return 0


def cmd_create_merchant(settings: Settings, args: argparse.Namespace) -> int:
    from models.services.merchants import create_merchant
    from models.tables.merchants import MerchantKind

    merchant = asyncio.run(_with_database(settings, lambda: create_merchant(
        None, name=args.name, kind=MerchantKind(args.kind), region_code=args.region, address=args.address)))
    print(f"created merchant {merchant.name} (id {merchant.id})")
    return 0


def cmd_reconcile(settings: Settings, args: argparse.Namespace) -> int:
    """Every card's balance must equal the sum of its ledger, and every product's stock the sum of its stock
    movements; exit 1 on any mismatch."""
    from models.services import stock
    from models.services.cards import reconcile

    async def both() -> tuple[list[dict], list[dict]]:
        return await reconcile(), await stock.reconcile()

    problems, stock_problems = asyncio.run(_with_database(settings, both))
    for p in problems:
        print(f"MISMATCH card {p['card_no']}: balance {p['balance_fen']} fen, ledger {p['ledger_fen']} fen", file=sys.stderr)
    for p in stock_problems:
        print(f"MISMATCH product {p['sku']}: stock {p['stock']}, ledger {p['ledger']}", file=sys.stderr)
    if problems or stock_problems:
        return 1
    print("reconcile: every card balance equals its ledger")
    print("reconcile: every product's stock equals its stock movements")
    return 0


def _yuan(text: str) -> int:
    """A face value in yuan ("200", "50.5") as integer fen."""
    from decimal import Decimal, InvalidOperation

    try:
        fen = Decimal(text) * 100
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"not an amount in yuan: {text!r}") from None
    if fen != fen.to_integral_value() or fen <= 0:
        raise argparse.ArgumentTypeError(f"not an amount in yuan: {text!r}")
    return int(fen)


async def _issue_with_bar(batch_id: int, total: int) -> Any:
    """Run the issuing job in this process with a rich progress bar on stderr."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn, TimeRemainingColumn

    from models.services import card_batches

    columns = ("issuing", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task("issue", total=total)
        return await card_batches.issue_batch(batch_id, lambda done, _: bar.update(task, completed=done))


def cmd_issue_cards(settings: Settings, args: argparse.Namespace) -> int:
    """Create a 以购代捐 batch and issue its cards in this process."""
    import time
    from datetime import timedelta

    from models.clock import today_shanghai
    from models.services import card_batches
    from models.tables.cards import BatchState

    created: list[int] = []

    async def work() -> tuple[Any, float]:
        batch = await card_batches.create_batch(
            None, organization=args.org, face_value_fen=args.face, count=args.count, note=args.note,
            expires_at=args.expires or today_shanghai() + timedelta(days=365),
            allowed_face_values=settings.card_face_values_fen, label="cli")
        created.append(batch.id)
        print(f"batch {batch.id}: {batch.organization}, {batch.count:,} cards of {batch.face_value_fen / 100:g} yuan, "
              f"valid until {batch.expires_at}", flush=True)
        started = time.perf_counter()
        return await _issue_with_bar(batch.id, batch.count), time.perf_counter() - started

    try:
        batch, seconds = asyncio.run(_with_database(settings, work))
    except KeyboardInterrupt:
        print(f"interrupted: batch {created[0]} stays issuing; a server worker resumes it" if created
              else "interrupted", file=sys.stderr)
        return 130
    except (DomainError, OSError, ConnectionError):
        raise
    except Exception as exc:  # the batch was marked failed, with the reason
        print(f"error: issuing batch {created[0] if created else '?'} failed: {exc}", file=sys.stderr)
        return 1
    if batch.state != BatchState.ISSUED:
        print(f"batch {batch.id} is {batch.state.value} ({batch.issued:,}/{batch.count:,}): another worker is issuing it")
        return 0
    print(f"batch {batch.id} issued: {batch.issued:,} cards in {seconds:.1f} s")
    return 0


def cmd_activate_batch(settings: Settings, args: argparse.Namespace) -> int:
    """The organization has paid: activate every card of the batch."""
    from models.services import card_batches

    async def work() -> dict[str, int]:
        await card_batches.activate_batch(None, args.batch_id, label="cli")
        return await card_batches.batch_report(args.batch_id)

    report = asyncio.run(_with_database(settings, work))
    print(f"batch {args.batch_id} active: {report['activated']:,} cards, {report['outstanding_fen'] / 100:,.2f} yuan")
    return 0


def cmd_stats_rollup(settings: Settings, args: argparse.Namespace) -> int:
    """Compute the statistics' daily rollup for the whole history ahead of the first query (--rebuild: every day)."""
    import time

    from models.services import stats_rollup

    async def work() -> int:
        return await (stats_rollup.rebuild() if args.rebuild else stats_rollup.refresh(None, None))

    started = time.perf_counter()
    days = asyncio.run(_with_database(settings, work))
    print(f"stats rollup: {days} days computed in {time.perf_counter() - started:.1f} s")
    return 0


def cmd_evaluate_bot(settings: Settings, args: argparse.Namespace) -> int:
    """Score the chat assistant on the labelled set, over a throwaway SQLite database with the given catalogue."""
    import tempfile
    from datetime import timedelta

    from bot.engine import Assistant, BotConfig
    from bot.evaluation import EVAL_DIR, evaluate, load_set
    from models.paths import DEMO_CATALOG_CSV
    from models.search import CatalogTokenizer, SearchIndex
    from models.search.catalog_search import CatalogSearch
    from models.services.catalog_import import import_catalog

    catalog = Path(args.catalog).read_bytes() if args.catalog else DEMO_CATALOG_CSV.read_bytes()
    utterances, dialogues = load_set(Path(args.set) if args.set else EVAL_DIR)

    async def work() -> Any:
        await import_catalog(catalog, actor=None, label="evaluate-bot")
        search = CatalogSearch(SearchIndex(CatalogTokenizer()))
        await search.rebuild()
        config = BotConfig(settings.card_face_values_fen, timedelta(seconds=settings.order_pay_timeout_seconds),
                       understood_kept=settings.chat_understood_kept)
        return await evaluate(Assistant(search, config), utterances, dialogues)

    with tempfile.TemporaryDirectory() as tmp:
        scratch = settings.model_copy(update={"database_url": f"sqlite://{tmp}/evaluate.sqlite3"})
        report = asyncio.run(_with_database(scratch, work, migrate=True))
    print(report.render(show_errors=args.errors))
    return 0 if report.passed() else 1


def _run_worker(settings: Settings, host: str, port: int, reuse_port: bool, parent_pid: int | None = None) -> None:
    if parent_pid is not None:  # a worker of `serve --workers N`: it ends with its parent, kill -9 included
        from api.parent_watch import die_with_parent

        die_with_parent(parent_pid)
    from api.access_log import RUNNER_KWARGS
    from api.app import create_app
    from api.serving import run

    _configure_logging(settings.log_level)
    # web.run_app, but a request aiohttp cannot parse is answered in the JSON error shape (api/serving.py)
    run(create_app(settings), host, port, reuse_port, **RUNNER_KWARGS)  # the access log: pay codes, tokens masked


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    host, port = args.host or settings.host, args.port or settings.port
    from api.wechat.pay_setup import check_sandbox_allowed

    check_sandbox_allowed(settings)  # refuse bad settings before touching the database or starting workers

    async def prepare() -> None:
        if settings.demo:
            from models.services.demo import load_demo_data

            await load_demo_data()

    print(f"Aixin serving on http://{host}:{port} with {args.workers} worker(s); API docs at /api/docs", flush=True)
    if args.workers == 1:  # the app's own database context migrates (SQLite) and loads the demo data
        _run_worker(settings, host, port, reuse_port=False)
        return 0
    # Migrate (or check) and load demo data once, before any worker starts, so workers never race on it.
    asyncio.run(_with_database(settings, prepare))
    if settings.is_sqlite:
        log.warning("several workers over SQLite work, but PostgreSQL is the engine for that (DATABASE_URL=postgres://…)")
    spawn = multiprocessing.get_context("spawn")
    workers = [spawn.Process(target=_run_worker, args=(settings, host, port, True, os.getpid())) for _ in range(args.workers)]
    for w in workers:
        w.start()

    def stop(*_: Any) -> None:
        for w in workers:
            w.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for w in workers:
        w.join()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="爱心助农 Aixin backend")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP server")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int, default=1, help="processes sharing the port (SO_REUSEPORT)")
    serve.set_defaults(func=cmd_serve)
    sub.add_parser("migrate", help="apply database migrations and load reference data").set_defaults(func=cmd_migrate)
    imp = sub.add_parser("import-catalog", help="import a catalogue CSV (validated whole, then written in chunks)")
    imp.add_argument("file")
    imp.set_defaults(func=cmd_import_catalog)
    user = sub.add_parser("create-user", help="create a staff account: admin, merchant_staff, supplier_staff or official")
    user.add_argument("--role", choices=["admin", "merchant_staff", "supplier_staff", "official"], required=True)
    user.add_argument("--username", required=True)
    user.add_argument("--password", required=True)
    user.add_argument("--merchant", type=int, help="merchant id (merchant_staff only)")
    user.add_argument("--supplier", type=int, help="supplier id (supplier_staff only)")
    user.add_argument("--level", choices=["county", "city", "province"], help="the official's level (official only)")
    user.add_argument("--region", help="6-digit division code of the official's region, e.g. 441821 (official only)")
    user.set_defaults(func=cmd_create_user)
    sub.add_parser("reconcile", help="check every card balance and every product's stock against its ledger").set_defaults(func=cmd_reconcile)
    issue = sub.add_parser("issue-cards", help="create a 以购代捐 card batch and issue its cards (progress bar)")
    issue.add_argument("--org", required=True, help="the buying organization")
    issue.add_argument("--face", type=_yuan, required=True, help="face value in yuan (one of CARD_FACE_VALUES_FEN, which is in fen)")
    issue.add_argument("--count", type=int, required=True, help="number of cards, 1 to 1,000,000")
    issue.add_argument("--expires", type=date.fromisoformat, help="YYYY-MM-DD, last valid day (default: a year from today)")
    issue.add_argument("--note", default="")
    issue.set_defaults(func=cmd_issue_cards)
    activate = sub.add_parser("activate-batch", help="activate every card of an issued batch (the organization paid)")
    activate.add_argument("batch_id", type=int)
    activate.set_defaults(func=cmd_activate_batch)
    rollup = sub.add_parser("stats-rollup", help="compute the statistics' daily rollup ahead of the first query")
    rollup.add_argument("--rebuild", action="store_true", help="recompute every day, not only missing or stale ones")
    rollup.set_defaults(func=cmd_stats_rollup)
    evaluate = sub.add_parser("evaluate-bot", help="score the chat assistant on the labelled set (throwaway SQLite)")
    evaluate.add_argument("--catalog", help="catalogue CSV to import first (default: the demo catalogue)")
    evaluate.add_argument("--set", help="folder with utterances.jsonl and dialogues.json (default: tests/data/bot_eval)")
    evaluate.add_argument("--errors", action="store_true", help="list every wrong answer")
    evaluate.set_defaults(func=cmd_evaluate_bot)
    merchant = sub.add_parser("create-merchant", help="create a merchant (counter, pavilion or zone)")
    merchant.add_argument("--name", required=True)
    merchant.add_argument("--kind", choices=["counter", "pavilion", "zone"], default="counter")
    merchant.add_argument("--region", help="county division code")
    merchant.add_argument("--address", default="")
    merchant.set_defaults(func=cmd_create_merchant)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except ConfigurationError as exc:  # one line per bad variable
        for line in str(exc).splitlines():
            print(f"configuration error: {line}", file=sys.stderr)
        return 2
    _configure_logging(settings.log_level)
    try:
        return args.func(settings, args)
    except ConfigurationError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    except DomainError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        for problem in exc.details.get("errors", []):
            print(f"  line {problem['line']}: {problem.get('field') or '-'}: {problem['reason']}", file=sys.stderr)
        return 1
    except FileNotFoundError as exc:
        print(f"error: file not found: {exc.filename}", file=sys.stderr)
        return 1
    except (OSError, ConnectionError) as exc:
        print(f"error: cannot reach the database: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
