"""The chat assistant's HTTP front door."""
from __future__ import annotations

from aiohttp import web

from api.admission import CHAT
from api.auth import admit, required_token
from api.keys import ASSISTANT
from api.limits import LIMITS
from api.responses import json_ok
from api.routing import CONSUMER, Route
from api.schemas.chat import ChatIn, ChatOut
from api.validation import parse_json


async def chat(request: web.Request) -> web.Response:
    """One turn. The token's user and their dialogue state come back from one query."""
    token = required_token(request)
    body = await parse_json(request, ChatIn)
    assistant = request.config_dict[ASSISTANT]
    user, session = await assistant.open_session(token)
    admit(request, user, CONSUMER)
    reply = await assistant.handle(user, body.message, session, rate=request.config_dict[LIMITS].chat)
    return json_ok(reply.as_dict())


ROUTES = [
    Route("POST", "/api/v1/chat", chat, CONSUMER, "Send one message to the ordering assistant", "chat",
          body=ChatIn, response=ChatOut, own_authentication=True, admission=CHAT),
]
