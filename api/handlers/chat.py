"""The chat assistant's HTTP front door."""
from __future__ import annotations

from aiohttp import web

from api.auth import admit, required_token
from api.keys import ASSISTANT, CHAT_TURNS
from api.responses import json_ok
from api.routing import CONSUMER, Route
from api.schemas.chat import ChatIn, ChatOut
from api.validation import parse_json


async def chat(request: web.Request) -> web.Response:
    """One turn. The token's user and their dialogue state come back from one query.

    A worker takes on at most CHAT_CONCURRENCY turns at once; the others wait, first come first served. A turn
    waits on the database two or three times, and each time it rejoins the event loop's queue behind every other
    request in progress: with 32 turns in progress, a turn's time grew with its number of queries (p99 2.8× the
    median). Admitted in order, the turns in progress finish sooner and the wait is the same for everyone.
    """
    token = required_token(request)
    body = await parse_json(request, ChatIn)  # read before taking a place: a slow upload does not hold one
    assistant = request.config_dict[ASSISTANT]
    async with request.config_dict[CHAT_TURNS]:
        user, session = await assistant.open_session(token)
        admit(request, user, CONSUMER)
        reply = await assistant.handle(user, body.message, session)
    return json_ok(reply.as_dict())


ROUTES = [
    Route("POST", "/api/v1/chat", chat, CONSUMER, "Send one message to the ordering assistant", "chat",
          body=ChatIn, response=ChatOut, own_authentication=True),
]
