"""Administrators close love cards and adjust their balances: in the holder's ledger, audited, never below zero."""
from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from aiohttp.test_utils import TestClient

from api.keys import DATABASE
from models.clock import today_shanghai
from models.services.card_numbers import card_no_for
from models.storage.database import activated
from models.tables.cards import Card, CardActivity, CardStatus
from tests.support.cards import ADMIN_CARDS as A
from tests.support.cards import admin, close, counter, ledger, pay_code, reconcile, redeem  # noqa: F401 (fixtures)


async def adjust(client: TestClient, admin: dict, card_no: str, amount: int, key: str, reason: str = "补差",
                 status: int = 200) -> dict:
    resp = await client.post(f"{A}/{card_no}/adjust", json={"amount_fen": amount, "reason": reason,
                                                            "idempotency_key": key}, headers=admin)
    body = await resp.json()
    assert resp.status == status, body
    return body


async def audit_trail(client: TestClient, admin: dict, card_no: str) -> list[dict]:
    resp = await client.get("/api/v1/admin/audit", params={"entity_type": "card", "entity_id": card_no}, headers=admin)
    assert resp.status == 200
    return list(reversed((await resp.json())["items"]))


async def plain_card(client: TestClient, status: CardStatus, serial: int) -> str:
    """A card in a state no API call reaches quickly (an unactivated batch card, an expired one)."""
    with activated(client.app[DATABASE]):
        card = await Card.create(card_no=card_no_for(10**6 + serial), face_value_fen=5000, status=status,
                                 expires_at=today_shanghai() + timedelta(days=30))
    return card.card_no


async def test_close_moves_the_balance_out_and_is_final(client, counter, admin, settings):
    clerk, alice, card_no = counter
    await redeem(client, clerk, await pay_code(client, alice, card_no), [("T-EGG-01", 1)], "before-close")
    closed = await close(client, admin, card_no, reason="卡片损坏，余额退回")
    assert (closed["status"], closed["balance_fen"]) == ("closed", 0)
    assert await ledger(client, alice, card_no) == [
        ("activate", 20000, 20000), ("redeem", -3990, 16010), ("close", -16010, 0)]

    again = await close(client, admin, card_no, reason="重复提交")  # a retry is answered, not refused
    assert again == closed
    assert len(await ledger(client, alice, card_no)) == 3

    pay = await client.get(f"/api/v1/cards/{card_no}/pay-code", headers=alice)
    assert pay.status == 409
    assert (await pay.json())["error"]["code"] == "card_closed"
    refused = await adjust(client, admin, card_no, 100, "after-close-1", status=409)
    assert refused["error"]["code"] == "card_closed"
    frozen = await client.post(f"/api/v1/cards/{card_no}/freeze", json={}, headers=alice)
    assert frozen.status == 409

    [entry] = await audit_trail(client, admin, card_no)
    assert entry["action"] == "card.close"
    assert entry["actor"] == "admin2"
    assert entry["before"] == {"status": "active", "balance_fen": 16010}
    assert entry["after"] == {"status": "closed", "balance_fen": 0, "reason": "卡片损坏，余额退回"}
    assert reconcile(settings).returncode == 0


async def test_a_lost_card_is_frozen_then_closed(client, counter, admin, settings):
    _, alice, card_no = counter
    assert (await client.post(f"/api/v1/cards/{card_no}/freeze", json={"reason": "丢失"}, headers=alice)).status == 200
    assert (await close(client, admin, card_no))["status"] == "closed"
    assert await ledger(client, alice, card_no) == [
        ("activate", 20000, 20000), ("freeze", 0, 20000), ("close", -20000, 0)]
    assert (await audit_trail(client, admin, card_no))[0]["before"]["status"] == "frozen"
    assert reconcile(settings).returncode == 0


@pytest.mark.parametrize("status", [CardStatus.INACTIVE, CardStatus.EXPIRED])
async def test_only_active_or_frozen_cards_close_or_adjust(client, admin, status):
    card_no = await plain_card(client, status, 1)
    body = await close(client, admin, card_no, status=409)
    assert body["error"]["code"] == "invalid_card_state"
    assert body["error"]["details"]["card_status"] == status.value
    body = await adjust(client, admin, card_no, 500, "not-open-1", status=409)
    assert body["error"]["code"] == f"card_{status.value}"
    with activated(client.app[DATABASE]):
        card = await Card.get(card_no=card_no)
        assert (card.status, card.balance_fen, await CardActivity.filter(card_id=card.id).count()) == (status, 0, 0)
    assert await audit_trail(client, admin, card_no) == []


async def test_adjust_credits_and_debits_never_below_zero(client, counter, admin, settings):
    _, alice, card_no = counter
    credit = await adjust(client, admin, card_no, 500, "adjust-0001", reason="活动补贴")
    assert (credit["amount_fen"], credit["balance_after_fen"], credit["reason"]) == (500, 20500, "活动补贴")
    assert credit["card"]["balance_fen"] == 20500
    assert credit["created_at"].endswith("+08:00")

    too_much = await adjust(client, admin, card_no, -20501, "adjust-0002", status=409)
    assert too_much["error"]["code"] == "card_insufficient_balance"
    assert too_much["error"]["details"]["balance_fen"] == 20500

    assert (await client.post(f"/api/v1/cards/{card_no}/freeze", json={}, headers=alice)).status == 200
    debit = await adjust(client, admin, card_no, -20500, "adjust-0003", reason="误充值冲正")  # frozen: still corrected
    assert debit["balance_after_fen"] == 0
    assert debit["card"]["status"] == "frozen"
    assert await ledger(client, alice, card_no) == [
        ("activate", 20000, 20000), ("adjust", 500, 20500), ("freeze", 0, 20500), ("adjust", -20500, 0)]

    trail = await audit_trail(client, admin, card_no)
    assert [(e["action"], e["before"], e["after"]["balance_fen"], e["after"]["reason"]) for e in trail] == [
        ("card.adjust", {"balance_fen": 20000}, 20500, "活动补贴"),
        ("card.adjust", {"balance_fen": 20500}, 0, "误充值冲正")]
    assert reconcile(settings).returncode == 0


async def test_adjust_is_idempotent_by_key(client, counter, admin, settings):
    _, alice, card_no = counter
    first = await adjust(client, admin, card_no, -700, "refund-fix-1")
    assert await adjust(client, admin, card_no, -700, "refund-fix-1") == first
    retries = await asyncio.gather(*(client.post(f"{A}/{card_no}/adjust", headers=admin, json={
        "amount_fen": 300, "reason": "补差", "idempotency_key": "burst-key-1"}) for _ in range(8)))
    answers = [await r.json() for r in retries]
    assert {r.status for r in retries} == {200}
    assert len({a["created_at"] for a in answers}) == 1
    assert {a["balance_after_fen"] for a in answers} == {20000 - 700 + 300}
    assert [k for k, _, _ in await ledger(client, alice, card_no)] == ["activate", "adjust", "adjust"]

    for other in ({"amount_fen": -701}, {"reason": "另一个原因"}):
        body = {"amount_fen": -700, "reason": "补差", "idempotency_key": "refund-fix-1", **other}
        resp = await client.post(f"{A}/{card_no}/adjust", json=body, headers=admin)
        assert resp.status == 422
        assert (await resp.json())["error"]["code"] == "idempotency_key_reused"
    another = await plain_card(client, CardStatus.ACTIVE, 2)
    reused = await adjust(client, admin, another, -700, "refund-fix-1", status=422)
    assert reused["error"]["code"] == "idempotency_key_reused"
    assert await balance_of(client, alice, card_no) == 19600
    assert reconcile(settings).returncode == 0


async def balance_of(client: TestClient, holder: dict, card_no: str) -> int:
    return (await (await client.get(f"/api/v1/cards/{card_no}", headers=holder)).json())["balance_fen"]


@pytest.mark.parametrize("body", [
    {"amount_fen": 0, "reason": "零", "idempotency_key": "zero-amount"},
    {"amount_fen": "100", "reason": "字符串", "idempotency_key": "string-amount"},
    {"amount_fen": 100, "idempotency_key": "no-reason-1"},
    {"amount_fen": 100, "reason": "   ", "idempotency_key": "blank-reason"},
    {"amount_fen": 100, "reason": "无键"},
    {"amount_fen": 100, "reason": "短键", "idempotency_key": "short"},
    {"amount_fen": 100_000_001, "reason": "太多", "idempotency_key": "too-much-1"},
])
async def test_bad_adjustments_are_422(client, counter, admin, body):
    _, alice, card_no = counter
    resp = await client.post(f"{A}/{card_no}/adjust", json=body, headers=admin)
    assert resp.status == 422
    assert (await resp.json())["error"]["code"] == "validation_error"
    assert await balance_of(client, alice, card_no) == 20000


async def test_admins_only_and_unknown_cards(client, counter, admin):
    _, alice, card_no = counter
    for path, body in (("close", {"reason": "x"}),
                       ("adjust", {"amount_fen": 1, "reason": "x", "idempotency_key": "k-000001"})):
        assert (await client.post(f"{A}/{card_no}/{path}", json=body, headers=alice)).status == 403
        assert (await client.post(f"{A}/{card_no}/{path}", json=body)).status == 401
        missing = await client.post(f"{A}/{card_no_for(99)}/{path}", json=body, headers=admin)
        assert missing.status == 404
        assert (await missing.json())["error"]["code"] == "card_not_found"
        bad = await client.post(f"{A}/12345/{path}", json=body, headers=admin)
        assert bad.status == 422
        assert (await bad.json())["error"]["code"] == "validation_error"
    empty = await client.post(f"{A}/{card_no}/close", json={}, headers=admin)
    assert empty.status == 422
    assert (await empty.json())["error"]["code"] == "validation_error"
    assert await balance_of(client, alice, card_no) == 20000


async def test_adjustments_racing_redemptions_never_overdraw(client, counter, admin, settings):
    """Negative adjustments and redemptions race on one card: what succeeds fits the balance, the rest is refused."""
    clerk, alice, card_no = counter
    code = (await (await client.post(f"/api/v1/cards/{card_no}/give", headers=alice)).json())["claim_code"]
    redemptions = [client.post("/api/v1/merchant/redemptions", headers=clerk, json={
        "code": code, "items": [{"sku": "T-EGG-01", "qty": 1}], "idempotency_key": f"race-r-{i:04d}"})
        for i in range(15)]
    adjustments = [client.post(f"{A}/{card_no}/adjust", headers=admin, json={
        "amount_fen": -1500, "reason": "冲正", "idempotency_key": f"race-a-{i:04d}"}) for i in range(15)]
    mixed = [c for pair in zip(redemptions, adjustments, strict=True) for c in pair]
    responses = await asyncio.gather(*mixed)
    redeemed = sum(r.status == 201 for r in responses[0::2])
    adjusted = sum(r.status == 200 for r in responses[1::2])
    refused = {(await r.json())["error"]["code"] for r in responses if r.status not in (200, 201)}
    assert refused == {"card_insufficient_balance"}  # 15 × 39.90 + 15 × 15.00 is far more than 200
    spent = redeemed * 3990 + adjusted * 1500
    assert 0 <= 20000 - spent < 1500  # nothing was refused that still fitted
    with activated(client.app[DATABASE]):
        card = await Card.get(card_no=card_no)
        amounts = await CardActivity.filter(card_id=card.id).values_list("amount_fen", flat=True)
    assert card.balance_fen == 20000 - spent == sum(amounts) >= 0
    assert reconcile(settings).returncode == 0


async def test_two_negative_adjustments_racing_one_wins(client, counter, admin, settings):
    _, alice, card_no = counter
    responses = await asyncio.gather(*(client.post(f"{A}/{card_no}/adjust", headers=admin, json={
        "amount_fen": -15000, "reason": "冲正", "idempotency_key": f"twin-{i}-0001"}) for i in range(2)))
    assert sorted(r.status for r in responses) == [200, 409]
    assert await balance_of(client, alice, card_no) == 5000
    assert reconcile(settings).returncode == 0


async def test_close_racing_redemptions_leaves_nothing_behind(client, counter, admin, settings):
    clerk, alice, card_no = counter
    code = (await (await client.post(f"/api/v1/cards/{card_no}/give", headers=alice)).json())["claim_code"]
    calls = [client.post("/api/v1/merchant/redemptions", headers=clerk, json={
        "code": code, "items": [{"sku": "T-EGG-01", "qty": 1}], "idempotency_key": f"close-r-{i:04d}"})
        for i in range(4)]
    calls.insert(2, client.post(f"{A}/{card_no}/close", json={"reason": "注销"}, headers=admin))
    responses = await asyncio.gather(*calls)
    assert responses[2].status == 200  # 4 × 39.90 fits: only the close can refuse them
    late = {(await r.json())["error"]["code"] for r in responses if r.status == 409}
    assert late <= {"card_closed"}
    with activated(client.app[DATABASE]):
        card = await Card.get(card_no=card_no)
        kinds = await CardActivity.filter(card_id=card.id).order_by("id").values_list("kind", "amount_fen")
    assert (card.status, card.balance_fen) == (CardStatus.CLOSED, 0)
    assert kinds[-1][0] == "close"
    assert sum(a for _, a in kinds) == 0
    assert reconcile(settings).returncode == 0
