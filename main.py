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
from datetime import timedelta
from pathlib import Path
from typing import Any

from api.cli_backup import add_commands as add_backup_commands
from api.cli_cards import add_commands as add_card_commands
from api.cli_database import with_database
from api.settings import ConfigurationError, Settings
from models.errors import DomainError

log = logging.getLogger("aixin")


def _configure_logging(level: str, log_format: str = "text") -> None:
    from api.logs import configure

    configure(level, log_format)  # text or one JSON object per line, with each request's fields (api/logs.py)


def cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:
    async def report() -> None:
        from models.tables.regions import Region

        print(f"数据库已是最新（{await Region.all().count()} 个行政区划）")

    asyncio.run(with_database(settings, report, migrate=True))
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
            summary = asyncio.run(with_database(
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
    user = asyncio.run(with_database(
        settings, lambda: create_staff_user(Role(args.role), args.username, args.password, ties=ties)))
    print(f"已创建{_ROLE_WORDS.get(user.role.value, user.role.value)}账号 {user.username}（id {user.id}）")
    return 0


def cmd_create_merchant(settings: Settings, args: argparse.Namespace) -> int:
    from models.services.merchants import create_merchant
    from models.tables.merchants import MerchantKind

    merchant = asyncio.run(with_database(settings, lambda: create_merchant(
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

    problems, stock_problems = asyncio.run(with_database(settings, both))
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


def cmd_stats_rollup(settings: Settings, args: argparse.Namespace) -> int:
    """Compute the statistics' daily rollup for the whole history ahead of the first query (--rebuild: every day)."""
    import time

    from models.services import stats_rollup

    async def work() -> int:
        return await (stats_rollup.rebuild() if args.rebuild else stats_rollup.refresh(None, None))

    started = time.perf_counter()
    days = asyncio.run(with_database(settings, work))
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
        report = asyncio.run(with_database(scratch, work, migrate=True))
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
        asyncio.run(with_database(settings, prepare))
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
    add_card_commands(sub)  # issue-cards, activate-batch (api/cli_cards.py)
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
