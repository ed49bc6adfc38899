"""Love cards: buying, giving, claiming, pay codes, merchant redemption that never double-spends, the ledger."""
from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from api.keys import CARD_CODES
from models.tables.users import Role
from tests.support.cards import balance, buy_cards, counter, pay_code, reconcile, redeem  # noqa: F401 (fixtures)
from tests.support.http import auth, consumer_headers, staff_token
from tests.support.orders import ADDRESS, order


async def test_bought_cards_arrive_active_with_their_ledger(client, settings):
    alice = await consumer_headers(client, "alice")
    cards = await buy_cards(client, alice, face=10000, quantity=2)
    assert [(c["face_value_fen"], c["balance_fen"], c["status"]) for c in cards] == [(10000, 10000, "active")] * 2
    detail = await (await client.get(f"/api/v1/cards/{cards[0]['card_no']}", headers=alice)).json()
    assert [(a["kind"], a["amount_fen"], a["balance_after_fen"]) for a in detail["ledger"]] == [
        ("activate", 10000, 10000)]
    bob = await consumer_headers(client, "bob")
    assert (await client.get(f"/api/v1/cards/{cards[0]['card_no']}", headers=bob)).status == 404
    resp = await client.post("/api/v1/cards/purchase", json={"face_value_fen": 12345, "quantity": 1}, headers=alice)
    assert resp.status == 422
    assert (await resp.json())["error"]["code"] == "invalid_face_value"
    assert reconcile(settings).returncode == 0


async def test_redeem_with_a_pay_code(client, counter, settings):
    clerk, alice, card_no = counter
    code = await pay_code(client, alice, card_no)
    preview = await (await client.post("/api/v1/merchant/redemptions/preview", json={"code": code},
                                       headers=clerk)).json()
    assert preview["balance_fen"] == 20000
    assert preview["card_no_masked"].endswith(card_no[-4:])
    assert "*" in preview["card_no_masked"]
    body = await redeem(client, clerk, code, [("T-EGG-01", 2), ("T-HONEY-01", 1)], "key-0001")
    assert body["amount_fen"] == 2 * 3990 + 5850
    assert body["balance_after_fen"] == 20000 - 13830
    assert await balance(client, alice, card_no) == 6170
    again = await redeem(client, clerk, code, [("T-EGG-01", 1)], "key-0002", status=409)
    assert again["error"]["code"] == "pay_code_used"
    assert reconcile(settings).returncode == 0


async def test_forged_tampered_and_expired_codes(client, counter):
    clerk, alice, card_no = counter
    code = await pay_code(client, alice, card_no)
    tampered = code[:-1] + ("0" if code[-1] != "0" else "1")
    for bad in (tampered, f"AX1.{card_no}.AAAAAAAAAAAAAAAA", "hello",
                code.replace(card_no, card_no[:-1] + ("0" if card_no[-1] != "0" else "1"))):
        body = await redeem(client, clerk, bad, [("T-EGG-01", 1)], "key-bad-1", status=422)
        assert body["error"]["code"] == "qr_invalid"
    codes = client.app[CARD_CODES]
    alice_id = (await (await client.get("/api/v1/me", headers=alice)).json())["id"]
    old = codes.pay_code(card_no, alice_id, 1, datetime.now(UTC) - timedelta(seconds=90)).code
    body = await redeem(client, clerk, old, [("T-EGG-01", 1)], "key-old-1", status=409)
    assert body["error"]["code"] == "pay_code_expired"
    printed = codes.printed(card_no)  # a claimed card's printed QR no longer spends it
    body = await redeem(client, clerk, printed, [("T-EGG-01", 1)], "key-printed", status=409)
    assert body["error"]["code"] == "pay_code_required"
    assert await balance(client, alice, card_no) == 20000


async def test_idempotent_retry_and_reused_key(client, counter):
    clerk, alice, card_no = counter
    code = await pay_code(client, alice, card_no)
    first = await redeem(client, clerk, code, [("T-EGG-01", 1)], "retry-0001")
    second = await redeem(client, clerk, code, [("T-EGG-01", 1)], "retry-0001")
    assert second["id"] == first["id"]
    assert await balance(client, alice, card_no) == 20000 - 3990
    body = await redeem(client, clerk, code, [("T-EGG-01", 2)], "retry-0001", status=422)
    assert body["error"]["code"] == "idempotency_key_reused"


async def test_only_certified_products_and_enough_balance(client, counter):
    clerk, alice, card_no = counter
    for sku in ("T-HONEY-02", "T-PEND-01", "NOPE"):
        body = await redeem(client, clerk, await pay_code(client, alice, card_no), [("T-EGG-01", 1), (sku, 1)],
                            f"key-{sku}", status=422)
        assert body["error"]["code"] == "product_not_certified"
        assert body["error"]["details"]["sku"] == sku
    body = await redeem(client, clerk, await pay_code(client, alice, card_no), [("T-APPLE-02", 3)], "key-too-much",
                        status=409)
    assert body["error"]["code"] == "card_insufficient_balance"
    assert await balance(client, alice, card_no) == 20000


async def test_void_restores_and_merchants_see_only_their_own(client, counter, settings):
    clerk, alice, card_no = counter
    body = await redeem(client, clerk, await pay_code(client, alice, card_no), [("T-RICE-01", 1)], "void-0001")
    other = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk2", merchant_name="别家专馆"))
    assert (await client.post(f"/api/v1/merchant/redemptions/{body['id']}/void", json={}, headers=other)).status == 404
    assert (await (await client.get("/api/v1/merchant/redemptions", headers=other)).json())["total"] == 0
    resp = await client.post(f"/api/v1/merchant/redemptions/{body['id']}/void", json={"reason": "顾客退货"},
                             headers=clerk)
    assert resp.status == 200
    assert (await resp.json())["status"] == "voided"
    assert await balance(client, alice, card_no) == 20000
    again = await client.post(f"/api/v1/merchant/redemptions/{body['id']}/void", json={}, headers=clerk)
    assert again.status == 409
    mine = await (await client.get("/api/v1/merchant/redemptions", headers=clerk)).json()
    assert mine["total"] == 1
    assert mine["items"][0]["items"][0]["sku"] == "T-RICE-01"
    assert reconcile(settings).returncode == 0


async def test_fifty_concurrent_redemptions_never_overdraw(client, counter, settings):
    clerk, alice, card_no = counter
    code = (await (await client.post(f"/api/v1/cards/{card_no}/give", headers=alice)).json())["claim_code"]
    attempts = [client.post("/api/v1/merchant/redemptions", json={
        "code": code, "items": [{"sku": "T-EGG-01", "qty": 1}], "idempotency_key": f"burst-{i:04d}"}, headers=clerk)
        for i in range(50)]
    responses = await asyncio.gather(*attempts)
    ok = [r for r in responses if r.status == 201]
    refused = {(await r.json())["error"]["code"] for r in responses if r.status != 201}
    assert len(ok) == 20000 // 3990
    assert refused == {"card_insufficient_balance"}
    preview = await (await client.post("/api/v1/merchant/redemptions/preview", json={"code": code},
                                       headers=clerk)).json()
    assert preview["balance_fen"] == 20000 - len(ok) * 3990 >= 0
    assert reconcile(settings).returncode == 0


async def test_gift_and_a_claim_race_has_one_winner(client):
    alice = await consumer_headers(client, "alice")
    card_no = (await buy_cards(client, alice))[0]["card_no"]
    code = (await (await client.post(f"/api/v1/cards/{card_no}/give", headers=alice)).json())["claim_code"]
    assert (await (await client.get("/api/v1/cards", headers=alice)).json())["items"] == []
    bob, carol = await consumer_headers(client, "bob"), await consumer_headers(client, "carol")
    results = await asyncio.gather(*(client.post("/api/v1/cards/claim", json={"code": code}, headers=h)
                                     for h in (bob, carol)))
    assert sorted(r.status for r in results) == [200, 409]
    loser = next(r for r in results if r.status == 409)
    assert (await loser.json())["error"]["code"] == "card_already_claimed"
    winner = bob if results[0].status == 200 else carol
    assert (await client.post("/api/v1/cards/claim", json={"code": code}, headers=winner)).status == 200  # no-op
    bad = await client.post("/api/v1/cards/claim", json={"code": code[:-2] + "AA"}, headers=winner)
    assert bad.status == 422
    assert (await bad.json())["error"]["code"] == "qr_invalid"


async def test_frozen_card_cannot_be_spent(client, counter):
    clerk, alice, card_no = counter
    code = await pay_code(client, alice, card_no)
    assert (await client.post(f"/api/v1/cards/{card_no}/freeze", json={"reason": "丢失"}, headers=alice)).status == 200
    body = await redeem(client, clerk, code, [("T-EGG-01", 1)], "frozen-01", status=409)
    assert body["error"]["code"] == "card_frozen"
    assert (await client.get(f"/api/v1/cards/{card_no}/pay-code", headers=alice)).status == 409
    assert (await client.post(f"/api/v1/cards/{card_no}/unfreeze", json={}, headers=alice)).status == 200
    await redeem(client, clerk, await pay_code(client, alice, card_no), [("T-EGG-01", 1)], "frozen-02")


async def test_pay_an_order_with_a_card_and_refund_to_it(client, counter, settings):
    clerk, alice, card_no = counter
    del clerk
    await client.post("/api/v1/me/addresses", json=ADDRESS, headers=alice)
    no = (await order(client, alice, ("T-RICE-01", 2)))["order_no"]
    resp = await client.post(f"/api/v1/orders/{no}/pay", json={"method": "card", "card_no": card_no}, headers=alice)
    assert resp.status == 200, await resp.text()
    assert (await resp.json())["status"] == "paid", await resp.text()
    assert await balance(client, alice, card_no) == 20000 - 13600
    bob = await consumer_headers(client, "bob")
    await client.post("/api/v1/me/addresses", json=ADDRESS, headers=bob)
    bobs = (await order(client, bob, ("T-RICE-01", 1)))["order_no"]
    resp = await client.post(f"/api/v1/orders/{bobs}/pay", json={"method": "card", "card_no": card_no}, headers=bob)
    assert resp.status == 404  # not his card
    assert reconcile(settings).returncode == 0


def decode_png(data: bytes) -> str:
    import io

    import zxingcpp
    from PIL import Image

    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(data)))
    assert len(found) == 1
    return found[0].text


async def test_qr_pngs_decode_with_zxing_and_redeem(client, counter):
    clerk, alice, card_no = counter
    resp = await client.get(f"/api/v1/cards/{card_no}/pay-code", headers=alice)
    png = await client.get((await resp.json())["qr_png_url"], headers=alice)
    assert png.status == 200
    assert png.content_type == "image/png"
    body = await redeem(client, clerk, decode_png(await png.read()), [("T-EGG-01", 1)], "png-pay-0001")
    assert body["amount_fen"] == 3990
    await client.post(f"/api/v1/cards/{card_no}/give", headers=alice)
    assert (await client.get(f"/api/v1/cards/{card_no}/qr.png", headers=alice)).status == 404  # no longer hers
    admin = auth(await staff_token(client, username="admin2"))
    printed = decode_png(await (await client.get(f"/api/v1/cards/{card_no}/qr.png", headers=admin)).read())
    assert printed.startswith("AX1.")
    body = await redeem(client, clerk, printed, [("T-EGG-01", 1)], "png-printed-0001")
    assert body["balance_after_fen"] == 20000 - 2 * 3990
