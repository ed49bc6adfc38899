"""Card numbers: 16 digits with a Luhn check digit, from serials taken in ranges by any number of processes."""
from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

from models.tables.cards import CardNumberCounter

PREFIX = "8860"  # our issuer prefix: 4 digits + 11-digit body + 1 check digit
BODY_SPACE = 10**11
# serial -> body is the bijection x ↦ (x * MULTIPLIER + OFFSET) mod 10^11 (MULTIPLIER is coprime with 10),
# so consecutive cards do not get consecutive numbers, and numbers never repeat.
MULTIPLIER, OFFSET = 7_395_688_021, 31_415_926_535


def luhn_check_digit(digits: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def is_valid_card_no(card_no: str) -> bool:
    return len(card_no) == 16 and card_no.isdigit() and luhn_check_digit(card_no[:-1]) == card_no[-1]


def card_no_for(serial: int) -> str:
    body = f"{PREFIX}{(serial * MULTIPLIER + OFFSET) % BODY_SPACE:011d}"
    return body + luhn_check_digit(body)


async def allocate_serials(count: int, conn: BaseDBAsyncClient | None = None) -> int:
    """Reserve `count` consecutive serials; returns the first. A conditional UPDATE retried on contention."""
    if not await CardNumberCounter.filter(id=1).using_db(conn).exists():
        await CardNumberCounter.get_or_create(id=1, defaults={"next_serial": 1}, using_db=conn)
    while True:
        current = (await CardNumberCounter.get(id=1, using_db=conn)).next_serial
        if current + count > BODY_SPACE:
            raise RuntimeError("card number space exhausted")
        taken = await CardNumberCounter.filter(id=1, next_serial=current).using_db(conn).update(
            next_serial=current + count)
        if taken:
            return current
