"""What a buyer asks for: goods by sku and quantity, merged and bounded. Orders, counter redemptions and holder
requests all take a basket; none borrows another's line type."""
from __future__ import annotations

from dataclasses import dataclass

from models.errors import Invalid

MAX_QTY = 999
MAX_LINES = 50


@dataclass(frozen=True)
class LineRequest:
    sku: str
    qty: int


def merge_lines(items: list[LineRequest]) -> dict[str, int]:
    """Quantities by sku, each within 1..MAX_QTY, at most MAX_LINES skus."""
    if not items or len(items) > MAX_LINES:
        raise Invalid("invalid_items", f"订单应包含 1 到 {MAX_LINES} 种商品")
    merged: dict[str, int] = {}
    for item in items:
        merged[item.sku] = merged.get(item.sku, 0) + item.qty
    for sku, qty in merged.items():
        if not 1 <= qty <= MAX_QTY:
            raise Invalid("invalid_quantity", f"每种商品数量应在 1 到 {MAX_QTY} 之间", sku=sku, qty=qty)
    return merged
