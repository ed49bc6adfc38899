"""The report of a 以购代捐 organization: its card batches, and where the money on its cards went.

Everything comes from the card ledger and the line snapshots, never from the live catalogue:

* per batch, the batch report (issued, activated, claimed, spent, outstanding; models/services/card_batches.py);
* the organization's ledger by kind: activated (认购额 made spendable), spent = −Σ(redeem + void + refund) as in
  the batch report, expired;
* where the spending went, by origin province and county: each spending entry of the ledger is traced to the
  lines it paid for, a counter redemption (`redemption_id` → redemption lines) or an online order paid with the
  card (`order_id` → order lines; the card pays the whole order, and a refund gives the whole order back). A
  debit counts its lines, a credit (void, refund) takes them back, so voided redemptions and refunded orders net
  out. Ledger spending linked to neither (a manual adjustment) is reported as `untraced_fen`, so the county
  figures and the ledger always agree to the fen: Σ by_county + untraced = spent.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from models import sql
from models.cards import ActivityKind, CardBatch
from models.errors import NotFound
from models.services import card_batches
from models.services.card_batches import SPENDING

_LEDGER = (
    "SELECT a.kind, SUM(a.amount_fen) AS amount_fen FROM card c JOIN card_activity a ON a.card_id = c.id "
    "WHERE c.batch_id IN ({batches}) GROUP BY a.kind"
)
# {lines}: redemption_line or order_line; {link}: the activity column that points at what the lines belong to.
_TRACED = (
    "SELECT l.origin_code, l.origin_province, l.origin_city, l.origin_county, l.poverty_county, "
    "SUM(CASE WHEN a.amount_fen < 0 THEN l.amount_fen ELSE -l.amount_fen END) AS amount_fen "
    "FROM card c JOIN card_activity a ON a.card_id = c.id JOIN {lines} l ON l.{link} = a.{link} "
    "WHERE c.batch_id IN ({batches}) AND a.kind IN (?, ?, ?) "
    "GROUP BY l.origin_code, l.origin_province, l.origin_city, l.origin_county, l.poverty_county"
)
CHANNELS = {"counter": ("redemption_line", "redemption_id"), "online": ("order_line", "order_id")}


@dataclass
class OrganizationReport:
    organization: str
    batches: list[dict[str, Any]]
    issued: int = 0
    activated: int = 0
    claimed: int = 0
    outstanding_fen: int = 0
    activated_fen: int = 0
    spent_fen: int = 0
    expired_fen: int = 0
    by_county: list[dict[str, Any]] = field(default_factory=list)
    by_province: list[dict[str, Any]] = field(default_factory=list)

    @property
    def untraced_fen(self) -> int:
        return self.spent_fen - sum(c["amount_fen"] for c in self.by_county)


async def organizations() -> list[dict[str, Any]]:
    """Every organization that bought batches: how many batches and cards, in name order."""
    rows: dict[str, dict[str, Any]] = {}
    for b in await CardBatch.all().values("organization", "count"):
        entry = rows.setdefault(b["organization"], {"organization": b["organization"], "batches": 0, "cards": 0})
        entry["batches"] += 1
        entry["cards"] += b["count"]
    return sorted(rows.values(), key=lambda r: r["organization"])  # code-point order, the same on every engine


async def _batches(organization: str, batch_id: int | None) -> list[CardBatch]:
    query = CardBatch.filter(organization=organization.strip())
    if batch_id is not None:
        query = query.filter(id=batch_id)
    found = await query.order_by("id")
    if not found:
        if batch_id is not None:
            raise NotFound("batch_not_found", "该单位没有这个卡批次", organization=organization, batch_id=batch_id)
        raise NotFound("organization_not_found", "没有这个认购单位的卡批次", organization=organization)
    return found


async def _ledger(ids: list[int]) -> dict[str, int]:
    conn = CardBatch._meta.db
    rows = await sql.query(conn, _LEDGER.format(batches=sql.marks(len(ids))), ids)
    return {row["kind"]: int(row["amount_fen"]) for row in rows}


async def _traced(ids: list[int]) -> list[dict[str, Any]]:
    """Spending by origin county and channel, from the line snapshots the ledger entries point at."""
    conn = CardBatch._meta.db
    counties: dict[str, dict[str, Any]] = {}
    for channel, (lines, link) in CHANNELS.items():
        text = _TRACED.format(lines=lines, link=link, batches=sql.marks(len(ids)))
        for row in await sql.query(conn, text, [*ids, *(k.value for k in SPENDING)]):
            county = counties.setdefault(row["origin_code"], {
                "origin_code": row["origin_code"], "province": row["origin_province"], "city": row["origin_city"],
                "county": row["origin_county"], "poverty_county": bool(row["poverty_county"]),
                "counter_fen": 0, "online_fen": 0, "amount_fen": 0})
            county[f"{channel}_fen"] += int(row["amount_fen"])
            county["amount_fen"] += int(row["amount_fen"])
    kept = [c for c in counties.values() if c["amount_fen"] or c["counter_fen"] or c["online_fen"]]
    return sorted(kept, key=lambda c: (-c["amount_fen"], c["origin_code"]))


def _provinces(counties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for c in counties:
        p = out.setdefault(c["province"], {"province": c["province"], "counter_fen": 0, "online_fen": 0,
                                           "amount_fen": 0, "poverty_county_fen": 0})
        for key in ("counter_fen", "online_fen", "amount_fen"):
            p[key] += c[key]
        if c["poverty_county"]:
            p["poverty_county_fen"] += c["amount_fen"]
    return sorted(out.values(), key=lambda p: (-p["amount_fen"], p["province"]))


async def organization_report(organization: str, batch_id: int | None = None) -> OrganizationReport:
    """The organization's batches (or the one `batch_id` of them) and where their cards' money went."""
    batches = await _batches(organization, batch_id)
    ids = [b.id for b in batches]
    report = OrganizationReport(batches[0].organization, [])
    for b in batches:
        figures = await card_batches.batch_report(b.id)
        report.batches.append({"id": b.id, "state": b.state.value, "face_value_fen": b.face_value_fen,
                               "count": b.count, "created_at": b.created_at, "activated_at": b.activated_at,
                               **figures})
        report.issued += figures["issued"]
        report.activated += figures["activated"]
        report.claimed += figures["claimed"]
        report.outstanding_fen += figures["outstanding_fen"]
    ledger = await _ledger(ids)
    report.activated_fen = ledger.get(ActivityKind.ACTIVATE.value, 0)
    report.spent_fen = -sum(ledger.get(k.value, 0) for k in SPENDING)
    report.expired_fen = -ledger.get(ActivityKind.EXPIRE.value, 0)
    report.by_county = await _traced(ids)
    report.by_province = _provinces(report.by_county)
    return report
