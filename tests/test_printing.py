"""Love card rendering (models/printing): QR codes, card faces, the streamed PDF. No database."""
from __future__ import annotations

import io
import json
import random
import re
import string
import tracemalloc
from collections.abc import Iterator
from datetime import date

import numpy as np
import pytest
import qrcode
import qrcode.util
import zxingcpp
from PIL import Image
from qrcode.constants import ERROR_CORRECT_M

from models.paths import ASSETS
from models.printing import (
    CardFace,
    Template,
    card_faces_pdf,
    format_yuan,
    iter_card_faces_pdf,
    mask_card_no,
    qr_matrix,
    qr_png,
    render_card_face,
    yuan_in_words,
)
from models.printing.card_face import DEFAULT_TEMPLATE, default_template, group_card_no
from models.printing.imposition import MM, impose
from models.printing.qr import lost_points
from tests.support.pdf_pages import CARD_MM, is_dark, is_red, is_white, pages

URL = "https://aixin.example.cn/c/8860123456781234?s=AbCdEf0123456789"


def face(i: int = 1234, **changes: object) -> CardFace:
    values: dict[str, object] = dict(
        card_no=f"8860{i:012d}", face_value_fen=20000, expires_at=date(2027, 12, 31),
        issuer="广东省消费扶贫运营中心", qr_text=f"https://aixin.example.cn/c/8860{i:012d}",
    )
    values.update(changes)
    return CardFace(**values)  # type: ignore[arg-type]


def faces(n: int) -> Iterator[CardFace]:
    return (face(i) for i in range(n))


def decode(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)]


class NullSink(io.RawIOBase):
    """A write-only sink that keeps nothing, like /dev/null, counting what it is given."""

    def __init__(self) -> None:
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.size += len(data)
        return len(data)


# --- QR ---------------------------------------------------------------------------------------------

def test_qr_png_decodes_to_the_same_text() -> None:
    png = qr_png(URL)
    image = Image.open(io.BytesIO(png))
    assert png.startswith(b"\x89PNG")
    assert image.mode in ("1", "L")
    assert decode(image) == [URL]


def test_qr_png_box_size_and_border() -> None:
    modules = qr_matrix(URL, border=0).shape[0]
    image = Image.open(io.BytesIO(qr_png(URL, box_size=4, border=3)))
    assert image.size == ((modules + 6) * 4,) * 2


def test_qr_symbol_is_the_librarys() -> None:
    """Same version, same mask choice, same modules as `qrcode` itself, on texts of many lengths."""
    rnd = random.Random(7)
    for _ in range(40):
        text = "".join(rnd.choice(string.ascii_letters + string.digits + "/:?=&")
                       for _ in range(rnd.choice([1, 10, 40, 90, 200, 400])))
        reference = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=2)
        reference.add_data(text)
        reference.make(fit=True)
        assert np.array_equal(qr_matrix(text), np.array(reference.get_matrix(), dtype=bool)), text


def test_penalty_score_equals_the_librarys() -> None:
    rng = np.random.default_rng(3)
    for n in (21, 25, 33, 57):
        candidates = rng.random((8, n, n)) < rng.random()
        assert lost_points(candidates) == [qrcode.util.lost_point(c.tolist()) for c in candidates]


# --- card face --------------------------------------------------------------------------------------

def test_mask_card_no() -> None:
    assert mask_card_no("8860123456781234") == "8860 **** **** 1234"
    assert mask_card_no("8860 1234 5678 1234") == "8860 **** **** 1234"
    assert mask_card_no("8860-1234-5678-1234") == "8860 **** **** 1234"
    assert mask_card_no("8860123456789") == "8860 **** **** 6789"
    assert mask_card_no("6222021234567891234") == "6222 **** **** **** 1234"
    assert mask_card_no("12345678") == "**** 5678"
    assert mask_card_no("1234") == "****"


def test_money_from_integer_fen() -> None:
    assert format_yuan(20000) == "200"
    assert format_yuan(20050) == "200.50"
    assert format_yuan(5) == "0.05"
    assert yuan_in_words(20000) == "贰佰元"
    assert yuan_in_words(100500) == "壹仟零伍元"
    with pytest.raises(TypeError):
        face(face_value_fen=200.0)
    with pytest.raises(ValueError):
        face(face_value_fen=-1)


def test_card_face_has_the_size_and_a_decodable_qr() -> None:
    card = face()
    image = render_card_face(card)
    assert image.size == (1011, 638)
    assert image.mode == "RGB"
    assert decode(image) == [card.qr_text]


def test_card_face_with_a_long_issuer_and_a_big_value_still_scans() -> None:
    issuer = "广西壮族自治区百色市田东县东西部扶贫协作消费扶贫产品运营服务中心有限责任公司"
    card = face(issuer=issuer * 2, face_value_fen=123456789)
    assert decode(render_card_face(card)) == [card.qr_text]


def test_template_rejects_misspelt_keys_and_placeholders() -> None:
    raw = json.loads(DEFAULT_TEMPLATE.read_text(encoding="utf-8"))
    assert Template.from_dict(raw).width == 1011
    misspelt = json.loads(json.dumps(raw))
    misspelt["texts"][0]["colour"] = misspelt["texts"][0].pop("color")
    with pytest.raises(ValueError, match="colour"):
        Template.from_dict(misspelt)
    bad_field = json.loads(json.dumps(raw))
    bad_field["texts"][0]["text"] = "{card_number}"
    with pytest.raises(ValueError, match="card_number"):
        Template.from_dict(bad_field)


def test_template_can_leave_elements_out() -> None:
    raw = json.loads(DEFAULT_TEMPLATE.read_text(encoding="utf-8"))
    for text in raw["texts"]:
        text["enabled"] = text["name"] == "programme"
    plain = render_card_face(face(), Template.from_dict(raw))
    assert plain.getpixel((48, 300)) == plain.getpixel((0, 300))  # no ¥ amount drawn


def test_assets_ship_the_font_and_its_licences() -> None:
    fonts = ASSETS / "fonts"
    assert (fonts / "wqy-microhei.ttc").stat().st_size > 4_000_000
    for name in ("README.md", "LICENSE_Apache-2.0.txt", "LICENSE_GPL-3.txt", "copyright.debian.txt"):
        assert (fonts / name).is_file(), name


# --- PDF --------------------------------------------------------------------------------------------

def pdf_bytes(n: int, layout: str = "a4", **changes: object) -> bytes:
    return b"".join(iter_card_faces_pdf((face(i, **changes) for i in range(n)), layout))


def check_xref(pdf: bytes) -> int:
    """Tiny reader: every xref offset must point at its `N 0 obj`; returns the object count."""
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", pdf).group(1))  # type: ignore[union-attr]
    header = re.match(rb"xref\n0 (\d+)\n", pdf[start:])
    assert header
    size = int(header.group(1))
    entries = pdf[start + header.end():].split(b"\n")[1:size]  # after the free entry 0
    for number, entry in enumerate(entries, start=1):
        offset = int(entry[:10])
        assert pdf[offset:].startswith(b"%d 0 obj\n" % number), number
    return size - 1


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page(?!s)", pdf))


def test_pdf_for_two_cards_is_a_small_valid_vector_pdf() -> None:
    pdf = pdf_bytes(2)
    assert pdf.startswith(b"%PDF-")
    assert pdf.endswith(b"%%EOF\n")
    assert page_count(pdf) == 1
    assert b"/Count 1 " in pdf
    check_xref(pdf)
    assert b"/Subtype /Image" not in pdf  # faces are vector: paths, text, the QR as rectangles
    assert pdf.count(b"/FontFile2") == 2  # the template's two faces (regular, mono), embedded as subsets
    assert len(pdf) < 40_000


def test_pdf_pages_and_card_count_by_layout() -> None:
    out = io.BytesIO()
    assert card_faces_pdf(faces(23), out) == 23
    pdf = out.getvalue()
    assert page_count(pdf) == 3  # A4: 9 a page
    assert b"/Count 3 " in pdf
    check_xref(pdf)
    assert page_count(pdf_bytes(23, "sra3")) == 2  # SRA3: 18 a page
    assert page_count(pdf_bytes(5, "card")) == 5


def test_pdf_page_sizes_and_boxes() -> None:
    card_w, card_h = CARD_MM
    _, [single] = pages(pdf_bytes(1, "card"))
    assert single.size_mm == pytest.approx((card_w + 6, card_h + 6), abs=0.05)  # 91.6 × 60 mm: trim + 3 mm bleed
    assert single.trim_mm == pytest.approx((3, 3, 3 + card_w, 3 + card_h), abs=0.05)
    assert single.bleed_mm == pytest.approx((0, 0, card_w + 6, card_h + 6), abs=0.05)
    for layout, size in (("a4", (297, 210)), ("sra3", (320, 450))):
        _, [sheet] = pages(pdf_bytes(2, layout))
        assert sheet.size_mm == pytest.approx(size, abs=0.05)
        assert sheet.trim_mm == pytest.approx((0, 0, *size), abs=0.05)
        assert sheet.bleed_mm == pytest.approx((0, 0, *size), abs=0.05)


def test_the_red_band_runs_into_the_bleed_and_the_crop_marks_lie_outside_it() -> None:
    t = default_template()
    scale = 72 / t.dpi
    imp = impose("a4", t.width * scale, t.height * scale)
    _, [sheet] = pages(pdf_bytes(len(imp.cells), "a4"))
    card_w, card_h = CARD_MM
    for x_pt, y_pt in imp.cells:
        left, bottom = x_pt / MM, y_pt / MM
        top, right = bottom + card_h, left + card_w
        assert is_red(sheet.pixel(left + 20, top - 2))  # the header band on the card
        assert is_red(sheet.pixel(left + 20, top + 1.5))  # … and past the trim, in the bleed
        assert is_red(sheet.pixel(left - 1.5, top - 2))
        assert not is_white(sheet.pixel(left + 20, bottom - 1.5))  # the footer band in the bleed below
        for x, y in ((left - 5.5, top), (right + 5.5, top), (left - 5.5, bottom), (right + 5.5, bottom),
                     (left, top + 5.5), (right, top + 5.5), (left, bottom - 5.5), (right, bottom - 5.5)):
            assert is_dark(sheet.darkest(x, y)), (x, y)  # a crop mark on each cut line at each corner
    left, top = imp.cells[0][0] / MM, imp.cells[0][1] / MM + card_h  # the top left face: the sheet's margin
    assert is_white(sheet.darkest(left - 8.5, top))
    assert is_white(sheet.darkest(left, top + 8.5))  # marks end


def test_every_qr_on_a_page_decodes() -> None:
    _, [sheet] = pages(pdf_bytes(9, "a4"))
    assert sorted(sheet.qr_texts()) == sorted(face(i).qr_text for i in range(9))
    _, [sra3] = pages(pdf_bytes(18, "sra3"))
    assert sorted(sra3.qr_texts()) == sorted(face(i).qr_text for i in range(18))
    count, single = pages(pdf_bytes(3, "card"), 0, 2)
    assert count == 3
    assert [p.qr_texts() for p in single] == [[face(i).qr_text] for i in range(3)]


def test_full_card_number_or_masked() -> None:
    _, [masked] = pages(pdf_bytes(1, "card"))
    assert "8860 **** **** 0000" in masked.text
    assert "8860000000000000" not in masked.text.replace(" ", "")
    _, [full] = pages(pdf_bytes(1, "card", full_card_no=True))
    assert "8860 0000 0000 0000" in full.text
    assert "广东省消费扶贫运营中心" in full.text
    assert "¥200" in full.text
    assert "有效期至 2027-12-31" in full.text
    assert group_card_no("8860123456781234") == "8860 1234 5678 1234"
    full_raster, masked_raster = render_card_face(face(5, full_card_no=True)), render_card_face(face(5))
    assert full_raster.tobytes() != masked_raster.tobytes()  # the Pillow face follows the same setting


def test_pdf_is_small_per_card() -> None:
    assert len(pdf_bytes(200, "a4")) / 200 < 30 * 1024
    assert len(pdf_bytes(50, "card")) / 50 < 30 * 1024


def test_pdf_rejects_no_cards_or_an_unknown_layout_before_writing_anything() -> None:
    out = io.BytesIO()
    with pytest.raises(ValueError):
        card_faces_pdf([], out)
    assert out.getvalue() == b""
    with pytest.raises(ValueError, match="layout"):
        next(iter_card_faces_pdf(faces(1), "a5"))


def test_pdf_consumes_faces_one_page_at_a_time_and_tells_its_progress() -> None:
    pulled = 0

    def counting() -> Iterator[CardFace]:
        nonlocal pulled
        for card in faces(35):
            pulled += 1
            yield card

    progress = []
    for chunk in iter_card_faces_pdf(counting(), "a4"):
        if chunk.startswith(b"%AixinCards "):
            progress.append(int(chunk.split()[1]))
            assert pulled == min(9 * len(progress), 35)  # nothing pulled beyond the page written
    assert pulled == 35
    assert progress == [9, 18, 27, 35]


def test_pdf_memory_does_not_grow_with_card_count() -> None:
    def peak(n: int) -> tuple[int, int]:
        sink = NullSink()
        tracemalloc.start()
        try:
            count = card_faces_pdf(faces(n), sink)
            return count, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    card_faces_pdf(faces(20), NullSink())  # fonts, template and the font subset loaded outside the measurement
    small_count, small = peak(20)
    large_count, large = peak(200)
    assert (small_count, large_count) == (20, 200)
    assert large < small + 256 * 1024, (small, large)
    assert large < 16 * 1024 * 1024, large
