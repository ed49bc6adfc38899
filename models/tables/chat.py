"""Dialogue state of the chat assistant, kept in the database so any worker can answer the next message."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.tables.users import User


class ChatSession(Model):
    """One row per user: the draft being built and the last list shown. Written with a version check."""

    user: fields.OneToOneRelation[User] = fields.OneToOneField(
        "models.User", related_name="chat_session", on_delete=fields.CASCADE, primary_key=True)
    user_id: int
    state: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    version = fields.IntField(default=0)
    updated_at = fields.DatetimeField()
    # The chat limit (GCRA): when the user's bucket of turns is full again, epoch seconds; kept with the dialogue
    # so a turn writes one row, not two.
    turn_tat = fields.FloatField(default=0)

    class Meta:
        table = "chat_session"
