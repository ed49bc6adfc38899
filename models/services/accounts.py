"""Users, staff accounts and bearer tokens."""
from __future__ import annotations

import asyncio
import functools
import hashlib
import secrets
from datetime import timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Subquery
from tortoise.transactions import in_transaction

from models.clock import now_utc
from models.errors import TooManyAttempts, Unauthenticated
from models.services import throttle
from models.services.passwords import hash_password, verify_password
from models.services.throttle import Lockout
from models.storage import sql
from models.tables.users import AuthToken, Role, User


# Checked against when the username is unknown, so a wrong username costs as long as a wrong password.
@functools.cache
def _dummy_hash() -> str:
    """What an unknown username is checked against, so it takes as long as a wrong password (made on first use:
    scrypt at import would slow every start)."""
    return hash_password(secrets.token_urlsafe(8))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def issue_token(user: User, ttl_seconds: int) -> str:
    """A new random bearer token; only its hash is stored."""
    token = secrets.token_urlsafe(32)
    await AuthToken.create(user_id=user.id, token_hash=token_hash(token),
                           expires_at=now_utc() + timedelta(seconds=ttl_seconds))
    return token


_TOKEN_USER = (
    "SELECT u.*, t.expires_at AS token_expires_at FROM auth_token t JOIN app_user u ON u.id = t.user_id "
    "WHERE t.token_hash = ?"
)


async def user_for_token(token: str) -> User:
    """The user behind a bearer token. Every authenticated request asks this, so it is one hand-written
    query (a fifth of the cost of the ORM's join) turned into a User by its constructor. Such a User is not marked as
    loaded from the database: pass it to the ORM by id (`actor_id=user.id`), not as an object."""
    rows = await sql.query(sql.db(), _TOKEN_USER, [token_hash(token)])
    return user_from_token_row(rows[0] if rows else None)


def user_from_token_row(row: dict[str, Any] | None) -> User:
    """A row of `app_user` columns plus `token_expires_at` (None: no such token) → the user, if the token is valid.

    For queries that read something else along with the token's user in the same trip (the chat session)."""
    if row is None or sql.timestamp(row["token_expires_at"]) <= now_utc():
        raise Unauthenticated("invalid_token", "登录已失效，请重新登录")
    user = User(**row)  # the public constructor converts SQLite's text and integers as a query would
    if not user.is_active:
        raise Unauthenticated("invalid_token", "登录已失效，请重新登录")
    return user


async def revoke_token(token: str) -> None:
    await AuthToken.filter(token_hash=token_hash(token)).delete()


PURGE_BATCH, PURGE_ROUNDS = 1000, 20


async def purge_expired_tokens(batch: int = PURGE_BATCH, rounds: int = PURGE_ROUNDS) -> int:
    """Delete expired tokens, `batch` rows per statement and at most `rounds` statements (a backlog is finished
    by later runs, so no run holds the table long); how many went."""
    total = 0
    for _ in range(rounds):
        expired = AuthToken.filter(expires_at__lte=now_utc()).order_by("id").limit(batch).values("id")
        deleted = await AuthToken.filter(id__in=Subquery(expired)).delete()
        total += deleted
        if deleted < batch:
            break
    return total


async def find_or_create_consumer(openid: str, nickname: str = "") -> User:
    """The consumer behind a WeChat openid; created on first login (safe when two logins race)."""
    user = await User.get_or_none(openid=openid)
    if user is not None:
        return user
    try:
        async with in_transaction():
            return await User.create(openid=openid, role=Role.CONSUMER, nickname=nickname)
    except IntegrityError:
        return await User.get(openid=openid)


LOGIN_ACCOUNT, LOGIN_ADDRESS = "login_account", "login_address"  # throttle scopes


async def staff_login(username: str, password: str, address: str = "", account_rule: Lockout | None = None,
                      address_rule: Lockout | None = None) -> User:
    """The staff member with this username and password.

    With rules (models/services/throttle.py): while the username or the client `address` is locked, every
    attempt, the right password too, is 429 `too_many_attempts` before the password is looked at; a failure
    counts for both (known username or not), the one reaching a limit locks it (audited); a success forgets the
    account's failures (the address keeps its count, so a spray across usernames stays counted).
    """
    ruled = [(s, r) for s, r in (((LOGIN_ACCOUNT, username), account_rule), ((LOGIN_ADDRESS, address), address_rule))
             if r is not None]
    if ruled and (lock := await throttle.locked_for([s for s, _ in ruled])):
        raise _locked(*lock)
    user = await User.get_or_none(username=username, role__not=Role.CONSUMER)
    ok = await asyncio.to_thread(verify_password, password, user.password_hash if user else _dummy_hash())
    if user is None or not ok or not user.is_active:
        if ruled and (lock := await throttle.fail(ruled, {"username": username, "address": address})):
            raise _locked(*lock)
        raise Unauthenticated("invalid_credentials", "用户名或密码错误")
    if account_rule is not None:
        await throttle.succeeded((LOGIN_ACCOUNT, username))
    return user


def _locked(scope: str, seconds: float) -> TooManyAttempts:
    return throttle.refused(scope, seconds, "登录失败次数过多，已暂时锁定，请稍后再试")
