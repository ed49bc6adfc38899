"""`main.py issue-cards` and `main.py activate-batch`: a 以购代捐 batch issued in this process with a progress bar,
and activated when the organization has paid."""
from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import date, timedelta
from typing import Any

from api.cli_database import with_database
from api.settings import Settings
from models.errors import DomainError


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
        batch, seconds = asyncio.run(with_database(settings, work))
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

    report = asyncio.run(with_database(settings, work))
    print(f"批次 {args.batch_id} 已激活：{report['activated']:,} 张，"
          f"余额合计 {report['outstanding_fen'] / 100:,.2f} 元")
    return 0


def add_commands(sub: Any) -> None:
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
