"""Route specs: one list feeds the router, the role checks and the OpenAPI document."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Awaitable, Callable

from aiohttp import web
from pydantic import BaseModel

from api.auth import authenticate
from models.users import Role

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

PUBLIC: frozenset[Role] = frozenset()
ANY_USER = frozenset(Role)
CONSUMER = frozenset({Role.CONSUMER})
ADMIN = frozenset({Role.ADMIN})
MERCHANT = frozenset({Role.MERCHANT_STAFF})


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    handler: Handler
    roles: frozenset[Role]
    summary: str
    tag: str
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    response: type[BaseModel] | None = None
    request_media: tuple[str, ...] = ("application/json",)
    response_media: str = "application/json"
    # The handler resolves the token itself (with `api.auth.admit` for the role check), to read more in the
    # same database trip; the roles still document the route.
    own_authentication: bool = False


def _guarded(route: Route) -> Handler:
    if not route.roles or route.own_authentication:
        return route.handler

    async def handler(request: web.Request) -> web.StreamResponse:
        await authenticate(request, route.roles)
        return await route.handler(request)

    handler.__name__ = route.handler.__name__
    return handler


def register(app: web.Application, routes: list[Route]) -> None:
    for route in routes:
        app.router.add_route(route.method, route.path, _guarded(route), name=route.handler.__name__)
