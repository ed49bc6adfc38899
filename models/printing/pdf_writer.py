"""The smallest PDF writer that streams: object numbers handed out up front, bytes emitted as they are made.

The PDF format lets the page tree and the fonts be the last objects of the file, and the cross-reference table at
the end only needs the byte offset of each object. So a writer that remembers one 8-byte offset per object can emit
each page as soon as it is drawn and write what depends on the whole run (the page tree, the font subset) last.
"""
from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterator

HEADER = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
XREF_CHUNK = 4096  # xref entries per yielded chunk
ZLIB_LEVEL = 6  # content streams of vector faces are small: the default level costs little


class PdfWriter:
    """Hands out object numbers and remembers the byte offset at which each object starts."""

    def __init__(self) -> None:
        self.position = 0
        self.offsets = array("Q")  # offsets[n - 1] is where object n starts

    def reserve(self) -> int:
        self.offsets.append(0)
        return len(self.offsets)

    def raw(self, data: bytes) -> bytes:
        self.position += len(data)
        return data

    def obj(self, number: int, body: bytes, stream: bytes | None = None) -> bytes:
        """Object `number`: `body` alone (a dictionary or a value), or the entries of a stream's dictionary."""
        self.offsets[number - 1] = self.position
        if stream is None:
            return self.raw(b"%d 0 obj\n%s\nendobj\n" % (number, body))
        head = b"%d 0 obj\n<< %s /Length %d >>\nstream\n" % (number, body, len(stream))
        return self.raw(head + stream + b"\nendstream\nendobj\n")

    def flate(self, number: int, body: bytes, data: bytes) -> bytes:
        """A stream object compressed with Flate (zlib)."""
        return self.obj(number, body + b" /Filter /FlateDecode", zlib.compress(data, ZLIB_LEVEL))

    def xref_and_trailer(self, root: int, info: int) -> Iterator[bytes]:
        start = self.position
        yield self.raw(b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.offsets) + 1))
        for i in range(0, len(self.offsets), XREF_CHUNK):
            yield self.raw(b"".join(b"%010d 00000 n \n" % o for o in self.offsets[i:i + XREF_CHUNK]))
        trailer = b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        yield self.raw(trailer % (len(self.offsets) + 1, root, info, start))


def pdf_text(text: str) -> bytes:
    """A PDF text string (UTF-16BE with its byte order mark, as hex), for the document information."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"
