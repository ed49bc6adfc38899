"""以购代捐 card batches: create, issue the cards in resumable chunks under a lease, activate when paid, report.

Issuing 630,000 cards must survive a worker being killed half-way and must never run twice at once:

* every chunk (allocate serials, insert the cards, `issued += n`, refresh `heartbeat_at`) is one transaction, so
  `issued` is always exactly the number of cards the batch has and a new run continues from there;
* a run first claims the batch with a conditional UPDATE of `heartbeat_at` (only if it is NULL or older
  than LEASE), and every chunk re-checks that `heartbeat_at` is still the value it last wrote (a fencing
  token): a worker whose lease was taken over stops without writing.

Cards go in with one set-based INSERT per chunk, the card numbers passed as one array (`json_each` on SQLite,
`unnest` on PostgreSQL): 630,000 cards in about 11 s on either engine, against 21–25 s for a raw executemany and
52–54 s for Tortoise's bulk_create (bench/card_issue_bench.py, bench/README.md).
"""
from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from models import metrics
from models.clock import now_utc, today_shanghai
from models.errors import Conflict, Invalid, NotFound
from models.names import check_name
from models.services import audit
from models.services.card_numbers import BODY_SPACE, MULTIPLIER, OFFSET, PREFIX, allocate_serials
from models.storage import sql
from models.tables.cards import ActivityKind, BatchState, Card, CardBatch, CardStatus
from models.tables.users import User

log = logging.getLogger(__name__)

CHUNK = 10_000
MAX_COUNT = 1_000_000
LEASE = timedelta(seconds=60)
BATCH_FIELDS = ("organization", "face_value_fen", "count", "expires_at", "note", "state")
Progress = Callable[[int, int], None]


class LeaseLost(Exception):
    """Another worker took the batch's issuing job over (our heartbeat went stale): stop, write nothing.

    Internal control flow, not an AppError (models/errors.py): the issuing job catches it; it never reaches HTTP."""


# ---------------------------------------------------------------- card numbers, fast

def _luhn_digit(digit: int, doubled: bool) -> int:
    d = digit * 2 if doubled else digit
    return d - 9 if d > 9 else d


def _group_sums(doubled_last: bool) -> list[int]:
    """Luhn contribution of every 3-digit group, its last digit doubled or not."""
    return [sum(_luhn_digit(int(ch), (i % 2 == 0) == doubled_last) for i, ch in enumerate(reversed(f"{g:03d}")))
            for g in range(1000)]


_EVEN, _ODD = _group_sums(True), _group_sums(False)
_PREFIX_SUM = sum(_luhn_digit(int(ch), i % 2 == 0) for i, ch in enumerate(reversed(PREFIX + "0" * 11)))
_CHECK = [str((10 - t % 10) % 10) for t in range(200)]


def card_nos(first_serial: int, n: int) -> list[str]:
    """`card_no_for(s)` for n consecutive serials, 5x faster (Luhn sums looked up per 3-digit group).

    The 11-digit body's groups, from the right, start at positions 0, 3, 6, 9 of the 15 digits before the
    check digit: even positions are doubled. tests/test_card_batches.py checks this equals `card_no_for`.
    """
    out: list[str] = []
    for serial in range(first_serial, first_serial + n):
        body = (serial * MULTIPLIER + OFFSET) % BODY_SPACE
        total = (_PREFIX_SUM + _EVEN[body % 1000] + _ODD[body // 1000 % 1000]
                 + _EVEN[body // 10**6 % 1000] + _ODD[body // 10**9])
        out.append(f"{PREFIX}{body:011d}{_CHECK[total]}")
    return out


# ---------------------------------------------------------------- raw SQL on both engines

def _is_sqlite(conn: BaseDBAsyncClient) -> bool:
    return conn.capabilities.dialect == "sqlite"


def _sql(conn: BaseDBAsyncClient, text: str) -> str:
    """Our raw statements are written with `?`; asyncpg numbers its parameters ($1, $2 …)."""
    if _is_sqlite(conn):
        return text
    numbers = itertools.count(1)
    return re.sub(r"\?", lambda _: f"${next(numbers)}", text)


CARD_COLUMNS = ('"card_no", "face_value_fen", "balance_fen", "status", "expires_at", "pay_counter", "spent_counter", '
                '"created_at", "batch_id"')
_INSERT_CARDS = {
    "sqlite": f'INSERT INTO "card" ({CARD_COLUMNS}) SELECT "value", ?, 0, ?, ?, 0, 0, ?, ? FROM json_each(?)',
    "postgres": f'INSERT INTO "card" ({CARD_COLUMNS}) '
                'SELECT unnest(?::varchar[]), ?::bigint, 0, ?, ?::date, 0, 0, ?::timestamptz, ?::int',
}


async def insert_cards(conn: BaseDBAsyncClient, batch: CardBatch, numbers: list[str], now: datetime) -> None:
    """One INSERT … SELECT for the whole chunk: the card numbers travel as one array parameter.

    Sorted so that the unique index on card_no is walked once, in order, per chunk.
    """
    numbers = sorted(numbers)
    common = [batch.face_value_fen, CardStatus.INACTIVE.value, batch.expires_at, now, batch.id]
    if _is_sqlite(conn):
        await conn.execute_query(_INSERT_CARDS["sqlite"], [*common, json.dumps(numbers)])
    else:
        await conn.execute_query(_sql(conn, _INSERT_CARDS["postgres"]), [numbers, *common])


# ---------------------------------------------------------------- create

def _validate(organization: str, face_value_fen: int, count: int, expires_at: date, note: str,
              allowed_face_values: tuple[int, ...] | list[int]) -> None:
    if not 1 <= len(organization) <= 128:
        raise Invalid("invalid_organization", "认购单位名称应为 1 到 128 个字符")
    check_name("organization", organization)
    if face_value_fen not in allowed_face_values:
        allowed = [v // 100 for v in allowed_face_values]
        raise Invalid("invalid_face_value", f"面值只能是 {allowed} 元之一", face_value_fen=face_value_fen,
                      allowed_fen=list(allowed_face_values))
    if not 1 <= count <= MAX_COUNT:
        raise Invalid("invalid_count", f"数量应在 1 到 {MAX_COUNT:,} 张之间", count=count)
    if expires_at <= today_shanghai():
        raise Invalid("invalid_expiry", "有效期必须晚于今天（北京时间）", expires_at=expires_at.isoformat())
    if len(note) > 255:
        raise Invalid("invalid_note", "备注不能超过 255 个字符")


async def create_batch(
    actor: User | None, *, organization: str, face_value_fen: int, count: int, expires_at: date, note: str = "",
    allowed_face_values: tuple[int, ...] | list[int], label: str | None = None,
) -> CardBatch:
    """A batch in `issuing` with no cards yet; the caller starts `issue_batch` (or a worker resumes it)."""
    organization = organization.strip()
    _validate(organization, face_value_fen, count, expires_at, note, allowed_face_values)
    async with in_transaction() as conn:
        batch = await CardBatch.create(
            organization=organization, face_value_fen=face_value_fen, count=count, expires_at=expires_at, note=note,
            state=BatchState.ISSUING, created_by_id=actor.id if actor else None, using_db=conn)
        await audit.record(actor, "card_batch.create", "card_batch", batch.id, None,
                           audit.snapshot(batch, BATCH_FIELDS), conn, label=label)
    return batch


async def get_batch(batch_id: int) -> CardBatch:
    batch = await CardBatch.get_or_none(id=batch_id)
    if batch is None:
        raise NotFound("batch_not_found", "卡批次不存在", batch_id=batch_id)
    return batch


async def list_batches(offset: int, limit: int) -> tuple[list[CardBatch], int]:
    rows = await CardBatch.all().order_by("-id").offset(offset).limit(limit)
    return rows, await CardBatch.all().count()


# ---------------------------------------------------------------- issue

def _stale(now: datetime, lease: timedelta) -> Q:
    return Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=now - lease)


@dataclass
class _Lease:
    """Our heartbeat, last written: the fencing token every chunk checks and moves on."""

    token: datetime


async def _claim(batch_id: int, lease: timedelta = LEASE) -> _Lease | None:
    """Take the issuing lease if nobody holds it (NULL or older than LEASE); None when another worker has it."""
    now = now_utc()
    taken = await CardBatch.filter(_stale(now, lease), id=batch_id, state=BatchState.ISSUING).update(heartbeat_at=now)
    return _Lease(now) if taken else None


async def _write_chunk(batch: CardBatch, token: datetime, n: int) -> datetime:
    """Allocate, insert and count n cards in one transaction, if the lease is still `token`; returns the new one."""
    beat = now_utc()
    async with in_transaction() as conn:
        held = await CardBatch.filter(id=batch.id, heartbeat_at=token, issued=batch.issued).using_db(conn).update(
            issued=batch.issued + n, heartbeat_at=beat)
        if not held:
            raise LeaseLost(batch.id)
        first = await allocate_serials(n, conn)
        await insert_cards(conn, batch, card_nos(first, n), beat)
    metrics.cards_issued("batch", n)
    return beat


async def _issue_chunk(batch: CardBatch, lease: _Lease, n: int) -> None:
    """One chunk, run to its end even if the job is cancelled meanwhile; the cancellation then takes effect.

    Cancelled inside `in_transaction`, Tortoise can leave the task bound to a half-open transaction, and
    we could not tell whether the chunk committed. A worker that stalled past LEASE finds the lease moved on.
    """
    chunk = asyncio.ensure_future(_write_chunk(batch, lease.token, n))
    cancelled = False
    while not chunk.done():
        try:
            await asyncio.wait([chunk])
        except asyncio.CancelledError:
            cancelled = True
    if cancelled and (chunk.cancelled() or chunk.exception() is not None):
        raise asyncio.CancelledError  # nothing was written
    lease.token, batch.issued = chunk.result(), batch.issued + n  # raises the chunk's own error, if any
    if cancelled:
        raise asyncio.CancelledError


async def _end(batch: CardBatch, lease: _Lease, **changes: Any) -> None:
    await CardBatch.filter(id=batch.id, heartbeat_at=lease.token, state=BatchState.ISSUING).update(**changes)


async def _release(batch: CardBatch, lease: _Lease) -> None:
    """Give the lease back when cancelled (shutdown, Ctrl-C), so another worker resumes at once, not in 60 s."""
    with contextlib.suppress(Exception):
        await _end(batch, lease, heartbeat_at=None)


async def _issue_missing(batch: CardBatch, lease: _Lease, progress: Progress | None, chunk_size: int) -> None:
    """Chunk after chunk until the batch has `count` cards."""
    if progress:
        progress(batch.issued, batch.count)
    while batch.issued < batch.count:
        await _issue_chunk(batch, lease, min(chunk_size, batch.count - batch.issued))
        if progress:
            progress(batch.issued, batch.count)


async def _run(batch_id: int, progress: Progress | None, chunk_size: int, lease_time: timedelta) -> bool:
    """Issue what is missing if we can take the lease; False when another worker holds it."""
    lease = await _claim(batch_id, lease_time)
    if lease is None:
        return False
    batch = await get_batch(batch_id)
    try:
        await _issue_missing(batch, lease, progress, chunk_size)
        await _end(batch, lease, state=BatchState.ISSUED, heartbeat_at=now_utc())
    except LeaseLost:
        log.warning("card batch %s: another worker took over the issuing job", batch_id)
    except asyncio.CancelledError:
        await asyncio.shield(_release(batch, lease))
        raise
    except Exception as exc:
        log.exception("card batch %s: issuing failed after %d cards", batch_id, batch.issued)
        await _end(batch, lease, state=BatchState.FAILED, error=f"{type(exc).__name__}: {exc}"[:255])
        raise
    return True


async def issue_batch(batch_id: int, progress: Progress | None = None, *, chunk_size: int = CHUNK,
                      lease: timedelta = LEASE) -> CardBatch:
    """Create the batch's missing cards (inactive, balance 0), `issuing` → `issued`; resumable; one runner at a time.

    Returns at once, doing nothing, while another worker holds a fresh lease. An exception marks the batch `failed`
    (with `error`) and is re-raised; cancellation gives the lease back, leaving it `issuing` for a resume."""
    await _run(batch_id, progress, chunk_size, lease)
    return await get_batch(batch_id)


async def resume_stale_batches(lease: timedelta = LEASE) -> int:
    """Resume every batch `issuing` whose lease (the same in every process) is stale or given back; how many ran."""
    stale = CardBatch.filter(_stale(now_utc(), lease), state=BatchState.ISSUING).order_by("id")
    ids = cast(list[int], await stale.values_list("id", flat=True))
    resumed = 0
    for batch_id in ids:
        try:
            resumed += await _run(batch_id, None, CHUNK, lease)
        except Exception:  # marked failed and logged by _run; the other batches still get their turn
            continue
    return resumed


async def retry_batch(actor: User | None, batch_id: int, label: str | None = None) -> CardBatch:
    """A `failed` batch goes back to `issuing` with its lease released, so the caller's job (or any worker's
    periodic resume) carries on from `issued`: every chunk committed with its cards and its count, so the cards
    already made are kept and the failed chunk left nothing behind. Any other state: 409 `invalid_batch_state`.
    """
    batch = await get_batch(batch_id)
    async with in_transaction() as conn:
        moved = await CardBatch.filter(id=batch_id, state=BatchState.FAILED).using_db(conn).update(
            state=BatchState.ISSUING, error=None, heartbeat_at=None)
        if not moved:
            state = (await CardBatch.get(id=batch_id, using_db=conn)).state.value
            raise Conflict("invalid_batch_state", f"卡批次当前状态为 {state}，只有失败（failed）的批次可以重试",
                           batch_id=batch_id, state=state)
        await audit.record(actor, "card_batch.retry", "card_batch", batch_id,
                           {"state": BatchState.FAILED.value, "issued": batch.issued, "error": batch.error},
                           {"state": BatchState.ISSUING.value, "issued": batch.issued}, conn, label=label)
    return await get_batch(batch_id)


# ---------------------------------------------------------------- activate

_ACTIVATION_LEDGER = (
    'INSERT INTO "card_activity" '
    '("card_id", "kind", "amount_fen", "balance_after_fen", "actor_id", "note", "created_at") '
    'SELECT "id", ?, "face_value_fen", "face_value_fen", ?, ?, ? FROM "card" WHERE "batch_id" = ? AND "status" = ?'
)
_ACTIVATION_CARDS = (
    'UPDATE "card" SET "status" = ?, "balance_fen" = "face_value_fen" WHERE "batch_id" = ? AND "status" = ?'
)


async def _activate_cards(conn: BaseDBAsyncClient, batch: CardBatch, actor: User | None, now: datetime) -> int:
    """Ledger first, then the cards, both set-based. Every card of an issued batch is inactive, so both must
    cover exactly `issued` cards; anything else (a card changed meanwhile) rolls the whole activation back.
    The UPDATE's count is the one checked: Tortoise's asyncpg client reads an INSERT's count from the wrong
    word of "INSERT 0 n"."""
    inactive = CardStatus.INACTIVE.value
    await conn.execute_query(
        _sql(conn, _ACTIVATION_LEDGER),
        [ActivityKind.ACTIVATE.value, actor.id if actor else None, "批次激活", now, batch.id, inactive])
    moved, _ = await conn.execute_query(_sql(conn, _ACTIVATION_CARDS), [CardStatus.ACTIVE.value, batch.id, inactive])
    if moved != batch.issued:
        raise Conflict("batch_changed", "激活过程中卡片状态发生变化，请重试", batch_id=batch.id)
    return moved


async def activate_batch(actor: User | None, batch_id: int, label: str | None = None) -> CardBatch:
    """The organization has paid: `issued` → `active`, every card active with its face value, one ledger entry each."""
    batch = await get_batch(batch_id)
    if batch.expires_at < today_shanghai():
        raise Conflict("batch_expired", "卡批次已过有效期，不能激活", batch_id=batch_id,
                       expires_at=batch.expires_at.isoformat())
    now = now_utc()
    async with in_transaction() as conn:
        moved = await CardBatch.filter(id=batch_id, state=BatchState.ISSUED).using_db(conn).update(
            state=BatchState.ACTIVE, activated_at=now)
        if not moved:
            state = (await CardBatch.get(id=batch_id, using_db=conn)).state.value
            raise Conflict("invalid_batch_state", f"卡批次当前状态为 {state}，只有已制卡（issued）的批次可以激活",
                           batch_id=batch_id, state=state)
        cards = await _activate_cards(conn, batch, actor, now)
        await audit.record(actor, "card_batch.activate", "card_batch", batch_id, {"state": batch.state.value},
                           {"state": BatchState.ACTIVE.value, "cards": cards}, conn, label=label)
    metrics.cards_activated("batch", cards)
    return await get_batch(batch_id)


# ---------------------------------------------------------------- read

_CARD_TOTALS = (
    'SELECT COUNT(*) AS "issued", '
    'COALESCE(SUM(CASE WHEN "status" <> ? THEN 1 ELSE 0 END), 0) AS "activated", '
    'COALESCE(SUM(CASE WHEN "holder_id" IS NOT NULL THEN 1 ELSE 0 END), 0) AS "claimed", '
    'COALESCE(SUM("balance_fen"), 0) AS "outstanding" '
    'FROM "card" WHERE "batch_id" = ?'
)
_SPENT = (
    'SELECT COALESCE(-SUM(a."amount_fen"), 0) AS "spent" '
    'FROM "card_activity" a JOIN "card" c ON c."id" = a."card_id" '
    'WHERE c."batch_id" = ? AND a."kind" IN (?, ?, ?)'
)
SPENDING = (ActivityKind.REDEEM, ActivityKind.VOID, ActivityKind.REFUND)


async def batch_report(batch_id: int) -> dict[str, int]:
    """Aggregates over the batch's cards, and over their ledger for what was spent.

    spent = −Σ(redeem + void + refund): what holders spent, net of voided redemptions and refunded orders
    (expired balances are not spending). Before activation no money has moved, so the ledger is not read;
    while the batch is still issuing (and its progress polled) the cards are not scanned either: on SQLite
    that scan holds the one connection for about a second at 630,000 cards.
    """
    batch = await get_batch(batch_id)
    if batch.state == BatchState.ISSUING:
        return {"issued": batch.issued, "activated": 0, "claimed": 0, "spent_fen": 0, "outstanding_fen": 0}
    conn = sql.db()
    totals = (await conn.execute_query_dict(_sql(conn, _CARD_TOTALS), [CardStatus.INACTIVE.value, batch.id]))[0]
    spent = 0
    if batch.state == BatchState.ACTIVE:
        rows = await conn.execute_query_dict(_sql(conn, _SPENT), [batch.id, *(k.value for k in SPENDING)])
        spent = int(rows[0]["spent"])
    counts = {key: int(totals[key]) for key in ("issued", "activated", "claimed")}
    return {**counts, "spent_fen": spent, "outstanding_fen": int(totals["outstanding"])}


async def batch_cards(batch_id: int, offset: int, limit: int) -> tuple[list[Card], int]:
    """A page of the batch's cards in issue order; the total is `issued` (kept equal to the card count)."""
    batch = await get_batch(batch_id)
    cards = await Card.filter(batch_id=batch_id).order_by("id").offset(offset).limit(limit)
    return cards, batch.issued
