"""Aixin command line: serve, migrate, import-catalog, create-user, create-merchant, issue-cards, activate-batch.

It speaks Chinese to people (errors, progress, summaries), like the console; only option names are English."""
from __future__ import annotations

import argparse
import asyncio
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from api.cli_backup import add_commands as add_backup_commands
from api.settings import ConfigurationError, Settings
from models.errors import DomainError

log = logging.getLogger("aixin")


def _configure_logging(level: str, log_format: str = "text") -> None:
    from api.logs import configure

    configure(level, log_format)  # text or one JSON object per line, with each request's fields (api/logs.py)


async def _with_database(settings: Settings, work: Callable[[], Awaitable[Any]], migrate: bool = False) -> Any:
    """Run `work` inside our own Tortoise context, after migrating or checking the schema."""
    from models.services import setup
    from models.storage import sqlite_lock
    from models.storage.database import activated, open_database

    lock = sqlite_lock.hold(settings.database_url)  # SQLite: no `restore` while this command runs
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
        lock.release()


def cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:
    async def report() -> None:
        from models.tables.regions import Region

        print(f"数据库已是最新（{await Region.all().count()} 个行政区划）")

    asyncio.run(_with_database(settings, report, migrate=True))
    return 0


def cmd_import_catalog(settings: Settings, args: argparse.Namespace) -> int:
    """Validate the whole file, then write it in chunks with a rich progress bar on stderr."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn, TimeRemainingColumn

    from models.services.catalog_import import import_catalog, summary_dict

    data = Path(args.file).read_bytes()
    columns = ("导入中", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("import", total=None)

        async def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        try:
            summary = asyncio.run(_with_database(
                settings, lambda: import_catalog(data, actor=None, label="cli", progress=progress)))
        except KeyboardInterrupt:
            print("已中断：已写入的行保留，再次导入同一文件即可完成", file=sys.stderr)
            return 130
    _print_import_summary(summary_dict(summary))
    return 0


_SUMMARY_WORDS = {"rows": "文件行数", "products_created": "新增商品", "products_updated": "更新商品",
                  "products_unchanged": "未变化商品", "suppliers_created": "新增供应商",
                  "suppliers_updated": "更新供应商", "stock_left_unchanged": "库存未改动"}


def _print_import_summary(summary: dict[str, Any]) -> None:
    print("导入完成：" + "，".join(f"{word} {summary[key]}" for key, word in _SUMMARY_WORDS.items()))
    for m in summary.get("mapped_from_former", []):
        print(f"  第 {m['line']} 行 {m['sku']}：产地「{m['written']}」是旧名或旧代码，"
              f"已按今天的{m['name']}（{m['code']}）导入")


_ROLE_WORDS = {"admin": "管理员", "merchant_staff": "商户店员", "supplier_staff": "供应商", "official": "政府"}


def cmd_create_user(settings: Settings, args: argparse.Namespace) -> int:
    from models.services.staff_accounts import StaffTies, create_staff_user
    from models.tables.users import Role

    ties = StaffTies(merchant_id=args.merchant, supplier_id=args.supplier, level=args.level, region_code=args.region)
    user = asyncio.run(_with_database(
        settings, lambda: create_staff_user(Role(args.role), args.username, args.password, ties=ties)))
    print(f"已创建{_ROLE_WORDS.get(user.role.value, user.role.value)}账号 {user.username}（id {user.id}）")
    return 0


def cmd_create_merchant(settings: Settings, args: argparse.Namespace) -> int:
    from models.services.merchants import create_merchant
    from models.tables.merchants import MerchantKind

    merchant = asyncio.run(_with_database(settings, lambda: create_merchant(
        None, name=args.name, kind=MerchantKind(args.kind), region_code=args.region, address=args.address)))
    print(f"已创建商户 {merchant.name}（id {merchant.id}）")
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
        print(f"不一致 爱心卡 {p['card_no']}: 余额 {p['balance_fen']} 分，流水合计 {p['ledger_fen']} 分",
              file=sys.stderr)
    for p in stock_problems:
        print(f"不一致 商品 {p['sku']}: 库存 {p['stock']}，库存流水合计 {p['ledger']}", file=sys.stderr)
    if problems or stock_problems:
        return 1
    print("对账：每张爱心卡的余额都等于其流水合计")
    print("对账：每个商品的库存都等于其库存流水合计")
    return 0


def _yuan(text: str) -> int:
    """A face value in yuan ("200", "50.5") as integer fen."""
    from decimal import Decimal, InvalidOperation

    try:
        fen = Decimal(text) * 100
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"不是以元为单位的金额: {text!r}") from None
    if fen != fen.to_integral_value() or fen <= 0:
        raise argparse.ArgumentTypeError(f"不是以元为单位的金额: {text!r}")
    return int(fen)


async def _issue_with_bar(batch_id: int, total: int, lease: float) -> Any:
    """Run the issuing job in this process with a rich progress bar on stderr."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn, TimeRemainingColumn

    from models.services import card_batches

    columns = ("发卡中", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task("issue", total=total)
        return await card_batches.issue_batch(batch_id, lambda done, _: bar.update(task, completed=done),
                                              lease=timedelta(seconds=lease))


def cmd_issue_cards(settings: Settings, args: argparse.Namespace) -> int:
    """Create a 以购代捐 batch and issue its cards in this process."""
    import time

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
        print(f"批次 {batch.id}：{batch.organization}，{batch.count:,} 张面值 {batch.face_value_fen / 100:g} 元的"
              f"爱心卡，有效期至 {batch.expires_at}", flush=True)
        started = time.perf_counter()
        issued = await _issue_with_bar(batch.id, batch.count, settings.card_batch_lease_seconds)
        return issued, time.perf_counter() - started

    try:
        batch, seconds = asyncio.run(_with_database(settings, work))
    except KeyboardInterrupt:
        print(f"已中断：批次 {created[0]} 仍在发卡中，服务器的工作进程会接着完成" if created
              else "已中断", file=sys.stderr)
        return 130
    except (DomainError, OSError, ConnectionError):
        raise
    except Exception as exc:  # the batch was marked failed, with the reason
        print(f"错误：批次 {created[0] if created else '?'} 发卡失败：{exc}", file=sys.stderr)
        return 1
    if batch.state != BatchState.ISSUED:
        print(f"批次 {batch.id} 状态为 {batch.state.value}（{batch.issued:,}/{batch.count:,}）：另一个工作进程正在发卡")
        return 0
    print(f"批次 {batch.id} 发卡完成：{batch.issued:,} 张，用时 {seconds:.1f} 秒")
    return 0


def cmd_activate_batch(settings: Settings, args: argparse.Namespace) -> int:
    """The organization has paid: activate every card of the batch."""
    from models.services import card_batches

    async def work() -> dict[str, int]:
        await card_batches.activate_batch(None, args.batch_id, label="cli")
        return await card_batches.batch_report(args.batch_id)

    report = asyncio.run(_with_database(settings, work))
    print(f"批次 {args.batch_id} 已激活：{report['activated']:,} 张，"
          f"余额合计 {report['outstanding_fen'] / 100:,.2f} 元")
    return 0


def cmd_stats_rollup(settings: Settings, args: argparse.Namespace) -> int:
    """Compute the statistics' daily rollup for the whole history ahead of the first query (--rebuild: every day)."""
    import time

    from models.services import stats_rollup

    async def work() -> int:
        return await (stats_rollup.rebuild() if args.rebuild else stats_rollup.refresh(None, None))

    started = time.perf_counter()
    days = asyncio.run(_with_database(settings, work))
    print(f"统计汇总：计算了 {days} 天，用时 {time.perf_counter() - started:.1f} 秒")
    return 0


def cmd_evaluate_bot(settings: Settings, args: argparse.Namespace) -> int:
    """Score the chat assistant on the labelled set, over a throwaway SQLite database with the given catalogue."""
    import tempfile

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

    _configure_logging(settings.log_level, settings.log_format)
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

    print(f"爱心助农服务已启动：http://{host}:{port}，{args.workers} 个工作进程；API 文档在 /api/docs", flush=True)
    if args.workers == 1:  # the app's own database context migrates (SQLite) and loads the demo data
        _run_worker(settings, host, port, reuse_port=False)
        return 0
    from api.metrics_dir import multiprocess_metrics

    with multiprocess_metrics(settings.var_dir):  # GET /metrics on any worker reports them all
        # Migrate (or check) and load demo data once, before any worker starts, so workers never race on it.
        asyncio.run(_with_database(settings, prepare))
        if settings.is_sqlite:
            log.warning("several workers over SQLite work, but PostgreSQL is the engine for that (DATABASE_URL=postgres://…)")
        spawn = multiprocessing.get_context("spawn")
        workers = [spawn.Process(target=_run_worker, args=(settings, host, port, True, os.getpid()))
                   for _ in range(args.workers)]
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
    parser = argparse.ArgumentParser(prog="main.py", description="爱心助农 Aixin 后端命令行")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="启动 HTTP 服务")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int, default=1, help="共用端口的进程数（SO_REUSEPORT）")
    serve.set_defaults(func=cmd_serve)
    sub.add_parser("migrate", help="执行数据库迁移并载入行政区划等基础数据").set_defaults(func=cmd_migrate)
    imp = sub.add_parser("import-catalog", help="导入商品目录 CSV 或 .xlsx（先整体校验，再分批写入）")
    imp.add_argument("file")
    imp.set_defaults(func=cmd_import_catalog)
    user = sub.add_parser("create-user", help="创建员工账号：admin、merchant_staff、supplier_staff 或 official")
    user.add_argument("--role", choices=["admin", "merchant_staff", "supplier_staff", "official"], required=True)
    user.add_argument("--username", required=True)
    user.add_argument("--password", required=True)
    user.add_argument("--merchant", type=int, help="商户 id（仅 merchant_staff）")
    user.add_argument("--supplier", type=int, help="供应商 id（仅 supplier_staff）")
    user.add_argument("--level", choices=["county", "city", "province"], help="政府人员的层级（仅 official）")
    user.add_argument("--region", help="政府人员所在地区的 6 位区划代码，例如 441821（仅 official）")
    user.set_defaults(func=cmd_create_user)
    sub.add_parser("reconcile", help="核对每张爱心卡的余额和每个商品的库存与其流水").set_defaults(func=cmd_reconcile)
    issue = sub.add_parser("issue-cards", help="创建以购代捐爱心卡批次并发卡（显示进度条）")
    issue.add_argument("--org", required=True, help="购卡单位")
    issue.add_argument("--face", type=_yuan, required=True,
                       help="面值，单位元（须为 CARD_FACE_VALUES_FEN 之一，该设置以分为单位）")
    issue.add_argument("--count", type=int, required=True, help="张数，1 至 1,000,000")
    issue.add_argument("--expires", type=date.fromisoformat, help="有效期最后一天 YYYY-MM-DD（默认：一年后）")
    issue.add_argument("--note", default="")
    issue.set_defaults(func=cmd_issue_cards)
    activate = sub.add_parser("activate-batch", help="激活已发卡批次的所有卡（购卡单位已付款）")
    activate.add_argument("batch_id", type=int)
    activate.set_defaults(func=cmd_activate_batch)
    rollup = sub.add_parser("stats-rollup", help="在首次查询前预先计算统计的每日汇总")
    rollup.add_argument("--rebuild", action="store_true", help="重算每一天，而不只是缺少或过期的")
    rollup.set_defaults(func=cmd_stats_rollup)
    evaluate = sub.add_parser("evaluate-bot", help="用标注集给聊天助手打分（临时 SQLite 数据库）")
    evaluate.add_argument("--catalog", help="先导入的商品目录 CSV（默认：演示目录）")
    evaluate.add_argument("--set", help="含 utterances.jsonl 和 dialogues.json 的目录（默认：tests/data/bot_eval）")
    evaluate.add_argument("--errors", action="store_true", help="列出每个答错的例子")
    evaluate.set_defaults(func=cmd_evaluate_bot)
    merchant = sub.add_parser("create-merchant", help="创建商户（专柜、专馆或专区）")
    merchant.add_argument("--name", required=True)
    merchant.add_argument("--kind", choices=["counter", "pavilion", "zone"], default="counter")
    merchant.add_argument("--region", help="所在县的区划代码")
    merchant.add_argument("--address", default="")
    merchant.set_defaults(func=cmd_create_merchant)
    add_backup_commands(sub)  # backup --to FILE, restore FILE (api/cli_backup.py)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except ConfigurationError as exc:  # one line per bad variable
        for line in str(exc).splitlines():
            print(f"配置错误: {line}", file=sys.stderr)
        return 2
    _configure_logging(settings.log_level, settings.log_format)
    try:
        return args.func(settings, args)
    except ConfigurationError as exc:
        print(f"配置错误: {exc}", file=sys.stderr)
        return 2
    except DomainError as exc:
        print(f"错误: {exc.message}", file=sys.stderr)
        for problem in exc.details.get("errors", []):
            print(f"  第 {problem['line']} 行: {problem.get('field') or '-'}: {problem['reason']}", file=sys.stderr)
        return 1
    except FileNotFoundError as exc:
        print(f"错误: 找不到文件: {exc.filename}", file=sys.stderr)
        return 1
    except (OSError, ConnectionError) as exc:
        print(f"错误: 无法连接数据库: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
