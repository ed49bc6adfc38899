"""Reading a QR code from an uploaded photo or screenshot: the counter's way in when it has no scanner.

CPU work with no I/O; callers on the event loop run it in a thread. Pillow reads only the header when it opens
a file, so the pixel count is checked before a single pixel is decoded: a small file that would inflate to
gigapixels (a decompression bomb) is refused without allocating it.
"""
from __future__ import annotations

import io

import zxingcpp
from PIL import Image, ImageOps, UnidentifiedImageError

from models.errors import Invalid

# A 48-megapixel phone photo is 8000 × 6000; anything bigger is not a photo of a card.
MAX_PIXELS = 50_000_000
FORMATS = ("PNG", "JPEG", "WEBP", "GIF", "BMP")
# Photos are first read at this size (fast, and zxing's finder copes better with a card that is not tiny in
# the frame); only when that finds nothing is the full resolution tried.
WORKING_SIDE = 2000
QR_FORMATS = (zxingcpp.BarcodeFormat.QRCode, zxingcpp.BarcodeFormat.MicroQRCode)


def decode_qr(data: bytes, max_pixels: int = MAX_PIXELS) -> str:
    """The text of the first QR code found in the image `data`.

    422 codes: `image_invalid` (not an image of a known format, or damaged), `image_too_large` (more than
    `max_pixels` pixels), `qr_not_found` (an image, but no readable QR code in it).
    """
    image = _grey(_open(data, max_pixels))
    for candidate in _candidates(image):
        for found in zxingcpp.read_barcodes(candidate, formats=QR_FORMATS):
            if found.valid and found.text:
                return found.text
    raise Invalid("qr_not_found", "图片中没有找到可识别的二维码")


def _open(data: bytes, max_pixels: int) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data), formats=FORMATS)
    except Image.DecompressionBombError:
        raise _too_large(max_pixels) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise Invalid("image_invalid", "无法读取图片，请上传 PNG 或 JPEG 图片") from None
    if image.width * image.height > max_pixels:
        raise _too_large(max_pixels, width=image.width, height=image.height)
    try:
        image.load()  # a truncated or corrupt file fails here, not in the decoder
        return ImageOps.exif_transpose(image)
    except (OSError, SyntaxError, ValueError):
        raise Invalid("image_invalid", "图片已损坏，无法读取") from None


def _too_large(max_pixels: int, **size: int) -> Invalid:
    return Invalid("image_too_large", "图片分辨率太高，请缩小后再上传", max_pixels=max_pixels, **size)


def _grey(image: Image.Image) -> Image.Image:
    """8-bit grey on white: a transparent screenshot's clear pixels are often black, which would hide the code."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    return image.convert("L")


def _candidates(image: Image.Image) -> list[Image.Image]:
    if max(image.size) <= WORKING_SIDE:
        return [image]
    smaller = image.copy()
    smaller.thumbnail((WORKING_SIDE, WORKING_SIDE), Image.Resampling.LANCZOS)
    return [smaller, image]
