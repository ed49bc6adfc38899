"""An organization's spending (the `spending` fixture: two organizations' batches spent at a counter and online)
and the organization report."""
from __future__ import annotations

import pytest

from api.keys import DATABASE
from models.storage.database import activated
from models.tables.cards import Card, CardActivity
from models.tables.users import Role
from tests.support.batches import activated_batch, create_and_issue
from tests.support.cards import pay_code, redeem
from tests.support.http import admin_headers, auth, consumer_headers, import_csv, staff_token
from tests.support.orders import ADDRESS, order

REPORT = "/api/v1/admin/organizations/report"
ORG, OTHER = "广州某某集团", "乙单位"


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


async def ledger_of(client, organization: str) -> tuple[int, int]:
    """Straight from the ledger and the cards: (spent = −Σ redeem, void, refund; Σ balances)."""
    with activated(client.app[DATABASE]):
        amounts = await CardActivity.filter(card__batch__organization=organization,
                                            kind__in=["redeem", "void", "refund"]).values_list("amount_fen", flat=True)
        balances = await Card.filter(batch__organization=organization).values_list("balance_fen", flat=True)
    return -sum(amounts), sum(balances)
