"""The account as a table for people: CSV (UTF-8 with BOM, so Excel reads Chinese) and XLSX (openpyxl).

Pure functions of a StatsResult: a title line naming the grouping, the range and the filters; a header in Chinese
that names the grouping (省份, 县区, 供应商 …) with the page's own words (带动脱贫户); one line per row; then the
total (合计), the only line with 认购额. Amounts are in yuan with two decimals (the fen stay in a second column, so
nothing is lost); the poverty-county share is a percentage. In XLSX the header is frozen, columns are wide enough
for Chinese, amounts are numbers formatted #,##0.00 and the share 0.0%. Both go through
models/exports/spreadsheet_safety.py: a name that looks like a formula is written as text.
"""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from models.exports.csv_chunks import csv_chunks
from models.exports.spreadsheet_safety import Column
from models.exports.spreadsheet_safety import xlsx_bytes as workbook
from models.services.stats import Figures, GroupBy, StatsFilter, StatsResult

GROUP_NAMES = {
    GroupBy.PROVINCE: "省份", GroupBy.CITY: "地市", GroupBy.COUNTY: "县区", GroupBy.SUPPLIER: "供应商",
    GroupBy.CATEGORY: "品类", GroupBy.CHANNEL: "渠道", GroupBy.MERCHANT: "商户", GroupBy.DAY: "日期",
    GroupBy.MONTH: "月份",
}
TOTAL_KEY = "合计"
TITLE = "消费扶贫台账"
# (header, width in characters, XLSX number format or None)
_COLUMNS = [("编码", 12, None), ("金额（元）", 14, "#,##0.00"), ("金额（分）", 14, "0"), ("订单数", 10, "0"),
            ("数量", 10, "0"), ("供应商数", 10, "0"), ("带动脱贫户", 12, "0"), ("贫困县占比", 12, "0.0%"),
            ("认购额（元）", 14, "#,##0.00")]


def title(f: StatsFilter) -> str:
    """消费扶贫台账 · 按省份 · 2026-01-01 至 2026-12-04 · 仅贫困县 (with the region after 台账 for an official): what
    the figures are, for a printed page."""
    span = f"{f.date_from or '开始'} 至 {f.date_to or '今天'}"
    region = f" · {f.region.name}" if f.region is not None else ""  # an official's account: their region
    return f"{TITLE}{region} · 按{GROUP_NAMES[f.group_by]} · {span}{' · 仅贫困县' if f.poverty_only else ''}"


def _yuan(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def _figures(f: Figures, share: Any) -> list[Any]:
    return [_yuan(f.amount_fen), f.amount_fen, f.orders, f.quantity, f.suppliers, f.households, share]


def _rows(result: StatsResult, share: Any) -> Iterator[list[Any]]:
    for row in result.rows:
        yield [row.key, row.code or "", *_figures(row, share(row.poverty_share)), ""]
    total = result.total
    yield [TOTAL_KEY, "", *_figures(total, share(total.poverty_share)), _yuan(total.subscribed_fen)]


def header(f: StatsFilter) -> list[str]:
    return [GROUP_NAMES[f.group_by], *(name for name, _, _ in _COLUMNS)]


def table(result: StatsResult) -> Iterator[list[Any]]:
    """The title line, the header, one line per row, then the total; the share as a percentage text."""
    yield [title(result.filter)]
    yield header(result.filter)
    yield from _rows(result, lambda share: f"{share * 100:.1f}%")


def iter_csv(result: StatsResult) -> Iterator[bytes]:
    """The CSV in chunks; the first chunk starts with the UTF-8 BOM."""
    return csv_chunks(table(result))


def xlsx_bytes(result: StatsResult, sheet: str = TITLE) -> bytes:
    """The same table as one worksheet: header frozen, widths and number formats set, names kept as text."""
    columns = [Column(18, None), *(Column(width, fmt) for _, width, fmt in _COLUMNS)]
    rows = [[title(result.filter)], header(result.filter), *_rows(result, lambda share: share)]
    return workbook(rows, sheet, columns=columns, header_rows=2)
