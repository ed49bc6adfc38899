"""Time rules: stored in UTC, business dates (expiry, business days) in Asia/Shanghai."""
from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")


def now_utc() -> datetime:
    return datetime.now(UTC)


def today_shanghai(at: datetime | None = None) -> date:
    """The calendar date in China at `at` (default now): certificates expire at Shanghai midnight."""
    return (at or now_utc()).astimezone(SHANGHAI).date()


def shanghai_iso(at: datetime | None) -> str | None:
    """How times are shown to people: ISO 8601 with the +08:00 offset."""
    return at.astimezone(SHANGHAI).isoformat() if at else None
