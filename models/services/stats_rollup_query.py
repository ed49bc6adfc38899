"""The account's statements over the daily rollup: closed days and whole months read from the rollup tables
(`stats_day`, `stats_day_supplier`, `stats_month`, `stats_month_supplier`), today and the stale days the request
aggregates itself (models/services/stats_fresh.py) read live from the line snapshots, in one statement.

`statistics` (models/services/stats.py) runs them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from models.services import stats_fresh, stats_rollup
from models.services.stats_types import ONLINE, GroupBy, StatsFilter


@dataclass
class Part:
    """A piece of SQL and its arguments, in order."""

    text: str
    args: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class _Src:
    """One rollup source of a statement: a table, its WHERE, the key and second expression read from it."""

    table: str
    where: Part
    k: str
    other: str


@dataclass(frozen=True)
class Span:
    """The closed days of a range (before today): the runs of whole months the month tables serve, and the runs
    of stale days aggregated live instead of read from the rollup (stats_fresh)."""

    f: StatsFilter
    today: date
    months: tuple[tuple[str, str], ...] = ()
    live: tuple[stats_fresh.Run, ...] = ()

    def days(self, dim: str, whole_months: bool = True) -> Part:
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
        return Part(where, args)

    def month_rows(self, dim: str) -> Part | None:
        if not self.months:
            return None
        runs = " OR ".join(["(month >= ? AND month <= ?)"] * len(self.months))
        return Part(f"dim = ? AND scope = ? AND ({runs})", [dim, self.scope, *(m for run in self.months for m in run)])

    @property
    def scope(self) -> int:
        return 1 if self.f.poverty_only else 0

    def sources(self, dim: str, day_table: str, month_table: str, k: str, other: str,
                month_k: str | None = None) -> list[_Src]:
        found = [_Src(day_table, self.days(dim), k, other)]
        if (months := self.month_rows(dim)) is not None:
            found.append(_Src(month_table, months, month_k or k, other))
        return found


def _live(f: StatsFilter, sqlite: bool, span: Span) -> Part | None:
    """Line facts (stats_rollup's facts query) of today, when in the range, and of the stale days read live."""
    runs = list(span.live)
    if not ((f.date_from and f.date_from > span.today) or (f.date_to and f.date_to < span.today)):
        runs.append((span.today, span.today))
    if not runs:
        return None
    runs = stats_rollup.runs({lo + timedelta(days=i) for lo, hi in runs for i in range((hi - lo).days + 1)})
    facts = " UNION ALL ".join(f"SELECT * FROM ({stats_rollup.facts_sql(sqlite)}) r{i}" for i in range(len(runs)))
    where = " WHERE pov = 1" if f.poverty_only else ""
    return Part(f"(SELECT * FROM ({facts}) f0{where})", [a for lo, hi in runs for a in stats_rollup.facts_args(lo, hi)])


def _grouped(k: str, select: str, source: str) -> str:
    """`select` grouped by `k` (as gk: no alias shadows a column); a constant key (the total) has no GROUP BY."""
    return f"SELECT {k} AS gk, {select} FROM {source}" + ("" if k.startswith("'") else f" GROUP BY {k}")


def _keys(sources: list[_Src], live: Part | None, lived: tuple[str, str]) -> Part:
    """(k, label, amount, qty, pov, docs) per key: closed days and months from the rollup, today live, added up."""
    lk, ll = lived
    parts = [Part(_grouped(src.k, f"MAX({src.other}) AS gl, SUM(amount_fen) AS ga, SUM(qty) AS gq, "
                                   "SUM(poverty_fen) AS gp, SUM(docs) AS gd", f"{src.table} WHERE {src.where.text}"),
                   src.where.args) for src in sources]
    if live:
        parts.append(Part(_grouped(lk, f"MAX({ll}) AS gl, SUM(amount) AS ga, SUM(qty) AS gq, "
                                        "SUM(CASE WHEN pov = 1 THEN amount ELSE 0 END) AS gp, "
                                        "COUNT(DISTINCT doc) AS gd", f"{live.text} f"), live.args))
    union = " UNION ALL ".join(p.text for p in parts)
    return Part("SELECT gk AS k, MAX(gl) AS label, SUM(ga) AS amount, SUM(gq) AS qty, SUM(gp) AS pov, "
                 f"SUM(gd) AS docs FROM ({union}) u GROUP BY gk", [a for p in parts for a in p.args])


def _pairs(sources: list[_Src], live: Part | None, lived: tuple[str, str]) -> Part:
    """(k, suppliers, hh) per key: each supplier once per key, with the largest households it showed."""
    lk, ls = lived

    def by(k: str, sup: str) -> str:
        return sup if k.startswith("'") else f"{k}, {sup}"

    parts = [Part(f"SELECT {src.k} AS gk, {src.other} AS gs, MAX(households) AS gh FROM {src.table} "
                   f"WHERE {src.where.text} GROUP BY {by(src.k, src.other)}", src.where.args) for src in sources]
    if live:
        parts.append(Part(f"SELECT {lk} AS gk, {ls} AS gs, MAX(hh) AS gh FROM {live.text} f GROUP BY {by(lk, ls)}",
                           live.args))
    union = " UNION ALL ".join(p.text for p in parts)
    return Part("SELECT gk AS k, COUNT(*) AS suppliers, SUM(gh) AS hh FROM (SELECT gk, gs, MAX(gh) AS gh "
                 f"FROM ({union}) u GROUP BY gk, gs) v GROUP BY gk", [a for p in parts for a in p.args])


def _joined(keys: Part, pairs: Part) -> Part:
    return Part("SELECT a.k AS k, a.label AS label, a.amount AS amount, a.qty AS qty, a.pov AS pov, "
                 "a.docs AS docs, p.suppliers AS suppliers, p.hh AS hh "
                 f"FROM ({keys.text}) a JOIN ({pairs.text}) p ON p.k = a.k", keys.args + pairs.args)


_SUPPLIER_TEXT = "CAST(sup AS TEXT)"


def rollup_statement(f: StatsFilter, group: GroupBy | None, sqlite: bool, span: Span) -> Part:
    """One statement for the rows of `group` (None: the total): the rollup's closed days and months plus today live."""
    live = _live(f, sqlite, span)
    if group is None:
        keys = _keys(span.sources("channel", "stats_day", "stats_month", "'all'", "''"), live, ("'all'", "''"))
        pairs = _pairs(span.sources("supplier", "stats_day", "stats_month", "'all'", "k"), live,
                       ("'all'", _SUPPLIER_TEXT))
        return _joined(keys, pairs)
    if group is GroupBy.DAY:
        closed = span.days("day", whole_months=False)
        rows = Part("SELECT k, k AS label, amount_fen AS amount, qty, poverty_fen AS pov, docs, suppliers, "
                     f"households AS hh FROM stats_day WHERE {closed.text}", closed.args)
        if live:
            today_row = _joined(_keys([], live, ("day", "day")), _pairs([], live, ("day", _SUPPLIER_TEXT)))
            rows = Part(f"{rows.text} UNION ALL {today_row.text}", rows.args + today_row.args)
        return rows
    if group is GroupBy.MONTH:
        month = "substr(k, 1, 7)"
        keys = _keys([_Src("stats_day", span.days("day", whole_months=False), month, month)], live,
                     ("substr(day, 1, 7)", "substr(day, 1, 7)"))
        pairs = _pairs(span.sources("supplier", "stats_day", "stats_month", "substr(day, 1, 7)", "k", month_k="month"),
                       live, ("substr(day, 1, 7)", _SUPPLIER_TEXT))
        return _joined(keys, pairs)
    if group is GroupBy.SUPPLIER:
        keys = _keys(span.sources("supplier", "stats_day", "stats_month", "k", "label"), live,
                     (_SUPPLIER_TEXT, "supname"))
        pairs = _pairs(span.sources("supplier", "stats_day", "stats_month", "k", "k"), live,
                       (_SUPPLIER_TEXT, _SUPPLIER_TEXT))
        return _joined(keys, pairs)
    k, label = stats_rollup.DIMS[group.value]
    keys = _keys(span.sources(group.value, "stats_day", "stats_month", "k", "label"), live, (k, label))
    pairs = _pairs(span.sources(group.value, "stats_day_supplier", "stats_month_supplier", "k", "supplier_id"),
                   live, (k, "sup"))
    return _joined(keys, pairs)


def merchant_names(rows: Part) -> Part:
    """The merchant rows labelled with their merchants' names, joined: no list of ids (it would grow with the
    merchants, past the engines' parameter caps; models/storage/id_chunks.py). Merchant 0 is the online channel."""
    return Part(f"SELECT g.k AS k, CASE WHEN g.k = '0' THEN '{ONLINE}' ELSE COALESCE(m.name, g.k) END AS label, "
                 "g.amount AS amount, g.qty AS qty, g.pov AS pov, g.docs AS docs, g.suppliers AS suppliers, g.hh AS hh "
                 f"FROM ({rows.text}) g LEFT JOIN merchant m ON m.id = CAST(g.k AS INTEGER)", rows.args)
