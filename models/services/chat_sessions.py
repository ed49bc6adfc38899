"""Where the assistant keeps each user's dialogue: one row per user, written with a version check.

Any worker may answer a user's next message, so the draft lives here, not in memory. A turn reads
the row, works, and writes back only if nobody wrote in between (`version` unchanged); the caller
runs the turn again on the fresh state when that fails. A session idle longer than the timeout
starts again empty.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, NamedTuple

import orjson

from models.services.accounts import token_hash, user_from_token_row
from models.storage import sql
from models.storage.sql_batch import Statement, run_batch
from models.tables.users import User

_LOAD = "SELECT state, version, updated_at, turn_tat FROM chat_session WHERE user_id = ?"
# The bearer token's user and that user's session in one trip: a chat turn is mostly waiting on the database.
_LOAD_WITH_USER = (
    "SELECT u.*, t.expires_at AS token_expires_at, s.state AS chat_state, s.version AS chat_version, "
    "s.updated_at AS chat_updated_at, s.turn_tat AS chat_turn_tat "
    "FROM auth_token t JOIN app_user u ON u.id = t.user_id "
    "LEFT JOIN chat_session s ON s.user_id = u.id WHERE t.token_hash = ?"
)


class Loaded(NamedTuple):
    state: dict[str, Any]
    version: int  # 0: no row yet
    age: timedelta
    turn_tat: float = 0.0  # the chat limit's state (models.services.throttle.next_turn)


# RETURNING tells whether the row went in: Tortoise reads PostgreSQL's "INSERT 0 1" as 0 rows changed, so
# `sql.execute`'s count cannot be trusted for an INSERT there (every first turn ran twice on PostgreSQL).
_INSERT = ("INSERT INTO chat_session (user_id, state, version, updated_at, turn_tat) VALUES (?, ?, 1, ?, ?) "
           "ON CONFLICT DO NOTHING RETURNING user_id")
_UPDATE = ("UPDATE chat_session SET state = ?, version = version + 1, updated_at = ?, turn_tat = ? "
           "WHERE user_id = ? AND version = ? RETURNING user_id")


def _as_state(value: Any) -> dict[str, Any]:
    if isinstance(value, (str, bytes)):
        value = orjson.loads(value)
    return value if isinstance(value, dict) else {}


async def load(user_id: int, idle: timedelta, now: datetime) -> Loaded:
    """The user's state, its version (0: no row yet) and its age; an idle session comes back empty."""
    rows = await sql.query(sql.db(), _LOAD, [user_id])
    row = rows[0] if rows else None
    loaded = (row["state"], row["version"], row["updated_at"], row["turn_tat"]) if row else None
    return _loaded(loaded, idle, now)


async def load_with_user(token: str, idle: timedelta, now: datetime) -> tuple[User, Loaded]:
    """The bearer token's user (raises `invalid_token` like any authentication) and their session."""
    rows = await sql.query(sql.db(), _LOAD_WITH_USER, [token_hash(token)])
    row = rows[0] if rows else None
    session = row and (row.pop("chat_state"), row.pop("chat_version"), row.pop("chat_updated_at"),
                       row.pop("chat_turn_tat"))
    user = user_from_token_row(row)
    return user, _loaded(session if session and session[1] is not None else None, idle, now)


def _loaded(row: tuple[Any, int, Any, Any] | None, idle: timedelta, now: datetime) -> Loaded:
    if row is None:
        return Loaded({}, 0, timedelta(0))
    state, version, updated_at, turn_tat = row
    age = now - sql.timestamp(updated_at)
    return Loaded(_as_state(state) if age <= idle else {}, version, age, float(turn_tat or 0))


async def save(user_id: int, state: dict[str, Any], version: int, now: datetime, turn_tat: float = 0.0) -> bool:
    """Write the state (and the chat limit's state) if it is still at `version`; False when another turn wrote
    first (that turn also counted against the limit: the caller runs its turn again on the fresh row)."""
    conn = sql.db()
    data = orjson.dumps(state).decode()
    if version == 0:
        statement, values = _INSERT, [user_id, data, now, turn_tat]
    else:
        statement, values = _UPDATE, [data, now, turn_tat, user_id, version]
    if conn.capabilities.dialect == "sqlite":
        # Every turn writes (the chat limit moves): on SQLite the write joins the group commit
        # (models/storage/sql_group.py), so concurrent turns share one COMMIT instead of an fsync each.
        return bool((await run_batch(conn, [Statement(statement, values)]))[0])
    return bool(await sql.query(conn, statement, values))
