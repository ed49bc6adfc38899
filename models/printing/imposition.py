"""Where card faces go on the printed pages: one face per page, or n-up on an A4 or SRA3 sheet with crop marks.

Every face carries a 3 mm bleed around its trim (85.6 × 54 mm for an ID-1 card). Layouts:

* `card`: one face per page; the page is the bleed box (91.6 × 60 mm), its TrimBox the card, its BleedBox the page.
  No crop marks: there is no room outside the bleed, and a printing house imposes such pages itself from the boxes.
* `a4`, `sra3`: as many faces as fit the sheet, in whichever orientation holds more (A4 landscape 3 × 3,
  SRA3 portrait 3 × 6), centred, 11 mm apart. Each face has crop marks at its four corners: 0.25 pt lines in
  registration colour on the cut lines, from 3.5 mm to 7.5 mm beyond the trim, so outside its bleed and clear of
  the neighbour's. TrimBox and BleedBox are the sheet (it is cut into cards by the marks, not trimmed whole).
"""
from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4  # PDF points per millimetre
BLEED_MM = 3.0
MARK_OFFSET_MM, MARK_LENGTH_MM, MARK_WIDTH_PT = 3.5, 4.0, 0.25
GUTTER_MM = 11.0  # between faces: a mark ends 7.5 mm out, the neighbour's bleed starts 8 mm out
SHEET_MARGIN_MM = 9.0  # sheet edge to the nearest trim line: the marks (7.5 mm) and a little paper
SHEETS_MM = {"a4": (210.0, 297.0), "sra3": (320.0, 450.0)}
LAYOUTS = ("a4", "sra3", "card")

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Imposition:
    layout: str
    media: tuple[float, float]  # page width and height, points
    card: tuple[float, float]  # trim size, points
    cells: tuple[tuple[float, float], ...]  # lower-left corner of each face's trim box, in reading order
    trim_box: Box
    bleed_box: Box
    marks: bool

    @property
    def per_page(self) -> int:
        return len(self.cells)

    def boxes(self) -> bytes:
        """The page dictionary's MediaBox, TrimBox and BleedBox entries."""
        media: Box = (0.0, 0.0, *self.media)
        return b" ".join(b"/%s [%.2f %.2f %.2f %.2f]" % (name, *box) for name, box in
                         ((b"MediaBox", media), (b"TrimBox", self.trim_box), (b"BleedBox", self.bleed_box)))

    def crop_marks(self, count: int) -> bytes:
        """Marks for the first `count` faces (a last page may hold fewer)."""
        if not self.marks or count == 0:
            return b""
        off, length = MARK_OFFSET_MM * MM, MARK_LENGTH_MM * MM
        w, h = self.card
        lines = [b"q %.2f w 1 1 1 1 K\n" % MARK_WIDTH_PT]
        for x, y in self.cells[:count]:
            for cx, sx in ((x, -1), (x + w, 1)):
                for cy, sy in ((y, -1), (y + h, 1)):
                    lines.append(b"%.2f %.2f m %.2f %.2f l " % (cx + sx * off, cy, cx + sx * (off + length), cy))
                    lines.append(b"%.2f %.2f m %.2f %.2f l\n" % (cx, cy + sy * off, cx, cy + sy * (off + length)))
        return b"".join(lines) + b"S Q\n"


def _fit(length: float, card: float, margin: float, gutter: float) -> int:
    return max(int((length - 2 * margin + gutter) // (card + gutter)), 0)


def _grid(sheet: tuple[float, float], card: tuple[float, float]) -> tuple[tuple[float, float], int, int]:
    """The sheet turned the way that holds more faces (portrait on a tie), and its columns and rows."""
    margin, gutter = SHEET_MARGIN_MM * MM, GUTTER_MM * MM
    best = (sheet, 0, 0)
    for w, h in (sheet, (sheet[1], sheet[0])):
        cols, rows = _fit(w, card[0], margin, gutter), _fit(h, card[1], margin, gutter)
        if cols * rows > best[1] * best[2]:
            best = ((w, h), cols, rows)
    return best


def impose(layout: str, card_width: float, card_height: float) -> Imposition:
    """The imposition of `layout` for faces of `card_width` × `card_height` points (trim size)."""
    bleed = BLEED_MM * MM
    card = (card_width, card_height)
    if layout == "card":
        media = (card_width + 2 * bleed, card_height + 2 * bleed)
        return Imposition(layout, media, card, ((bleed, bleed),), (bleed, bleed, bleed + card_width,
                          bleed + card_height), (0.0, 0.0, *media), marks=False)
    if layout not in SHEETS_MM:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}, got {layout!r}")
    (w, h), cols, rows = _grid((SHEETS_MM[layout][0] * MM, SHEETS_MM[layout][1] * MM), card)
    if not cols * rows:
        raise ValueError(f"a card of {card_width / MM:.1f} × {card_height / MM:.1f} mm does not fit {layout}")
    gutter = GUTTER_MM * MM
    left = (w - cols * card_width - (cols - 1) * gutter) / 2
    top = (h - rows * card_height - (rows - 1) * gutter) / 2
    cells = tuple((left + c * (card_width + gutter), h - top - (r + 1) * card_height - r * gutter)
                  for r in range(rows) for c in range(cols))
    return Imposition(layout, (w, h), card, cells, (0.0, 0.0, w, h), (0.0, 0.0, w, h), marks=True)
