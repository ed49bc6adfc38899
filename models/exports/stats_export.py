"""The account as a table for people: CSV (UTF-8 with BOM, so Excel reads Chinese) and XLSX (openpyxl).

Pure functions of a StatsResult: the same rows the JSON answer has, then one total row (合计) that also
carries 认购额. Money stays integer fen, as everywhere. Both go through models/exports/spreadsheet_safety.py: a supplier,
category or merchant named like a formula (=…, +…, -…, @…) is written as text, never as a formula.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from models.exports.csv_chunks import csv_chunks
from models.exports.spreadsheet_safety import xlsx_bytes as workbook
from models.services.stats import Figures, StatsResult

HEADER = ["分组 key", "编码 code", "金额(分) amount_fen", "订单数 orders", "数量 quantity", "供应商数 suppliers",
          "带动贫困户 households", "贫困县占比 poverty_share", "认购额(分) subscribed_fen"]
TOTAL_KEY = "合计"


def _figures(f: Figures) -> list[Any]:
    return [f.amount_fen, f.orders, f.quantity, f.suppliers, f.households, f.poverty_share]


def table(result: StatsResult) -> Iterator[list[Any]]:
    """Header, one line per row, then the total (the only line with subscribed_fen)."""
    yield HEADER
    for row in result.rows:
        yield [row.key, row.code or "", *_figures(row), ""]
    yield [TOTAL_KEY, "", *_figures(result.total), result.total.subscribed_fen]


def iter_csv(result: StatsResult) -> Iterator[bytes]:
    """The CSV in chunks; the first chunk starts with the UTF-8 BOM."""
    return csv_chunks(table(result))


def xlsx_bytes(result: StatsResult, title: str = "消费扶贫台账") -> bytes:
    """The same table as one worksheet; names that look like formulas stay text (models/exports/spreadsheet_safety.py)."""
    return workbook(table(result), title)
