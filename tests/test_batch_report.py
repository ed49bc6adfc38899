"""The 以购代捐 organization report: batches, cards and where the money went by county, agreeing with the card
ledger."""
from __future__ import annotations

from tortoise.transactions import in_transaction

from api.keys import DATABASE
from models.services import card_ledger
from models.storage.database import activated
from models.tables.cards import ActivityKind, Card
from tests.support.batches import BATCHES
from tests.support.cards import reconcile
from tests.support.http import consumer_headers
from tests.support.org_report import ORG, OTHER, REPORT, SPENT, ledger_of, report, spending  # noqa: F401 (fixtures)

BY_COUNTY = [
    ("441821", "广东省", "佛冈县", False, 7980, 6800, 14780),
    ("520281", "贵州省", "盘州市", True, 9600, 0, 9600),
    ("620826", "甘肃省", "静宁县", True, 7900, 0, 7900),
    ("450224", "广西壮族自治区", "融安县", True, 0, 3580, 3580),
]


async def test_where_the_money_went(client, spending, settings):
    s = spending
    body = await report(client, s["admin"], organization=ORG)
    assert body["organization"] == ORG
    assert (body["issued"], body["activated"], body["claimed"]) == (8, 5, 3)
    assert (body["activated_fen"], body["spent_fen"], body["expired_fen"]) == (5 * 20000, SPENT, 0)
    assert body["outstanding_fen"] == 5 * 20000 - SPENT
    assert body["untraced_fen"] == 0
    assert [(c["origin_code"], c["province"], c["county"], c["poverty_county"], c["counter_fen"], c["online_fen"],
             c["amount_fen"]) for c in body["by_county"]] == BY_COUNTY
    assert [(p["province"], p["amount_fen"], p["poverty_county_fen"]) for p in body["by_province"]] == [
        ("广东省", 14780, 0), ("贵州省", 9600, 9600), ("甘肃省", 7900, 7900), ("广西壮族自治区", 3580, 3580)]
    # the batches, each with the batch report's figures
    assert [(b["id"], b["state"], b["issued"], b["activated"], b["claimed"], b["spent_fen"], b["outstanding_fen"])
            for b in body["batches"]] == [(s["first"]["id"], "active", 5, 5, 3, SPENT, 5 * 20000 - SPENT),
                                          (s["second"]["id"], "issued", 3, 0, 0, 0, 0)]
    for b in body["batches"]:  # the same figures as each batch's own report
        own = (await (await client.get(f"{BATCHES}/{b['id']}", headers=s["admin"])).json())["report"]
        assert own == {k: b[k] for k in own}
    # to the fen with the card ledger and the balances
    spent, balances = await ledger_of(client, ORG)
    assert spent == body["spent_fen"] == sum(c["amount_fen"] for c in body["by_county"])
    assert balances == body["outstanding_fen"] == body["activated_fen"] - body["spent_fen"] - body["expired_fen"]
    assert reconcile(settings).returncode == 0

    other = await report(client, s["admin"], organization=OTHER)
    assert (other["spent_fen"], [c["county"] for c in other["by_county"]]) == (4500, ["佛冈县"])
    assert (await ledger_of(client, OTHER))[0] == 4500


async def test_one_batch_and_untraced_spending(client, spending):
    s = spending
    only = await report(client, s["admin"], organization=ORG, batch_id=s["second"]["id"])
    assert [b["id"] for b in only["batches"]] == [s["second"]["id"]]
    assert (only["issued"], only["activated"], only["spent_fen"], only["by_county"]) == (3, 0, 0, [])
    first = await report(client, s["admin"], organization=ORG, batch_id=s["first"]["id"])
    assert first["spent_fen"] == SPENT
    assert len(first["by_county"]) == 4

    with activated(client.app[DATABASE]):  # a ledger debit tied to no redemption or order (a manual correction)
        card = await Card.get(card_no=s["cards"][1]["card_no"])
        async with in_transaction() as conn:
            balance = await card_ledger.debit(conn, card, 700)
            await card_ledger.append(conn, card.id, ActivityKind.REDEEM, -700, balance, note="人工调整")
    body = await report(client, s["admin"], organization=ORG)
    assert (body["spent_fen"], body["untraced_fen"]) == (SPENT + 700, 700)
    assert sum(c["amount_fen"] for c in body["by_county"]) + body["untraced_fen"] == (await ledger_of(client, ORG))[0]


async def test_organizations_and_errors(client, spending):
    s = spending
    listed = await (await client.get("/api/v1/admin/organizations", headers=s["admin"])).json()
    assert [(o["organization"], o["batches"], o["cards"]) for o in listed["items"]] == [
        (OTHER, 1, 2), (ORG, 2, 8)]  # by name, in code-point order (乙 U+4E59 before 广 U+5E7F)
    missing = await report(client, s["admin"], 404, organization="没有的单位")
    assert missing["error"]["code"] == "organization_not_found"
    wrong = await report(client, s["admin"], 404, organization=ORG, batch_id=s["other"]["id"])
    assert wrong["error"]["code"] == "batch_not_found"
    assert (await report(client, s["admin"], 422))["error"]["code"] == "validation_error"
    consumer = await consumer_headers(client, "dave")
    assert (await client.get(REPORT, params={"organization": ORG}, headers=consumer)).status == 403


async def test_closed_and_adjusted_cards_keep_the_report_whole(client, spending, settings):
    """An administrator's corrections and closes are figures of their own: the report still adds up to the fen."""
    s, cards = spending, spending["cards"]
    resp = await client.post(f"/api/v1/admin/cards/{cards[2]['card_no']}/adjust", headers=s["admin"],
                             json={"amount_fen": 500, "reason": "补偿", "idempotency_key": "org-adjust-1"})
    assert resp.status == 200, await resp.text()
    resp = await client.post(f"/api/v1/admin/cards/{cards[0]['card_no']}/close", headers=s["admin"],
                             json={"reason": "挂失注销"})
    assert resp.status == 200, await resp.text()
    body = await report(client, s["admin"], organization=ORG)
    closed_balance = 20000 - (2 * 3990 + 9600)
    assert (body["adjusted_fen"], body["closed_fen"], body["spent_fen"]) == (500, closed_balance, SPENT)
    _, balances = await ledger_of(client, ORG)
    assert balances == body["outstanding_fen"] == (body["activated_fen"] + body["adjusted_fen"] - body["spent_fen"]
                                                   - body["expired_fen"] - body["closed_fen"])
    assert reconcile(settings).returncode == 0
