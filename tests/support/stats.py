"""Statistics: the `ledger` fixture (online orders, a card, counter redemptions and a batch, figures by hand)."""
from __future__ import annotations

import pytest

from api.keys import WECHATPAY_SANDBOX
from api.wechat.pay_sandbox import wait_for_deliveries
from models.tables.users import Role
from tests.support.batches import create_and_issue
from tests.support.cards import buy_cards, pay_code, redeem
from tests.support.http import auth, staff_token
from tests.support.orders import order, pay, shop

EGG, RICE, CNJ, JJG, APPLE, HONEY = "T-EGG-01", "T-RICE-01", "T-CNJ-01", "T-JJG-01", "T-APPLE-01", "T-HONEY-01"

# The fixture, by hand (prices in tests/data/catalog_small.csv; 佛冈 is not a poverty county, the others are):
#   online   O1 paid (wechat), shipped: 2 × EGG 3990 + 1 × CNJ 9600 = 17580
#            O2 paid then refunded: APPLE 5990 → not counted;  O3 never paid: RICE → not counted
#            O4 paid with the love card: 1 × EGG 3990
#   merchant R1 at 佛冈专柜: 1 × JJG 3580 + 1 × EGG 3990 = 7570;  R2 voided: HONEY 5850 → not counted
#   subscribed: one 200-yuan card bought (20000) + a 以购代捐 batch of 3 × 100 yuan activated (30000)
ONLINE, MERCHANT = 17580 + 3990, 7570
TOTAL = ONLINE + MERCHANT  # 29140
POVERTY = 9600 + 3580  # 13180


async def settle(client):
    await wait_for_deliveries(client.app[WECHATPAY_SANDBOX])


@pytest.fixture
async def ledger(client, small_catalog):
    admin, alice = await shop(client, small_catalog)
    card_no = (await buy_cards(client, alice))[0]["card_no"]
    o1 = (await order(client, alice, (EGG, 2), (CNJ, 1)))["order_no"]
    o2 = (await order(client, alice, (APPLE, 1)))["order_no"]
    await order(client, alice, (RICE, 1))
    for no in (o1, o2):
        await pay(client, alice, no)
    await settle(client)
    resp = await client.post(f"/api/v1/admin/orders/{o1}/ship", json={"carrier": "顺丰", "tracking_no": "SF1"},
                             headers=admin)
    assert resp.status == 200, await resp.text()
    assert (await client.post(f"/api/v1/admin/orders/{o2}/refund", json={"reason": "质量问题"},
                              headers=admin)).status == 200
    o4 = (await order(client, alice, (EGG, 1)))["order_no"]
    resp = await client.post(f"/api/v1/orders/{o4}/pay", json={"method": "card", "card_no": card_no}, headers=alice)
    assert resp.status == 200, await resp.text()
    clerk = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk1", merchant_name="佛冈专柜"))
    await redeem(client, clerk, await pay_code(client, alice, card_no), [(JJG, 1), (EGG, 1)], "stats-r1")
    r2 = await redeem(client, clerk, await pay_code(client, alice, card_no), [(HONEY, 1)], "stats-r2")
    assert (await client.post(f"/api/v1/merchant/redemptions/{r2['id']}/void", json={"reason": "退货"},
                              headers=clerk)).status == 200
    batch = await create_and_issue(client, admin, count=3, face_value_fen=10000)
    assert (await client.post(f"/api/v1/admin/card-batches/{batch['id']}/activate", headers=admin)).status == 200
    return {"admin": admin, "alice": alice, "o1": o1, "card_no": card_no, "clerk": clerk}
