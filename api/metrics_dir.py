"""The folder `serve --workers N` gives prometheus-client's multi-process mode (docs/operations.md).

Each start gets a fresh folder `VAR_DIR/metrics/serve-<pid>`: a worker's counters must not carry on from an
earlier run's files (prometheus-client would add them up). The folder is removed when serve ends, and folders
left by a serve that was killed (its pid gone) are removed at the next start. Nothing here imports
prometheus-client: the variable must be set before it is first imported (it decides its storage then), and the
workers, started afterwards, inherit it.
"""
from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

VARIABLE = "PROMETHEUS_MULTIPROC_DIR"
PREFIX = "serve-"


@contextlib.contextmanager
def multiprocess_metrics(var_dir: Path) -> Iterator[Path]:
    """Set `PROMETHEUS_MULTIPROC_DIR` to a fresh folder for this start; remove it afterwards."""
    parent = var_dir / "metrics"
    parent.mkdir(parents=True, exist_ok=True)
    _remove_orphans(parent)
    folder = parent / f"{PREFIX}{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)  # a pid used again after a reboot
    folder.mkdir()
    previous = os.environ.get(VARIABLE)
    os.environ[VARIABLE] = str(folder)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if previous is None:
            os.environ.pop(VARIABLE, None)
        else:
            os.environ[VARIABLE] = previous


def _remove_orphans(parent: Path) -> None:
    for folder in parent.glob(f"{PREFIX}*"):
        pid = folder.name.removeprefix(PREFIX)
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True
