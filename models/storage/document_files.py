"""Supporting documents on disk: `VAR_DIR/documents/<aa>/<sha256>`, named by the SHA-256 of their content.

The name a client gives a file never reaches the file system: a path is made of 64 hex digits only, so `../`,
absolute paths, NUL characters or odd Unicode in an upload's name cannot point anywhere. The same content is stored
once. The type is read from the first bytes (magic numbers), never from the client's Content-Type or extension.
"""
from __future__ import annotations

import asyncio
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from models.errors import Invalid, NotFound

_HEX = re.compile(r"^[0-9a-f]{64}$")
# What a supporting document may be: a photo or scan (PNG, JPEG, WebP) or a PDF.
ACCEPTED = ("image/png", "image/jpeg", "image/webp", "application/pdf")


def sniff(head: bytes) -> str | None:
    """The document type its first bytes announce, or None when it is not one of ACCEPTED."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    return None


def checked_type(data: bytes) -> str:
    """422 `document_type_not_allowed` unless the content is a PNG, JPEG, WebP or PDF."""
    kind = sniff(data[:16])
    if kind is None:
        raise Invalid("document_type_not_allowed", "只能上传图片（PNG、JPEG、WebP）或 PDF 文件",
                      accepted=list(ACCEPTED))
    return kind


@dataclass(frozen=True)
class DocumentFiles:
    """The folder documents are kept in (VAR_DIR/documents)."""

    root: Path

    def path(self, sha256: str) -> Path:
        if not _HEX.match(sha256):  # only ever a digest this module computed; never a client's text
            raise NotFound("document_not_found", "文件不存在")
        return self.root / sha256[:2] / sha256

    async def store(self, data: bytes) -> str:
        """Write the content under its digest (atomically: a temporary file renamed) and return the digest."""
        digest = hashlib.sha256(data).hexdigest()
        await asyncio.to_thread(self._write, digest, data)
        return digest

    def _write(self, digest: str, data: bytes) -> None:
        target = self.path(digest)
        if target.is_file() and target.stat().st_size == len(data):
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    async def read(self, sha256: str) -> bytes:
        path = self.path(sha256)
        try:
            return await asyncio.to_thread(path.read_bytes)
        except FileNotFoundError:
            raise NotFound("document_not_found", "文件不存在") from None
