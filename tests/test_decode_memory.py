"""Decoding an uploaded QR image never holds it at a size that costs hundreds of megabytes (issue 14: a 194 KB
7071 × 7071 RGBA PNG took the server from 379 to 1,116 MiB). Measured as the peak RSS of a fresh process, which
only reads the file and decodes it, so nothing else moves the high-water mark."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
import qrcode
from PIL import Image

from tests.support.qr import TEXT

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory read from /proc (Linux)")

ROOT = Path(__file__).resolve().parent.parent
# VmHWM, not getrusage's ru_maxrss: that one survives fork and exec, so the child would start at the test
# process's own peak; VmHWM belongs to the new address space.
MEASURE = """
import sys
from models.codes.qr_decode import decode_qr
from models.errors import DomainError


def peak_kib():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


data = open(sys.argv[1], "rb").read()
before = peak_kib()
try:
    outcome = decode_qr(data)
except DomainError as exc:
    outcome = exc.code
print(outcome)
print((peak_kib() - before) // 1024)
"""


def decode_in_a_fresh_process(path: Path) -> tuple[str, int]:
    """What decoding the file gave (its text or the error code), and by how many MiB the peak RSS grew."""
    done = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    outcome, grown = done.stdout.split()
    return outcome, int(grown)


def save(image: Image.Image, path: Path, kind: str, **options) -> Path:
    out = io.BytesIO()
    image.save(out, kind, **options)
    path.write_bytes(out.getvalue())
    return path


def test_a_huge_transparent_png_is_refused_from_its_header(tmp_path):
    path = save(Image.new("RGBA", (7071, 7071), (255, 255, 255, 0)), tmp_path / "bomb.png", "PNG")
    assert path.stat().st_size < 300_000
    outcome, grown = decode_in_a_fresh_process(path)
    assert outcome == "image_too_large"
    assert grown < 20  # full size would be 191 MiB before any conversion


@pytest.fixture(scope="module")
def big_photo(tmp_path_factory) -> Path:
    """A 48-megapixel phone photo (8000 × 6000 RGB JPEG) with the card's QR code in it."""
    photo = Image.new("RGB", (8000, 6000), (176, 168, 150))
    photo.paste(qrcode.make(TEXT, border=4).get_image().convert("RGB").resize((1600, 1600)), (3000, 2000))
    return save(photo, tmp_path_factory.mktemp("photo") / "IMG_0002.jpg", "JPEG", quality=80)


def test_a_48_megapixel_photo_decodes_without_being_held_at_full_size(big_photo):
    outcome, grown = decode_in_a_fresh_process(big_photo)
    assert outcome == TEXT
    assert grown < 60  # decoded at 1/4 scale in grey: about 3 MiB; at full size it would be 137 MiB


def test_a_png_at_the_cap_decodes_in_bounded_memory(tmp_path):
    shot = Image.new("RGBA", (4096, 4096), (0, 0, 0, 0))
    shot.paste(qrcode.make(TEXT, border=4).get_image().convert("RGBA").resize((900, 900)), (1500, 1500))
    outcome, grown = decode_in_a_fresh_process(save(shot, tmp_path / "shot.png", "PNG"))
    assert outcome == TEXT
    assert grown < 150  # 64 MiB decoded, grey made at two bytes a pixel, never four copies of four
