"""The counter: preview a scanned code, redeem certified items, void the same day, see own redemptions."""
from __future__ import annotations

from aiohttp import web

from api.auth import current_user
from api.keys import CARD_CODES
from api.responses import json_ok
from api.routing import MERCHANT, Route
from api.schemas.cards import (
    CodeIn,
    PreviewOut,
    RedeemIn,
    RedemptionOut,
    RedemptionPage,
    RedemptionPath,
    RedemptionQuery,
    VoidIn,
    mask,
)
from api.validation import parse_json, parse_path, parse_query
from models.services import redemptions
from models.services.basket import LineRequest


def _out(receipt: redemptions.Receipt) -> RedemptionOut:
    return RedemptionOut.of(receipt.redemption, receipt.card_no, receipt.lines, receipt.balance_fen)


async def preview(request: web.Request) -> web.Response:
    body = await parse_json(request, CodeIn)
    found = await redemptions.preview(current_user(request), body.code, request.config_dict[CARD_CODES])
    return json_ok(PreviewOut(card_no_masked=mask(found.card_no), balance_fen=found.balance_fen, status=found.status,
                              expires_at=found.expires_at, needs_pay_code=found.needs_pay_code))


async def redeem(request: web.Request) -> web.Response:
    body = await parse_json(request, RedeemIn)
    receipt = await redemptions.redeem(
        current_user(request), body.code, [LineRequest(i.sku, i.qty) for i in body.items], body.idempotency_key,
        request.config_dict[CARD_CODES],
    )
    return json_ok(_out(receipt), status=201)


async def void(request: web.Request) -> web.Response:
    body = await parse_json(request, VoidIn)
    redemption = await redemptions.void(current_user(request), parse_path(request, RedemptionPath).id, body.reason)
    return json_ok(_out(await redemptions.receipt(redemption)))


async def list_redemptions(request: web.Request) -> web.Response:
    q = parse_query(request, RedemptionQuery)
    rows, total = await redemptions.list_redemptions(current_user(request), q.date, q.offset, q.page_size)
    items = [RedemptionOut.of(r, r.card.card_no, sorted(r.lines, key=lambda x: x.id)) for r in rows]
    return json_ok(RedemptionPage(items=items, total=total))


_M = "/api/v1/merchant/redemptions"
ROUTES = [
    Route("POST", f"{_M}/preview", preview, MERCHANT, "Read a scanned card code: masked card, balance, status",
          "merchant", body=CodeIn, response=PreviewOut),
    Route("POST", _M, redeem, MERCHANT, "Redeem a card for certified items (idempotent by key)", "merchant",
          body=RedeemIn, response=RedemptionOut, status=201),
    Route("GET", _M, list_redemptions, MERCHANT, "This merchant's redemptions, newest first", "merchant",
          query=RedemptionQuery, response=RedemptionPage),
    Route("POST", f"{_M}/{{id}}/void", void, MERCHANT, "Void a redemption made today by this merchant", "merchant",
          body=VoidIn, response=RedemptionOut, path_params=RedemptionPath),
]
