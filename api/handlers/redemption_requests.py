"""Holder-initiated redemption: the holder asks at a counter (scanning its code), the merchant confirms or rejects."""
from __future__ import annotations

from aiohttp import web

from api.auth import current_user
from api.keys import MERCHANT_CODES
from api.responses import json_ok
from api.routing import CONSUMER, MERCHANT, Route
from api.schemas.cards import CardPath, RedemptionOut
from api.schemas.common import Reason
from api.schemas.redemption_requests import (
    CardRequestPath,
    RedemptionRequestIn,
    RedemptionRequestOut,
    RedemptionRequestPage,
    RedemptionRequestQuery,
    RequestIdPath,
)
from api.validation import parse_json, parse_path, parse_query
from models.services import redemption_requests
from models.services.basket import LineRequest


async def create_request(request: web.Request) -> web.Response:
    card_no = parse_path(request, CardPath).card_no
    body = await parse_json(request, RedemptionRequestIn)
    view = await redemption_requests.create(
        current_user(request), card_no, body.merchant_code, [LineRequest(i.sku, i.qty) for i in body.items],
        body.idempotency_key, request.config_dict[MERCHANT_CODES])
    return json_ok(RedemptionRequestOut.of(view), status=201)


async def get_request(request: web.Request) -> web.Response:
    path = parse_path(request, CardRequestPath)
    view = await redemption_requests.for_holder(current_user(request), path.card_no, path.id)
    return json_ok(RedemptionRequestOut.of(view))


async def list_requests(request: web.Request) -> web.Response:
    q = parse_query(request, RedemptionRequestQuery)
    views, total = await redemption_requests.list_for_merchant(current_user(request), q.state, q.offset, q.page_size)
    return json_ok(RedemptionRequestPage(items=[RedemptionRequestOut.of(v) for v in views], total=total))


async def confirm_request(request: web.Request) -> web.Response:
    receipt = await redemption_requests.confirm(current_user(request), parse_path(request, RequestIdPath).id)
    return json_ok(RedemptionOut.of(receipt.redemption, receipt.card_no, receipt.lines, receipt.balance_fen))


async def reject_request(request: web.Request) -> web.Response:
    request_id = parse_path(request, RequestIdPath).id
    body = await parse_json(request, Reason)
    view = await redemption_requests.reject(current_user(request), request_id, body.reason)
    return json_ok(RedemptionRequestOut.of(view))


_C = "/api/v1/cards/{card_no}/redemption-requests"
_M = "/api/v1/merchant/redemption-requests"
ROUTES = [
    Route("POST", _C, create_request, CONSUMER,
          "Ask the counter whose QR code I scanned to redeem certified items from my card (valid 5 minutes, "
          "debited only when a clerk confirms; idempotent by key)", "cards",
          body=RedemptionRequestIn, response=RedemptionRequestOut, path_params=CardPath, status=201),
    Route("GET", f"{_C}/{{id}}", get_request, CONSUMER,
          "Follow my request: pending, confirmed (redemption and balance after), rejected (reason) or expired",
          "cards", response=RedemptionRequestOut, path_params=CardRequestPath),
    Route("GET", _M, list_requests, MERCHANT, "Holders' requests at this merchant, newest first", "merchant",
          query=RedemptionRequestQuery, response=RedemptionRequestPage),
    Route("POST", f"{_M}/{{id}}/confirm", confirm_request, MERCHANT,
          "Confirm a pending request: debits the card through the same redemption as a scan, once "
          "(confirming again returns the same receipt)", "merchant", response=RedemptionOut, path_params=RequestIdPath),
    Route("POST", f"{_M}/{{id}}/reject", reject_request, MERCHANT, "Reject a pending request with a reason",
          "merchant", body=Reason, response=RedemptionRequestOut, path_params=RequestIdPath),
]
