"""Pay codes are bound to the holder they were issued to, and giving, claiming, freezing, unfreezing and closing a
card void every code it had out (security test, issue 14, item 1); a card pays no order past its pay deadline
(issue 14, minor), like WeChat Pay."""
from __future__ import annotations

from datetime import timedelta

import pytest
from tortoise.transactions import in_transaction

from api.keys import CARD_CODES, DATABASE
from models.clock import now_utc
from models.errors import Conflict
from models.services import card_ledger
from models.storage.database import activated
from models.tables.cards import Card
from models.tables.orders import Order
from tests.support.cards import balance, buy_cards, counter, pay_code, reconcile, redeem  # noqa: F401 (fixtures)
from tests.support.http import auth, consumer_headers, staff_token
from tests.support.orders import ADDRESS, order

HONEY = ("T-HONEY-01", 2)  # 2 × 5,850 = 11,700 fen


async def give(client, holder, card_no) -> str:
    resp = await client.post(f"/api/v1/cards/{card_no}/give", headers=holder)
    assert resp.status == 200, await resp.text()
    return (await resp.json())["claim_code"]


async def claim(client, who, claim_code) -> None:
    resp = await client.post("/api/v1/cards/claim", json={"code": claim_code}, headers=who)
    assert resp.status == 200, await resp.text()


async def user_id(client, who) -> int:
    return (await (await client.get("/api/v1/me", headers=who)).json())["id"]


async def admin(client) -> dict[str, str]:
    return auth(await staff_token(client, username="admin2"))


async def preview(client, clerk, code):
    return await client.post("/api/v1/merchant/redemptions/preview", json={"code": code}, headers=clerk)


async def test_a_previous_holders_pay_codes_do_not_spend_the_card(client, counter, settings):
    """The reported scenario: U3 claims C and opens four pay codes, gives C away, U4 claims it; the four old codes
    are refused (they spent U4's money before: 4 × 201, 50,000 → 3,200 fen) and U4's own fresh code works."""
    clerk, _, _ = counter
    buyer = await consumer_headers(client, "buyer")
    card_no = (await buy_cards(client, buyer, face=50000))[0]["card_no"]
    u3, u4 = await consumer_headers(client, "u3"), await consumer_headers(client, "u4")
    await claim(client, u3, await give(client, buyer, card_no))
    old_codes = [await pay_code(client, u3, card_no) for _ in range(4)]

    await claim(client, u4, await give(client, u3, card_no))
    assert await balance(client, u4, card_no) == 50000

    for i, code in enumerate(old_codes):
        body = await redeem(client, clerk, code, [HONEY], f"old-code-{i}", status=409)
        assert body["error"]["code"] == "pay_code_voided", body
    resp = await preview(client, clerk, old_codes[-1])  # nor does an old code show the new holder's balance
    assert resp.status == 409
    assert (await resp.json())["error"]["code"] == "pay_code_voided"
    assert await balance(client, u4, card_no) == 50000

    body = await redeem(client, clerk, await pay_code(client, u4, card_no), [HONEY], "u4-own-code")
    assert body["balance_after_fen"] == 50000 - 11700
    assert await balance(client, u4, card_no) == 50000 - 11700
    assert reconcile(settings).returncode == 0


async def test_a_code_issued_to_the_previous_holder_after_the_gift_cannot_spend(client, counter):
    """The race between opening a code and giving the card away, at its worst: a genuine code for the previous
    holder whose counter is still unspent on the new holder's card. The code is bound to its holder."""
    clerk, alice, card_no = counter
    alice_id = await user_id(client, alice)
    bob = await consumer_headers(client, "bob")
    await claim(client, bob, await give(client, alice, card_no))
    await pay_code(client, bob, card_no)  # bob's code takes the next counter …
    with activated(client.app[DATABASE]):
        fresh = (await Card.get(card_no=card_no)).pay_counter
    raced = client.app[CARD_CODES].pay_code(card_no, alice_id, fresh, now_utc()).code  # … as if issued to alice
    body = await redeem(client, clerk, raced, [("T-EGG-01", 1)], "raced-code", status=409)
    assert body["error"]["code"] == "pay_code_voided"
    assert await balance(client, bob, card_no) == 20000


async def test_giving_away_and_claiming_back_voids_the_codes(client, counter):
    clerk, alice, card_no = counter
    code = await pay_code(client, alice, card_no)
    await claim(client, alice, await give(client, alice, card_no))
    body = await redeem(client, clerk, code, [("T-EGG-01", 1)], "given-back-1", status=409)
    assert body["error"]["code"] == "pay_code_voided"
    await redeem(client, clerk, await pay_code(client, alice, card_no), [("T-EGG-01", 1)], "given-back-2")


@pytest.mark.parametrize("who", ["holder", "admin"])
async def test_freezing_and_unfreezing_void_the_codes(client, counter, who):
    clerk, alice, card_no = counter
    headers, path = (alice, "/api/v1/cards") if who == "holder" else (await admin(client), "/api/v1/admin/cards")
    before = await pay_code(client, alice, card_no)
    assert (await client.post(f"{path}/{card_no}/freeze", json={"reason": "丢失"}, headers=headers)).status == 200
    body = await redeem(client, clerk, before, [("T-EGG-01", 1)], "frozen-code-1", status=409)
    assert body["error"]["code"] == "card_frozen"
    assert (await client.post(f"{path}/{card_no}/unfreeze", json={}, headers=headers)).status == 200
    body = await redeem(client, clerk, before, [("T-EGG-01", 1)], "thawed-1", status=409)
    assert body["error"]["code"] == "pay_code_voided"
    assert await balance(client, alice, card_no) == 20000
    body = await redeem(client, clerk, await pay_code(client, alice, card_no), [("T-EGG-01", 1)], "thawed-2")
    assert body["balance_after_fen"] == 20000 - 3990


async def test_closing_voids_the_codes(client, counter, settings):
    clerk, alice, card_no = counter
    before = await pay_code(client, alice, card_no)
    resp = await client.post(f"/api/v1/admin/cards/{card_no}/close", json={"reason": "注销"},
                             headers=await admin(client))
    assert resp.status == 200, await resp.text()
    body = await redeem(client, clerk, before, [("T-EGG-01", 1)], "closed-code-1", status=409)
    assert body["error"]["code"] == "card_closed"
    with activated(client.app[DATABASE]):
        card = await Card.get(card_no=card_no)
    assert card.spent_counter == card.pay_counter  # voided, not only refused while closed
    assert reconcile(settings).returncode == 0


async def test_a_used_code_is_still_reported_used(client, counter):
    clerk, alice, card_no = counter
    code = await pay_code(client, alice, card_no)
    await redeem(client, clerk, code, [("T-EGG-01", 1)], "used-code-1")
    body = await redeem(client, clerk, code, [("T-EGG-01", 1)], "used-code-2", status=409)
    assert body["error"]["code"] == "pay_code_used"


async def test_card_pay_refuses_an_order_past_its_pay_deadline(client, counter, settings):
    _, alice, card_no = counter
    await client.post("/api/v1/me/addresses", json=ADDRESS, headers=alice)
    no = (await order(client, alice, ("T-RICE-01", 1)))["order_no"]
    with activated(client.app[DATABASE]):
        await Order.filter(order_no=no).update(pay_deadline=now_utc() - timedelta(seconds=1))
    for method in ("wechat", "card"):
        resp = await client.post(f"/api/v1/orders/{no}/pay", json={"method": method, "card_no": card_no}, headers=alice)
        assert resp.status == 409, method
        assert (await resp.json())["error"]["code"] == "payment_deadline_passed", method
    detail = await (await client.get(f"/api/v1/orders/{no}", headers=alice)).json()
    assert detail["status"] == "pending_payment"
    cancelled = (await order(client, alice, ("T-RICE-01", 1)))["order_no"]
    await client.post(f"/api/v1/orders/{cancelled}/cancel", headers=alice)
    resp = await client.post(f"/api/v1/orders/{cancelled}/pay", json={"method": "card", "card_no": card_no},
                             headers=alice)
    assert resp.status == 409
    assert (await resp.json())["error"]["code"] == "order_not_payable"  # as WeChat Pay says
    assert await balance(client, alice, card_no) == 20000
    assert reconcile(settings).returncode == 0


async def test_card_pay_debits_only_a_card_the_payer_still_holds(client, counter):
    """The order payment's debit is conditional on the holder too: a card given away between the payer's read and
    the debit (here: handed to the debit as if read before the gift) is not debited."""
    _, alice, card_no = counter
    alice_id = await user_id(client, alice)
    bob = await consumer_headers(client, "bob")
    await claim(client, bob, await give(client, alice, card_no))
    with activated(client.app[DATABASE]):
        card = await Card.get(card_no=card_no)
        with pytest.raises(Conflict) as refused:
            async with in_transaction() as conn:
                await card_ledger.debit(conn, card, 100, alice_id)
    assert refused.value.code == "card_holder_changed"
    assert await balance(client, bob, card_no) == 20000
