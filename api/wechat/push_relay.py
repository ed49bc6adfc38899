"""WeChat message push: the settings it runs with, and the background work that answers a message.

WeChat wants an answer within 5 seconds, so the handler only verifies and records the message, answers
"success", and hands the message to `PushRelay`: in a task the app owns, the assistant reads the text and its
reply goes back through the customer-service API. Messages from one openid are answered in the order they
arrived (in this worker), so a quick "蜂蜜" then "两瓶" reach the dialogue in that order.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass

from api.jobs import BackgroundJobs
from api.schemas.chat import MAX_MESSAGE_CHARS
from api.settings import Settings
from api.wechat.customer_service import CustomerService, SendFailed
from api.wechat.push_crypto import PushCipher
from api.wechat.push_messages import TEXT, PushMessage
from bot.engine import Assistant
from models.services import accounts, wechat_push
from models.tables.wechat_messages import PushStatus

log = logging.getLogger(__name__)

NOT_TEXT_HINT = "我现在只能看懂文字消息，请直接打字告诉我想买什么，例如“买两瓶蜂蜜”。"
TOO_LONG_HINT = "消息太长啦，请用一两句话告诉我想买什么。"
CONCURRENT_REPLIES = 4  # per worker
# C0/C1 control characters other than tab and newline mean nothing in a chat message (and PostgreSQL
# refuses NUL in text), so they are dropped before the assistant sees the text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class PushConfig:
    """What the handler checks requests with; exists only when WECHAT_PUSH_TOKEN is set."""

    token: str
    cipher: PushCipher | None  # None: safe mode is not configured (no EncodingAESKey)
    max_skew_seconds: int

    @classmethod
    def from_settings(cls, settings: Settings) -> PushConfig | None:
        if not settings.wechat_push_token:
            return None
        cipher = None
        if settings.wechat_encoding_aes_key:
            cipher = PushCipher(settings.wechat_encoding_aes_key, settings.wechat_appid)
        return cls(settings.wechat_push_token, cipher, settings.wechat_push_max_skew_seconds)


def clean_text(content: str) -> str:
    return _CONTROL.sub("", content)


class PushRelay:
    """Answers taken messages in the background; `close()` cancels and awaits what is still running."""

    def __init__(self, jobs: BackgroundJobs, assistant: Assistant, service: CustomerService) -> None:
        self._jobs, self._assistant, self._service = jobs, assistant, service
        self._turns: dict[str, tuple[asyncio.Lock, int]] = {}
        # A burst of messages must not queue up ahead of the next push's INSERT (on SQLite's one connection,
        # or the pool): only a few replies are worked on at once, the rest wait here without touching the database.
        self._slots = asyncio.Semaphore(CONCURRENT_REPLIES)

    @property
    def running(self) -> int:
        return self._jobs.running

    def submit(self, message: PushMessage) -> None:
        self._jobs.start(self._answer(message), name=f"wechat push {message.dedupe_key}")

    async def close(self) -> None:
        await self._jobs.close()

    async def _answer(self, message: PushMessage) -> None:
        """Reply, then record what became of it (a cancelled job leaves the message `received`)."""
        try:
            async with self._turn(message.openid), self._slots:
                status = await self._deliver(message)
        except SendFailed as exc:
            log.warning("wechat push %s: reply not sent: %s", message.dedupe_key, exc)
            status = PushStatus.FAILED
        except Exception:
            log.exception("wechat push %s: no reply", message.dedupe_key)
            status = PushStatus.FAILED
        await wechat_push.finish_message(message.dedupe_key, status)

    async def _deliver(self, message: PushMessage) -> PushStatus:
        reply = await self._reply_to(message)
        if not reply:
            return PushStatus.IGNORED
        await self._service.send_text(message.openid, reply)
        return PushStatus.SENT

    async def _reply_to(self, message: PushMessage) -> str | None:
        """The assistant's answer; a short hint for what it cannot read; None for an inactive user."""
        user = await accounts.find_or_create_consumer(message.openid)
        if not user.is_active:
            return None
        if message.msg_type != TEXT:
            return NOT_TEXT_HINT
        text = clean_text(message.content)
        if len(text) > MAX_MESSAGE_CHARS:
            return TOO_LONG_HINT
        return (await self._assistant.handle(user, text)).reply

    @contextlib.asynccontextmanager
    async def _turn(self, openid: str) -> AsyncIterator[None]:
        """One message per openid at a time; the lock is dropped once nobody waits for it."""
        lock, users = self._turns.get(openid, (asyncio.Lock(), 0))
        self._turns[openid] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._turns[openid]
            if users == 1:
                del self._turns[openid]
            else:
                self._turns[openid] = (lock, users - 1)
