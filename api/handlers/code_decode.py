"""Read the QR code in an uploaded photo or screenshot: for counters without a scanner or camera access, and for
holders claiming a printed card from a photo of its QR (the consumer page's 领取).

The image comes as a multipart form (field `image`, what a browser's file input sends) or as the raw body with
an image Content-Type (`image/png`, `image/jpeg`, `image/webp`). The decoding itself is `models/codes/qr_decode.py`,
run in a worker thread; it only reads text, so staff preview the code afterwards as if it had been scanned.
"""
from __future__ import annotations

import asyncio

from aiohttp import BodyPartReader, web

from api.auth import current_user
from api.keys import DECODE_SLOTS, SETTINGS
from api.limits import LIMITS
from api.responses import json_ok
from api.routing import CONSUMER, Route
from api.schemas.code_decode import DecodeOut
from api.validation import form_parts
from models.codes.qr_decode import decode_qr
from models.errors import BadRequest, PayloadTooLarge, UnsupportedMediaType
from models.services import throttle
from models.tables.users import Role

IMAGE_TYPES = ("image/png", "image/jpeg", "image/webp")
STAFF = frozenset({Role.MERCHANT_STAFF, Role.ADMIN})


def _too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge("payload_too_large", "图片文件太大", max_bytes=limit)


async def _read_part(part: BodyPartReader, limit: int) -> bytes:
    """aiohttp does not cap multipart bodies by itself: count while reading."""
    data = bytearray()
    while chunk := await part.read_chunk():
        data += chunk
        if len(data) > limit:
            raise _too_large(limit)
    return bytes(data)


async def _image_bytes(request: web.Request) -> bytes:
    limit = request.config_dict[SETTINGS].max_body_bytes
    if request.content_length is not None and request.content_length > limit:
        raise _too_large(limit)
    if request.content_type == "multipart/form-data":
        async for part in form_parts(request):
            if part.name == "image":
                return await _read_part(part, limit)
        raise BadRequest("file_missing", "表单中没有图片（字段名 image）")
    if request.content_type in IMAGE_TYPES:
        return await request.read()  # capped by the app's client_max_size (413)
    raise UnsupportedMediaType("unsupported_media_type",
                               "请上传图片（multipart 表单字段 image，或 image/png、image/jpeg 正文）",
                               accepted=["multipart/form-data", *IMAGE_TYPES])


async def decode(request: web.Request) -> web.Response:
    """Per user at most the decode rate (429 too_many_attempts; one count per user whichever route they use); one
    decode at a time per worker."""
    await throttle.take("qr_decode", str(current_user(request).id), request.config_dict[LIMITS].decode)
    data = await _image_bytes(request)
    async with request.config_dict[DECODE_SLOTS]:
        text = await asyncio.to_thread(decode_qr, data)
    return json_ok(DecodeOut(text=text))


async def holder_decode(request: web.Request) -> web.Response:
    """The consumer page's 领取 from a photo: the same decoder, limit and throttle count as the counter's."""
    return await decode(request)


ROUTES = [
    Route("POST", "/api/v1/merchant/decode", decode, STAFF,
          "Read the QR code in a photo or screenshot (multipart field `image`, or a raw image/png, image/jpeg or "
          "image/webp body) → its text, to preview like a scanned code; 422 image_invalid, image_too_large, "
          "qr_not_found; 429 too_many_attempts past the decode rate", "merchant", response=DecodeOut,
          request_media=("multipart/form-data", *IMAGE_TYPES)),
    Route("POST", "/api/v1/cards/decode", holder_decode, CONSUMER,
          "Read the QR code in a photo of a printed love card (multipart field `image`, or a raw image/png, image/jpeg "
          "or image/webp body) → its text, to claim with POST /api/v1/cards/claim; same decoder, limits and errors as "
          "/api/v1/merchant/decode (422 image_invalid, image_too_large, qr_not_found; 429 too_many_attempts)", "cards",
          response=DecodeOut, request_media=("multipart/form-data", *IMAGE_TYPES)),
]
