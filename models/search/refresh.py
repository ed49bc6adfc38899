"""How a worker's search index refresh is doing: what /healthz reports, when to try again, and whether the
index may be trusted without asking the database.

A refresh that fails is retried with exponential backoff (the poll interval doubled per consecutive failure, up to
`MAX_BACKOFF_SECONDS`), so a refresh that cannot succeed costs one attempt a minute, not a core. While the last
refresh failed, or none has succeeded for `stale_after` seconds, the index is *stale*: what it returns is checked
against the database before anyone is offered it (models/search/catalog_search.py).
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

MAX_BACKOFF_SECONDS = 60.0
DEFAULT_INTERVAL = 2.0
ERROR_TEXT_LIMIT = 300


@dataclass
class RefreshHealth:
    """Counters of one process's index refreshes. Times are `clock()` seconds (monotonic by default)."""

    interval: float | None = None  # the poll interval; None: nobody polls (a one-off index), never stale by age
    clock: Callable[[], float] = time.monotonic
    last_ok: float | None = None  # when the last successful refresh (or rebuild) started
    last_error: str | None = None
    failures: int = 0  # consecutive
    failures_total: int = 0
    refreshes_total: int = 0
    rebuilds_total: int = 0
    last_duration_ms: float = 0.0
    _started: float = field(default=0.0, repr=False)

    @property
    def stale_after(self) -> float | None:
        """An index not refreshed for this long is not trusted: two missed polls and a second of slack."""
        return None if self.interval is None else 2 * self.interval + 1.0

    def started(self) -> float:
        self._started = self.clock()
        return self._started

    def succeeded(self, started: float) -> None:
        self.last_ok = started
        self.failures = 0
        self.refreshes_total += 1
        self.last_duration_ms = round((self.clock() - started) * 1000, 1)

    def failed(self, exc: BaseException) -> None:
        self.failures += 1
        self.failures_total += 1
        self.last_error = f"{type(exc).__name__}: {exc}"[:ERROR_TEXT_LIMIT]
        self.last_duration_ms = round((self.clock() - self._started) * 1000, 1)

    def next_delay(self) -> float:
        """Seconds until the next poll: the interval, doubled for each consecutive failure, at most a minute."""
        interval = self.interval or DEFAULT_INTERVAL
        if not self.failures:
            return interval
        return min(interval * 2 ** min(self.failures, 16), max(MAX_BACKOFF_SECONDS, interval))

    def age(self) -> float | None:
        return None if self.last_ok is None else max(0.0, self.clock() - self.last_ok)

    @property
    def stale(self) -> bool:
        if self.failures > 0 or self.last_ok is None:
            return True
        return self.stale_after is not None and self.clock() - self.last_ok > self.stale_after

    def as_dict(self) -> dict[str, Any]:
        age = self.age()
        return {
            "status": "degraded" if self.stale else "ok",
            "age_seconds": None if age is None else round(age, 1),
            "last_error": self.last_error,
            "failures": self.failures,
            "failures_total": self.failures_total,
            "refreshes_total": self.refreshes_total,
            "rebuilds_total": self.rebuilds_total,
            "last_duration_ms": self.last_duration_ms,
            "next_poll_seconds": self.next_delay(),
        }
