"""Holder-initiated redemption: the holder scans the counter's poster and asks, the clerk confirms, once."""
from __future__ import annotations

import asyncio
import io
from datetime import timedelta

import pytest
import zxingcpp
from PIL import Image

from api.keys import DATABASE, MERCHANT_CODES
from models.clock import now_utc
from models.services import redemption_requests
from models.services.basket import LineRequest
from models.storage.database import activated
from models.tables.users import Role, User
from tests.support.cards import balance, buy_cards, pay_code, reconcile, redeem
from tests.support.http import admin_headers, auth, consumer_headers, import_csv, staff_token

_C = "/api/v1/cards/{}/redemption-requests"
_M = "/api/v1/merchant/redemption-requests"


@pytest.fixture
async def counter(client, small_catalog):
    """A catalogue, a counter (佛冈专柜) with a clerk, and a consumer holding one 200-yuan card."""
    await import_csv(client, small_catalog, await admin_headers(client))
    clerk = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk1", merchant_name="佛冈专柜"))
    alice = await consumer_headers(client, "alice")
    card = (await buy_cards(client, alice))[0]
    return clerk, alice, card["card_no"]


def decode(data: bytes) -> str:
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(data)))
    assert len(found) == 1
    return found[0].text


async def merchant_code(client, clerk) -> str:
    resp = await client.get("/api/v1/merchant/code", headers=clerk)
    assert resp.status == 200, await resp.text()
    return (await resp.json())["code"]


async def ask(client, holder, card_no, code, items, key, status=201) -> dict:
    resp = await client.post(_C.format(card_no), json={
        "merchant_code": code, "items": [{"sku": s, "qty": q} for s, q in items], "idempotency_key": key},
        headers=holder)
    body = await resp.json()
    assert resp.status == status, body
    return body


async def follow(client, holder, card_no, request_id) -> dict:
    resp = await client.get(f"{_C.format(card_no)}/{request_id}", headers=holder)
    assert resp.status == 200, await resp.text()
    return await resp.json()


async def confirm(client, clerk, request_id, status=200) -> dict:
    resp = await client.post(f"{_M}/{request_id}/confirm", headers=clerk)
    body = await resp.json()
    assert resp.status == status, body
    return body


async def test_the_poster_qr_starts_a_request_the_clerk_confirms_once(client, counter, settings):
    clerk, alice, card_no = counter
    poster = await client.get("/api/v1/merchant/poster.png", headers=clerk)
    assert poster.status == 200
    assert poster.content_type == "image/png"
    image = Image.open(io.BytesIO(await poster.read()))
    assert image.size == (1748, 2480)  # A5 at 300 dpi
    code = decode(await poster.read())
    assert code.startswith("AXM.")
    assert code == await merchant_code(client, clerk)
    assert decode(await (await client.get("/api/v1/merchant/qr.png", headers=clerk)).read()) == code
    pdf = await client.get("/api/v1/merchant/poster.pdf", headers=clerk)
    assert pdf.status == 200
    assert (await pdf.read()).startswith(b"%PDF")

    asked = await ask(client, alice, card_no, code, [("T-EGG-01", 2), ("T-HONEY-01", 1)], "ask-00001")
    assert asked["state"] == "pending"
    assert asked["total_fen"] == 2 * 3990 + 5850
    assert asked["merchant_name"] == "佛冈专柜"
    assert asked["redemption_id"] is None
    assert await balance(client, alice, card_no) == 20000  # asking debits nothing
    again = await ask(client, alice, card_no, code, [("T-EGG-01", 2), ("T-HONEY-01", 1)], "ask-00001")
    assert again["id"] == asked["id"]  # a retry of the same request

    pending = await (await client.get(_M, params={"state": "pending"}, headers=clerk)).json()
    assert pending["total"] == 1
    [shown] = pending["items"]
    assert shown["id"] == asked["id"]
    assert shown["card_no_masked"].endswith(card_no[-4:])
    assert "*" in shown["card_no_masked"]
    assert [(i["sku"], i["qty"], i["amount_fen"]) for i in shown["items"]] == [
        ("T-EGG-01", 2, 7980), ("T-HONEY-01", 1, 5850)]

    receipt = await confirm(client, clerk, asked["id"])
    assert receipt["amount_fen"] == 13830
    assert receipt["balance_after_fen"] == 20000 - 13830
    assert await confirm(client, clerk, asked["id"]) == receipt  # the same receipt, no second debit
    assert await balance(client, alice, card_no) == 20000 - 13830
    outcome = await follow(client, alice, card_no, asked["id"])
    assert outcome["state"] == "confirmed"
    assert outcome["redemption_id"] == receipt["id"]
    assert outcome["balance_after_fen"] == 6170
    scans = await (await client.get("/api/v1/merchant/redemptions", headers=clerk)).json()
    assert scans["total"] == 1
    assert scans["items"][0]["id"] == receipt["id"]  # one ledger for both directions
    assert (await (await client.get(_M, params={"state": "pending"}, headers=clerk)).json())["total"] == 0
    assert reconcile(settings).returncode == 0


async def test_two_clerks_confirming_at_once_debit_once(client, counter, settings):
    clerk, alice, card_no = counter
    me = await (await client.get("/api/v1/me", headers=clerk)).json()
    admin = auth(await staff_token(client, username="admin2"))
    resp = await client.post(f"/api/v1/admin/merchants/{me['merchant_id']}/staff",
                             json={"username": "clerk1b", "password": "another clerk pw"}, headers=admin)
    assert resp.status == 201, await resp.text()
    login = await client.post("/api/v1/auth/staff", json={"username": "clerk1b", "password": "another clerk pw"})
    second = auth((await login.json())["token"])
    asked = await ask(client, alice, card_no, await merchant_code(client, clerk), [("T-RICE-01", 2)], "ask-race-01")
    results = await asyncio.gather(*(client.post(f"{_M}/{asked['id']}/confirm", headers=h) for h in (clerk, second)))
    bodies = [await r.json() for r in results]
    assert [r.status for r in results] == [200, 200], bodies
    assert bodies[0] == bodies[1]
    assert bodies[0]["amount_fen"] == 13600
    assert await balance(client, alice, card_no) == 20000 - 13600
    detail = await (await client.get(f"/api/v1/cards/{card_no}", headers=alice)).json()
    assert [a["kind"] for a in detail["ledger"]].count("redeem") == 1
    assert reconcile(settings).returncode == 0


async def test_expired_and_rejected_requests_cannot_be_confirmed(client, counter, settings):
    clerk, alice, card_no = counter
    code = await merchant_code(client, clerk)
    with activated(client.app[DATABASE]):  # asked six minutes ago: the injectable clock
        holder = await User.get(openid__contains="alice")
        old = await redemption_requests.create(holder, card_no, code, [LineRequest("T-EGG-01", 1)], "ask-old-001",
                                               client.app[MERCHANT_CODES], now=now_utc() - timedelta(minutes=6))
    assert (await follow(client, alice, card_no, old.request.id))["state"] == "expired"
    assert (await (await client.get(_M, params={"state": "pending"}, headers=clerk)).json())["total"] == 0
    body = await confirm(client, clerk, old.request.id, status=409)
    assert body["error"]["code"] == "redemption_request_expired"
    listed = await (await client.get(_M, params={"state": "expired"}, headers=clerk)).json()
    assert [r["id"] for r in listed["items"]] == [old.request.id]

    asked = await ask(client, alice, card_no, code, [("T-EGG-01", 1)], "ask-reject-1")
    resp = await client.post(f"{_M}/{asked['id']}/reject", json={"reason": "货架上没有这件商品"}, headers=clerk)
    assert resp.status == 200
    assert (await resp.json())["state"] == "rejected"
    body = await confirm(client, clerk, asked["id"], status=409)
    assert body["error"]["code"] == "redemption_request_rejected"
    outcome = await follow(client, alice, card_no, asked["id"])
    assert (outcome["state"], outcome["reason_code"], outcome["reason"]) == (
        "rejected", "merchant_rejected", "货架上没有这件商品")
    assert (await client.post(f"{_M}/{asked['id']}/reject", json={"reason": "again"}, headers=clerk)).status == 200
    assert await balance(client, alice, card_no) == 20000
    assert reconcile(settings).returncode == 0


async def test_confirm_checks_the_balance_again_after_spending_elsewhere(client, counter, settings):
    clerk, alice, card_no = counter
    asked = await ask(client, alice, card_no, await merchant_code(client, clerk), [("T-CNJ-01", 2)], "ask-over-01")
    assert asked["total_fen"] == 19200
    elsewhere = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk2", merchant_name="别家专馆"))
    await redeem(client, elsewhere, await pay_code(client, alice, card_no), [("T-EGG-01", 1)], "spent-elsewhere")
    body = await confirm(client, clerk, asked["id"], status=409)
    assert body["error"]["code"] == "card_insufficient_balance"
    assert await balance(client, alice, card_no) == 20000 - 3990
    outcome = await follow(client, alice, card_no, asked["id"])
    assert (outcome["state"], outcome["reason_code"]) == ("rejected", "card_insufficient_balance")
    assert reconcile(settings).returncode == 0


async def test_a_card_given_away_meanwhile_is_not_debited(client, counter):
    clerk, alice, card_no = counter
    asked = await ask(client, alice, card_no, await merchant_code(client, clerk), [("T-EGG-01", 1)], "ask-gift-01")
    claim_code = (await (await client.post(f"/api/v1/cards/{card_no}/give", headers=alice)).json())["claim_code"]
    bob = await consumer_headers(client, "bob")
    assert (await client.post("/api/v1/cards/claim", json={"code": claim_code}, headers=bob)).status == 200
    body = await confirm(client, clerk, asked["id"], status=409)
    assert body["error"]["code"] == "card_holder_changed"
    assert await balance(client, bob, card_no) == 20000
    assert (await client.get(f"{_C.format(card_no)}/{asked['id']}", headers=bob)).status == 404  # not his request


async def test_other_merchants_and_other_holders_see_nothing(client, counter):
    clerk, alice, card_no = counter
    asked = await ask(client, alice, card_no, await merchant_code(client, clerk), [("T-EGG-01", 1)], "ask-mine-01")
    other = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk2", merchant_name="别家专馆"))
    assert (await client.post(f"{_M}/{asked['id']}/confirm", headers=other)).status == 404
    assert (await client.post(f"{_M}/{asked['id']}/reject", json={"reason": "x"}, headers=other)).status == 404
    assert (await (await client.get(_M, headers=other)).json())["total"] == 0
    bob = await consumer_headers(client, "bob")
    assert (await client.get(f"{_C.format(card_no)}/{asked['id']}", headers=bob)).status == 404
    body = await ask(client, bob, card_no, await merchant_code(client, clerk), [("T-EGG-01", 1)], "ask-bob-001", 404)
    assert body["error"]["code"] == "card_not_found"
    assert (await client.post(f"{_M}/{asked['id']}/confirm", headers=alice)).status == 403  # holders do not confirm
    assert await balance(client, alice, card_no) == 20000


async def test_request_rules_certified_only_balance_and_idempotency(client, counter):
    clerk, alice, card_no = counter
    code = await merchant_code(client, clerk)
    for sku in ("T-HONEY-02", "T-PEND-01", "NOPE"):
        body = await ask(client, alice, card_no, code, [("T-EGG-01", 1), (sku, 1)], f"ask-{sku}-x", status=422)
        assert body["error"]["code"] == "product_not_certified"
        assert body["error"]["details"]["sku"] == sku
    body = await ask(client, alice, card_no, code, [("T-APPLE-02", 3)], "ask-too-much", status=409)
    assert body["error"]["code"] == "card_insufficient_balance"
    await ask(client, alice, card_no, code, [("T-EGG-01", 1)], "ask-key-001")
    body = await ask(client, alice, card_no, code, [("T-EGG-01", 2)], "ask-key-001", status=422)
    assert body["error"]["code"] == "idempotency_key_reused"
    resp = await client.post(f"/api/v1/cards/{card_no}/freeze", json={}, headers=alice)
    assert resp.status == 200
    body = await ask(client, alice, card_no, code, [("T-EGG-01", 1)], "ask-frozen-1", status=409)
    assert body["error"]["code"] == "card_frozen"


async def test_rotating_the_code_invalidates_old_posters(client, counter):
    clerk, alice, card_no = counter
    old = await merchant_code(client, clerk)
    merchant_id = (await (await client.get("/api/v1/me", headers=clerk)).json())["merchant_id"]
    admin = auth(await staff_token(client, username="admin2"))
    assert decode(await (await client.get(f"/api/v1/admin/merchants/{merchant_id}/qr.png",
                                          headers=admin)).read()) == old
    resp = await client.post(f"/api/v1/admin/merchants/{merchant_id}/rotate-code", headers=admin)
    assert resp.status == 200, await resp.text()
    rotated = await resp.json()
    assert rotated["key_version"] == 2
    assert rotated["code"] != old
    poster = await client.get(f"/api/v1/admin/merchants/{merchant_id}/poster.png", headers=admin)
    new = decode(await poster.read())
    assert new == rotated["code"] == await merchant_code(client, clerk)
    body = await ask(client, alice, card_no, old, [("T-EGG-01", 1)], "ask-oldcode", status=409)
    assert body["error"]["code"] == "merchant_code_revoked"
    await ask(client, alice, card_no, new, [("T-EGG-01", 1)], "ask-newcode")
    codes = client.app[MERCHANT_CODES]
    for bad in (new[:-1] + ("A" if new[-1] != "A" else "B"), codes.printed(merchant_id, 2).replace("AXM.", "AX1."),
                f"AXM.{merchant_id}.2", "AXM.１.2.AAAA", "hello"):
        body = await ask(client, alice, card_no, bad, [("T-EGG-01", 1)], "ask-forged1", status=422)
        assert body["error"]["code"] == "qr_invalid"
    assert (await client.post("/api/v1/admin/merchants/999999/rotate-code", headers=admin)).status == 404
    assert (await client.get("/api/v1/admin/merchants/999999/qr.png", headers=admin)).status == 404
    audit = await (await client.get("/api/v1/admin/audit",
                                    params={"entity_type": "merchant", "entity_id": str(merchant_id)},
                                    headers=admin)).json()
    assert any(e["action"] == "merchant.rotate_code" for e in audit["items"])
