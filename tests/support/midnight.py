"""Tests read "today" in Shanghai, and a day may not be closed in its first minutes (settlement_day_open). A test
that starts just before Shanghai midnight may write on one day and read on the next; one that starts just after
may find yesterday still open. `wait_out_midnight` sleeps through that window before a test starts, so the suite
gives the same answers at any hour (CI once failed three tests at 00:0x in Shanghai)."""
from __future__ import annotations

import time
from datetime import datetime, timedelta

from models.clock import SHANGHAI, now_utc
from models.services.settlements import CLOSE_GRACE

BEFORE = timedelta(minutes=3)  # longer than any one test takes
AFTER = CLOSE_GRACE + timedelta(minutes=1)  # past the minutes in which yesterday may not be closed


def seconds_to_wait(at: datetime) -> float:
    """How long a test starting at `at` waits: 0 outside the window around Shanghai midnight."""
    local = at.astimezone(SHANGHAI)
    midnight = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), SHANGHAI)
    if midnight - local <= BEFORE:
        return (midnight + AFTER - local).total_seconds()
    since = local - midnight + timedelta(days=1)
    return (AFTER - since).total_seconds() if since < AFTER else 0.0


def wait_out_midnight() -> None:
    wait = seconds_to_wait(now_utc())
    if wait > 0:
        print(f"waiting {wait:.0f} s for Shanghai midnight to pass")
        time.sleep(wait)
