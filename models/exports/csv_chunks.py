"""CSV for people: UTF-8 with a BOM (so Excel reads Chinese), produced in chunks so exports can be streamed.
Every cell goes through `safe_row`: text that would start a formula is written as text
(models/exports/spreadsheet_safety.py)."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from models.exports.spreadsheet_safety import safe_row

ROWS_PER_CHUNK = 500


def csv_chunks(rows: Iterable[list[Any]], rows_per_chunk: int = ROWS_PER_CHUNK) -> Iterator[bytes]:
    """The rows as CSV bytes (CRLF line ends), `rows_per_chunk` rows a chunk; the first chunk starts with the BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")
    for n, row in enumerate(rows, start=1):
        writer.writerow(safe_row(row))
        if n % rows_per_chunk == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode("utf-8")
