"""The suite's guard around Shanghai midnight (tests/support/midnight.py): which start times wait, and how long."""
from __future__ import annotations

from datetime import datetime

import pytest

from models.clock import SHANGHAI
from tests.support.midnight import seconds_to_wait


@pytest.mark.parametrize(("clock", "wait"), [
    ("12:00:00", 0), ("23:56:59", 0), ("23:57:00", 540), ("23:59:30", 390),
    ("00:00:00", 360), ("00:05:00", 60), ("00:06:00", 0), ("03:00:00", 0),
])
def test_a_test_starting_near_midnight_waits_until_yesterday_may_be_closed(clock, wait):
    at = datetime.combine(datetime(2026, 12, 6).date(), datetime.strptime(clock, "%H:%M:%S").time(), SHANGHAI)
    assert seconds_to_wait(at) == wait
