"""Browser-test helpers for the consumer page: a unique name, logging in by nickname, reading a price in fen, the
script errors a page logs, and an unpaid goods order made over the API."""
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


ADDRESS = {"name": "张三", "phone": "13800138000", "province": "广东省", "city": "清远市", "county": "佛冈县",
           "detail": "石角镇XX路8号", "is_default": True}


class ScriptErrors:
    """What the page's script threw or logged as an error; a refusal the test provokes on purpose is allowed."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.allowed: list[str] = []

    def allow_refusal(self, status: int) -> None:
        """The browser logs every 4xx answer as "Failed to load resource": one with `status` is expected."""
        self.allowed.append(f"the server responded with a status of {status} ")

    def unexpected(self) -> list[str]:
        return [e for e in self.seen if not any(a in e for a in self.allowed)]


def goods_order(api: Any, token: str, least_fen: int = 0, most_fen: int = 20000) -> dict:
    """An unpaid goods order of one certified demo product whose total is above `least_fen`, at most `most_fen`."""
    if not api.call("GET", "/api/v1/me/addresses", token)["items"]:
        api.call("POST", "/api/v1/me/addresses", token, ADDRESS)
    products = api.call("GET", "/api/v1/products?page_size=50")["items"]
    sku, qty = next((p["sku"], qty) for p in products for qty in range(1, 21)
                    if least_fen < p["price_fen"] * qty <= most_fen and qty <= p["stock"])
    return api.call("POST", "/api/v1/orders", token, {"items": [{"sku": sku, "qty": qty}]})
