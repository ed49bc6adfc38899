"""Merchant settlement (商户日结) as a table for people, in the same form as the statistics downloads.

A title line naming the merchant (or every merchant) and the business day; a header in Chinese; per merchant its
redemptions (核销), voids (撤销) and net (净额), then its lines by product (商品) and by origin county (产地); with more
than one merchant a last line 合计 with the net of all. Amounts in yuan with two decimals, the fen in the next column
(nothing lost). CSV (UTF-8 with BOM) and XLSX (header frozen, widths for Chinese, #,##0.00 for yuan); both go
through models/exports/spreadsheet_safety.py, so a name that looks like a formula is written as text.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from models.clock import shanghai_iso
from models.exports.csv_chunks import csv_chunks
from models.exports.spreadsheet_safety import Column, xlsx_bytes
from models.services.settlements import Settlement

TITLE = "商户日结"
ALL_MERCHANTS = "全部商户"
# (header, width in characters, XLSX number format or None)
_COLUMNS = [("商户ID", 8, "0"), ("商户名称", 22, None), ("营业日", 12, None), ("已日结", 8, None),
            ("日结时间", 26, None), ("类别", 8, None), ("SKU", 14, None), ("商品名称", 28, None), ("产地省", 12, None),
            ("产地市", 12, None), ("产地县", 12, None), ("县代码", 10, None), ("贫困县", 8, None), ("笔数", 8, "0"),
            ("数量", 8, "0"), ("金额（元）", 14, "#,##0.00"), ("金额（分）", 14, "0")]
HEADER = [name for name, _, _ in _COLUMNS]


def yuan(fen: int) -> Decimal:
    """Integer fen as yuan with two decimals (12340 → 123.40), no float on the way; a number, not text."""
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def title(items: list[Settlement], day: date) -> str:
    """商户日结 · 佛冈专柜 · 营业日 2026-12-04 (· 已日结): what the figures are, for a printed page."""
    if len(items) == 1:
        s = items[0]
        return f"{TITLE} · {s.merchant_name} · 营业日 {day.isoformat()}{' · 已日结' if s.closed else ''}"
    return f"{TITLE} · {ALL_MERCHANTS}（{len(items)} 家） · 营业日 {day.isoformat()}"


def _money(fen: int) -> list[Any]:
    return [yuan(fen), fen]


def _merchant_rows(s: Settlement) -> Iterator[list[Any]]:
    head = [s.merchant_id, s.merchant_name, s.business_date.isoformat(), "是" if s.closed else "否",
            shanghai_iso(s.closed_at) or ""]
    blank = [""] * 7
    yield [*head, "核销", *blank, s.redemption_count, "", *_money(s.redemption_fen)]
    yield [*head, "撤销", *blank, s.void_count, "", *_money(s.void_fen)]
    yield [*head, "净额", *blank, s.redemption_count - s.void_count, "", *_money(s.net_fen)]
    for p in s.by_product:
        yield [*head, "商品", p["sku"], p["name"], *[""] * 5, "", p["qty"], *_money(p["amount_fen"])]
    for c in s.by_county:
        yield [*head, "产地", "", "", c["province"], c["city"], c["county"], c["origin_code"],
               "是" if c["poverty_county"] else "否", "", c["qty"], *_money(c["amount_fen"])]


def _rows(items: list[Settlement], day: date) -> Iterator[list[Any]]:
    for s in items:
        yield from _merchant_rows(s)
    if len(items) != 1:
        count = sum(s.redemption_count - s.void_count for s in items)
        yield ["", ALL_MERCHANTS, day.isoformat(), "", "", "合计", *[""] * 7, count, "",
               *_money(sum(s.net_fen for s in items))]


def table(items: list[Settlement], day: date) -> Iterable[list[Any]]:
    yield [title(items, day)]
    yield HEADER
    yield from _rows(items, day)


def iter_csv(items: list[Settlement], day: date) -> Iterator[bytes]:
    """The CSV in chunks; the first chunk starts with the UTF-8 BOM."""
    return csv_chunks(table(items, day))


def settlement_xlsx(items: list[Settlement], day: date) -> bytes:
    """The same table as one worksheet: title and header frozen, widths and number formats set."""
    return xlsx_bytes(table(items, day), TITLE, columns=[Column(w, f) for _, w, f in _COLUMNS], header_rows=2)
