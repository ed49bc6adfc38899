"""Administrators' corrections of any love card: close it for good, or adjust its balance (both in its ledger)."""
from __future__ import annotations

from aiohttp import web

from api.auth import current_user
from api.responses import json_ok
from api.routing import ADMIN, Route
from api.schemas.card_admin import AdjustIn, AdjustmentOut, CloseIn
from api.schemas.cards import CardOut, CardPath
from api.validation import parse_json, parse_path
from models.services import card_admin


async def close_card(request: web.Request) -> web.Response:
    """200 with the closed card; closing a closed card again returns it unchanged."""
    card_no = parse_path(request, CardPath).card_no
    body = await parse_json(request, CloseIn)
    return json_ok(CardOut.of(await card_admin.close_card(current_user(request), card_no, body.reason)))


async def adjust_card(request: web.Request) -> web.Response:
    """200 with the adjustment; a retry with the same key and body returns the same one."""
    card_no = parse_path(request, CardPath).card_no
    body = await parse_json(request, AdjustIn)
    adjustment = await card_admin.adjust_balance(current_user(request), card_no, body.amount_fen, body.reason,
                                                 body.idempotency_key)
    return json_ok(AdjustmentOut.of(adjustment))


_A = "/api/v1/admin/cards"
ROUTES = [
    Route("POST", f"{_A}/{{card_no}}/close", close_card, ADMIN,
          "Close an active or frozen card for good; its remaining balance leaves through a close ledger entry",
          "admin", body=CloseIn, response=CardOut, path_params=CardPath),
    Route("POST", f"{_A}/{{card_no}}/adjust", adjust_card, ADMIN,
          "Adjust an active or frozen card's balance by a signed amount (never below zero); idempotent by key",
          "admin", body=AdjustIn, response=AdjustmentOut, path_params=CardPath),
]
