"""Settlements: day D (three days ago, so it may be closed with the real clock), two merchants with a clerk each and a
consumer with three cards (the `shop` fixture), and redemptions spent at given Shanghai times (the `day_d` fixture)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from api.keys import DATABASE
from models.clock import SHANGHAI, today_shanghai
from models.services import redemptions
from models.storage.database import activated
from models.tables.cards import Redemption
from models.tables.merchants import Merchant
from models.tables.users import Role, User
from tests.support.cards import buy_cards, pay_code, redeem
from tests.support.http import admin_headers, auth, consumer_headers, import_csv, staff_token

D = today_shanghai() - timedelta(days=3)  # a day well over, so it may be closed with the real clock
ADMIN_URL = "/api/v1/admin/settlements"


def at(day: date, hh: int, mm: int, ss: int = 0) -> datetime:
    """An instant given in Shanghai local time."""
    return datetime.combine(day, time(hh, mm, ss), SHANGHAI)


async def made_at(client, redemption_id: int, instant: datetime) -> None:
    """Let a redemption have been made at `instant`: its time and its business day (the Shanghai date)."""
    with activated(client.app[DATABASE]):
        await Redemption.filter(id=redemption_id).update(created_at=instant, business_date=today_shanghai(instant))


async def user(client, username: str) -> User:
    with activated(client.app[DATABASE]):
        return await User.get(username=username)


@pytest.fixture
async def shop(client, small_catalog):
    """Two merchants with a clerk each, an administrator, and a consumer holding three 200-yuan cards."""
    admin = await admin_headers(client)
    await import_csv(client, small_catalog, admin)
    clerk1 = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk1", merchant_name="佛冈专柜"))
    clerk2 = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk2", merchant_name="别家专馆"))
    alice = await consumer_headers(client, "alice")
    cards = [c["card_no"] for c in await buy_cards(client, alice, quantity=3)]
    with activated(client.app[DATABASE]):
        ids = dict(await Merchant.all().values_list("name", "id"))
    return {"admin": admin, "clerk1": clerk1, "clerk2": clerk2, "alice": alice, "cards": cards,
            "m1": ids["佛冈专柜"], "m2": ids["别家专馆"]}


async def spend(client, s, clerk: str, card: int, items, key: str, instant: datetime) -> dict:
    body = await redeem(client, s[clerk], await pay_code(client, s["alice"], s["cards"][card]), items, f"settle-{key}")
    await made_at(client, body["id"], instant)
    return body


@pytest.fixture
async def day_d(client, shop):
    """On day D at merchant 1: r1 at 23:59 (eggs and Guizhou juice), r3 at noon (honey, voided at 12:30);
    r2 one minute past midnight (rice, so on D+1); at merchant 2: r4 on D (kumquat paste)."""
    s = shop
    s["r1"] = await spend(client, s, "clerk1", 0, [("T-EGG-01", 2), ("T-CNJ-01", 1)], "r1-key", at(D, 23, 59))
    s["r2"] = await spend(client, s, "clerk1", 1, [("T-RICE-01", 1)], "r2-key", at(D + timedelta(days=1), 0, 1))
    s["r3"] = await spend(client, s, "clerk1", 1, [("T-HONEY-01", 1)], "r3-key", at(D, 12, 0))
    s["r4"] = await spend(client, s, "clerk2", 2, [("T-JJG-01", 1)], "r4-key", at(D, 9, 30))
    with activated(client.app[DATABASE]):
        await redemptions.void(await user(client, "clerk1"), s["r3"]["id"], "顾客退货", now=at(D, 12, 30))
    return s
