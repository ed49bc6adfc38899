"""The chat assistant's HTTP front door."""
from __future__ import annotations

from aiohttp import web

from api.auth import current_user
from api.keys import ASSISTANT
from api.responses import json_ok
from api.routing import CONSUMER, Route
from api.schemas.chat import ChatIn, ChatOut
from api.validation import parse_json


async def chat(request: web.Request) -> web.Response:
    body = await parse_json(request, ChatIn)
    reply = await request.config_dict[ASSISTANT].handle(current_user(request), body.message)
    return json_ok(reply.as_dict())


ROUTES = [
    Route("POST", "/api/v1/chat", chat, CONSUMER, "Send one message to the ordering assistant", "chat",
          body=ChatIn, response=ChatOut),
]
