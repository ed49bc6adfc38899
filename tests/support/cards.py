"""Love cards: buying them, pay codes, counter redemptions, balances and the holder's ledger, closing a card as an
administrator, and `main.py reconcile`."""
from __future__ import annotations

import subprocess
import sys

import pytest
from aiohttp.test_utils import TestClient

from api.keys import WECHATPAY_SANDBOX
from api.wechat.pay_sandbox import wait_for_deliveries
from models.tables.users import Role
from tests.support.cli import ROOT
from tests.support.http import admin_headers, auth, consumer_headers, import_csv, staff_token

ADMIN_CARDS = "/api/v1/admin/cards"


async def buy_cards(client, headers, face=20000, quantity=1) -> list[dict]:
    resp = await client.post("/api/v1/cards/purchase", json={"face_value_fen": face, "quantity": quantity},
                             headers=headers)
    body = await resp.json()
    assert resp.status == 201, body
    assert body["kind"] == "card", body
    assert body["total_fen"] == face * quantity, body
    resp = await client.post(f"/api/v1/orders/{body['order_no']}/pay", json={"method": "wechat"}, headers=headers)
    assert resp.status == 200, await resp.text()
    await wait_for_deliveries(client.app[WECHATPAY_SANDBOX])
    return (await (await client.get("/api/v1/cards", headers=headers)).json())["items"]


@pytest.fixture
async def counter(client, small_catalog):
    """A catalogue, a counter with a clerk, and a consumer holding one 200-yuan card."""
    await import_csv(client, small_catalog, await admin_headers(client))
    clerk = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk1", merchant_name="佛冈专柜"))
    alice = await consumer_headers(client, "alice")
    card = (await buy_cards(client, alice))[0]
    return clerk, alice, card["card_no"]


async def pay_code(client, headers, card_no) -> str:
    resp = await client.get(f"/api/v1/cards/{card_no}/pay-code", headers=headers)
    assert resp.status == 200, await resp.text()
    body = await resp.json()
    assert body["qr_png_url"].startswith(f"/api/v1/cards/{card_no}/pay-code.png")
    return body["code"]


async def redeem(client, clerk, code, items, key, status=201):
    resp = await client.post("/api/v1/merchant/redemptions", json={
        "code": code, "items": [{"sku": s, "qty": q} for s, q in items], "idempotency_key": key}, headers=clerk)
    body = await resp.json()
    assert resp.status == status, body
    return body


async def balance(client, headers, card_no) -> int:
    return (await (await client.get(f"/api/v1/cards/{card_no}", headers=headers)).json())["balance_fen"]


def reconcile(settings) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": settings.database_url, "SECRET_KEY": settings.secret_key}
    return subprocess.run([sys.executable, "main.py", "reconcile"], capture_output=True, text=True, env=env, cwd=ROOT)


@pytest.fixture
async def admin(client: TestClient) -> dict[str, str]:
    return auth(await staff_token(client, username="admin2"))


async def close(client: TestClient, admin: dict, card_no: str, reason: str = "持卡人申请注销",
                status: int = 200) -> dict:
    resp = await client.post(f"{ADMIN_CARDS}/{card_no}/close", json={"reason": reason}, headers=admin)
    body = await resp.json()
    assert resp.status == status, body
    return body


async def ledger(client: TestClient, holder: dict, card_no: str) -> list[tuple[str, int, int]]:
    """The holder's view of the card's ledger, oldest first."""
    detail = await (await client.get(f"/api/v1/cards/{card_no}", headers=holder)).json()
    return [(a["kind"], a["amount_fen"], a["balance_after_fen"]) for a in reversed(detail["ledger"])]
