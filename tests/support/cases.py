"""A table of cases run inside one test: every case is tried, and the failures are reported together, by case.

A chat case costs little (a new shopper, a few messages); the shop it talks to (an app, a database, a catalogue
imported, the search and vocabulary built) costs most. One test per table builds the shop once for all its cases
(`tests.support.chat.open_shop` reuses the catalogue already imported within a case loop, and gives each case its own
shopper), where a test per case built it again for each.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from contextvars import ContextVar
from typing import Any

_CASE: ContextVar[int | None] = ContextVar("case", default=None)


def current_case() -> int | None:
    """The number of the case being run by `each_case`, or None outside a table."""
    return _CASE.get()


async def each_case(check: Callable[..., Awaitable[Any]], cases: Iterable[Any], spread: bool = False) -> None:
    """`check(case)` (`check(*case)` when `spread`) for every case; one assertion error stops only its case."""
    failures: list[str] = []
    for number, case in enumerate(cases):
        token = _CASE.set(number)
        try:
            await (check(*case) if spread else check(case))
        except AssertionError as exc:
            failures.append(f"case {case!r}: {exc}")
        finally:
            _CASE.reset(token)
    assert not failures, "\n\n".join(failures)
