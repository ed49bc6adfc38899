"""Money given back (a same-day void, a refund) to a closed or expired love card passes through its ledger and
leaves again at once through a second `close` / `expire` entry: such a card never holds money it cannot spend.
A frozen card keeps what comes back."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from api.keys import DATABASE
from models.services import cards
from models.storage.database import activated
from models.tables.cards import Card, CardActivity
from models.tables.users import Role
from tests.support.batches import BATCHES, FACE, activated_batch
from tests.support.cards import (  # noqa: F401 (fixtures)
    admin,
    balance,
    close,
    counter,
    ledger,
    pay_code,
    reconcile,
    redeem,
)
from tests.support.http import admin_headers, auth, import_csv, staff_token
from tests.support.orders import ADDRESS, order
from tests.support.org_report import REPORT

EGGS = 3990


async def void(client, clerk: dict, redemption_id: int, reason: str = "顾客退货") -> dict:
    resp = await client.post(f"/api/v1/merchant/redemptions/{redemption_id}/void", json={"reason": reason},
                             headers=clerk)
    body = await resp.json()
    assert resp.status == 200, body
    return body


async def notes(client, card_no: str) -> list[tuple[str, str]]:
    """(kind, note) of the card's ledger, oldest first."""
    with activated(client.app[DATABASE]):
        rows = await CardActivity.filter(card__card_no=card_no).order_by("id").values_list("kind", "note")
    return [(kind.value if hasattr(kind, "value") else kind, note) for kind, note in rows]


async def test_a_void_after_the_card_was_closed_leaves_again_through_close(client, counter, admin, settings):
    clerk, alice, card_no = counter
    eggs = await redeem(client, clerk, await pay_code(client, alice, card_no), [("T-EGG-01", 1)], "dead-void-1")
    closed = await close(client, admin, card_no, reason="持卡人申请注销")
    assert (closed["status"], closed["balance_fen"]) == ("closed", 0)

    voided = await void(client, clerk, eggs["id"])
    assert voided["status"] == "voided"
    assert await ledger(client, alice, card_no) == [
        ("activate", 20000, 20000), ("redeem", -EGGS, 20000 - EGGS), ("close", -(20000 - EGGS), 0),
        ("void", EGGS, EGGS), ("close", -EGGS, 0)]
    assert (await notes(client, card_no))[-2:] == [("void", "顾客退货"), ("close", "撤销核销退回已注销卡，随即转出")]
    mine = (await (await client.get("/api/v1/cards", headers=alice)).json())["items"]
    assert [(c["card_no"], c["status"], c["balance_fen"]) for c in mine] == [(card_no, "closed", 0)]

    # for the merchant it is a void like any other: the day nets to nothing
    day = await (await client.get("/api/v1/merchant/settlements", headers=clerk)).json()
    assert (day["redemption_count"], day["void_count"], day["void_fen"], day["net_fen"]) == (1, 1, EGGS, 0)
    again = await client.post(f"/api/v1/merchant/redemptions/{eggs['id']}/void", json={}, headers=clerk)
    assert again.status == 409
    assert (await again.json())["error"]["code"] == "already_voided"
    assert len(await ledger(client, alice, card_no)) == 5
    assert reconcile(settings).returncode == 0


async def test_a_void_after_the_expiry_sweep_leaves_again_through_expire(client, small_catalog, settings):
    admin_h = await admin_headers(client)
    await import_csv(client, small_catalog, admin_h)
    clerk = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk1", merchant_name="佛冈专柜"))
    batch, issued = await activated_batch(client, admin_h, count=2, organization="某某单位")
    card_no = issued[0]["card_no"]
    eggs = await redeem(client, clerk, issued[0]["qr"], [("T-EGG-01", 1)], "dead-void-2")

    with activated(client.app[DATABASE]):  # the real sweep, on a day after the cards' last valid day
        assert await cards.expire_due(today=date.fromisoformat(batch["expires_at"]) + timedelta(days=1)) == 2
    voided = await void(client, clerk, eggs["id"], reason="")
    assert voided["status"] == "voided"

    with activated(client.app[DATABASE]):
        card = await Card.get(card_no=card_no)
        rows = await CardActivity.filter(card_id=card.id).order_by("id").values_list(
            "kind", "amount_fen", "balance_after_fen", "redemption_id")
    assert (card.status.value, card.balance_fen) == ("expired", 0)
    assert [(k.value, a, b, r) for k, a, b, r in rows] == [
        ("activate", FACE, FACE, None), ("redeem", -EGGS, FACE - EGGS, eggs["id"]),
        ("expire", -(FACE - EGGS), 0, None), ("void", EGGS, EGGS, eggs["id"]), ("expire", -EGGS, 0, eggs["id"])]
    assert (await notes(client, card_no))[-1] == ("expire", "撤销核销退回已过期卡，随即转出")

    # the organization's report counts it as expired, like the rest of the balance: nothing was spent
    body = await (await client.get(REPORT, params={"organization": "某某单位"}, headers=admin_h)).json()
    assert (body["activated_fen"], body["spent_fen"], body["expired_fen"], body["outstanding_fen"]) == (
        2 * FACE, 0, 2 * FACE, 0)
    assert (body["by_county"], body["untraced_fen"]) == ([], 0)
    own = (await (await client.get(f"{BATCHES}/{batch['id']}", headers=admin_h)).json())["report"]
    assert (own["spent_fen"], own["outstanding_fen"]) == (0, 0)
    assert reconcile(settings).returncode == 0


async def test_a_refund_of_a_card_paid_order_onto_a_closed_card(client, counter, admin, settings):
    _, alice, card_no = counter
    assert (await client.post("/api/v1/me/addresses", json=ADDRESS, headers=alice)).status == 201
    no = (await order(client, alice, ("T-RICE-01", 2)))["order_no"]
    resp = await client.post(f"/api/v1/orders/{no}/pay", json={"method": "card", "card_no": card_no}, headers=alice)
    assert resp.status == 200, await resp.text()
    await close(client, admin, card_no, reason="卡片遗失")

    resp = await client.post(f"/api/v1/admin/orders/{no}/refund", json={"reason": "缺货"}, headers=admin)
    assert resp.status == 200, await resp.text()
    assert (await resp.json())["status"] == "refunded", await resp.text()
    assert await ledger(client, alice, card_no) == [
        ("activate", 20000, 20000), ("redeem", -13600, 6400), ("close", -6400, 0),
        ("refund", 13600, 13600), ("close", -13600, 0)]
    detail = await (await client.get(f"/api/v1/cards/{card_no}", headers=alice)).json()
    paid_by = detail["ledger"][3]["order_id"]  # newest first: the redeem row
    assert paid_by is not None
    assert [a["order_id"] for a in detail["ledger"][:2]] == [paid_by, paid_by]
    assert (detail["status"], detail["balance_fen"]) == ("closed", 0)
    assert (await notes(client, card_no))[-1] == ("close", "订单退款退回已注销卡，随即转出")
    assert reconcile(settings).returncode == 0


@pytest.mark.parametrize("who", ["holder", "admin"])
async def test_a_frozen_card_keeps_what_comes_back(client, counter, admin, settings, who):
    clerk, alice, card_no = counter
    eggs = await redeem(client, clerk, await pay_code(client, alice, card_no), [("T-EGG-01", 1)], "frozen-void-1")
    freeze_url = f"/api/v1/admin/cards/{card_no}/freeze" if who == "admin" else f"/api/v1/cards/{card_no}/freeze"
    resp = await client.post(freeze_url, json={"reason": "丢失"}, headers=admin if who == "admin" else alice)
    assert resp.status == 200, await resp.text()

    await void(client, clerk, eggs["id"])
    assert await ledger(client, alice, card_no) == [
        ("activate", 20000, 20000), ("redeem", -EGGS, 20000 - EGGS), ("freeze", 0, 20000 - EGGS),
        ("void", EGGS, 20000)]
    assert await balance(client, alice, card_no) == 20000
    assert (await client.post(f"/api/v1/cards/{card_no}/unfreeze", json={}, headers=alice)).status == 200
    await redeem(client, clerk, await pay_code(client, alice, card_no), [("T-EGG-01", 1)], "frozen-void-2")
    assert await balance(client, alice, card_no) == 20000 - EGGS
    assert reconcile(settings).returncode == 0
