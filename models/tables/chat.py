"""Dialogue state of the chat assistant, kept in the database so any worker can answer the next message."""
from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class ChatSession(Model):
    """One row per user: the draft being built and the last list shown. Written with a version check."""

    user = fields.OneToOneField("models.User", related_name="chat_session", on_delete=fields.CASCADE, primary_key=True)
    state = fields.JSONField(default=dict)
    version = fields.IntField(default=0)
    updated_at = fields.DatetimeField()

    class Meta:
        table = "chat_session"
