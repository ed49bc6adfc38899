"""Print-ready PDF of love card faces, streamed: vector faces with a 3 mm bleed, one a page or n-up with crop marks.

What a printing house asks for (models/printing/imposition.py): each face with a bleed, crop marks outside it, the
page's TrimBox and BleedBox set; layouts `card` (one face a page at its trim size plus bleed), `a4` and `sra3`.

The faces are vector (models/printing/vector_face.py): bands and panels are paths, text is text in the embedded,
subset WenQuanYi font, the QR is filled rectangles. What every card shares is drawn once (a form XObject); a card
adds its own texts and QR, about 2–3 KB compressed, where a 300 dpi image of the face cost ~57 KB and 15 ms.

Streaming (models/printing/pdf_writer.py): the writer emits each page as soon as its faces are drawn and keeps one
offset per object; the fonts, subset to the characters the run used, and the page tree come last. After each page
a PDF comment `%AixinCards <n>` tells a reader of the stream how many faces are done (the admin page's progress).
"""
from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from models.printing.card_face import CardFace, Template, default_template
from models.printing.imposition import BLEED_MM, LAYOUTS, Imposition, impose
from models.printing.pdf_fonts import EmbeddedFont
from models.printing.pdf_writer import HEADER, PdfWriter, pdf_text
from models.printing.vector_face import FacePainter

__all__ = ["LAYOUTS", "card_faces_pdf", "iter_card_faces_pdf"]

PROGRESS = b"%%AixinCards %d\n"


def _batches(faces: Iterable[CardFace], size: int) -> Iterator[list[CardFace]]:
    it = iter(faces)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _page_ops(imp: Imposition, painter: FacePainter, faces: list[CardFace], scale: float) -> bytes:
    """Each face placed at its cell (template pixels → points, y down), clipped to its bleed box; then the marks."""
    t = painter.t
    x0, y0, x1, y1 = painter.bleed_box()
    clip = b"%.2f %.2f %.2f %.2f re W n " % (x0, y0, x1 - x0, y1 - y0)
    ops = []
    for face, (x, y) in zip(faces, imp.cells, strict=False):  # a last page fills fewer cells
        ops.append(b"q %.6f 0 0 %.6f %.4f %.4f cm " % (scale, -scale, x, y + t.height * scale) + clip
                   + b"/Face Do\n" + painter.card_ops(face) + b"Q\n")
    ops.append(imp.crop_marks(len(faces)))
    return b"".join(ops)


def iter_card_faces_pdf(faces: Iterable[CardFace], layout: str = "a4", *,
                        template: Template | None = None, title: str = "") -> Iterator[bytes]:
    """The PDF as byte chunks (one or a few per page), for a streaming response.

    `faces` is consumed lazily, one page at a time: pass a generator to keep the print run out of memory. With no
    faces, or an unknown layout, the first `next()` raises ValueError before any byte is produced, so a handler can
    still answer with an error status. Drawing is CPU work (about 2 ms a card): pull the chunks in a thread."""
    t = template or default_template()
    scale = 72 / t.dpi
    imp = impose(layout, t.width * scale, t.height * scale)
    batches = _batches(faces, imp.per_page)
    first = next(batches, None)
    if first is None:
        raise ValueError("no card faces to print")
    pdf = PdfWriter()
    catalog, pages, info, face_form, resources = (pdf.reserve() for _ in range(5))
    fonts = {key: EmbeddedFont(pdf, ref.file, ref.index) for key, ref in t.fonts.items()}
    painter = FacePainter(t, fonts, BLEED_MM / 25.4 * t.dpi)
    yield pdf.raw(HEADER)
    yield pdf.obj(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % pages)
    yield pdf.obj(info, b"<< /Producer (Aixin love card printing) /Title %s >>" % pdf_text(title or "爱心卡卡面"))
    fonts_dict = b"/Font << %s >>" % painter.font_resources()
    yield pdf.flate(face_form, b"/Type /XObject /Subtype /Form /BBox [%.2f %.2f %.2f %.2f] /Resources << %s >>"
                    % (*painter.bleed_box(), fonts_dict), painter.static_ops())
    yield pdf.obj(resources, b"<< %s /XObject << /Face %d 0 R >> >>" % (fonts_dict, face_form))
    page_numbers, done = array("L"), 0
    for batch in itertools.chain([first], batches):
        content, page = pdf.reserve(), pdf.reserve()
        yield pdf.flate(content, b"", _page_ops(imp, painter, batch, scale))
        yield pdf.obj(page, b"<< /Type /Page /Parent %d 0 R %s /Resources %d 0 R /Contents %d 0 R >>"
                      % (pages, imp.boxes(), resources, content))
        page_numbers.append(page)
        done += len(batch)
        yield pdf.raw(PROGRESS % done)
    for font in fonts.values():
        yield from font.objects(pdf)
    kids = b" ".join(b"%d 0 R" % n for n in page_numbers)
    yield pdf.obj(pages, b"<< /Type /Pages /Count %d /Kids [%s] >>" % (len(page_numbers), kids))
    yield from pdf.xref_and_trailer(catalog, info)


class _Counted:
    def __init__(self, items: Iterable[CardFace]) -> None:
        self.items, self.count = items, 0

    def __iter__(self) -> Iterator[CardFace]:
        for item in self.items:
            self.count += 1
            yield item


def card_faces_pdf(faces: Iterable[CardFace], out: BinaryIO, *, layout: str = "a4",
                   template: Template | None = None) -> int:
    """Write the PDF to `out` as it is produced (`out` need not be seekable); return the card count.
    Raises ValueError, having written nothing, when there are no faces."""
    counted = _Counted(faces)
    for chunk in iter_card_faces_pdf(counted, layout, template=template):
        out.write(chunk)
    return counted.count
