"""Reading a catalogue file into a header and rows of text: CSV (UTF-8, or GBK as Excel in China saves it) or an
Excel workbook (.xlsx, its first sheet). Validation of the rows is models/catalog_csv.py's."""
from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from models.errors import Invalid

_XLSX_MAGIC = b"PK\x03\x04"  # an .xlsx is a zip archive
_HOW_TO_SAVE = "请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”，或直接上传 .xlsx 文件"


@dataclass(frozen=True)
class CatalogTable:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line number as the person sees it: row 1 is the header, cells)
    source: str  # "csv-utf8", "csv-gbk" or "xlsx"


def _bad_file(reason: str) -> Invalid:
    return Invalid("catalog_invalid", f"无法读取目录文件：{reason}",
                   errors=[{"line": 1, "sku": None, "field": None, "reason": reason}])


def _decode(data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM); else GB18030, the superset of the GBK that Excel in China writes."""
    try:
        return data.decode("utf-8-sig"), "csv-utf8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "csv-gbk"
    except UnicodeDecodeError:
        raise _bad_file(f"既不是 UTF-8 也不是 GBK 编码的 CSV。{_HOW_TO_SAVE}") from None


def _csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    for cells in reader:
        yield start, cells
        start = reader.line_num + 1


def _cell_text(value: Any) -> str:
    """A cell as the text a CSV would hold: 38.8 → "38.8", 10.0 → "10", a date → 2099-01-01."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.15g}"  # no binary noise: 12.299999999999999 → 12.3
    return str(value)


def _xlsx_rows(data: bytes) -> list[tuple[int, list[str]]]:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise _bad_file(f"不是有效的 Excel (.xlsx) 文件（{type(exc).__name__}）") from None
    try:
        sheet = book.worksheets[0]
        return [(number, [_cell_text(v) for v in values])
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        book.close()


def read_table(data: bytes) -> CatalogTable:
    """The file's header and its non-empty rows, whatever of CSV or xlsx it is (told by its first bytes)."""
    if data.startswith(_XLSX_MAGIC):
        rows, source = _xlsx_rows(data), "xlsx"
    else:
        text, source = _decode(data)
        rows = list(_csv_rows(text))
    rows = [(line, cells) for line, cells in rows if any(c.strip() for c in cells)]
    if not rows:
        raise _bad_file("文件是空的")
    (_, header), *body = rows
    if source == "xlsx":  # a sheet's rows are as wide as its widest one: empty cells past the header are nothing
        header = _trimmed(header, 0)
        body = [(line, _trimmed(cells, len(header))) for line, cells in body]
    return CatalogTable([h.strip().lstrip("\ufeff") for h in header], body, source)


def _trimmed(cells: list[str], width: int) -> list[str]:
    """Empty cells past `width` dropped, and the row padded to `width` (an empty cell of a sheet is empty text)."""
    cells = list(cells)
    while len(cells) > width and not cells[-1].strip():
        cells.pop()
    return cells + [""] * (width - len(cells))
