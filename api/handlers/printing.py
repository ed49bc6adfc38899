"""Images and print files: a card's QR, a pay code's QR, and a batch's card faces as a streamed print-ready PDF."""
from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Literal

from aiohttp import web
from pydantic import BaseModel, Field, model_validator

from api.auth import current_user
from api.keys import CARD_CODES
from api.responses import json_ok
from api.routing import ADMIN, CONSUMER, Route
from api.schemas.card_batches import CardBatchOut
from api.schemas.cards import CardPath
from api.schemas.catalog import IdPath
from api.schemas.common import INT32_MAX, Strict
from api.validation import parse_json, parse_path, parse_query
from models.clock import now_utc
from models.errors import Invalid
from models.printing import iter_card_faces_pdf, qr_png
from models.services import card_batches, card_print, cards

MAX_PRINT_RANGE = 5_000


class PayCodeQuery(BaseModel):
    code: str = Field(min_length=1, max_length=128)


class PrintRange(BaseModel):
    from_: int = Field(1, ge=1, le=INT32_MAX, alias="from", description="first card, counting from 1 in issue order")
    to: int = Field(ge=1, le=INT32_MAX)
    layout: Literal["a4", "sra3", "card"] = Field(
        "a4", description="a4 / sra3: as many faces as fit the sheet, with crop marks; card: one face a page "
                          "(85.6 × 54 mm plus 3 mm bleed)")

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
    """Card faces for printing houses, drawn on demand and streamed page by page (nothing is stored). After each page
    the PDF carries a comment `%AixinCards <n>` (faces done so far): the admin page reads it to show progress."""
    batch_id = parse_path(request, IdPath).id
    span = parse_query(request, PrintRange)
    faces = await card_print.batch_faces(batch_id, span.from_, span.to, request.config_dict[CARD_CODES].printed)
    chunks = iter_card_faces_pdf(faces, span.layout, title=f"爱心卡批次 {batch_id} 第{span.from_}-{span.to}张")
    name = f"batch-{batch_id}-{span.from_}-{span.to}{'' if span.layout == 'a4' else '-' + span.layout}.pdf"
    return await _stream(request, chunks, name, len(faces))


class PrintSettingsIn(Strict):
    print_full_card_no: bool = Field(strict=True, description="true: faces show the full card number; false: masked")


async def batch_print_settings(request: web.Request) -> web.Response:
    batch_id = parse_path(request, IdPath).id
    body = await parse_json(request, PrintSettingsIn)
    batch = await card_print.set_full_card_no(current_user(request), batch_id, body.print_full_card_no)
    return json_ok(CardBatchOut.of(batch, await card_batches.batch_report(batch_id)))


async def _stream(request: web.Request, chunks: Iterator[bytes], filename: str, cards: int) -> web.StreamResponse:
    """Drawing is CPU work (~2 ms a card): pull each chunk in a worker thread, write it as it comes."""
    loop = asyncio.get_running_loop()
    response = web.StreamResponse(headers={
        "Content-Type": "application/pdf", "Content-Disposition": f'attachment; filename="{filename}"',
        "X-Card-Count": str(cards)})
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
          "Print-ready card faces (vector, 3 mm bleed; A4 or SRA3 n-up with crop marks, or one face a page) for "
          "cards from..to of a batch, streamed; `%AixinCards n` comments tell the progress", "admin",
          query=PrintRange, response_media="application/pdf", path_params=IdPath),
    Route("PATCH", "/api/v1/admin/card-batches/{id}/print-settings", batch_print_settings, ADMIN,
          "The batch's print setting: the full card number on the faces, or masked (the default); audited",
          "admin", body=PrintSettingsIn, response=CardBatchOut, path_params=IdPath),
]
