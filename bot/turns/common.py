"""What the turn modules share: the list size, line merging, the reply's product card and address text."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot import replies
from bot.draft import Line
from bot.numerals import Found
from bot.understanding import METRIC
from models.tables.addresses import Address

SHOW = 5


def quantity_for(quantities: list[Found], unit: str | None) -> Found | None:
    """Of the quantities in a message (兴安盟大米5公斤来一袋), the one in the product's own unit; else one in a
    generic measure word; else the weight, volume or count said (read against the pack by bot.packs)."""
    if not quantities:
        return None
    for wanted in (lambda q: q.unit == unit, lambda q: q.unit not in METRIC):
        found = [q for q in quantities if wanted(q)]
        if found:
            return found[0]
    return quantities[0]


def merge(lines: list[Line], line: Line) -> list[Line]:
    """A second line for a product already in the draft replaces its quantity (改成 / 再来 alike)."""
    same = next((ln for ln in lines if ln.sku == line.sku), None)
    if same is None:
        return [*lines, Line(sku=line.sku, qty=line.qty, candidates=line.candidates)]
    same.qty = line.qty
    return lines


def product_card(card: dict[str, Any]) -> dict[str, Any]:
    return {"sku": card["sku"], "name": card["name"], "price_fen": card["price_fen"], "unit": card["unit"],
            "origin": replies.origin_of(card), "stock": card["stock"]}


def address_text(a: Address) -> str:
    phone = a.phone[:3] + "****" + a.phone[-4:] if len(a.phone) == 11 else a.phone
    county = "" if a.county == a.city else a.county  # 广东省东莞市长安镇: a city with no counties said once
    return f"{a.name} {phone} {a.province}{a.city}{county}{a.detail}"


def shipping_note(order: Any, parcels: list[tuple[str, str, str | None, str | None]] | None = None) -> str:
    """The tracking number of a one-parcel order; each parcel with its own of an order from several suppliers."""
    if parcels and len(parcels) > 1:
        return replies.parcels(parcels)
    tracking = getattr(order, "tracking_no", None)
    carrier = getattr(order, "carrier", None)
    return f"，{carrier or '快递'}单号{tracking}" if tracking else ""


def pay_minutes(timeout: timedelta) -> int:
    """The minutes an order waits for payment, as the replies say them (at least one)."""
    return max(1, int(timeout.total_seconds() // 60))
