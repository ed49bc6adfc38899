"""Images and print files: a card's QR, a pay code's QR, and a batch's card faces as a streamed PDF."""
from __future__ import annotations

import asyncio
from collections.abc import Iterator

from aiohttp import web
from pydantic import BaseModel, Field, model_validator

from api.auth import current_user
from api.keys import CARD_CODES
from api.routing import ADMIN, CONSUMER, Route
from api.schemas.cards import CardPath
from api.schemas.catalog import IdPath
from api.schemas.common import INT32_MAX
from api.validation import parse_path, parse_query
from models.clock import now_utc
from models.errors import Invalid, NotFound
from models.printing import CardFace, iter_card_faces_pdf, qr_png
from models.services import card_batches, cards

MAX_PRINT_RANGE = 5_000


class PayCodeQuery(BaseModel):
    code: str = Field(min_length=1, max_length=128)


class PrintRange(BaseModel):
    from_: int = Field(1, ge=1, le=INT32_MAX, alias="from", description="first card, counting from 1 in issue order")
    to: int = Field(ge=1, le=INT32_MAX)

    @model_validator(mode="after")
    def _bounded(self) -> PrintRange:
        if not self.from_ <= self.to < self.from_ + MAX_PRINT_RANGE:
            raise ValueError(f"from ≤ to, at most {MAX_PRINT_RANGE} cards per file")
        return self


def _png(data: bytes) -> web.Response:
    return web.Response(body=data, content_type="image/png", headers={"Cache-Control": "no-store"})


async def card_qr(request: web.Request) -> web.Response:
    card = await cards.visible_card(current_user(request), parse_path(request, CardPath).card_no)
    return _png(qr_png(request.config_dict[CARD_CODES].printed(card.card_no)))


async def pay_code_qr(request: web.Request) -> web.Response:
    card = await cards.holder_card(current_user(request), parse_path(request, CardPath).card_no)
    code = parse_query(request, PayCodeQuery).code
    scanned = request.config_dict[CARD_CODES].read_pay_code(code, now_utc())
    if (scanned.card_no, scanned.holder_id) != (card.card_no, card.holder_id):  # only the holder's own codes
        raise Invalid("qr_invalid", "付款码与卡号不符")
    return _png(qr_png(code))


async def batch_print(request: web.Request) -> web.StreamResponse:
    """Card faces for printing houses, rendered on demand and streamed page by page (nothing is stored)."""
    batch_id = parse_path(request, IdPath).id
    span = parse_query(request, PrintRange)
    batch = await card_batches.get_batch(batch_id)
    rows, _ = await card_batches.batch_cards(batch_id, span.from_ - 1, span.to - span.from_ + 1)
    if not rows:
        raise NotFound("no_cards_in_range", "该范围内没有卡片")
    codes = request.config_dict[CARD_CODES]
    faces = [CardFace(c.card_no, c.face_value_fen, c.expires_at, batch.organization, codes.printed(c.card_no)) for c in rows]
    return await _stream(request, iter_card_faces_pdf(faces), f"batch-{batch_id}-{span.from_}-{span.to}.pdf")


async def _stream(request: web.Request, chunks: Iterator[bytes], filename: str) -> web.StreamResponse:
    """Rendering is CPU work (~15 ms a card): pull each chunk in a worker thread, write it as it comes."""
    loop = asyncio.get_running_loop()
    response = web.StreamResponse(headers={
        "Content-Type": "application/pdf", "Content-Disposition": f'attachment; filename="{filename}"'})
    await response.prepare(request)
    while (chunk := await loop.run_in_executor(None, next, chunks, None)) is not None:
        await response.write(chunk)
    await response.write_eof()
    return response


ROUTES = [
    Route("GET", "/api/v1/cards/{card_no}/qr.png", card_qr, CONSUMER | ADMIN,
          "The card's printed QR (its claim code) as PNG: the holder's own card, or any card for an administrator",
          "cards", response_media="image/png", path_params=CardPath),
    Route("GET", "/api/v1/cards/{card_no}/pay-code.png", pay_code_qr, CONSUMER,
          "A pay code of my card as a QR PNG", "cards", query=PayCodeQuery, response_media="image/png",
          path_params=CardPath),
    Route("GET", "/api/v1/admin/card-batches/{id}/print.pdf", batch_print, ADMIN,
          "Printable card faces (A4, 10 a page) for cards from..to of a batch, streamed", "admin",
          query=PrintRange, response_media="application/pdf", path_params=IdPath),
]
