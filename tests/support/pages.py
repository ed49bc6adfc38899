"""Browser-test helpers for the consumer page: a unique name, logging in by nickname, reading a price in fen."""
from __future__ import annotations

import re
import uuid
from typing import Any

from playwright.sync_api import expect


def unique(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:6]}"


def log_in(page: Any, name: str) -> None:
    page.goto("/")
    page.get_by_label("昵称").fill(name)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_text(f"你好，{name}")).to_be_visible()


def yuan(text: str) -> int:
    """"¥1,234.50" → 123450 fen."""
    return round(float(re.search(r"¥([\d,]+\.\d{2})", text).group(1).replace(",", "")) * 100)

