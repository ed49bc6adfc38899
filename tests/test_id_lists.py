"""Queries never take an unbounded list of ids (issue 14, item 3; models/storage/id_chunks.py, docs/queries.md): the
chunk helper itself, each query that used to take such a list giving the same answers as before, and those queries
driven past the engine's cap on parameters per statement (PostgreSQL's 32,767; SQLite's upstream default 32,766,
to which the test lowers this build's 250,000: tests/support/parameter_caps.py)."""
from __future__ import annotations

import time
from datetime import date, timedelta

import pytest

from api.keys import DATABASE
from models.clock import now_utc, today_shanghai
from models.services import settlements, stats_rollup
from models.services.organization_report import organization_report
from models.services.stats import GroupBy, StatsFilter, direct_statistics, statistics
from models.storage import id_chunks, sql
from models.storage.database import activated
from models.tables.merchants import Merchant
from models.tables.users import Role
from tests.support.batches import activated_batch
from tests.support.cards import pay_code, redeem
from tests.support.http import auth, staff_token
from tests.support.org_report import ORG, OTHER, SPENT, ledger_of, report, spending  # noqa: F401 (fixture)
from tests.support.parameter_caps import engine_cap, refuses_past
from tests.support.settlements import ADMIN_URL, D, day_d, shop  # noqa: F401 (fixtures)
from tests.support.stats import MERCHANT, ONLINE, RICE, ledger  # noqa: F401 (fixture)

# ------------------------------------------------------------------------------------------- the helper

def test_chunks_cut_in_order_at_the_size():
    assert list(id_chunks.chunks([])) == []
    assert list(id_chunks.chunks(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(id_chunks.chunks(range(4), 2)) == [[0, 1], [2, 3]]
    assert list(id_chunks.chunks(iter("abc"), 5)) == [["a", "b", "c"]]  # any iterable, read once
    parts = list(id_chunks.chunks(range(1001)))
    assert [len(p) for p in parts] == [500, 500, 1]
    assert [x for p in parts for x in p] == list(range(1001))
    with pytest.raises(ValueError):
        list(id_chunks.chunks([1], 0))


async def test_fetch_in_chunks_runs_one_query_per_chunk_and_keeps_the_rows():
    asked: list[list[int]] = []

    async def fetch(part: list[int]) -> list[tuple[int, int]]:
        asked.append(part)
        return [(i, i * i) for i in reversed(part)]  # a query's own order, inside its chunk

    assert await id_chunks.fetch_in_chunks([], fetch) == []
    assert asked == []  # no query for no ids
    rows = await id_chunks.fetch_in_chunks([3, 1, 3, 2, 5, 1, 4], fetch, size=2)
    assert asked == [[3, 1], [2, 5], [4]]  # each id once (as one IN list would give it), first occurrence order
    assert rows == [(1, 1), (3, 9), (5, 25), (2, 4), (4, 16)]


async def test_the_default_size_is_read_when_called(monkeypatch):
    asked: list[list[int]] = []

    async def fetch(part: list[int]) -> list[int]:
        asked.append(part)
        return part

    monkeypatch.setattr(id_chunks, "CHUNK", 3)
    assert await id_chunks.fetch_in_chunks(range(7), fetch) == list(range(7))
    assert [len(p) for p in asked] == [3, 3, 1]


# ------------------------------------------------------------------------------------------- the same answers

async def test_settlements_of_a_day_are_the_same_in_chunks_of_one(client, day_d, monkeypatch):
    """Merchant names are read in chunks: with a chunk of one merchant, every merchant still has its name and
    its figures, in merchant order."""
    admin = day_d["admin"]
    whole = await (await client.get(ADMIN_URL, params={"date": D.isoformat()}, headers=admin)).json()
    monkeypatch.setattr(id_chunks, "CHUNK", 1)
    chunked = await (await client.get(ADMIN_URL, params={"date": D.isoformat()}, headers=admin)).json()
    assert chunked == whole
    assert [(i["merchant_id"], i["merchant_name"]) for i in chunked["items"]] == [
        (day_d["m1"], "佛冈专柜"), (day_d["m2"], "别家专馆")]


async def test_stats_by_merchant_name_every_merchant(client, ledger):
    """The merchant grouping labels its rows with a join (no list of ids): the same rows as aggregating the line
    snapshots directly, for a closed day read from the rollup and for today read live."""
    alice = ledger["alice"]
    other = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk2", merchant_name="别家专馆"))
    await redeem(client, other, await pay_code(client, alice, ledger["card_no"]), [(RICE, 1)], "ids-other")
    before = {"online": ONLINE, "佛冈专柜": MERCHANT}
    with activated(client.app[DATABASE]):
        yesterday = today_shanghai() - timedelta(days=1)
        conn = Merchant._meta.db
        await sql.execute(conn, "UPDATE redemption SET business_date = ? WHERE merchant_id = "
                                "(SELECT id FROM merchant WHERE name = ?)", [yesterday, "别家专馆"])
        await stats_rollup.rebuild()
        merchants = await Merchant.all().values_list("name", "id")
        for lo, hi in ((None, None), (yesterday, yesterday), (today_shanghai(), None)):
            f = StatsFilter(group_by=GroupBy.MERCHANT, date_from=lo, date_to=hi)
            got = await statistics(f)
            assert got == await direct_statistics(f), f
        everything = await statistics(StatsFilter(group_by=GroupBy.MERCHANT))
    ids = {str(i): name for name, i in merchants}
    assert {r.key: r.amount_fen for r in everything.rows} == {**before, "别家专馆": 6800}
    assert all(r.code is None if r.key == "online" else ids[r.code] == r.key for r in everything.rows)


async def test_organization_report_finds_its_batches_without_a_list(client, spending):
    """The report reads an organization's batches through a subquery: with a third batch spent, the whole report
    is the sum of its batches' own reports, agrees with the card ledger, and never counts the other organization."""
    s = spending
    third, cards = await activated_batch(client, s["admin"], count=2, organization=ORG)
    clerk = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk9", merchant_name="第三专柜"))
    await redeem(client, clerk, cards[0]["qr"], [("T-RICE-01", 2)], "ids-third")
    whole = await report(client, s["admin"], organization=f"  {ORG} ")
    ids = [s["first"]["id"], s["second"]["id"], third["id"]]
    assert [b["id"] for b in whole["batches"]] == ids
    parts = [await report(client, s["admin"], organization=ORG, batch_id=i) for i in ids]
    for key in ("issued", "activated", "claimed", "outstanding_fen", "activated_fen", "spent_fen", "untraced_fen"):
        assert whole[key] == sum(p[key] for p in parts), key
    counties: dict[str, int] = {}
    for p in parts:
        for c in p["by_county"]:
            counties[c["origin_code"]] = counties.get(c["origin_code"], 0) + c["amount_fen"]
    assert {c["origin_code"]: c["amount_fen"] for c in whole["by_county"]} == counties
    spent, balances = await ledger_of(client, ORG)
    assert (spent, balances) == (whole["spent_fen"], whole["outstanding_fen"])
    assert (await report(client, s["admin"], organization=OTHER))["spent_fen"] == 4500


# ------------------------------------------------------------------------------------------- past the cap

@pytest.fixture
def cap(db_engine: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """Requested before the app starts: PostgreSQL's cap, or SQLite's lowered to its upstream default (this build's
    250,000 cost minutes of rows for the same proof: tests/support/parameter_caps.py)."""
    return engine_cap(db_engine, monkeypatch)


_MERCHANTS = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
    "INSERT INTO merchant (name, kind, address, organization, active, created_at, key_version) "
    "SELECT 'bulk-' || i, 'counter', '', '', ?, ?, 1 FROM n"
)
_REDEMPTIONS = (  # one redemption like the template at every bulk merchant
    "INSERT INTO redemption (merchant_id, card_id, staff_id, amount_fen, status, idempotency_key, request_hash, "
    "business_date, created_at, voided_at) "
    "SELECT m.id, r.card_id, r.staff_id, r.amount_fen, r.status, r.idempotency_key, r.request_hash, r.business_date, "
    "r.created_at, r.voided_at FROM merchant m JOIN redemption r ON r.id = ? WHERE m.name LIKE 'bulk-%'"
)
_LINE_COLUMNS = ("product_id, sku, name, unit, category, price_fen, qty, amount_fen, supplier_id, supplier_name, "
                 "households_lifted, origin_code, origin_province, origin_city, origin_county, poverty_county")
_LINES = (  # and its lines
    f"INSERT INTO redemption_line (redemption_id, {_LINE_COLUMNS}) "
    f"SELECT r.id, {', '.join('l.' + c for c in _LINE_COLUMNS.split(', '))} "
    "FROM redemption r JOIN redemption_line l ON l.redemption_id = ? WHERE r.id > ?"
)


async def test_a_day_of_more_merchants_than_the_engine_takes_parameters(cap, client, shop):
    """More merchants active in one day than the engine takes parameters in one statement: the day's settlements
    and the statistics by merchant still answer, every merchant named. Before, both looked the names up with
    every id in one statement and failed (asyncpg: "the number of query arguments cannot exceed 32767"; SQLite:
    "too many SQL variables")."""
    bulk = cap  # plus the template's merchant: one more than the cap
    template = await redeem(client, shop["clerk1"], await pay_code(client, shop["alice"], shop["cards"][0]),
                            [("T-EGG-01", 1)], "ids-template")
    template_day = date.fromisoformat(template["business_date"])  # the copies' day, also across Shanghai midnight
    with activated(client.app[DATABASE]):
        conn = Merchant._meta.db
        assert await refuses_past(conn, cap)
        started = time.monotonic()
        await sql.execute(conn, _MERCHANTS, [bulk, True, now_utc()])
        await sql.execute(conn, _REDEMPTIONS, [template["id"]])
        await sql.execute(conn, _LINES, [template["id"], template["id"]])
        built = time.monotonic() - started
        day = await settlements.settlements_of_day(template_day)
        settled = time.monotonic() - started - built
        by_merchant = await statistics(StatsFilter(group_by=GroupBy.MERCHANT, date_from=template_day))
        counted = time.monotonic() - started - built - settled
    print(f"{bulk + 1} merchants: built {built:.1f} s, settlements {settled:.1f} s, stats {counted:.1f} s")
    assert len(day) == bulk + 1 > cap
    assert day[0].merchant_name == "佛冈专柜"
    assert day[0].redemption_fen == 3990
    assert {s.merchant_name for s in day[1:]} == {f"bulk-{i}" for i in range(1, bulk + 1)}
    assert sum(s.net_fen for s in day) == 3990 * (bulk + 1)
    assert len(by_merchant.rows) == bulk + 1
    assert by_merchant.total.amount_fen == 3990 * (bulk + 1)
    assert {r.key for r in by_merchant.rows} == {"佛冈专柜"} | {f"bulk-{i}" for i in range(1, bulk + 1)}


_BATCHES = (  # copies of a batch, for the same organization
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
    "INSERT INTO card_batch (organization, face_value_fen, count, issued, state, expires_at, note, created_by_id, "
    "created_at, activated_at, error, heartbeat_at, print_full_card_no) "
    "SELECT b.organization, b.face_value_fen, b.count, b.issued, b.state, b.expires_at, 'bulk-' || i, b.created_by_id, "
    "b.created_at, b.activated_at, b.error, b.heartbeat_at, b.print_full_card_no FROM n JOIN card_batch b ON b.id = ?"
)


async def test_an_organization_with_more_batches_than_the_engine_takes_parameters(cap, client, spending):
    """An organization with more batches than the engine takes parameters: its report still adds up (the empty
    batches change nothing). Before, every batch id was a parameter of the report's three queries."""
    bulk = cap
    with activated(client.app[DATABASE]):
        assert await refuses_past(Merchant._meta.db, cap)
        started = time.monotonic()
        await sql.execute(Merchant._meta.db, _BATCHES, [bulk, spending["second"]["id"]])
        built = time.monotonic() - started
        found = await organization_report(ORG)
        reported = time.monotonic() - started - built
    print(f"{bulk + 2} batches: built {built:.1f} s, report {reported:.1f} s")
    assert len(found.batches) == bulk + 2
    assert (found.issued, found.activated, found.claimed) == (8, 5, 3)
    assert (found.spent_fen, found.untraced_fen, found.outstanding_fen) == (SPENT, 0, 5 * 20000 - SPENT)
    assert sum(c["amount_fen"] for c in found.by_county) == SPENT
