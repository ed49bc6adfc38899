"""Route specs: one list feeds the router, the role checks and the OpenAPI document."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web
from pydantic import BaseModel

from api.admission import ADMISSION
from api.auth import authenticate
from models.tables.users import Role

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

PUBLIC: frozenset[Role] = frozenset()
ANY_USER = frozenset(Role)
CONSUMER = frozenset({Role.CONSUMER})
ADMIN = frozenset({Role.ADMIN})
MERCHANT = frozenset({Role.MERCHANT_STAFF})
SUPPLIER = frozenset({Role.SUPPLIER_STAFF})
OFFICIAL = frozenset({Role.OFFICIAL})
# The administrators' reads officials share, scoped to their region (models/services/region_scope.py).
ADMIN_READ = frozenset({Role.ADMIN, Role.OFFICIAL})


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
    # The admission queue (api/admission.py) the route's work waits in: taken on only while the queue has room.
    admission: str | None = None
    # The model the handler reads the path's {parameters} with (api.validation.parse_path): their documented schema.
    path_params: type[BaseModel] | None = None
    # The status of a success (201 created, 202 accepted, 204 no content), and the shape of an error answer when the
    # route does not answer with the API's ErrorBody (the WeChat Pay notification answers WeChat's own shape).
    status: int = 200
    error_body: type[BaseModel] | None = None


def _guarded(route: Route) -> Handler:
    """The handler behind its role check (unless it checks for itself) and its admission queue (if any)."""
    handler = _admitted(route.handler, route.admission) if route.admission else route.handler
    if not route.roles or route.own_authentication:
        return handler

    async def authenticated(request: web.Request) -> web.StreamResponse:
        await authenticate(request, route.roles)
        return await handler(request)

    authenticated.__name__ = route.handler.__name__
    return authenticated


def _admitted(handler: Handler, queue: str) -> Handler:
    """Run the handler once one of its queue's places is free (api/admission.py); the body is read first, so a
    slow upload never holds a place."""

    async def admitted(request: web.Request) -> web.StreamResponse:
        await request.read()  # kept by aiohttp for the handler's own request.json()
        async with request.config_dict[ADMISSION][queue]:
            return await handler(request)

    admitted.__name__ = handler.__name__
    return admitted


def register(app: web.Application, routes: list[Route]) -> None:
    for route in routes:
        app.router.add_route(route.method, route.path, _guarded(route), name=route.handler.__name__)
