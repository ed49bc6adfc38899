"""`main.py backup --to FILE` and `main.py restore FILE`: the SQLite database, copied live and put back
(models/storage/backup.py; docs/deploy.md, *Backups*). On PostgreSQL both refuse with the way to do it there."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from api.settings import Settings


def cmd_backup(settings: Settings, args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from models.storage.backup import backup

    columns = ("备份中（页）", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("backup", total=None)
        done = backup(settings.database_url, Path(args.to), lambda copied, total: bar.update(
            task, completed=copied, total=total))
    print(f"备份完成：{done.path}（{done.pages} 页，{done.size_bytes / 1e6:.1f} MB，用时 {done.seconds:.1f} 秒）")
    return 0


def cmd_restore(settings: Settings, args: argparse.Namespace) -> int:
    from models.storage.backup import restore

    done = restore(settings.database_url, Path(args.file))
    if done.previous is not None:
        print(f"原数据库已另存为 {done.previous}")
    print(f"已从 {args.file} 恢复数据库 {done.database}；请运行 python main.py reconcile 核对后再启动服务")
    return 0


def add_commands(sub: Any) -> None:
    """Register both commands on main.py's subcommand parser."""
    backup = sub.add_parser("backup", help="在服务运行时备份 SQLite 数据库（在线备份，一致的副本）")
    backup.add_argument("--to", required=True, help="备份文件路径（完成后才替换同名文件）")
    backup.set_defaults(func=cmd_backup)
    restore = sub.add_parser("restore", help="从备份恢复 SQLite 数据库（须先停止服务器）")
    restore.add_argument("file")
    restore.set_defaults(func=cmd_restore)
