"""Reading a print PDF as a printer would: page size and boxes in millimetres, the page rendered (PDFium, through
pypdfium2), what a point of it looks like, the QR codes on it (zxing-cpp) and its text."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
import zxingcpp
from PIL import Image

MM = 72 / 25.4
DPI = 300
CARD_MM = (1011 / 300 * 25.4, 638 / 300 * 25.4)  # the template's trim size: 85.6 × 54 mm


@dataclass
class Page:
    size_mm: tuple[float, float]
    trim_mm: tuple[float, ...]
    bleed_mm: tuple[float, ...]
    image: Image.Image  # at DPI, origin top left
    text: str

    def pixel(self, x_mm: float, y_mm_from_bottom: float) -> tuple[int, int, int]:
        """The colour at a point given in PDF terms (millimetres from the lower left corner)."""
        x = round(x_mm / 25.4 * DPI)
        y = round((self.size_mm[1] - y_mm_from_bottom) / 25.4 * DPI)
        return self.image.getpixel((min(x, self.image.width - 1), min(y, self.image.height - 1)))  # type: ignore

    def darkest(self, x_mm: float, y_mm_from_bottom: float, radius_px: int = 3) -> tuple[int, int, int]:
        """The darkest colour within `radius_px` of a point: a hairline (a crop mark is 0.25 pt) is found whatever
        the rounding."""
        x = round(x_mm / 25.4 * DPI)
        y = round((self.size_mm[1] - y_mm_from_bottom) / 25.4 * DPI)
        box = np.asarray(self.image.crop((x - radius_px, y - radius_px, x + radius_px + 1, y + radius_px + 1)))
        pixels = box.reshape(-1, 3).astype(int)
        r, g, b = pixels[pixels.sum(axis=1).argmin()]
        return int(r), int(g), int(b)

    def qr_texts(self) -> list[str]:
        return [r.text for r in zxingcpp.read_barcodes(self.image)]


def pages(pdf: bytes, first: int = 0, last: int = 0) -> tuple[int, list[Page]]:
    """The page count, and pages first..last (0-based, inclusive) read and rendered."""
    doc = pdfium.PdfDocument(pdf)
    try:
        out = []
        for i in range(first, min(last, len(doc) - 1) + 1):
            page = doc[i]
            width, height = page.get_size()
            out.append(Page((width / MM, height / MM), tuple(v / MM for v in page.get_trimbox()),
                            tuple(v / MM for v in page.get_bleedbox()),
                            page.render(scale=DPI / 72).to_pil().convert("RGB"),
                            page.get_textpage().get_text_range()))
        return len(doc), out
    finally:
        doc.close()


def is_dark(rgb: tuple[int, int, int]) -> bool:
    return max(rgb) < 90


def is_red(rgb: tuple[int, int, int]) -> bool:
    r, g, b = rgb
    return r > 150 and g < 80 and b < 80


def is_white(rgb: tuple[int, int, int]) -> bool:
    return min(rgb) > 245
