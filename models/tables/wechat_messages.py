"""Messages pushed by WeChat (消息推送), one row per MsgId, so a message is answered once across every worker."""
from __future__ import annotations

from enum import Enum

from tortoise import fields
from tortoise.models import Model


class PushStatus(str, Enum):
    RECEIVED = "received"  # taken by a worker, reply not sent yet
    SENT = "sent"  # the reply went out through the customer-service API
    IGNORED = "ignored"  # nothing to answer (an inactive user)
    FAILED = "failed"  # the reply could not be produced or sent (see the logs)


class WeChatMessage(Model):
    """A message pushed by WeChat, keyed by its MsgId (unique), with what became of the reply."""

    id = fields.BigIntField(primary_key=True)
    msg_key = fields.CharField(max_length=200, unique=True)
    openid = fields.CharField(max_length=128, db_index=True)
    msg_type = fields.CharField(max_length=32)
    status = fields.CharEnumField(PushStatus, max_length=16, default=PushStatus.RECEIVED)
    received_at = fields.DatetimeField()
    handled_at = fields.DatetimeField(null=True)

    class Meta:
        table = "wechat_message"
