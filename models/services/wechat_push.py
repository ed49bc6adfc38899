"""WeChat message push: each pushed message is taken once, whichever worker WeChat (or its retry) reaches."""
from __future__ import annotations

from tortoise.exceptions import IntegrityError

from models.clock import now_utc
from models.tables.wechat_messages import PushStatus, WeChatMessage


async def take_message(msg_key: str, openid: str, msg_type: str) -> bool:
    """Record a pushed message; True for the first caller with this key, False for every repeat.

    The unique `msg_key` settles racing workers: the loser's INSERT fails. One statement, so no transaction
    of its own (on SQLite that would hold the single connection for longer than the INSERT).
    """
    try:
        await WeChatMessage.create(msg_key=msg_key, openid=openid, msg_type=msg_type, received_at=now_utc())
    except IntegrityError:
        return False
    return True


async def finish_message(msg_key: str, status: PushStatus) -> None:
    """Say what became of the reply (sent, ignored, failed)."""
    await WeChatMessage.filter(msg_key=msg_key).update(status=status, handled_at=now_utc())
