"""A love card face as PDF drawing operations: vector bands and panels, real text, the QR as filled rectangles.

Same template, same layout rules as the Pillow face (`card_face.render_card_face`): positions are template pixels
(origin top left), a text shrinks and is cut exactly as there (`fit_text`), its anchor is placed with Pillow's own
metrics. The caller sets a matrix that maps template pixels to points with y pointing down, so every number here
is a template pixel. What does not change from card to card (background, bands, panels, fixed wording) is drawn
once per file (`static_ops`, a form XObject); each card adds only its own texts and QR modules (`card_ops`), about
2–3 KB compressed.

Bleed: the background covers the bleed box, and a shape that touches an edge of the card runs on past it by the
bleed (the red header and the footer band), so a cut a little off the trim line shows no white edge.
"""
from __future__ import annotations

import functools

import numpy as np
from PIL import ImageColor

from models.printing.card_face import CardFace, FaceValues, Shape, Template, TextSlot, fit_text
from models.printing.pdf_fonts import EmbeddedFont
from models.printing.qr import qr_matrix

BEZIER = 0.5523  # control point distance of a quarter circle, as a fraction of the radius


@functools.cache
def color(css: str, stroke: bool = False) -> bytes:
    r, g, b = ImageColor.getrgb(css)[:3]
    return b"%.3f %.3f %.3f %s " % (r / 255, g / 255, b / 255, b"RG" if stroke else b"rg")


def _path(x0: float, y0: float, x1: float, y1: float, radius: float) -> bytes:
    """A rectangle, with rounded corners when `radius` > 0."""
    r = min(radius, (x1 - x0) / 2, (y1 - y0) / 2)
    if r <= 0:
        return b"%.2f %.2f %.2f %.2f re " % (x0, y0, x1 - x0, y1 - y0)
    c = r * (1 - BEZIER)
    return (b"%.2f %.2f m %.2f %.2f l %.2f %.2f %.2f %.2f %.2f %.2f c %.2f %.2f l %.2f %.2f %.2f %.2f %.2f %.2f c "
            b"%.2f %.2f l %.2f %.2f %.2f %.2f %.2f %.2f c %.2f %.2f l %.2f %.2f %.2f %.2f %.2f %.2f c h "
            % (x0 + r, y0, x1 - r, y0, x1 - c, y0, x1, y0 + c, x1, y0 + r,
               x1, y1 - r, x1, y1 - c, x1 - c, y1, x1 - r, y1,
               x0 + r, y1, x0 + c, y1, x0, y1 - c, x0, y1 - r,
               x0, y0 + r, x0, y0 + c, x0 + c, y0, x0 + r, y0))


class FacePainter:
    """Draws the faces of one template into one PDF, with its embedded fonts (`fonts`, by template font key)."""

    def __init__(self, template: Template, fonts: dict[str, EmbeddedFont], bleed_px: float) -> None:
        self.t, self.fonts, self.bleed = template, fonts, bleed_px
        self.resource = {key: b"F%d" % i for i, key in enumerate(fonts)}
        self.dynamic = tuple(s for s in template.texts if s.enabled and "{" in s.text)
        self.fixed = tuple(s for s in template.texts if s.enabled and "{" not in s.text)

    def font_resources(self) -> bytes:
        return b" ".join(b"/%s %d 0 R" % (self.resource[k], f.number) for k, f in self.fonts.items())

    def bleed_box(self) -> tuple[float, float, float, float]:
        b = self.bleed
        return (-b, -b, self.t.width + b, self.t.height + b)

    def static_ops(self) -> bytes:
        """Background over the bleed box, shapes, the QR's white square and the texts without placeholders."""
        t, b = self.t, self.bleed
        ops = [color(t.background), b"%.2f %.2f %.2f %.2f re f\n" % (-b, -b, t.width + 2 * b, t.height + 2 * b)]
        ops += [self._shape(shape) for shape in t.shapes]
        q = t.qr
        ops.append(color(q.background) + b"%d %d %d %d re f\n" % (q.x, q.y, q.size, q.size))
        ops += [self._text(slot, slot.text) for slot in self.fixed]
        return b"".join(ops)

    def card_ops(self, face: CardFace) -> bytes:
        """What this card adds to the static face: its texts (amount, number, expiry, issuer) and QR modules."""
        values = FaceValues(face)
        ops = [self._text(slot, slot.text.format_map(values)) for slot in self.dynamic]
        ops.append(self._qr(face.qr_text))
        return b"".join(ops)

    def _shape(self, shape: Shape) -> bytes:
        t, b = self.t, self.bleed
        x0, y0, x1, y1 = (float(v) for v in shape.box)
        x0, y0 = (-b if x0 <= 0 else x0), (-b if y0 <= 0 else y0)  # a band at an edge runs into the bleed
        x1, y1 = (t.width + b if x1 >= t.width else x1), (t.height + b if y1 >= t.height else y1)
        ops = color(shape.fill) + _path(x0, y0, x1, y1, shape.radius) + b"f\n"
        if shape.outline:
            half = shape.width / 2  # Pillow draws the outline inside the box
            ops += (b"%.2f w " % shape.width + color(shape.outline, stroke=True)
                    + _path(x0 + half, y0 + half, x1 - half, y1 - half, max(shape.radius - half, 0)) + b"S\n")
        return ops

    def _text(self, slot: TextSlot, text: str) -> bytes:
        font, text = fit_text(self.t, slot, text)
        if not text:
            return b""
        at = font.getbbox(text, anchor=slot.anchor)
        base = font.getbbox(text, anchor="ls")  # the same ink from the baseline's left end: the shift between
        x, y = slot.x + at[0] - base[0], slot.y + at[1] - base[1]
        return b"BT %s/%s %.2f Tf 1 0 0 -1 %.2f %.2f Tm %s Tj ET\n" % (
            color(slot.color), self.resource[slot.font], font.size, x, y, self.fonts[slot.font].encode(text))

    def _qr(self, text: str) -> bytes:
        """One rectangle per horizontal run of dark modules, all filled as one path (no seams between them)."""
        q = self.t.qr
        dark = qr_matrix(text, border=0)
        n = dark.shape[0]
        module = q.size // (n + 2 * q.border_modules)
        if module < q.min_module_px:
            raise ValueError(f"QR text too long for the template: {n} modules in {q.size} px")
        offset = (q.size - n * module) // 2
        padded = np.zeros((n, n + 2), dtype=np.int8)
        padded[:, 1:-1] = dark
        step = np.diff(padded, axis=1)
        rows, starts = np.nonzero(step == 1)
        ends = np.nonzero(step == -1)[1]  # row-major order on both sides: the k-th end closes the k-th start
        xs = (q.x + offset + starts * module).tolist()
        ys = (q.y + offset + rows * module).tolist()
        ws = ((ends - starts) * module).tolist()
        rects = " ".join(f"{x} {y} {w} {module} re" for x, y, w in zip(xs, ys, ws, strict=True))
        return color(q.color) + rects.encode() + b" f\n"
