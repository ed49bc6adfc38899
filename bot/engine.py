"""The assistant's entry point: `Assistant.handle(user, text) -> Reply`, used by every front door."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.reply import Reply
from models.catalog_search import CatalogSearch
from models.users import User


@dataclass(frozen=True)
class BotConfig:
    card_face_values_fen: tuple[int, ...]
    order_pay_timeout: timedelta
    idle_timeout: timedelta = timedelta(minutes=30)


class Assistant:
    def __init__(self, search: CatalogSearch, config: BotConfig) -> None:
        self.search = search
        self.config = config

    async def handle(self, user: User, text: str) -> Reply:
        """Answer one message from `user`; the dialogue state is read from and written to the database."""
        return Reply(reply="您好，我是爱心助农小助手。", intent="greet")
