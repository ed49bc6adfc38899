"""The report of a 以购代捐 organization: its card batches, and where the money on its cards went.

Everything comes from the card ledger and the line snapshots, never from the live catalogue:

* per batch, the batch report's figures (issued, activated, claimed, spent, outstanding; as defined in
  models/services/card_batches.py, here for all the batches at once: one scan of their cards, one of their ledger);
* the organization's ledger by kind: activated (认购额 made spendable), spent = −Σ(redeem + void + refund) as in
  the batch report, expired, closed (taken off cards an administrator closed) and adjusted (an administrator's
  corrections, signed), so that outstanding = activated + adjusted − spent − expired − closed;
* where the spending went, by origin province and county: each spending entry of the ledger is traced to the
  lines it paid for, a counter redemption (`redemption_id` → redemption lines) or an online order paid with the
  card (`order_id` → order lines; the card pays the whole order, and a refund gives back the lines of the parcels
  it covered: those whose fulfilment is `refunded`, or every line of an order without fulfilments). A
  debit counts its lines, a credit (void, refund) takes them back, so voided redemptions and refunded orders net
  out. Ledger spending linked to neither (a manual adjustment) is reported as `untraced_fen`, so the county
  figures and the ledger always agree to the fen: Σ by_county + untraced = spent.

The queries name the batches by what chose them (`_SCOPE`: the organization, and the one batch when asked), never
by a list of their ids: an organization's batches have no bound, and each id would be a parameter
(models/storage/id_chunks.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from models.errors import NotFound
from models.services.card_batches import SPENDING
from models.services.region_scope import RegionScope
from models.storage import sql
from models.tables.cards import ActivityKind, CardBatch, CardStatus

_CARDS = (
    "SELECT batch_id, COUNT(*) AS issued, SUM(CASE WHEN status <> ? THEN 1 ELSE 0 END) AS activated, "
    "SUM(CASE WHEN holder_id IS NOT NULL THEN 1 ELSE 0 END) AS claimed, SUM(balance_fen) AS outstanding "
    "FROM card WHERE batch_id IN ({scope}) GROUP BY batch_id"
)
_LEDGER = (
    "SELECT c.batch_id, a.kind, SUM(a.amount_fen) AS amount_fen FROM card c JOIN card_activity a ON a.card_id = c.id "
    "WHERE c.batch_id IN ({scope}) GROUP BY c.batch_id, a.kind"
)
# The spending entries are read once (materialized), then each is traced to the lines it paid for: a debit
# counts them (+1), a credit takes them back (-1).
_TRACED = (
    "WITH s AS MATERIALIZED ("
    "SELECT a.redemption_id, a.order_id, CASE WHEN a.amount_fen < 0 THEN 1 ELSE -1 END AS sign "
    "FROM card c JOIN card_activity a ON a.card_id = c.id "
    "WHERE c.batch_id IN ({scope}) AND a.kind IN (?, ?, ?) "
    "AND (a.redemption_id IS NOT NULL OR a.order_id IS NOT NULL)) "
    "SELECT 'counter' AS channel, {county}, SUM(s.sign * l.amount_fen) AS amount_fen "
    "FROM s JOIN redemption_line l ON l.redemption_id = s.redemption_id WHERE 1 = 1{region} GROUP BY l.origin_code "
    "UNION ALL "
    "SELECT 'online' AS channel, {county}, SUM(s.sign * l.amount_fen) AS amount_fen "
    "FROM s JOIN order_line l ON l.order_id = s.order_id "
    "WHERE (s.sign = 1 OR NOT EXISTS (SELECT 1 FROM fulfilment f WHERE f.order_id = l.order_id "
    "AND f.supplier_id = l.supplier_id AND f.state <> 'refunded')){region} GROUP BY l.origin_code"
)
# The organization's batches as `_batches` read them (none created since: ids only grow), `AND id = ?` for one.
_SCOPE = "SELECT id FROM card_batch WHERE organization = ? AND id <= ?{one}"
# Grouped by the county code alone (a fifth cheaper than grouping by every name); the names come with it.
_COUNTY = ("l.origin_code, MAX(l.origin_province) AS origin_province, MAX(l.origin_city) AS origin_city, "
           "MAX(l.origin_county) AS origin_county, MAX(CASE WHEN l.poverty_county THEN 1 ELSE 0 END) AS poverty_county")


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
    closed_fen: int = 0
    adjusted_fen: int = 0
    by_county: list[dict[str, Any]] = field(default_factory=list)
    by_province: list[dict[str, Any]] = field(default_factory=list)
    region: RegionScope | None = None  # an official's report: only the spending traced to their region

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


def _scope(organization: str, batch_id: int | None, batches: list[CardBatch]) -> tuple[str, list[Any]]:
    """The subquery that finds `batches` again (read by `_batches` with the same arguments), and its values."""
    values: list[Any] = [organization.strip(), max(b.id for b in batches)]
    if batch_id is None:
        return _SCOPE.format(one=""), values
    return _SCOPE.format(one=" AND id = ?"), [*values, batch_id]


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


async def _figures(batches: list[CardBatch], scope: tuple[str, list[Any]]
                   ) -> tuple[dict[int, dict[str, int]], dict[str, int]]:
    """Per batch the batch report's figures (one scan of the cards, one of their ledger), and the ledger by kind.
    `scope`: the subquery that finds `batches`."""
    conn, (subquery, values) = sql.db(), scope
    cards = {r["batch_id"]: r for r in await sql.query(conn, _CARDS.format(scope=subquery),
                                                       [CardStatus.INACTIVE.value, *values])}
    ledger: dict[int, dict[str, int]] = {}
    for row in await sql.query(conn, _LEDGER.format(scope=subquery), values):
        ledger.setdefault(row["batch_id"], {})[row["kind"]] = int(row["amount_fen"])
    per_batch: dict[int, dict[str, int]] = {}
    by_kind: dict[str, int] = {}
    for b in batches:
        c, kinds = cards.get(b.id) or {}, ledger.get(b.id, {})
        per_batch[b.id] = {
            "issued": int(c.get("issued") or 0), "activated": int(c.get("activated") or 0),
            "claimed": int(c.get("claimed") or 0), "outstanding_fen": int(c.get("outstanding") or 0),
            "spent_fen": -sum(kinds.get(k.value, 0) for k in SPENDING),
        }
        for kind, amount in kinds.items():
            by_kind[kind] = by_kind.get(kind, 0) + amount
    return per_batch, by_kind


async def _traced(scope: tuple[str, list[Any]], region: RegionScope | None = None) -> list[dict[str, Any]]:
    """Spending by origin county and channel, from the line snapshots the ledger entries point at (of the
    counties in `region` only, when given)."""
    conn, (subquery, values) = sql.db(), scope
    in_region, region_args = region.sql("l.origin_code") if region is not None else ("", [])
    text = _TRACED.format(scope=subquery, county=_COUNTY, region=in_region)
    counties: dict[str, dict[str, Any]] = {}
    for row in await sql.query(conn, text, [*values, *(k.value for k in SPENDING), *region_args, *region_args]):
        county = counties.setdefault(row["origin_code"], {
            "origin_code": row["origin_code"], "province": row["origin_province"], "city": row["origin_city"],
            "county": row["origin_county"], "poverty_county": bool(row["poverty_county"]),
            "counter_fen": 0, "online_fen": 0, "amount_fen": 0})
        county[f"{row['channel']}_fen"] += int(row["amount_fen"])
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


async def organization_report(organization: str, batch_id: int | None = None,
                              region: RegionScope | None = None) -> OrganizationReport:
    """The organization's batches (or the one `batch_id` of them) and where their cards' money went.

    An official's report (`region`) holds the figures of their region only: where the cards' money went among its
    counties, and `spent_fen` their sum (net of voids and refunds); the batches and the organization's ledger,
    which belong to no region, are left empty."""
    batches = await _batches(organization, batch_id)
    scope = _scope(organization, batch_id, batches)
    if region is not None:
        report = OrganizationReport(batches[0].organization, [], region=region)
        report.by_county = await _traced(scope, region)
        report.by_province = _provinces(report.by_county)
        report.spent_fen = sum(c["amount_fen"] for c in report.by_county)
        return report
    per_batch, ledger = await _figures(batches, scope)
    report = OrganizationReport(batches[0].organization, [])
    for b in batches:
        figures = per_batch[b.id]
        report.batches.append({"id": b.id, "state": b.state.value, "face_value_fen": b.face_value_fen,
                               "count": b.count, "created_at": b.created_at, "activated_at": b.activated_at,
                               **figures})
        report.issued += figures["issued"]
        report.activated += figures["activated"]
        report.claimed += figures["claimed"]
        report.outstanding_fen += figures["outstanding_fen"]
    report.activated_fen = ledger.get(ActivityKind.ACTIVATE.value, 0)
    report.spent_fen = -sum(ledger.get(k.value, 0) for k in SPENDING)
    report.expired_fen = -ledger.get(ActivityKind.EXPIRE.value, 0)
    report.closed_fen = -ledger.get(ActivityKind.CLOSE.value, 0)
    report.adjusted_fen = ledger.get(ActivityKind.ADJUST.value, 0)
    report.by_county = await _traced(scope)
    report.by_province = _provinces(report.by_county)
    return report
