"""A counter's printed code: its QR and A5 poster (for its staff and for administrators), and rotating it."""
from __future__ import annotations

import asyncio
from collections.abc import Callable

from aiohttp import web

from api.auth import current_user
from api.keys import MERCHANT_CODES
from api.responses import json_ok
from api.routing import ADMIN, MERCHANT, Route
from api.schemas.redemption_requests import CounterCodeOut, MerchantPath
from api.validation import parse_path
from models.printing import qr_png
from models.printing.poster import Poster, poster_pdf, poster_png
from models.services import counter_codes
from models.tables.merchants import Merchant


def _code(request: web.Request, merchant: Merchant) -> str:
    return request.config_dict[MERCHANT_CODES].printed(merchant.id, merchant.key_version)


async def _staff_merchant(request: web.Request) -> Merchant:
    return await counter_codes.staff_counter(current_user(request))


async def _admin_merchant(request: web.Request) -> Merchant:
    return await counter_codes.merchant_by_id(parse_path(request, MerchantPath).id)


def _code_out(request: web.Request, merchant: Merchant) -> CounterCodeOut:
    return CounterCodeOut(merchant_id=merchant.id, merchant_name=merchant.name, key_version=merchant.key_version,
                          code=_code(request, merchant))


async def _file(request: web.Request, merchant: Merchant, render: Callable[[Poster], bytes], media: str,
                name: str) -> web.Response:
    """Rendering a poster is CPU work (~0.2 s): done in a worker thread."""
    poster = Poster(merchant.id, merchant.name, merchant.key_version, _code(request, merchant))
    data = await asyncio.get_running_loop().run_in_executor(None, render, poster)
    return web.Response(body=data, content_type=media, headers={
        "Cache-Control": "no-store",
        "Content-Disposition": f'inline; filename="counter-{merchant.id}-v{merchant.key_version}-{name}"'})


def _qr(request: web.Request, merchant: Merchant) -> web.Response:
    return web.Response(body=qr_png(_code(request, merchant)), content_type="image/png",
                        headers={"Cache-Control": "no-store"})


async def staff_code(request: web.Request) -> web.Response:
    return json_ok(_code_out(request, await _staff_merchant(request)))


async def staff_qr(request: web.Request) -> web.Response:
    return _qr(request, await _staff_merchant(request))


async def staff_poster_png(request: web.Request) -> web.Response:
    return await _file(request, await _staff_merchant(request), poster_png, "image/png", "poster.png")


async def staff_poster_pdf(request: web.Request) -> web.Response:
    return await _file(request, await _staff_merchant(request), poster_pdf, "application/pdf", "poster.pdf")


async def admin_qr(request: web.Request) -> web.Response:
    return _qr(request, await _admin_merchant(request))


async def admin_poster_png(request: web.Request) -> web.Response:
    return await _file(request, await _admin_merchant(request), poster_png, "image/png", "poster.png")


async def admin_poster_pdf(request: web.Request) -> web.Response:
    return await _file(request, await _admin_merchant(request), poster_pdf, "application/pdf", "poster.pdf")


async def rotate_code(request: web.Request) -> web.Response:
    merchant = await counter_codes.rotate(current_user(request), parse_path(request, MerchantPath).id)
    return json_ok(_code_out(request, merchant))


_M = "/api/v1/merchant"
_A = "/api/v1/admin/merchants/{id}"
ROUTES = [
    Route("GET", f"{_M}/code", staff_code, MERCHANT, "This counter's code (what its QR says) and key version",
          "merchant", response=CounterCodeOut),
    Route("GET", f"{_M}/qr.png", staff_qr, MERCHANT, "This counter's QR code as PNG: holders scan it to ask for a "
          "redemption", "merchant", response_media="image/png"),
    Route("GET", f"{_M}/poster.png", staff_poster_png, MERCHANT,
          "This counter's A5 poster (300 dpi PNG): name, 消费扶贫爱心卡 受理点, QR code", "merchant",
          response_media="image/png"),
    Route("GET", f"{_M}/poster.pdf", staff_poster_pdf, MERCHANT, "This counter's A5 poster as a one-page PDF",
          "merchant", response_media="application/pdf"),
    Route("GET", f"{_A}/qr.png", admin_qr, ADMIN, "A merchant's counter QR code as PNG", "admin",
          response_media="image/png", path_params=MerchantPath),
    Route("GET", f"{_A}/poster.png", admin_poster_png, ADMIN, "A merchant's A5 counter poster (300 dpi PNG)",
          "admin", response_media="image/png", path_params=MerchantPath),
    Route("GET", f"{_A}/poster.pdf", admin_poster_pdf, ADMIN, "A merchant's A5 counter poster as a one-page PDF",
          "admin", response_media="application/pdf", path_params=MerchantPath),
    Route("POST", f"{_A}/rotate-code", rotate_code, ADMIN,
          "Give the merchant a new counter code: every poster printed before stops working", "admin",
          response=CounterCodeOut, path_params=MerchantPath),
]
