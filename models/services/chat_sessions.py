"""Where the assistant keeps each user's dialogue: one row per user, written with a version check.

Any worker may answer a user's next message, so the draft lives here, not in memory. A turn reads
the row, works, and writes back only if nobody wrote in between (`version` unchanged); the caller
runs the turn again on the fresh state when that fails. A session idle longer than the timeout
starts again empty.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import orjson

from models import sql
from models.chat import ChatSession

_LOAD = "SELECT state, version, updated_at FROM chat_session WHERE user_id = ?"
_INSERT = "INSERT INTO chat_session (user_id, state, version, updated_at) VALUES (?, ?, 1, ?) ON CONFLICT DO NOTHING"
_UPDATE = "UPDATE chat_session SET state = ?, version = version + 1, updated_at = ? WHERE user_id = ? AND version = ?"


def _as_datetime(value: Any) -> datetime:
    if isinstance(value, str):  # SQLite hands timestamps back as text
        value = datetime.fromisoformat(value)
    return value


def _as_state(value: Any) -> dict[str, Any]:
    if isinstance(value, (str, bytes)):
        value = orjson.loads(value)
    return value if isinstance(value, dict) else {}


async def load(user_id: int, idle: timedelta, now: datetime) -> tuple[dict[str, Any], int, timedelta]:
    """The user's state, its version (0: no row yet) and its age; an idle session comes back empty."""
    rows = await sql.query(ChatSession._meta.db, _LOAD, [user_id])
    if not rows:
        return {}, 0, timedelta(0)
    row = rows[0]
    age = now - _as_datetime(row["updated_at"])
    return (_as_state(row["state"]) if age <= idle else {}), row["version"], age


async def save(user_id: int, state: dict[str, Any], version: int, now: datetime) -> bool:
    """Write the state if it is still at `version`; False when another turn wrote first."""
    conn = ChatSession._meta.db
    data = orjson.dumps(state).decode()
    if version == 0:
        return await sql.execute(conn, _INSERT, [user_id, data, now]) == 1
    return await sql.execute(conn, _UPDATE, [data, now, user_id, version]) == 1
