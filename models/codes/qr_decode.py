"""Reading a QR code from an uploaded photo or screenshot: the counter's way in when it has no scanner.

CPU work with no I/O; callers on the event loop run it in a thread (one at a time per worker). Pillow reads only
the header when it opens a file, so the size is checked before a single pixel is decoded, and no image is ever
held at a size that costs more than a few tens of megabytes:

* a JPEG (a phone photo, up to `MAX_PIXELS`) is decoded already reduced: libjpeg scales by 1/2, 1/4 or 1/8 while
  decoding (`Image.draft`) and gives grey directly, so a 48-megapixel photo costs about 3 MB, not 190;
* every other format must be decoded at full size before it can be reduced, so it is refused above
  `MAX_FULL_PIXELS` (4096 × 4096, more than any screen): a small file that would inflate to gigapixels (a
  decompression bomb) is refused without allocating it. It is made grey at full size (one byte a pixel, alpha
  laid on white), and only then reduced.

The code is looked for at `WORKING_SIDE` first (fast, and zxing's finder copes better with a card that is not
tiny in the frame), then, only if that finds nothing, at up to `SECOND_SIDE`.
"""
from __future__ import annotations

import io
from collections.abc import Iterator

import zxingcpp
from PIL import Image, ImageOps, UnidentifiedImageError

from models.errors import Invalid

# A 48-megapixel phone photo is 8000 × 6000; anything bigger is not a photo of a card.
MAX_PIXELS = 50_000_000
MAX_FULL_PIXELS = 4096 * 4096  # formats decoded at full size (PNG, WebP, GIF, BMP)
FORMATS = ("PNG", "JPEG", "WEBP", "GIF", "BMP")
JPEG_FORMATS = ("JPEG", "MPO")  # a phone's multi-picture JPEG opens as MPO
WORKING_SIDE = 2000
SECOND_SIDE = 4000
QR_FORMATS = (zxingcpp.BarcodeFormat.QRCode, zxingcpp.BarcodeFormat.MicroQRCode)
_BROKEN = (OSError, SyntaxError, ValueError)


def decode_qr(data: bytes, max_pixels: int = MAX_PIXELS) -> str:
    """The text of the first QR code found in the image `data`.

    422 codes: `image_invalid` (not an image of a known format, or damaged), `image_too_large` (more pixels
    than `max_pixels`, or than `MAX_FULL_PIXELS` for a format other than JPEG), `qr_not_found` (an image, but no
    readable QR code in it).
    """
    for candidate in _candidates(data, max_pixels):
        # zxing-cpp's stubs still ask for BarcodeFormats; a tuple is the current API (`|` on formats is deprecated).
        for found in zxingcpp.read_barcodes(candidate, formats=QR_FORMATS):  # type: ignore[arg-type]
            if found.valid and found.text:
                return found.text
    raise Invalid("qr_not_found", "图片中没有找到可识别的二维码")


def _candidates(data: bytes, max_pixels: int) -> Iterator[Image.Image]:
    """Grey images to look in, smallest first; each is made only if the one before held no code."""
    header = _open(data, max_pixels)
    side = max(header.size)
    if header.format in JPEG_FORMATS:
        yield _jpeg_grey(data, header, WORKING_SIDE)
        if side > WORKING_SIDE:
            yield _jpeg_grey(data, None, SECOND_SIDE)
        return
    grey = _grey(_loaded(header))
    del header  # the full-size decode (up to 64 MiB) goes as soon as it is grey
    yield _reduced(grey, WORKING_SIDE)
    if side > WORKING_SIDE:
        yield _reduced(grey, SECOND_SIDE)


def _open(data: bytes, max_pixels: int) -> Image.Image:
    """The image with only its header read; refused when it has too many pixels to decode."""
    try:
        image = Image.open(io.BytesIO(data), formats=FORMATS)
    except Image.DecompressionBombError:
        raise _too_large(max_pixels) from None
    except (UnidentifiedImageError, *_BROKEN):
        raise Invalid("image_invalid", "无法读取图片，请上传 PNG 或 JPEG 图片") from None
    limit = max_pixels if image.format in JPEG_FORMATS else min(max_pixels, MAX_FULL_PIXELS)
    if image.width * image.height > limit:
        raise _too_large(limit, width=image.width, height=image.height)
    return image


def _jpeg_grey(data: bytes, opened: Image.Image | None, side: int) -> Image.Image:
    """A JPEG decoded in grey at the smallest of libjpeg's scales that is still at least `side` pixels long,
    then reduced to `side`."""
    image = opened or Image.open(io.BytesIO(data), formats=JPEG_FORMATS)
    image.draft("L", _fitted(image.size, side))
    return _reduced(_grey(_loaded(image)), side)


def _loaded(image: Image.Image) -> Image.Image:
    try:
        image.load()  # a truncated or corrupt file fails here, not in the decoder
        ImageOps.exif_transpose(image, in_place=True)  # not a copy: that would be a second full-size image
        return image
    except _BROKEN:
        raise Invalid("image_invalid", "图片已损坏，无法读取") from None


def _too_large(max_pixels: int, **size: int) -> Invalid:
    return Invalid("image_too_large", "图片分辨率太高，请缩小后再上传", max_pixels=max_pixels, **size)


def _grey(image: Image.Image) -> Image.Image:
    """8-bit grey on white: a transparent screenshot's clear pixels are often black, which would hide the code.
    Made from one-byte planes (grey, alpha, white), never a second four-byte copy."""
    if image.mode in ("RGBA", "LA", "PA"):
        grey, alpha = image.convert("L"), image.getchannel("A")
    elif image.mode == "P" and "transparency" in image.info:
        with_alpha = image.convert("LA")
        grey, alpha = with_alpha.getchannel("L"), with_alpha.getchannel("A")
    else:
        return image if image.mode == "L" else image.convert("L")
    white = Image.new("L", image.size, 255)
    white.paste(grey, mask=alpha)
    return white


def _fitted(size: tuple[int, int], side: int) -> tuple[int, int]:
    """`size` scaled so that its longer side is `side` (never enlarged)."""
    width, height = size
    scale = min(1.0, side / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _reduced(image: Image.Image, side: int) -> Image.Image:
    if max(image.size) <= side:
        return image
    return image.resize(_fitted(image.size, side), Image.Resampling.LANCZOS, reducing_gap=3.0)
