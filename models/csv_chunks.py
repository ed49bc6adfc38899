"""CSV for people: UTF-8 with a BOM (so Excel reads Chinese), produced in chunks so exports can be streamed."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

ROWS_PER_CHUNK = 500


def csv_chunks(rows: Iterable[list[Any]], rows_per_chunk: int = ROWS_PER_CHUNK) -> Iterator[bytes]:
    """The rows as CSV bytes (CRLF line ends), `rows_per_chunk` rows a chunk; the first chunk starts with the BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")
    for n, row in enumerate(rows, start=1):
        writer.writerow(row)
        if n % rows_per_chunk == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode("utf-8")
