"""The poverty-alleviation account (消费扶贫台账): where every yuan of goods was bought, by one dimension.

Two channels of goods bought:

* `online`: goods orders (kind `goods`) that are paid, shipped or completed, whatever paid them
  (WeChat Pay or a love card), dated by their payment in Asia/Shanghai. A refunded order is left out
  altogether (refunds return the whole order), so the figures are net of refunds.
* `merchant`: love-card redemptions at counters, pavilions and zones, dated by their business day
  (Asia/Shanghai); a voided redemption is left out, so the figures are net of voids.

Card sales (orders of kind `card`) and 以购代捐 batch activations are money subscribed, not goods
bought yet: they appear only as `subscribed_fen` of the total, never in `amount_fen` (the goods they pay
for are counted when redeemed). Every figure comes from the line snapshots (`order_line`,
`redemption_line`), so editing or revoking a product or a supplier never changes history.

The aggregation runs in the database: `statistics` reads the daily rollup (models/services/stats_rollup.py,
brought up to date first), `direct_statistics` aggregates the snapshots themselves (the reference the rollup
is tested against). bench/stats_bench.py times both over a million order lines and a million redemptions.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from models.clock import today_shanghai
from models.errors import Invalid
from models.services import stats_fresh, stats_rollup
from models.services.stats_rollup import utc_bound
from models.storage import sql
from models.tables.orders import OrderKind, OrderStatus

BOUGHT = (OrderStatus.PAID.value, OrderStatus.SHIPPED.value, OrderStatus.COMPLETED.value)
ONLINE = "online"
MERCHANT = "merchant"
MAX_DAYS = 366 * 20  # a sanity bound on the range, not a business rule


class GroupBy(str, Enum):
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    SUPPLIER = "supplier"
    CATEGORY = "category"
    CHANNEL = "channel"
    MERCHANT = "merchant"
    DAY = "day"
    MONTH = "month"


@dataclass(frozen=True)
class StatsFilter:
    """`date_from` / `date_to` are Shanghai calendar dates, both inclusive; None leaves that side open."""

    group_by: GroupBy
    date_from: date | None = None
    date_to: date | None = None
    poverty_only: bool = False


@dataclass
class Figures:
    amount_fen: int = 0
    orders: int = 0
    quantity: int = 0
    suppliers: int = 0
    households: int = 0
    poverty_fen: int = 0

    @property
    def poverty_share(self) -> float:
        """The share of `amount_fen` bought from the 832 poverty counties: a ratio (not money), 0..1, 4 places."""
        return round(self.poverty_fen / self.amount_fen, 4) if self.amount_fen else 0.0


@dataclass
class StatsRow(Figures):
    key: str = ""
    code: str | None = None  # the stable id behind the key: region code, supplier id, merchant id


@dataclass
class StatsTotal(Figures):
    subscribed_fen: int = 0  # 认购额: card sales and activated 以购代捐 batches


@dataclass
class StatsResult:
    filter: StatsFilter
    rows: list[StatsRow] = field(default_factory=list)
    total: StatsTotal = field(default_factory=StatsTotal)
    # closed days whose figures come from a rollup not yet brought up to date (models/services/stats_fresh.py)
    stale_days: list[date] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- keys

@dataclass(frozen=True)
class _Key:
    """How one grouping reads its key from an order line (`l`, order `o`) and a redemption line (`l`, `r`, `m`)."""

    online: str
    merchant: str
    online_label: str | None = None  # shown key when it differs from the grouping value
    merchant_label: str | None = None
    coded: bool = False  # the grouping value is an id worth returning as `code`


_CITY = "CASE WHEN l.origin_city = '' THEN l.origin_province ELSE l.origin_city END"
_LINE_KEYS = {
    GroupBy.PROVINCE: _Key("l.origin_province", "l.origin_province"),
    GroupBy.CITY: _Key(_CITY, _CITY),
    GroupBy.COUNTY: _Key("l.origin_code", "l.origin_code", "l.origin_county", "l.origin_county", coded=True),
    GroupBy.SUPPLIER: _Key("l.supplier_id", "l.supplier_id", "l.supplier_name", "l.supplier_name", coded=True),
    GroupBy.CATEGORY: _Key("l.category", "l.category"),
    GroupBy.CHANNEL: _Key(f"'{ONLINE}'", f"'{MERCHANT}'"),
    GroupBy.MERCHANT: _Key("0", "r.merchant_id", f"'{ONLINE}'", "m.name", coded=True),
}


def _key(group: GroupBy | None, sqlite: bool) -> _Key:
    if group is None:  # the total: one group
        return _Key("0", "0")
    if group in _LINE_KEYS:
        return _LINE_KEYS[group]
    if sqlite:  # datetimes are ISO text in UTC, dates ISO text
        if group is GroupBy.DAY:
            return _Key("date(o.paid_at, '+8 hours')", "r.business_date")
        return _Key("strftime('%Y-%m', o.paid_at, '+8 hours')", "substr(r.business_date, 1, 7)")
    local = "(o.paid_at AT TIME ZONE 'Asia/Shanghai')"
    fmt = "YYYY-MM-DD" if group is GroupBy.DAY else "YYYY-MM"
    return _Key(f"to_char({local}, '{fmt}')", f"to_char(r.business_date, '{fmt}')")


# ---------------------------------------------------------------------------------------------- SQL

_FACTS = """
SELECT {k_on} AS k, {label_on} AS label, l.order_id AS doc, l.supplier_id AS sup, l.households_lifted AS hh,
       l.amount_fen AS amount, l.qty AS qty, CASE WHEN l.poverty_county THEN l.amount_fen ELSE 0 END AS pov
FROM order_line l JOIN "order" o ON o.id = l.order_id
WHERE o.kind = ? AND o.status IN (?, ?, ?){online_where}
UNION ALL
SELECT {k_me} AS k, {label_me} AS label, -l.redemption_id AS doc, l.supplier_id AS sup, l.households_lifted AS hh,
       l.amount_fen AS amount, l.qty AS qty, CASE WHEN l.poverty_county THEN l.amount_fen ELSE 0 END AS pov
FROM redemption_line l JOIN redemption r ON r.id = l.redemption_id{merchant_join}
WHERE r.status = ?{merchant_where}
"""

# Households count each supplier once per row: the largest number its snapshots in the row show.
_AGGREGATE = """
WITH facts AS ({facts}),
sums AS (
  SELECT k, MAX(label) AS label, SUM(amount) AS amount, SUM(qty) AS qty, SUM(pov) AS pov,
         COUNT(DISTINCT doc) AS docs
  FROM facts GROUP BY k
),
per_supplier AS (SELECT k, sup, MAX(hh) AS hh FROM facts GROUP BY k, sup),
supplier_sums AS (SELECT k, COUNT(*) AS suppliers, SUM(hh) AS hh FROM per_supplier GROUP BY k)
SELECT s.k AS k, s.label AS label, s.amount AS amount, s.qty AS qty, s.pov AS pov, s.docs AS docs,
       p.suppliers AS suppliers, p.hh AS hh
FROM sums s JOIN supplier_sums p ON p.k = s.k
"""


def _statement(f: StatsFilter, group: GroupBy | None, sqlite: bool) -> tuple[str, list[Any]]:
    key = _key(group, sqlite)
    online_where, merchant_where, online_args, merchant_args = "", "", [], []
    if f.date_from is not None:
        online_where += " AND o.paid_at >= ?"
        online_args.append(utc_bound(f.date_from))
        merchant_where += " AND r.business_date >= ?"
        merchant_args.append(f.date_from)
    if f.date_to is not None:
        online_where += " AND o.paid_at < ?"
        online_args.append(utc_bound(f.date_to + timedelta(days=1)))
        merchant_where += " AND r.business_date <= ?"
        merchant_args.append(f.date_to)
    if f.poverty_only:
        online_where += " AND l.poverty_county"
        merchant_where += " AND l.poverty_county"
    facts = _FACTS.format(
        k_on=key.online, label_on=key.online_label or key.online, online_where=online_where,
        k_me=key.merchant, label_me=key.merchant_label or key.merchant, merchant_where=merchant_where,
        merchant_join=" JOIN merchant m ON m.id = r.merchant_id" if group is GroupBy.MERCHANT else "",
    )
    if not sqlite:  # the two branches must agree on types: text labels everywhere
        facts = facts.replace(" AS label,", "::text AS label,")
    args = [OrderKind.GOODS.value, *BOUGHT, *online_args, "completed", *merchant_args]
    return _AGGREGATE.format(facts=facts), args


def _figures(row: dict[str, Any]) -> dict[str, int]:
    return {
        "amount_fen": int(row["amount"] or 0), "orders": int(row["docs"] or 0), "quantity": int(row["qty"] or 0),
        "suppliers": int(row["suppliers"] or 0), "households": int(row["hh"] or 0), "poverty_fen": int(row["pov"] or 0),
    }


_SUBSCRIBED_CARDS = 'SELECT COALESCE(SUM(total_fen), 0) AS fen FROM "order" WHERE kind = ? AND status IN (?, ?, ?){where}'
_SUBSCRIBED_BATCHES = (
    "SELECT COALESCE(SUM(face_value_fen * issued), 0) AS fen FROM card_batch WHERE activated_at IS NOT NULL{where}")


async def _subscribed(conn: BaseDBAsyncClient, f: StatsFilter) -> int:
    """认购额: love cards sold (paid card orders) plus 以购代捐 batches activated in the range."""
    bounds: list[Any] = []
    cards_where, batches_where = "", ""
    if f.date_from is not None:
        cards_where += " AND paid_at >= ?"
        batches_where += " AND activated_at >= ?"
        bounds.append(utc_bound(f.date_from))
    if f.date_to is not None:
        cards_where += " AND paid_at < ?"
        batches_where += " AND activated_at < ?"
        bounds.append(utc_bound(f.date_to + timedelta(days=1)))
    [cards] = await sql.query(conn, _SUBSCRIBED_CARDS.format(where=cards_where), [OrderKind.CARD.value, *BOUGHT, *bounds])
    [batches] = await sql.query(conn, _SUBSCRIBED_BATCHES.format(where=batches_where), bounds)
    return int(cards["fen"]) + int(batches["fen"])


def _check(f: StatsFilter) -> None:
    if f.date_from and f.date_to:
        if f.date_from > f.date_to:
            raise Invalid("invalid_date_range", "开始日期不能晚于结束日期", date_from=f.date_from.isoformat(),
                          date_to=f.date_to.isoformat())
        if (f.date_to - f.date_from).days > MAX_DAYS:
            raise Invalid("date_range_too_long", "日期范围过长", max_days=MAX_DAYS)


def _sort_key(group: GroupBy, row: StatsRow) -> tuple[Any, ...]:
    """Dates in calendar order, everything else biggest amount first."""
    if group in (GroupBy.DAY, GroupBy.MONTH):
        return (row.key,)
    return (-row.amount_fen, row.key)


async def direct_statistics(f: StatsFilter, conn: BaseDBAsyncClient | None = None) -> StatsResult:
    """The account for `f` straight from the line snapshots (no rollup): the reference the rollup is tested
    against, and the naive query of the benchmark."""
    _check(f)
    conn = conn or sql.db()
    sqlite = conn.capabilities.dialect == "sqlite"
    statement, args = _statement(f, f.group_by, sqlite)
    rows = await sql.query(conn, statement, args)
    result = StatsResult(filter=f)
    coded = _key(f.group_by, sqlite).coded
    for row in rows:
        code = str(row["k"]) if coded and str(row["k"]) != "0" else None  # merchant 0: the online channel
        result.rows.append(StatsRow(key=str(row["label"]), code=code, **_figures(row)))
    result.rows.sort(key=lambda r: _sort_key(f.group_by, r))
    statement, args = _statement(f, None, sqlite)
    total = await sql.query(conn, statement, args)
    result.total = StatsTotal(subscribed_fen=await _subscribed(conn, f), **(_figures(total[0]) if total else {}))
    return result


# ---------------------------------------------------------------------------------------------- from the rollup

@dataclass
class _Part:
    """A piece of SQL and its arguments, in order."""

    text: str
    args: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class _Src:
    """One rollup source of a statement: a table, its WHERE, the key and second expression read from it."""

    table: str
    where: _Part
    k: str
    other: str


@dataclass(frozen=True)
class _Span:
    """The closed days of a range (before today): the runs of whole months the month tables serve, and the runs
    of stale days aggregated live instead of read from the rollup (stats_fresh)."""

    f: StatsFilter
    today: date
    months: tuple[tuple[str, str], ...] = ()
    live: tuple[stats_fresh.Run, ...] = ()

    def days(self, dim: str, whole_months: bool = True) -> _Part:
        """Rows of `dim` in the day tables: the closed days of the range, less the months read whole and the
        days aggregated live."""
        where, args = "dim = ? AND scope = ? AND day < ?", [dim, self.scope, self.today.isoformat()]
        if self.f.date_from is not None:
            where += " AND day >= ?"
            args.append(self.f.date_from.isoformat())
        if self.f.date_to is not None:
            where += " AND day <= ?"
            args.append(self.f.date_to.isoformat())
        left_out = [(lo.isoformat(), hi.isoformat()) for lo, hi in self.live]
        if whole_months:
            left_out += [(stats_rollup.month_bounds(lo)[0], stats_rollup.month_bounds(hi)[1]) for lo, hi in self.months]
        for lo, hi in left_out:
            where += " AND (day < ? OR day > ?)"
            args += [lo, hi]
        return _Part(where, args)

    def month_rows(self, dim: str) -> _Part | None:
        if not self.months:
            return None
        runs = " OR ".join(["(month >= ? AND month <= ?)"] * len(self.months))
        return _Part(f"dim = ? AND scope = ? AND ({runs})", [dim, self.scope, *(m for run in self.months for m in run)])

    @property
    def scope(self) -> int:
        return 1 if self.f.poverty_only else 0

    def sources(self, dim: str, day_table: str, month_table: str, k: str, other: str,
                month_k: str | None = None) -> list[_Src]:
        found = [_Src(day_table, self.days(dim), k, other)]
        if (months := self.month_rows(dim)) is not None:
            found.append(_Src(month_table, months, month_k or k, other))
        return found


def _live(f: StatsFilter, sqlite: bool, span: _Span) -> _Part | None:
    """Line facts (stats_rollup's facts query) of today, when in the range, and of the stale days read live."""
    runs = list(span.live)
    if not ((f.date_from and f.date_from > span.today) or (f.date_to and f.date_to < span.today)):
        runs.append((span.today, span.today))
    if not runs:
        return None
    runs = stats_rollup.runs({lo + timedelta(days=i) for lo, hi in runs for i in range((hi - lo).days + 1)})
    facts = " UNION ALL ".join(f"SELECT * FROM ({stats_rollup.facts_sql(sqlite)}) r{i}" for i in range(len(runs)))
    where = " WHERE pov = 1" if f.poverty_only else ""
    return _Part(f"(SELECT * FROM ({facts}) f0{where})", [a for lo, hi in runs for a in stats_rollup.facts_args(lo, hi)])


def _grouped(k: str, select: str, source: str) -> str:
    """`select` grouped by `k` (as gk: no alias shadows a column); a constant key (the total) has no GROUP BY."""
    return f"SELECT {k} AS gk, {select} FROM {source}" + ("" if k.startswith("'") else f" GROUP BY {k}")


def _keys(sources: list[_Src], live: _Part | None, lived: tuple[str, str]) -> _Part:
    """(k, label, amount, qty, pov, docs) per key: closed days and months from the rollup, today live, added up."""
    lk, ll = lived
    parts = [_Part(_grouped(src.k, f"MAX({src.other}) AS gl, SUM(amount_fen) AS ga, SUM(qty) AS gq, "
                                   "SUM(poverty_fen) AS gp, SUM(docs) AS gd", f"{src.table} WHERE {src.where.text}"),
                   src.where.args) for src in sources]
    if live:
        parts.append(_Part(_grouped(lk, f"MAX({ll}) AS gl, SUM(amount) AS ga, SUM(qty) AS gq, "
                                        "SUM(CASE WHEN pov = 1 THEN amount ELSE 0 END) AS gp, "
                                        "COUNT(DISTINCT doc) AS gd", f"{live.text} f"), live.args))
    union = " UNION ALL ".join(p.text for p in parts)
    return _Part("SELECT gk AS k, MAX(gl) AS label, SUM(ga) AS amount, SUM(gq) AS qty, SUM(gp) AS pov, "
                 f"SUM(gd) AS docs FROM ({union}) u GROUP BY gk", [a for p in parts for a in p.args])


def _pairs(sources: list[_Src], live: _Part | None, lived: tuple[str, str]) -> _Part:
    """(k, suppliers, hh) per key: each supplier once per key, with the largest households it showed."""
    lk, ls = lived

    def by(k: str, sup: str) -> str:
        return sup if k.startswith("'") else f"{k}, {sup}"

    parts = [_Part(f"SELECT {src.k} AS gk, {src.other} AS gs, MAX(households) AS gh FROM {src.table} "
                   f"WHERE {src.where.text} GROUP BY {by(src.k, src.other)}", src.where.args) for src in sources]
    if live:
        parts.append(_Part(f"SELECT {lk} AS gk, {ls} AS gs, MAX(hh) AS gh FROM {live.text} f GROUP BY {by(lk, ls)}",
                           live.args))
    union = " UNION ALL ".join(p.text for p in parts)
    return _Part("SELECT gk AS k, COUNT(*) AS suppliers, SUM(gh) AS hh FROM (SELECT gk, gs, MAX(gh) AS gh "
                 f"FROM ({union}) u GROUP BY gk, gs) v GROUP BY gk", [a for p in parts for a in p.args])


def _joined(keys: _Part, pairs: _Part) -> _Part:
    return _Part("SELECT a.k AS k, a.label AS label, a.amount AS amount, a.qty AS qty, a.pov AS pov, "
                 "a.docs AS docs, p.suppliers AS suppliers, p.hh AS hh "
                 f"FROM ({keys.text}) a JOIN ({pairs.text}) p ON p.k = a.k", keys.args + pairs.args)


_SUPPLIER_TEXT = "CAST(sup AS TEXT)"


def _rollup_statement(f: StatsFilter, group: GroupBy | None, sqlite: bool, span: _Span) -> _Part:
    """One statement for the rows of `group` (None: the total): the rollup's closed days and months plus today live."""
    live = _live(f, sqlite, span)
    if group is None:
        keys = _keys(span.sources("channel", "stats_day", "stats_month", "'all'", "''"), live, ("'all'", "''"))
        pairs = _pairs(span.sources("supplier", "stats_day", "stats_month", "'all'", "k"), live, ("'all'", _SUPPLIER_TEXT))
        return _joined(keys, pairs)
    if group is GroupBy.DAY:
        closed = span.days("day", whole_months=False)
        rows = _Part("SELECT k, k AS label, amount_fen AS amount, qty, poverty_fen AS pov, docs, suppliers, "
                     f"households AS hh FROM stats_day WHERE {closed.text}", closed.args)
        if live:
            today_row = _joined(_keys([], live, ("day", "day")), _pairs([], live, ("day", _SUPPLIER_TEXT)))
            rows = _Part(f"{rows.text} UNION ALL {today_row.text}", rows.args + today_row.args)
        return rows
    if group is GroupBy.MONTH:
        month = "substr(k, 1, 7)"
        keys = _keys([_Src("stats_day", span.days("day", whole_months=False), month, month)], live,
                     ("substr(day, 1, 7)", "substr(day, 1, 7)"))
        pairs = _pairs(span.sources("supplier", "stats_day", "stats_month", "substr(day, 1, 7)", "k", month_k="month"),
                       live, ("substr(day, 1, 7)", _SUPPLIER_TEXT))
        return _joined(keys, pairs)
    if group is GroupBy.SUPPLIER:
        keys = _keys(span.sources("supplier", "stats_day", "stats_month", "k", "label"), live, (_SUPPLIER_TEXT, "supname"))
        pairs = _pairs(span.sources("supplier", "stats_day", "stats_month", "k", "k"), live, (_SUPPLIER_TEXT, _SUPPLIER_TEXT))
        return _joined(keys, pairs)
    k, label = stats_rollup.DIMS[group.value]
    keys = _keys(span.sources(group.value, "stats_day", "stats_month", "k", "label"), live, (k, label))
    pairs = _pairs(span.sources(group.value, "stats_day_supplier", "stats_month_supplier", "k", "supplier_id"),
                   live, (k, "sup"))
    return _joined(keys, pairs)


def _merchant_names(rows: _Part) -> _Part:
    """The merchant rows labelled with their merchants' names, joined: no list of ids (it would grow with the
    merchants, past the engines' parameter caps; models/storage/id_chunks.py). Merchant 0 is the online channel."""
    return _Part(f"SELECT g.k AS k, CASE WHEN g.k = '0' THEN '{ONLINE}' ELSE COALESCE(m.name, g.k) END AS label, "
                 "g.amount AS amount, g.qty AS qty, g.pov AS pov, g.docs AS docs, g.suppliers AS suppliers, g.hh AS hh "
                 f"FROM ({rows.text}) g LEFT JOIN merchant m ON m.id = CAST(g.k AS INTEGER)", rows.args)


async def _analytic(conn: BaseDBAsyncClient, statements: list[_Part]) -> list[list[dict[str, Any]]]:
    """Run the statements with plans made for their values. PostgreSQL switches a prepared statement to a generic
    plan after five runs, and for these (the grouping and the dates decide which index is worth it) a generic
    plan is 10-100 times slower; SQLite plans every statement anew anyway."""
    if conn.capabilities.dialect == "sqlite":
        return [await sql.query(conn, s.text, s.args) for s in statements]
    async with in_transaction() as tx:
        await tx.execute_script("SET LOCAL plan_cache_mode = force_custom_plan")
        return [await sql.query(tx, s.text, s.args) for s in statements]


async def statistics(f: StatsFilter, conn: BaseDBAsyncClient | None = None) -> StatsResult:
    """The account for `f`: one row per group plus the total (its own distinct orders and suppliers).

    Closed days come from the daily rollup as the background left it (never computed here); today, and the
    closed days the rollup does not have right yet when they are few, are aggregated live from their line
    snapshots in the same statement; more of those are named in `stale_days` (models/services/stats_fresh.py)."""
    _check(f)
    conn = conn or sql.db()
    sqlite = conn.capabilities.dialect == "sqlite"
    today = today_shanghai()
    fresh = await stats_fresh.freshness(conn, f.date_from, f.date_to, today)
    span = _Span(f, today, fresh.months, fresh.live)
    grouped = _rollup_statement(f, f.group_by, sqlite, span)
    if f.group_by is GroupBy.MERCHANT:
        grouped = _merchant_names(grouped)
    rows, total = await _analytic(conn, [grouped, _rollup_statement(f, None, sqlite, span)])
    result = StatsResult(filter=f, stale_days=list(fresh.stale))
    coded = f.group_by in (GroupBy.COUNTY, GroupBy.SUPPLIER, GroupBy.MERCHANT)
    for row in rows:
        if row["amount"] is None:  # a key with no sales (an empty aggregate)
            continue
        code = str(row["k"]) if coded and str(row["k"]) != "0" else None  # merchant 0: the online channel
        result.rows.append(StatsRow(key=str(row["label"]), code=code, **_figures(row)))
    result.rows.sort(key=lambda r: _sort_key(f.group_by, r))
    result.total = StatsTotal(subscribed_fen=await _subscribed(conn, f), **(_figures(total[0]) if total else {}))
    return result
