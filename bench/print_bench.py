"""Benchmark of love card rendering (models/printing).

    python bench/print_bench.py [--repeats 200] [--cards 5000] [--pdf-repeats 1] [--layouts a4,card]

Reports medians:
- QR PNG: our `qr_png` beside the bare library, `qrcode.make(text).save(BytesIO(), "PNG")`, timed in
  the same run, interleaved call by call so that load from elsewhere on the machine hits both;
- card face: `render_card_face` (QR, shapes, text) to a PIL image (the raster face, still used for previews);
- PDF: the print-ready vector PDF (`card_faces_pdf`) of `--cards` cards (issue 16: 5,000) in each layout, into a
  sink that keeps nothing: seconds for the file, cards per second and KB per card (targets: >= 200 cards/s,
  <= 30 KB a card), and the process's peak RSS.
Each timed call gets a different card number (so a different QR), like a real print run.
"""
from __future__ import annotations

import argparse
import io
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import qrcode
import qrcode.constants
from PIL import Image

from models.printing import CardFace, card_faces_pdf, qr_png, render_card_face


def url(i: int) -> str:
    return f"https://aixin.example.cn/c/8860{i:012d}"


def face(i: int) -> CardFace:
    return CardFace(card_no=f"8860{i:012d}", face_value_fen=20000, expires_at=date(2027, 12, 31),
                    issuer="广东省消费扶贫运营中心", qr_text=url(i))


def bare_qr_png(text: str) -> bytes:
    buf = io.BytesIO()
    qrcode.make(text).save(buf, "PNG")
    return buf.getvalue()


def bare_qr_png_same_geometry(text: str) -> bytes:
    """The bare library at our settings (box 8, border 2), to separate geometry from method."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8, border=2)
    qr.add_data(text)
    buf = io.BytesIO()
    qr.make_image().save(buf, "PNG")
    return buf.getvalue()


def timed_ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


class Sink(io.RawIOBase):
    def __init__(self) -> None:
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.size += len(data)
        return len(data)


def faces(n: int, first: int) -> Iterator[CardFace]:
    return (face(first + i) for i in range(n))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeats", type=int, default=200, help="timed calls per QR / card face figure")
    ap.add_argument("--cards", type=int, default=5000, help="cards per PDF")
    ap.add_argument("--pdf-repeats", type=int, default=1)
    ap.add_argument("--layouts", default="a4,card", help="comma-separated: a4, sra3, card")
    args = ap.parse_args()

    for i in range(20):  # warm up: imports, fonts, template, cn2an
        qr_png(url(i)), bare_qr_png(url(i)), render_card_face(face(i))

    ours, bare, same = [], [], []
    for i in range(args.repeats):
        ours.append(timed_ms(lambda i=i: qr_png(url(i))))
        bare.append(timed_ms(lambda i=i: bare_qr_png(url(i))))
        same.append(timed_ms(lambda i=i: bare_qr_png_same_geometry(url(i))))
    ours_ms, bare_ms, same_ms = statistics.median(ours), statistics.median(bare), statistics.median(same)
    print(f"QR text: {url(0)!r} ({len(url(0))} chars, error correction M)")
    for label, fn, ms in (("ours qr_png (box 8, border 2)    ", qr_png, ours_ms),
                          ("bare qrcode.make().save(PNG)     ", bare_qr_png, bare_ms),
                          ("bare QRCode(box 8, border 2)     ", bare_qr_png_same_geometry, same_ms)):
        image = Image.open(io.BytesIO(fn(url(0))))
        print(f"QR PNG   {label}     {ms:7.2f} ms  {image.size[0]:4d} px  mode {image.mode}  "
              f"{len(fn(url(0))):4d} B")
    print(f"QR PNG   ours / bare qrcode.make                {ours_ms / bare_ms:7.2f}")

    card_ms = statistics.median(timed_ms(lambda i=i: render_card_face(face(i))) for i in range(args.repeats))
    print(f"card face render_card_face (1011x638 RGB)       {card_ms:7.2f} ms")

    for layout in args.layouts.split(","):
        seconds, per_card = [], 0.0
        for r in range(args.pdf_repeats):
            sink = Sink()
            start = time.perf_counter()
            written = card_faces_pdf(faces(args.cards, r * args.cards), sink, layout=layout)
            seconds.append(time.perf_counter() - start)
            per_card = sink.size / written
        took = statistics.median(seconds)
        rate = args.cards / took
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        verdict = "PASS" if rate >= 200 and per_card <= 30 * 1024 else "FAIL"
        print(f"PDF {layout:5s} {args.cards} cards: {took:6.2f} s  {rate:7.1f} cards/s  "
              f"{per_card / 1024:6.2f} KB/card  "
              f"{sink.size / 1e6:6.2f} MB  peak RSS {rss_mb:.0f} MB  (>= 200 cards/s, <= 30 KB/card: {verdict})")

if __name__ == "__main__":
    main()
