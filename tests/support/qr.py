"""QR codes as images, photos and uploads, and the merchant decode route."""
from __future__ import annotations

import io

import qrcode
from aiohttp import FormData
from PIL import Image, ImageFilter

DECODE_URL = "/api/v1/merchant/decode"
TEXT = "AX1.8860000000000000.0123456789abcdef0123"


def png_of(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def qr_image(text: str = TEXT) -> Image.Image:
    return qrcode.make(text, border=4).get_image().convert("RGB")


def photo_of(image: Image.Image) -> bytes:
    """Like a phone photo of a printed card: small in a big grey frame, turned a little, soft, JPEG."""
    frame = Image.new("RGB", (3000, 2200), (176, 168, 150))
    turned = image.resize((520, 520)).rotate(8, expand=True, fillcolor=(176, 168, 150))
    frame.paste(turned, (1700, 900))
    out = io.BytesIO()
    frame.filter(ImageFilter.GaussianBlur(1.0)).save(out, "JPEG", quality=72)
    return out.getvalue()


def form(data: bytes, name: str = "image", filename: str = "card.png", media: str = "image/png") -> FormData:
    body = FormData()
    body.add_field(name, data, filename=filename, content_type=media)
    return body


async def decode(client, headers, data, status: int = 200, **kwargs) -> dict:
    resp = await client.post(DECODE_URL, data=data, headers=headers, **kwargs)
    body = await resp.json()
    assert resp.status == status, body
    return body
