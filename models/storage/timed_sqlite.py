"""Tortoise's SQLite engine, with each statement run outside a transaction timed for the request that ran it
(models/storage/db_clock.py). The engine module is named in the connection settings (models/storage/database.py):
`client_class` is how Tortoise finds an engine's client, a public part of its engine interface."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tortoise.backends.sqlite import SqliteClient

from models.storage.db_clock import timed


class TimedSqliteClient(SqliteClient):
    async def execute_insert(self, query: str, values: list) -> int:
        with timed():
            return await super().execute_insert(query, values)

    async def execute_many(self, query: str, values: list[list]) -> None:
        with timed():
            await super().execute_many(query, values)

    async def execute_query(self, query: str, values: list | None = None) -> tuple[int, Sequence[dict]]:
        with timed():
            return await super().execute_query(query, values)

    async def execute_query_dict(self, query: str, values: list | None = None) -> list[dict]:
        with timed():
            return await super().execute_query_dict(query, values)

    async def execute_script(self, query: str) -> None:
        with timed():
            await super().execute_script(query)


client_class = TimedSqliteClient


def get_client_class(db_info: dict[str, Any]) -> type[TimedSqliteClient]:
    return TimedSqliteClient
