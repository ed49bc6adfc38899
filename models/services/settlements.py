"""Merchant settlement (商户日结): a merchant's business day in figures, and closing it for good.

A business day is a date in Asia/Shanghai; a redemption belongs to the day stamped on it when it was made
(`redemption.business_date`), and so does its void (voids are same-day only). Figures come from the redemption
line snapshots, never from the live catalogue:

* redemptions: every redemption of the day (count, amount), voided or not;
* voids: those voided (count, amount); net = redemptions − voids;
* lines by product (sku, name as sold) and by origin county, of the redemptions that stand (net of voids).

Closing (an administrator) stores the figures in `merchant_settlement`; from then on the day shows those
frozen figures and its redemptions can no longer be voided (409 `settlement_closed`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models.clock import SHANGHAI, now_utc, today_shanghai
from models.errors import Conflict, NotFound
from models.services import audit
from models.services.region_scope import RegionScope, within
from models.storage import sql
from models.storage.id_chunks import fetch_in_chunks
from models.tables.cards import RedemptionStatus
from models.tables.merchants import Merchant
from models.tables.settlements import MerchantSettlement
from models.tables.users import User

# A day can be closed from 00:05 the next day (Shanghai): a redemption whose transaction began a moment
# before midnight is committed by then, so the frozen figures cannot miss it.
CLOSE_GRACE = timedelta(minutes=5)


@dataclass
class Settlement:
    """One merchant's business day: live figures, or the frozen ones once closed (`closed_at` set)."""

    merchant_id: int
    merchant_name: str
    business_date: date
    redemption_count: int = 0
    redemption_fen: int = 0
    void_count: int = 0
    void_fen: int = 0
    by_product: list[dict[str, Any]] = field(default_factory=list)
    by_county: list[dict[str, Any]] = field(default_factory=list)
    closed_at: datetime | None = None
    closed_by: str | None = None

    @property
    def net_fen(self) -> int:
        return self.redemption_fen - self.void_fen

    @property
    def closed(self) -> bool:
        return self.closed_at is not None


# ---------------------------------------------------------------- live figures, from the redemptions and their lines

_TOTALS = (
    "SELECT merchant_id, COUNT(*) AS redemption_count, SUM(amount_fen) AS redemption_fen, "
    "SUM(CASE WHEN status = ? THEN 1 ELSE 0 END) AS void_count, "
    "SUM(CASE WHEN status = ? THEN amount_fen ELSE 0 END) AS void_fen "
    "FROM redemption WHERE status IN (?, ?) AND business_date = ?{only} GROUP BY merchant_id"
)  # both statuses spelled out, so an index on (status, business_date) serves a day of every merchant
# The lines that stand, read once, grouped finely enough to fold into both by-product and by-county totals.
_LINES = (
    "SELECT r.merchant_id, l.sku, l.name, l.origin_code, l.origin_province, l.origin_city, l.origin_county, "
    "l.poverty_county, SUM(l.qty) AS qty, SUM(l.amount_fen) AS amount_fen "
    "FROM redemption r JOIN redemption_line l ON l.redemption_id = r.id "
    "WHERE r.business_date = ? AND r.status = ?{only} "
    "GROUP BY r.merchant_id, l.sku, l.name, l.origin_code, l.origin_province, l.origin_city, l.origin_county, "
    "l.poverty_county"
)
_LOCK_DAY = "SELECT id FROM redemption WHERE merchant_id = ? AND business_date = ? FOR UPDATE"


def _only(merchant_id: int | None, alias: str = "", scope: RegionScope | None = None) -> tuple[str, list[Any]]:
    """The merchant asked for, and for an official only merchants of their region (a subquery: no list of ids)."""
    where, args = ("", []) if merchant_id is None else (f" AND {alias}merchant_id = ?", [merchant_id])
    if scope is not None:
        region, region_args = scope.sql("region_id")
        where += f" AND {alias}merchant_id IN (SELECT id FROM merchant WHERE 1 = 1{region})"
        args += region_args
    return where, args


def _add(into: dict[tuple, dict[str, Any]], key: tuple, fields: dict[str, Any], row: dict[str, Any]) -> None:
    entry = into.setdefault(key, {**fields, "qty": 0, "amount_fen": 0})
    entry["qty"] += int(row["qty"])
    entry["amount_fen"] += int(row["amount_fen"])


def _fold(s: Settlement, rows: list[dict[str, Any]]) -> None:
    """By product (sku and name as sold, in that order) and by origin county (biggest first, then by code)."""
    products: dict[tuple, dict[str, Any]] = {}
    counties: dict[tuple, dict[str, Any]] = {}
    for row in rows:
        _add(products, (row["sku"], row["name"]), {"sku": row["sku"], "name": row["name"]}, row)
        _add(counties, (row["origin_code"],), {
            "origin_code": row["origin_code"], "province": row["origin_province"], "city": row["origin_city"],
            "county": row["origin_county"], "poverty_county": bool(row["poverty_county"])}, row)
    s.by_product = [products[k] for k in sorted(products)]
    s.by_county = sorted(counties.values(), key=lambda c: (-c["amount_fen"], c["origin_code"]))


async def _live(conn: BaseDBAsyncClient, day: date, merchant_id: int | None,
                scope: RegionScope | None = None) -> dict[int, Settlement]:
    """Every merchant with a redemption on `day` (or just `merchant_id`; of `scope`'s region), with its figures."""
    only, args = _only(merchant_id, "", scope)
    completed, voided = RedemptionStatus.COMPLETED.value, RedemptionStatus.VOIDED.value
    out: dict[int, Settlement] = {}
    for row in await sql.query(conn, _TOTALS.format(only=only), [voided, voided, completed, voided, day, *args]):
        out[row["merchant_id"]] = Settlement(
            row["merchant_id"], "", day, redemption_count=int(row["redemption_count"]),
            redemption_fen=int(row["redemption_fen"]), void_count=int(row["void_count"]),
            void_fen=int(row["void_fen"]))
    only, args = _only(merchant_id, "r.", scope)
    lines: dict[int, list[dict[str, Any]]] = {}
    for row in await sql.query(conn, _LINES.format(only=only), [day, completed, *args]):
        lines.setdefault(row["merchant_id"], []).append(row)
    for mid, settlement in out.items():
        _fold(settlement, lines.get(mid, []))
    return out


def _frozen(row: MerchantSettlement, name: str) -> Settlement:
    return Settlement(
        row.merchant_id, name, row.business_date, row.redemption_count, row.redemption_fen, row.void_count,
        row.void_fen, list(row.lines["by_product"]), list(row.lines["by_county"]), row.closed_at,
        row.closed_by_label)


async def _merchant(merchant_id: int, scope: RegionScope | None = None) -> Merchant:
    """The merchant; for an official only one of their region (404 otherwise, as if there were none)."""
    merchant = await Merchant.get_or_none(within(scope, "region_id"), id=merchant_id)
    if merchant is None:
        raise NotFound("merchant_not_found", "商户不存在", merchant_id=merchant_id)
    return merchant


# ---------------------------------------------------------------- reading

async def settlements_of_day(day: date | None = None, merchant_id: int | None = None,
                             now: datetime | None = None, scope: RegionScope | None = None) -> list[Settlement]:
    """One entry per merchant with activity on `day` (default today in Shanghai) or a closed settlement for it,
    in merchant order; closed days show their frozen figures. An official (`scope`) sees the merchants of their
    region (the merchant's own region code), and 404 `merchant_not_found` for another's."""
    day = day or today_shanghai(now)
    if merchant_id is not None:
        await _merchant(merchant_id, scope)
    live = await _live(sql.db(), day, merchant_id, scope)
    closed = MerchantSettlement.filter(within(scope, "merchant__region_id"), business_date=day)
    if merchant_id is not None:
        closed = closed.filter(merchant_id=merchant_id)
    frozen = {row.merchant_id: row for row in await closed}
    ids = sorted(set(live) | set(frozen))
    # as many ids as merchants active that day: read CHUNK at a time (models/storage/id_chunks.py)
    names = dict(await fetch_in_chunks(ids, lambda part: Merchant.filter(id__in=part).values_list("id", "name")))
    out = []
    for mid in ids:
        entry = _frozen(frozen[mid], names[mid]) if mid in frozen else live[mid]
        entry.merchant_name = names[mid]
        out.append(entry)
    return out


async def merchant_settlement(merchant_id: int, day: date | None = None, now: datetime | None = None) -> Settlement:
    """One merchant's day, zeros when nothing happened (what its own staff see)."""
    day = day or today_shanghai(now)
    found = await settlements_of_day(day, merchant_id)
    if found:
        return found[0]
    return Settlement(merchant_id, (await _merchant(merchant_id)).name, day)


# ---------------------------------------------------------------- closing, and the rule voids obey

def closable_from(day: date) -> datetime:
    """The first instant a day may be closed: the next midnight in Shanghai plus CLOSE_GRACE."""
    return datetime.combine(day + timedelta(days=1), time(0), SHANGHAI) + CLOSE_GRACE


async def close(actor: User | None, merchant_id: int, day: date, now: datetime | None = None) -> Settlement:
    """Close a merchant's business day: freeze its figures; voids of that day are refused from then on.

    Closing only a day that is over (409 `settlement_day_open` before `closable_from(day)`, so also never
    today or a future day). Closing again is a no-op that answers with the figures frozen the first time
    (who closed, when): a retried request is safe.

    Why a void racing a close cannot slip through: both take the same row locks. The close locks every
    redemption of the day (`SELECT … FOR UPDATE`) before it computes the figures, inside the transaction that
    inserts the settlement; a void first takes its redemption's row lock (the conditional UPDATE to `voided`)
    and only then, in a later statement, looks for a settlement (`ensure_open`). If the void locked first,
    the close waits for it and counts the void; if the close locked first, the void waits until the close has
    committed, and its later statement (a fresh READ COMMITTED snapshot) sees the settlement and rolls back.
    A NOT EXISTS inside the void's UPDATE would not do: PostgreSQL re-checks only the updated row after a
    wait, not the subquery. On SQLite every transaction holds the single connection's lock, so they are serial.
    """
    merchant = await _merchant(merchant_id)
    moment = now or now_utc()
    if moment < closable_from(day):
        raise Conflict("settlement_day_open", "营业日尚未结束，不能日结", merchant_id=merchant_id,
                       date=day.isoformat(), closable_from=closable_from(day).isoformat())
    existing = await MerchantSettlement.get_or_none(merchant_id=merchant_id, business_date=day)
    if existing is None:
        try:
            existing = await _freeze(actor, merchant_id, day, moment)
        except IntegrityError:  # a concurrent close won: answer with its figures
            existing = await MerchantSettlement.get(merchant_id=merchant_id, business_date=day)
    return _frozen(existing, merchant.name)


async def _freeze(actor: User | None, merchant_id: int, day: date, moment: datetime) -> MerchantSettlement:
    async with in_transaction() as conn:
        if conn.capabilities.dialect != "sqlite":  # SQLite has no FOR UPDATE, and needs none (see `close`)
            await sql.query(conn, _LOCK_DAY, [merchant_id, day])
        live = (await _live(conn, day, merchant_id)).get(merchant_id) or Settlement(merchant_id, "", day)
        row = await MerchantSettlement.create(
            merchant_id=merchant_id, business_date=day, redemption_count=live.redemption_count,
            redemption_fen=live.redemption_fen, void_count=live.void_count, void_fen=live.void_fen,
            net_fen=live.net_fen, lines={"by_product": live.by_product, "by_county": live.by_county},
            closed_by_id=actor.id if actor else None, closed_by_label=audit.actor_label(actor), closed_at=moment,
            using_db=conn)
        await audit.record(actor, "settlement.close", "merchant_settlement", row.id, None, {
            "merchant_id": merchant_id, "date": day.isoformat(), "redemption_count": live.redemption_count,
            "redemption_fen": live.redemption_fen, "void_count": live.void_count, "void_fen": live.void_fen,
            "net_fen": live.net_fen}, conn)
    return row


async def ensure_open(merchant_id: int, day: date, conn: BaseDBAsyncClient | None = None) -> None:
    """409 `settlement_closed` when the merchant's day is closed. Inside a void's transaction it must run after
    the void's conditional UPDATE (see `close`)."""
    query = MerchantSettlement.filter(merchant_id=merchant_id, business_date=day)
    if await (query.using_db(conn) if conn is not None else query).exists():
        raise Conflict("settlement_closed", "该营业日已日结，不能撤销核销", merchant_id=merchant_id,
                       date=day.isoformat())
