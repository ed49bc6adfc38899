"""Abuse limits kept in the database (`throttle_bucket`), so every worker and every host counts the same tries.

Two kinds of rule, each a row per (scope, subject):

* `Rate` — requests with a burst: a generic cell rate algorithm (GCRA). The row keeps `tat`, when the bucket is
  full again; a request moves it one interval later, and is refused when that would put it more than `burst`
  intervals ahead of now. Taking a place is one INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING statement.
* `Lockout` — failures (wrong passwords) counted in a window; the failure that reaches the limit locks the
  subject for `lock_seconds`, doubled with every lock in a row (up to `max_lock_seconds`); a whole quiet window
  after a lock ended forgets the earlier locks. A locked subject is refused before anything is checked.

Times are epoch seconds (REAL / double precision), so the arithmetic reads the same on both engines. Each
statement is atomic on its own: SQLite has one writer, and PostgreSQL's ON CONFLICT DO UPDATE and UPDATE … WHERE
lock the row and test the condition on its newest version, so two workers never both take the last place, lose a
failure, or record the same lock twice. Every lock, and the first refusal of a rate limit in `NOTICE_SECONDS`, is
written to the audit trail with the change.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

from tortoise.transactions import in_transaction

from models.errors import TooManyAttempts
from models.services import audit
from models.storage import sql
from models.storage.sql_batch import Statement, run_batch

NOTICE_SECONDS = 600.0  # a rate limit's refusals are audited at most once in this time per subject
PURGE_BATCH = 1000


@dataclass(frozen=True)
class Rate:
    """At most `burst` requests at once, and `per_second` on average; `per_second` 0 means no limit."""

    burst: int
    per_second: float

    @property
    def limited(self) -> bool:
        return self.per_second > 0 and self.burst > 0


@dataclass(frozen=True)
class Lockout:
    """`max_failures` failures within `window_seconds` lock the subject for `lock_seconds`, doubled each lock."""

    max_failures: int
    window_seconds: float
    lock_seconds: float
    max_lock_seconds: float

    def lock_for(self, lockouts: int) -> float:
        return min(self.lock_seconds * 2.0 ** min(lockouts, 30), max(self.max_lock_seconds, self.lock_seconds))


Subject = tuple[str, str]  # (scope, subject)

_TAKE = (
    "INSERT INTO throttle_bucket (scope, subject, tat, failures, window_start, locked_until, lockouts, noticed_until) "
    "VALUES (?, ?, ?, 0, 0, 0, 0, 0) ON CONFLICT (scope, subject) DO UPDATE SET "
    "tat = (CASE WHEN throttle_bucket.tat > ? THEN throttle_bucket.tat ELSE ? END) + ? "
    "WHERE (CASE WHEN throttle_bucket.tat > ? THEN throttle_bucket.tat ELSE ? END) + ? <= ? RETURNING tat"
)
_READ = "SELECT tat, noticed_until FROM throttle_bucket WHERE scope = ? AND subject = ?"
_NOTICE = (
    "UPDATE throttle_bucket SET noticed_until = ? WHERE scope = ? AND subject = ? AND noticed_until <= ? "
    "RETURNING noticed_until"
)
# A limit kept elsewhere (next_turn) has no bucket row of its own until its first refusal is noticed.
_NOTICE_ANY = (
    "INSERT INTO throttle_bucket (scope, subject, tat, failures, window_start, locked_until, lockouts, noticed_until) "
    "VALUES (?, ?, 0, 0, 0, 0, 0, ?) ON CONFLICT (scope, subject) DO UPDATE SET noticed_until = ? "
    "WHERE throttle_bucket.noticed_until <= ? RETURNING noticed_until"
)
_FAIL = (
    "INSERT INTO throttle_bucket (scope, subject, tat, failures, window_start, locked_until, lockouts, noticed_until) "
    "VALUES (?, ?, 0, 1, ?, 0, 0, 0) ON CONFLICT (scope, subject) DO UPDATE SET "
    "failures = CASE WHEN throttle_bucket.window_start <= ? THEN 1 ELSE throttle_bucket.failures + 1 END, "
    "lockouts = CASE WHEN throttle_bucket.window_start <= ? AND throttle_bucket.locked_until <= ? THEN 0 "
    "ELSE throttle_bucket.lockouts END, "
    "window_start = CASE WHEN throttle_bucket.window_start <= ? THEN ? ELSE throttle_bucket.window_start END "
    "RETURNING failures, lockouts"
)
# Only the statement that still sees the failures and the lock count it decided on writes the lock (and its
# audit entry): a concurrent failure that also reached the limit finds failures already back at 0.
_LOCK = (
    "UPDATE throttle_bucket SET locked_until = ?, lockouts = lockouts + 1, failures = 0, window_start = ? "
    "WHERE scope = ? AND subject = ? AND failures >= ? AND lockouts = ? RETURNING locked_until"
)
_SUCCEEDED = (
    "UPDATE throttle_bucket SET failures = 0, lockouts = 0 WHERE scope = ? AND subject = ? "
    "AND (failures > 0 OR lockouts > 0)"
)
_PURGE = (
    "DELETE FROM throttle_bucket WHERE id IN (SELECT id FROM throttle_bucket WHERE tat < ? AND window_start < ? "
    "AND locked_until < ? AND noticed_until < ? LIMIT ?)"
)


def _db() -> Any:
    return sql.db()


async def _write(statement: str, values: list[Any]) -> list[dict[str, Any]]:
    """One write on the hot path (a chat turn), its RETURNING rows. On SQLite it joins the group commit
    (models/storage/sql_group.py): written alone, every take would wait for a COMMIT's fsync of its own, and 32 clients
    managed under 300 takes/s against about 5,000 grouped. On PostgreSQL one autocommit statement is one trip (a
    batch would add BEGIN and COMMIT), and the server groups the commits itself."""
    db = _db()
    if db.capabilities.dialect == "sqlite":
        return (await run_batch(db, [Statement(statement, values)]))[0]
    return await sql.query(db, statement, values)


def _seconds(value: float) -> int:
    """What Retry-After says: whole seconds, at least one."""
    return max(1, math.ceil(value))


def refused(scope: str, retry_after: float, message: str = "操作太频繁，请稍后再试") -> TooManyAttempts:
    return TooManyAttempts("too_many_attempts", message, retry_after_seconds=_seconds(retry_after), limit=scope)


async def take(scope: str, subject: str, rate: Rate, now: float | None = None) -> None:
    """Take a place in `rate` for (scope, subject), or raise 429 `too_many_attempts` with how long to wait."""
    if not rate.limited:
        return
    now = time.time() if now is None else now
    interval = 1.0 / rate.per_second
    horizon = now + rate.burst * interval
    values = [scope, subject, now + interval, now, now, interval, now, now, interval, horizon]
    if await _write(_TAKE, values):
        return
    rows = await sql.query(_db(), _READ, [scope, subject])
    tat = float(rows[0]["tat"]) if rows else now
    retry_after = tat - (rate.burst - 1) * interval - now
    await _notice(scope, subject, rate, now, retry_after, statement=_NOTICE_ANY, values=[
        scope, subject, now + NOTICE_SECONDS, now + NOTICE_SECONDS, now])
    raise refused(scope, retry_after)


async def next_turn(scope: str, subject: str, tat: float, rate: Rate, now: float | None = None) -> float:
    """The same GCRA over a state the caller keeps in its own row (a chat turn keeps it in its session, written with
    the turn in one version-checked statement): the new `tat`, or 429 `too_many_attempts` (audited as `take`)."""
    now = time.time() if now is None else now
    if not rate.limited:
        return tat
    interval = 1.0 / rate.per_second
    moved = max(tat, now) + interval
    if moved <= now + rate.burst * interval:
        return moved
    retry_after = tat - (rate.burst - 1) * interval - now
    await _notice(scope, subject, rate, now, retry_after, statement=_NOTICE_ANY, values=[
        scope, subject, now + NOTICE_SECONDS, now + NOTICE_SECONDS, now])
    raise refused(scope, retry_after)


async def _notice(scope: str, subject: str, rate: Rate, now: float, retry_after: float,
                  statement: str = "", values: list[Any] | None = None) -> None:
    """The first refusal in `NOTICE_SECONDS` goes to the audit trail (a flood makes one entry, not thousands)."""
    async with in_transaction() as conn:
        if statement:
            noticed = await sql.query(conn, statement, values or [])
        else:
            noticed = await sql.query(conn, _NOTICE, [now + NOTICE_SECONDS, scope, subject, now])
        if not noticed:
            return
        await audit.record(None, "throttle.limit", "throttle", f"{scope}:{subject}"[:64], None, {
            "scope": scope, "subject": subject, "burst": rate.burst, "per_second": rate.per_second,
            "retry_after_seconds": _seconds(retry_after),
        }, using=conn)


async def locked_for(subjects: list[Subject], now: float | None = None) -> tuple[str, float] | None:
    """The scope locked longest among `subjects`, with the seconds its lock still lasts; None if none is locked."""
    now = time.time() if now is None else now
    where = " OR ".join(["(scope = ? AND subject = ?)"] * len(subjects))
    values: list[Any] = [now]
    for scope, subject in subjects:
        values += [scope, subject]
    rows = await sql.query(
        _db(), f"SELECT scope, locked_until FROM throttle_bucket WHERE locked_until > ? AND ({where})", values)
    if not rows:
        return None
    longest = max(rows, key=lambda r: float(r["locked_until"]))
    return longest["scope"], float(longest["locked_until"]) - now


async def fail(subjects: list[tuple[Subject, Lockout]], context: dict[str, Any], now: float | None = None
               ) -> tuple[str, float] | None:
    """Count one failure for each subject under its rule; the longest lock this failure started, if any
    (scope, seconds). `context` (the username, the address …) goes into the audit entry of a lock."""
    now = time.time() if now is None else now
    locked: tuple[str, float] | None = None
    for (scope, subject), rule in subjects:
        cutoff = now - rule.window_seconds
        rows = await _write(_FAIL, [scope, subject, now, cutoff, cutoff, cutoff, cutoff, now])
        failures, lockouts = int(rows[0]["failures"]), int(rows[0]["lockouts"])
        if failures < rule.max_failures:
            continue
        seconds = rule.lock_for(lockouts)
        locks = await _lock(scope, subject, rule, failures, lockouts, seconds, now, context)
        if locks and (locked is None or seconds > locked[1]):
            locked = (scope, seconds)
    return locked


async def _lock(scope: str, subject: str, rule: Lockout, failures: int, lockouts: int, seconds: float, now: float,
                context: dict[str, Any]) -> bool:
    async with in_transaction() as conn:
        values = [now + seconds, now, scope, subject, rule.max_failures, lockouts]
        if not await sql.query(conn, _LOCK, values):
            return False  # a concurrent failure wrote this lock
        await audit.record(None, "throttle.lockout", "throttle", f"{scope}:{subject}"[:64],
                           {"failures": failures, "lockouts": lockouts}, {
                               **context, "scope": scope, "subject": subject, "lock_seconds": seconds,
                               "locked_until": now + seconds, "lockouts": lockouts + 1,
                           }, using=conn)
        return True


async def succeeded(subject: Subject) -> None:
    """A success forgets the subject's failures and earlier locks."""
    await sql.execute(_db(), _SUCCEEDED, list(subject))


async def purge_stale(older_than: float, limit: int = PURGE_BATCH) -> int:
    """Delete up to `limit` rows with nothing left to remember since `older_than` (epoch seconds)."""
    values = [older_than] * 4 + [limit]
    return await sql.execute(_db(), _PURGE, values)
