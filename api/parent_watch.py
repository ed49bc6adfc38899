"""Workers of `serve --workers N` end when their parent does, however it died (kill -9 included).

Without this, a parent killed with SIGKILL leaves its workers serving the port (SO_REUSEPORT), and a restart
shares the port with the old code. Two mechanisms, both set up first thing in the worker:

* Linux: prctl(PR_SET_PDEATHSIG, SIGTERM) through ctypes: the kernel sends the worker SIGTERM when the parent
  dies, and aiohttp stops gracefully on SIGTERM. If the parent died before the call, the worker's parent is
  already someone else: checked right after, and the worker ends at once.
* Everywhere (and as a back-up): a daemon thread checks every WATCH_SECONDS whether os.getppid() is still the
  parent; when it is not, it sends the worker SIGTERM, and if the worker has not ended GRACE_SECONDS later it
  exits it outright.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import signal
import sys
import threading
import time

log = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
WATCH_SECONDS = 1.0
GRACE_SECONDS = 30.0  # aiohttp's graceful stop waits for requests in flight; past this the worker exits anyway


def _ask_kernel(sig: signal.Signals) -> bool:
    """Linux only: have the kernel send `sig` to this process when its parent dies."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) != 0:
            log.warning("prctl(PR_SET_PDEATHSIG) failed: %s", os.strerror(ctypes.get_errno()))
            return False
    except (OSError, AttributeError) as exc:
        log.warning("prctl(PR_SET_PDEATHSIG) unavailable: %s", exc)
        return False
    return True


def _watch(parent_pid: int, every: float, grace: float) -> None:
    while os.getppid() == parent_pid:
        time.sleep(every)
    log.warning("parent process %d is gone: this worker stops", parent_pid)
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(grace)
    os._exit(1)


def die_with_parent(parent_pid: int, every: float = WATCH_SECONDS, grace: float = GRACE_SECONDS) -> None:
    """Call first thing in a worker process started by `parent_pid`: the worker ends when that process does."""
    _ask_kernel(signal.SIGTERM)
    if os.getppid() != parent_pid:  # the parent died before the kernel was asked: nothing will signal us
        log.warning("parent process %d died before this worker started: exiting", parent_pid)
        os._exit(1)
    threading.Thread(target=_watch, args=(parent_pid, every, grace), name="parent watch", daemon=True).start()
