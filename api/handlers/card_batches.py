"""以购代捐: an organization buys a batch of love cards; administrators issue, activate and follow them."""
from __future__ import annotations

from datetime import timedelta

from aiohttp import web

from api.auth import current_user
from api.keys import BACKGROUND_JOBS, CARD_CODES, SETTINGS
from api.responses import json_ok
from api.routing import ADMIN, Route
from api.schemas.card_batches import (
    BatchCardOut,
    BatchCardPage,
    BatchCardsQuery,
    CardBatchIn,
    CardBatchOut,
    CardBatchPage,
)
from api.schemas.catalog import IdPath
from api.schemas.common import PageQuery
from api.validation import parse_json, parse_path, parse_query
from models.services import card_batches


def _lease(request: web.Request) -> timedelta:
    """How long the issuing job's lease lasts without a heartbeat (CARD_BATCH_LEASE_SECONDS, the same everywhere)."""
    return timedelta(seconds=request.config_dict[SETTINGS].card_batch_lease_seconds)


async def list_card_batches(request: web.Request) -> web.Response:
    q = parse_query(request, PageQuery)
    rows, total = await card_batches.list_batches(q.offset, q.page_size)
    return json_ok(CardBatchPage(items=[CardBatchOut.of(b) for b in rows], total=total))


async def create_card_batch(request: web.Request) -> web.Response:
    """202: the cards are issued by a job the app owns; poll the batch for `done` / `total`."""
    body = await parse_json(request, CardBatchIn)
    batch = await card_batches.create_batch(
        current_user(request), **body.model_dump(),
        allowed_face_values=request.config_dict[SETTINGS].card_face_values_fen,
    )
    issue = card_batches.issue_batch(batch.id, lease=_lease(request))
    request.config_dict[BACKGROUND_JOBS].start(issue, f"issue card batch {batch.id}")
    return json_ok(CardBatchOut.of(batch), status=202)


async def get_card_batch(request: web.Request) -> web.Response:
    batch_id = parse_path(request, IdPath).id
    batch = await card_batches.get_batch(batch_id)
    return json_ok(CardBatchOut.of(batch, await card_batches.batch_report(batch_id)))


async def activate_card_batch(request: web.Request) -> web.Response:
    batch_id = parse_path(request, IdPath).id
    batch = await card_batches.activate_batch(current_user(request), batch_id)
    return json_ok(CardBatchOut.of(batch, await card_batches.batch_report(batch_id)))


async def retry_card_batch(request: web.Request) -> web.Response:
    """202 like create: a failed batch is issuing again, from `done`; poll it."""
    batch_id = parse_path(request, IdPath).id
    batch = await card_batches.retry_batch(current_user(request), batch_id)
    issue = card_batches.issue_batch(batch.id, lease=_lease(request))
    request.config_dict[BACKGROUND_JOBS].start(issue, f"retry card batch {batch.id}")
    return json_ok(CardBatchOut.of(batch), status=202)


async def card_batch_cards(request: web.Request) -> web.Response:
    batch_id = parse_path(request, IdPath).id
    q = parse_query(request, BatchCardsQuery)
    cards, total = await card_batches.batch_cards(batch_id, q.offset, q.page_size)
    codes = request.config_dict[CARD_CODES]
    return json_ok(BatchCardPage(items=[BatchCardOut.of(c, codes.printed(c.card_no)) for c in cards], total=total))


_B = "/api/v1/admin/card-batches"
ROUTES = [
    Route("GET", _B, list_card_batches, ADMIN, "Card batches (以购代捐), newest first", "admin",
          query=PageQuery, response=CardBatchPage),
    Route("POST", _B, create_card_batch, ADMIN,
          "Create a card batch; answers 202 and issues its cards in the background (poll the batch)", "admin",
          body=CardBatchIn, response=CardBatchOut, status=202),
    Route("GET", f"{_B}/{{id}}", get_card_batch, ADMIN, "One card batch: progress (done/total), state, report",
          "admin", response=CardBatchOut, path_params=IdPath),
    Route("POST", f"{_B}/{{id}}/activate", activate_card_batch, ADMIN,
          "The organization has paid: activate every card of an issued batch at its face value", "admin",
          response=CardBatchOut, path_params=IdPath),
    Route("POST", f"{_B}/{{id}}/retry", retry_card_batch, ADMIN,
          "Retry a failed batch: answers 202 and issues its missing cards in the background, keeping those made",
          "admin", response=CardBatchOut, path_params=IdPath, status=202),
    Route("GET", f"{_B}/{{id}}/cards", card_batch_cards, ADMIN,
          "The batch's cards in issue order, with the text of each printed QR code", "admin",
          query=BatchCardsQuery, response=BatchCardPage, path_params=IdPath),
]
