"""A refund is all or nothing (task R, adversarial review): if giving the money back fails half-way, the order is
left as it was (paid, its parcels pending, its stock reserved, the card's balance untouched) and the refund can be
done again, instead of an order stuck in `refunding` that nobody can finish."""
from __future__ import annotations

import pytest

from api.keys import DATABASE
from models.services import card_ledger
from models.storage.database import activated
from models.tables.orders import OrderEvent
from tests.support.cards import balance, buy_cards, reconcile
from tests.support.http import admin_headers, consumer_headers, import_csv
from tests.support.orders import ADDRESS, order, stock_of
from tests.support.suppliers import EGGS, RICE, consumer_view, parcels, ship, supplier_staff


async def test_a_refund_that_fails_half_way_changes_nothing_and_can_be_done_again(
        client, small_catalog, settings, monkeypatch: pytest.MonkeyPatch) -> None:
    admin = await admin_headers(client)
    await import_csv(client, small_catalog, admin)
    alice = await consumer_headers(client, "alice")
    await client.post("/api/v1/me/addresses", json=ADDRESS, headers=alice)
    card_no = (await buy_cards(client, alice))[0]["card_no"]
    eggs_staff = await supplier_staff(client, admin, EGGS, "staff-eggs")
    no = (await order(client, alice, (EGGS, 1), (RICE, 2)))["order_no"]
    resp = await client.post(f"/api/v1/orders/{no}/pay", json={"method": "card", "card_no": card_no}, headers=alice)
    assert resp.status == 200, await resp.text()
    [part] = (await parcels(client, eggs_staff, "pending"))["items"]
    await ship(client, eggs_staff, part["id"], "SF-EGG")
    paid_balance, rice_stock = await balance(client, alice, card_no), await stock_of(client, RICE)

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the card ledger failed")

    monkeypatch.setattr(card_ledger, "refund_to_card", broken)
    resp = await client.post(f"/api/v1/admin/orders/{no}/refund", json={"reason": "缺货"}, headers=admin)
    assert resp.status == 500
    view = await consumer_view(client, alice, no)
    assert view["status"] == "paid"  # not stuck in refunding
    assert {f["state"] for f in view["fulfilments"]} == {"shipped", "pending"}
    assert (await balance(client, alice, card_no), await stock_of(client, RICE)) == (paid_balance, rice_stock)
    with activated(client.app[DATABASE]):
        events = await OrderEvent.filter(order__order_no=no).values_list("to_status", flat=True)
    assert "refunding" not in events

    monkeypatch.undo()
    resp = await client.post(f"/api/v1/admin/orders/{no}/refund", json={"reason": "缺货"}, headers=admin)
    body = await resp.json()
    assert resp.status == 200, body
    assert (body["status"], body["refunded_fen"]) == ("refunded", 2 * 6800)
    assert await balance(client, alice, card_no) == paid_balance + 2 * 6800
    assert await stock_of(client, RICE) == rice_stock + 2
    done = reconcile(settings)
    assert done.returncode == 0, done.stdout + done.stderr
