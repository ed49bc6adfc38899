"""Queries never take an unbounded list of ids: a list whose length no request validation bounds is sent `CHUNK`
at a time (one query per chunk), or, better where it fits, not sent at all (the query finds the rows itself
with a JOIN or a subquery on what the list was made from). docs/queries.md says which query does which.

Why: each id of an `IN (?, ?, …)` list is a bound parameter, and engines cap them per statement (PostgreSQL
and asyncpg: 32,767; SQLite: 250,000 in this Python's build, 999 in the oldest builds). A list that grows with
the data (the merchants active on a day, an organisation's batches, the skus of a refresh) works in tests and
fails in production the day it crosses the cap.

    names = dict(await fetch_in_chunks(ids, lambda part: Merchant.filter(id__in=part).values_list("id", "name")))

What a chunked read keeps and what it does not: the rows of all chunks are exactly the rows one IN list would
give (each id is sent once, so no row comes twice), in chunk order; an ORDER BY holds within a chunk only, and
an aggregate (SUM, COUNT, GROUP BY over several ids) is per chunk. So key the rows by id, sort them afterwards,
or merge per-chunk aggregates yourself; or restructure the query so it needs no list.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 500  # ids per statement: far below every engine's cap, and big enough that the round trips do not matter


def chunks(items: Iterable[T], size: int | None = None) -> Iterator[list[T]]:
    """`items` in order, as lists of at most `size` (default `CHUNK`) items; nothing for no items."""
    size = CHUNK if size is None else size
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, not {size}")
    it = iter(items)
    while part := list(islice(it, size)):
        yield part


async def fetch_in_chunks(ids: Iterable[T], fetch: Callable[[list[T]], Awaitable[Iterable[R]]],
                          size: int | None = None) -> list[R]:
    """`fetch(part)` for each chunk of the distinct `ids` (first occurrence order), one after the other, and the
    rows they returned, concatenated in chunk order. No query for no ids.

    One after the other on purpose: inside a transaction every query must use its one connection, and SQLite has
    only one anyway."""
    rows: list[R] = []
    for part in chunks(dict.fromkeys(ids), size):
        rows.extend(await fetch(part))
    return rows
