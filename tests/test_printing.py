"""Love card rendering (models/printing): QR codes, card faces, the streamed PDF. No database."""
from __future__ import annotations

import io
import json
import random
import re
import string
import tracemalloc
import zlib
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
from models.printing.card_face import DEFAULT_TEMPLATE
from models.printing.qr import lost_points

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

def pdf_bytes(n: int, per_page: int = 10) -> bytes:
    return b"".join(iter_card_faces_pdf(faces(n), per_page))


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


def test_pdf_for_two_cards_is_a_small_valid_pdf() -> None:
    pdf = pdf_bytes(2)
    assert pdf.startswith(b"%PDF-")
    assert pdf.endswith(b"%%EOF\n")
    assert page_count(pdf) == 1
    assert b"/Count 1 " in pdf
    assert check_xref(pdf) == 3 + 2 + 2  # catalog, pages, info; 2 images; content and page
    assert len(pdf) < 200_000


def test_pdf_pages_and_card_count() -> None:
    out = io.BytesIO()
    assert card_faces_pdf(faces(23), out) == 23
    pdf = out.getvalue()
    assert page_count(pdf) == 3
    assert b"/Count 3 " in pdf
    check_xref(pdf)
    assert len(re.findall(rb"/Subtype /Image", pdf)) == 23
    assert page_count(pdf_bytes(5, per_page=4)) == 2


def test_pdf_card_images_are_the_card_faces() -> None:
    pdf = pdf_bytes(3)
    match = re.search(rb"/Width (\d+) /Height (\d+) .*?/Length (\d+) >>\nstream\n", pdf)
    assert match
    width, height, length = (int(g) for g in match.groups())
    image = Image.frombytes("RGB", (width, height), zlib.decompress(pdf[match.end():match.end() + length]))
    assert decode(image) == [face(0).qr_text]


def test_pdf_rejects_no_cards_before_writing_anything() -> None:
    out = io.BytesIO()
    with pytest.raises(ValueError):
        card_faces_pdf([], out)
    assert out.getvalue() == b""
    with pytest.raises(ValueError):
        next(iter_card_faces_pdf(faces(1), per_page=11))


def test_pdf_consumes_faces_one_page_at_a_time() -> None:
    pulled = 0

    def counting() -> Iterator[CardFace]:
        nonlocal pulled
        for card in faces(35):
            pulled += 1
            yield card

    images = 0
    for chunk in iter_card_faces_pdf(counting(), per_page=10):
        images += chunk.count(b"/Subtype /Image")
        page_in_hand = max(images - 1, 0) // 10 + 1
        assert pulled <= 10 * page_in_hand, (images, pulled)
    assert pulled == 35


def test_pdf_memory_does_not_grow_with_card_count() -> None:
    def peak(n: int) -> tuple[int, int]:
        sink = NullSink()
        tracemalloc.start()
        try:
            count = card_faces_pdf(faces(n), sink)
            return count, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    render_card_face(face())  # fonts and template loaded outside the measurement
    small_count, small = peak(20)
    large_count, large = peak(200)
    assert (small_count, large_count) == (20, 200)
    assert large < small + 256 * 1024, (small, large)
    assert large < 16 * 1024 * 1024, large
