"""The 以购代捐 organization report: batches, cards and where the money went by county, agreeing with the card ledger."""
from __future__ import annotations

import pytest
from tortoise.transactions import in_transaction

from api.keys import DATABASE
from models.cards import ActivityKind, Card, CardActivity
from models.db import activated
from models.services import card_ledger
from models.users import Role
from tests.helpers import admin_headers, auth, consumer_headers, import_csv, staff_token
from tests.test_card_batches import URL as BATCHES
from tests.test_card_batches import create_and_issue
from tests.test_cards import pay_code, reconcile, redeem
from tests.test_orders import ADDRESS, order

REPORT = "/api/v1/admin/organizations/report"
ORG, OTHER = "广州某某集团", "乙单位"


async def batch_cards(client, admin, batch_id: int) -> list[dict]:
    body = await (await client.get(f"{BATCHES}/{batch_id}/cards", headers=admin)).json()
    return body["items"]


async def activated_batch(client, admin, **overrides) -> tuple[dict, list[dict]]:
    batch = await create_and_issue(client, admin, **overrides)
    resp = await client.post(f"{BATCHES}/{batch['id']}/activate", headers=admin)
    assert resp.status == 200, await resp.text()
    return batch, await batch_cards(client, admin, batch["id"])


async def claim(client, headers, card: dict) -> str:
    resp = await client.post("/api/v1/cards/claim", json={"code": card["qr"]}, headers=headers)
    assert resp.status == 200, await resp.text()
    return card["card_no"]


async def pay_by_card(client, headers, card_no: str, *items) -> str:
    no = (await order(client, headers, *items))["order_no"]
    resp = await client.post(f"/api/v1/orders/{no}/pay", json={"method": "card", "card_no": card_no}, headers=headers)
    assert resp.status == 200, await resp.text()
    return no


@pytest.fixture
async def spending(client, small_catalog):
    """Organization ORG: an active batch of five 200-yuan cards spent at a counter and online (with a void and a
    refund), and a second batch of three, issued but not paid for. OTHER: one card spent, which must not count."""
    admin = await admin_headers(client)
    await import_csv(client, small_catalog, admin)
    clerk = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk1", merchant_name="佛冈专柜"))
    bob, carol = await consumer_headers(client, "bob"), await consumer_headers(client, "carol")
    for h in (bob, carol):
        assert (await client.post("/api/v1/me/addresses", json=ADDRESS, headers=h)).status == 201
    first, cards = await activated_batch(client, admin, count=5, organization=ORG)
    second = await create_and_issue(client, admin, count=3, organization=ORG, face_value_fen=10000)
    other, others = await activated_batch(client, admin, count=2, organization=OTHER)

    # counter, bearer cards (printed QR): 2 eggs + Guizhou juice; honey, voided the same day
    await redeem(client, clerk, cards[0]["qr"], [("T-EGG-01", 2), ("T-CNJ-01", 1)], "org-counter-1")
    honey = await redeem(client, clerk, cards[1]["qr"], [("T-HONEY-01", 1)], "org-counter-2")
    resp = await client.post(f"/api/v1/merchant/redemptions/{honey['id']}/void", json={"reason": "退货"}, headers=clerk)
    assert resp.status == 200, await resp.text()
    # online, claimed cards: rice + kumquat paste kept; Zhaotong apples refunded
    await pay_by_card(client, bob, await claim(client, bob, cards[2]), ("T-RICE-01", 1), ("T-JJG-01", 1))
    refunded = await pay_by_card(client, bob, await claim(client, bob, cards[3]), ("T-APPLE-01", 1))
    resp = await client.post(f"/api/v1/admin/orders/{refunded}/refund", json={"reason": "缺货"}, headers=admin)
    assert resp.status == 200, await resp.text()
    # counter, a claimed card with its pay code: Jingning apples
    card5 = await claim(client, carol, cards[4])
    await redeem(client, clerk, await pay_code(client, carol, card5), [("T-APPLE-02", 1)], "org-counter-3")
    # the other organization's spending
    await redeem(client, clerk, others[0]["qr"], [("T-GEFEN-01", 1)], "other-counter-1")
    return {"admin": admin, "first": first, "second": second, "other": other, "cards": cards}


async def report(client, admin, status=200, **params) -> dict:
    resp = await client.get(REPORT, params={k: str(v) for k, v in params.items()}, headers=admin)
    body = await resp.json()
    assert resp.status == status, body
    return body


SPENT = 2 * 3990 + 9600 + 6800 + 3580 + 7900
BY_COUNTY = [
    ("441821", "广东省", "佛冈县", False, 7980, 6800, 14780),
    ("520281", "贵州省", "盘州市", True, 9600, 0, 9600),
    ("620826", "甘肃省", "静宁县", True, 7900, 0, 7900),
    ("450224", "广西壮族自治区", "融安县", True, 0, 3580, 3580),
]


async def ledger_of(client, organization: str) -> tuple[int, int]:
    """Straight from the ledger and the cards: (spent = −Σ redeem, void, refund; Σ balances)."""
    with activated(client.app[DATABASE]):
        amounts = await CardActivity.filter(card__batch__organization=organization,
                                            kind__in=["redeem", "void", "refund"]).values_list("amount_fen", flat=True)
        balances = await Card.filter(batch__organization=organization).values_list("balance_fen", flat=True)
    return -sum(amounts), sum(balances)


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
