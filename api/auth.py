"""Who is calling: bearer tokens resolved to users, and the role each route requires."""
from __future__ import annotations

from aiohttp import web

from api.logs import identify
from models.errors import Forbidden, Unauthenticated
from models.services.accounts import user_for_token
from models.tables.users import Role, User

USER = web.RequestKey("user", User)


def bearer_token(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def authenticate(request: web.Request, roles: frozenset[Role]) -> User:
    return admit(request, await user_for_token(required_token(request)), roles)


def required_token(request: web.Request) -> str:
    token = bearer_token(request)
    if token is None:
        raise Unauthenticated("unauthenticated", "请先登录")
    return token


def admit(request: web.Request, user: User, roles: frozenset[Role]) -> User:
    """Let the token's user through if their role may use the route; `current_user` returns them from then on."""
    if user.role not in roles:
        raise Forbidden("forbidden", "没有权限执行此操作", required_roles=sorted(r.value for r in roles))
    request[USER] = user
    identify(user.id, user.role.value)  # every later log line of the request names them (api/logs.py)
    return user


def current_user(request: web.Request) -> User:
    """The user the route's role check admitted (only for routes that require a role)."""
    return request[USER]
