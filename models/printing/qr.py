"""QR codes for love cards: the `qrcode` library builds the symbol, Pillow paints it.

Where the time goes in `qrcode.make(text)` (≈10 ms for a card URL): choosing the mask pattern. The
library places the data eight times, once per mask, in pure Python, and scores each candidate with
a pure-Python penalty count (ISO/IEC 18004 rules N1–N4). `_FastMaskQRCode` keeps the library for
everything else (segment encoding, Reed–Solomon, placement) but places the data once and scores
the eight masks with numpy: a mask is an XOR over the data modules, so every candidate derives
from one placement. The penalty replicates `qrcode.util.lost_point` exactly (the tests check that
the chosen mask and the final matrix equal the library's), so the symbols are the same as the
library's, only faster. Painting from the module matrix with numpy also skips the image factory.
"""
from __future__ import annotations

import functools
import io
from typing import Any

import numpy as np
import qrcode
from PIL import Image
from qrcode.constants import ERROR_CORRECT_M

# 1:1:3:1:1 finder-like pattern with four light modules on one side (penalty rule N3), as 11-bit ints.
_FINDER_LIKE = (0b10111010000, 0b00001011101)


@functools.lru_cache(maxsize=8)
def _mask_grids(n: int) -> np.ndarray:
    """The eight ISO/IEC 18004 mask patterns for an n×n symbol, as a read-only (8, n, n) bool array (the same few
    sizes come back card after card in a print run, so they are made once)."""
    i, j = np.indices((n, n))
    grids = np.stack([
        (i + j) % 2 == 0,
        i % 2 == 0,
        j % 3 == 0,
        (i + j) % 3 == 0,
        (i // 2 + j // 3) % 2 == 0,
        (i * j) % 2 + (i * j) % 3 == 0,
        ((i * j) % 2 + (i * j) % 3) % 2 == 0,
        ((i * j) % 3 + (i + j) % 2) % 2 == 0,
    ])
    grids.flags.writeable = False
    return grids


def _run_penalty(a: np.ndarray) -> np.ndarray:
    """N1 along the rows of each (k, n, n) candidate: a run of five or more costs its length - 2."""
    k, rows, n = a.shape
    change = np.ones((k, rows, n + 1), dtype=bool)
    change[:, :, 1:n] = a[:, :, 1:] != a[:, :, :-1]
    at = np.flatnonzero(change)
    runs = np.diff(at)  # a row seam yields a run of length 1, which never counts
    long = runs >= 5
    owner = at[:-1][long] // (rows * (n + 1))
    return np.bincount(owner, weights=runs[long] - 2, minlength=k).astype(np.int64)


def _finder_penalty(a: np.ndarray) -> np.ndarray:
    """N3 along the rows of each candidate: 40 per eleven-module window like a finder pattern."""
    n = a.shape[2]
    code = np.zeros((*a.shape[:2], n - 10), dtype=np.int32)
    for t in range(11):
        code = (code << 1) | a[:, :, t:t + n - 10]
    hits = (code == _FINDER_LIKE[0]) | (code == _FINDER_LIKE[1])
    return 40 * hits.sum(axis=(1, 2))


def lost_points(a: np.ndarray) -> list[int]:
    """Penalty score of each (k, n, n) candidate, exactly as `qrcode.util.lost_point` computes it."""
    n = a.shape[1]
    columns = a.transpose(0, 2, 1)
    score = _run_penalty(a) + _run_penalty(columns) + _finder_penalty(a) + _finder_penalty(columns)
    corner = a[:, :-1, :-1]  # N2: 3 per 2×2 block of one colour
    blocks = (corner == a[:, 1:, :-1]) & (corner == a[:, :-1, 1:]) & (corner == a[:, 1:, 1:])
    score += 3 * blocks.sum(axis=(1, 2))
    dark = a.sum(axis=(1, 2))
    # N4 in the library's own float arithmetic, so that ties break the same way.
    return [int(s) + int(abs(float(int(d)) / n**2 * 100 - 50) / 5) * 10 for s, d in zip(score, dark, strict=True)]


class _FastMaskQRCode(qrcode.QRCode):
    """`qrcode.QRCode` choosing the mask from one data placement (see the module docstring)."""

    _data_region: np.ndarray | None = None

    def map_data(self, data: Any, mask_pattern: int) -> None:
        # Before placement, the modules still unset (None) are exactly the data region.
        self._data_region = np.array([[m is None for m in row] for row in self.modules], dtype=bool)
        super().map_data(data, mask_pattern)

    def best_mask_pattern(self) -> int:
        self.makeImpl(True, 0)  # test mode: format and version areas all light, as the library scores
        placed = np.array(self.modules, dtype=bool)
        region = self._data_region
        masks = _mask_grids(placed.shape[0]) & region
        scores = lost_points(placed ^ masks[0] ^ masks)  # unmask pattern 0, apply each of the eight
        return scores.index(min(scores))  # first minimum, like the library


def qr_matrix(text: str, *, border: int = 2) -> np.ndarray:
    """The QR symbol for `text` (error correction M, smallest version), True = dark, with border."""
    qr = _FastMaskQRCode(error_correction=ERROR_CORRECT_M, border=border)
    qr.add_data(text)
    qr.make(fit=True)
    return np.array(qr.get_matrix(), dtype=bool)


def scale_modules(modules: np.ndarray, box_size: int) -> Image.Image:
    """A 1-bit image of a bool matrix, `box_size` pixels per module; True is white in the image and
    opaque when the image is used as a paste mask."""
    if box_size < 1:
        raise ValueError(f"box_size must be at least 1, got {box_size}")
    return Image.fromarray(np.repeat(np.repeat(modules, box_size, axis=0), box_size, axis=1))


def qr_image(text: str, *, box_size: int = 8, border: int = 2) -> Image.Image:
    """The QR symbol as a 1-bit image (dark modules black), `box_size` pixels per module."""
    return scale_modules(~qr_matrix(text, border=border), box_size)


def qr_png(text: str, *, box_size: int = 8, border: int = 2) -> bytes:
    """A 1-bit PNG of the QR symbol for `text` (error correction M)."""
    buf = io.BytesIO()
    qr_image(text, box_size=box_size, border=border).save(buf, "PNG")
    return buf.getvalue()
