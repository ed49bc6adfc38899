"""The counter poster (受理点海报): an A5 sheet with the merchant's name and its signed QR code, drawn with Pillow.

Holders scan it with the mini program to ask for a redemption at this counter. A5 portrait at 300 dpi is
1748 × 2480 px; the PDF page is exactly A5 (Pillow writes the page size from the resolution).
"""
from __future__ import annotations

import functools
import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from models.paths import ASSETS
from models.printing.qr import qr_matrix, scale_modules

FONT = ASSETS / "fonts" / "wqy-microhei.ttc"
DPI = 300
WIDTH, HEIGHT = 1748, 2480  # A5 (148 × 210 mm) at 300 dpi
MARGIN = 110
RED, CREAM, INK, MUTED = "#C62828", "#FFF8F0", "#333333", "#8D4A43"
PROGRAMME = "消费扶贫爱心卡 受理点"
HOW_TO = "打开爱心助农小程序 · 扫一扫 · 用爱心卡付款"
NOTICE = "仅限购买认定扶贫产品"


@dataclass(frozen=True)
class Poster:
    merchant_id: int
    merchant_name: str
    key_version: int
    qr_text: str


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), size, layout_engine=ImageFont.Layout.BASIC)


def _fitted(text: str, size: int, min_size: int, width: int) -> tuple[ImageFont.FreeTypeFont, str]:
    """Shrink to `width` down to `min_size`, then cut with an ellipsis (long merchant names)."""
    while _font(size).getlength(text) > width and size > min_size:
        size = max(min_size, size - 4)
    font = _font(size)
    if font.getlength(text) > width:
        while len(text) > 1 and font.getlength(text + "…") > width:
            text = text[:-1]
        text += "…"
    return font, text


def render_poster(poster: Poster) -> Image.Image:
    """The poster as an RGB image, WIDTH × HEIGHT pixels."""
    image = Image.new("RGB", (WIDTH, HEIGHT), CREAM)
    draw = ImageDraw.Draw(image)
    centre = WIDTH // 2
    draw.rectangle((0, 0, WIDTH, 330), fill=RED)
    draw.text((centre, 165), PROGRAMME, font=_fitted(PROGRAMME, 120, 72, WIDTH - 2 * MARGIN)[0], fill="#FFFFFF",
              anchor="mm")
    font, name = _fitted(poster.merchant_name, 104, 56, WIDTH - 2 * MARGIN)
    draw.text((centre, 480), name, font=font, fill=INK, anchor="mm")
    _draw_qr(image, draw, poster.qr_text, top=620, side=1240)
    draw.text((centre, 1990), HOW_TO, font=_fitted(HOW_TO, 60, 40, WIDTH - 2 * MARGIN)[0], fill=MUTED, anchor="mm")
    draw.rectangle((0, HEIGHT - 300, WIDTH, HEIGHT), fill="#FBE3E0")
    draw.text((centre, HEIGHT - 190), NOTICE, font=_font(72), fill=RED, anchor="mm")
    footer = f"受理点编号 {poster.merchant_id} · 码版本 {poster.key_version}"
    draw.text((centre, HEIGHT - 90), footer, font=_font(40), fill=MUTED, anchor="mm")
    return image


def _draw_qr(image: Image.Image, draw: ImageDraw.ImageDraw, text: str, top: int, side: int) -> None:
    """A white panel `side` px square, centred, with the symbol at a whole number of pixels per module."""
    dark = qr_matrix(text, border=0)
    module_px = (side - 80) // (dark.shape[0] + 8)  # a quiet zone of four modules inside the panel's margin
    left = (WIDTH - side) // 2
    draw.rounded_rectangle((left, top, left + side, top + side), 24, fill="#FFFFFF", outline="#E8C9C4", width=4)
    offset = (side - dark.shape[0] * module_px) // 2
    image.paste("#000000", (left + offset, top + offset), scale_modules(dark, module_px))


def poster_png(poster: Poster) -> bytes:
    buf = io.BytesIO()
    render_poster(poster).save(buf, "PNG", dpi=(DPI, DPI))
    return buf.getvalue()


def poster_pdf(poster: Poster) -> bytes:
    """One A5 page: the poster image at 300 dpi."""
    buf = io.BytesIO()
    render_poster(poster).save(buf, "PDF", resolution=DPI)
    return buf.getvalue()
