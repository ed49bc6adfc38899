"""Love cards for their holders: buy, claim, list, ledger, rotating pay code, freeze."""
from __future__ import annotations

from datetime import timedelta

from aiohttp import web
from yarl import URL

from api.auth import current_user
from api.keys import CARD_CODES, SETTINGS
from api.limits import LIMITS
from api.responses import json_ok
from api.routing import ADMIN, CONSUMER, Route
from api.schemas.cards import (
    ActivityOut,
    CardDetail,
    CardList,
    CardOut,
    CardPath,
    ClaimCodeOut,
    CodeIn,
    FreezeIn,
    PayCodeOut,
    PurchaseIn,
)
from api.schemas.orders import OrderOut
from api.validation import parse_json, parse_path
from models.clock import shanghai_iso
from models.services import cards, throttle
from models.services.card_purchase import purchase_cards


def _card_no(request: web.Request) -> str:
    return parse_path(request, CardPath).card_no


async def purchase(request: web.Request) -> web.Response:
    body = await parse_json(request, PurchaseIn)
    settings = request.config_dict[SETTINGS]
    order = await purchase_cards(current_user(request), body.face_value_fen, body.quantity,
                                 settings.card_face_values_fen, timedelta(seconds=settings.order_pay_timeout_seconds))
    return json_ok(OrderOut.of(order, []), status=201)


async def list_cards(request: web.Request) -> web.Response:
    return json_ok(CardList(items=[CardOut.of(c) for c in await cards.list_cards(current_user(request))]))


async def card_detail(request: web.Request) -> web.Response:
    card = await cards.holder_card(current_user(request), _card_no(request))
    ledger = [ActivityOut.of(a) for a in await cards.ledger(card)]
    return json_ok(CardDetail(**CardOut.of(card).model_dump(), ledger=ledger))


async def claim(request: web.Request) -> web.Response:
    body = await parse_json(request, CodeIn)
    user, limits = current_user(request), request.config_dict[LIMITS]
    await throttle.take("card_claim", str(user.id), limits.claim)
    await throttle.take("card_claim_address", limits.client_address(request), limits.claim_address)
    card = await cards.claim(user, body.code, request.config_dict[CARD_CODES])
    return json_ok(CardOut.of(card))


async def give_away(request: web.Request) -> web.Response:
    code = await cards.give_away(current_user(request), _card_no(request), request.config_dict[CARD_CODES])
    return json_ok(ClaimCodeOut(claim_code=code))


async def pay_code(request: web.Request) -> web.Response:
    code = await cards.new_pay_code(current_user(request), _card_no(request), request.config_dict[CARD_CODES])
    url = URL(f"{_C}/{code.card_no}/pay-code.png").with_query(code=code.code)
    return json_ok(PayCodeOut(code=code.code, expires_at=shanghai_iso(code.expires_at), qr_png_url=str(url)))


async def _set_frozen(request: web.Request, frozen: bool) -> web.Response:
    """Holders reach their own cards, administrators any card (per-object rule in `cards.visible_card`)."""
    body = await parse_json(request, FreezeIn)
    user = current_user(request)
    card = await cards.visible_card(user, _card_no(request))
    return json_ok(CardOut.of(await cards.set_frozen(user, card, frozen, body.reason)))


async def freeze(request: web.Request) -> web.Response:
    return await _set_frozen(request, True)


async def unfreeze(request: web.Request) -> web.Response:
    return await _set_frozen(request, False)


async def admin_freeze(request: web.Request) -> web.Response:
    return await _set_frozen(request, True)


async def admin_unfreeze(request: web.Request) -> web.Response:
    return await _set_frozen(request, False)


_C = "/api/v1/cards"
ROUTES = [
    Route("POST", f"{_C}/purchase", purchase, CONSUMER, "Buy love cards: an order of kind card, paid like any order",
          "cards", body=PurchaseIn, response=OrderOut, status=201),
    Route("GET", _C, list_cards, CONSUMER, "My love cards", "cards", response=CardList),
    Route("POST", f"{_C}/claim", claim, CONSUMER,
          "Claim a card with its printed QR text (a gift or a batch card); 429 too_many_attempts past the claim rate",
          "cards", body=CodeIn, response=CardOut),
    Route("GET", f"{_C}/{{card_no}}", card_detail, CONSUMER, "One of my cards, with its ledger", "cards",
          response=CardDetail, path_params=CardPath),
    Route("POST", f"{_C}/{{card_no}}/give", give_away, CONSUMER,
          "Give my card away: returns its claim code; the card is a bearer card until claimed", "cards",
          response=ClaimCodeOut, path_params=CardPath),
    Route("GET", f"{_C}/{{card_no}}/pay-code", pay_code, CONSUMER, "A fresh 60-second pay code for my card", "cards",
          response=PayCodeOut, path_params=CardPath),
    Route("POST", f"{_C}/{{card_no}}/freeze", freeze, CONSUMER, "Freeze my card (reported lost)", "cards",
          body=FreezeIn, response=CardOut, path_params=CardPath),
    Route("POST", f"{_C}/{{card_no}}/unfreeze", unfreeze, CONSUMER, "Unfreeze my card", "cards",
          body=FreezeIn, response=CardOut, path_params=CardPath),
    Route("POST", "/api/v1/admin/cards/{card_no}/freeze", admin_freeze, ADMIN, "Freeze any card", "admin",
          body=FreezeIn, response=CardOut, path_params=CardPath),
    Route("POST", "/api/v1/admin/cards/{card_no}/unfreeze", admin_unfreeze, ADMIN, "Unfreeze any card", "admin",
          body=FreezeIn, response=CardOut, path_params=CardPath),
]
