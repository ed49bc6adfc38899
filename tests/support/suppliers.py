"""Suppliers fulfilling their own parcels: a supplier's id by name, its staff created over HTTP by an administrator,
a paid multi-supplier order, reading parcels as the consumer and as the supplier."""
from __future__ import annotations

from api.keys import DATABASE, WECHATPAY_SANDBOX
from api.wechat.pay_sandbox import wait_for_deliveries
from models.storage.database import activated
from models.tables.catalog import Supplier
from tests.support.http import auth
from tests.support.orders import order, pay

EGGS, RICE, HONEY = "T-EGG-01", "T-RICE-01", "T-HONEY-01"  # three suppliers of the small catalogue
SUPPLIERS = {EGGS: "佛冈县广生源农业有限公司", RICE: "佛冈县金线美农业合作社", HONEY: "佛冈县春中宝蜂业"}


async def supplier_id(client, name: str) -> int:
    with activated(client.app[DATABASE]):
        return (await Supplier.get(name=name)).id


async def supplier_staff(client, admin: dict, sku: str, username: str) -> dict[str, str]:
    """The staff account of the supplier of `sku`, created by the administrator over HTTP, logged in."""
    sid = await supplier_id(client, SUPPLIERS[sku])
    resp = await client.post(f"/api/v1/admin/suppliers/{sid}/staff",
                             json={"username": username, "password": "supplier-pass-1"}, headers=admin)
    assert resp.status == 201, await resp.text()
    assert (await resp.json())["supplier_id"] == sid
    resp = await client.post("/api/v1/auth/staff", json={"username": username, "password": "supplier-pass-1"})
    assert resp.status == 200, await resp.text()
    return auth((await resp.json())["token"])


async def paid_wechat_order(client, consumer, *items) -> str:
    no = (await order(client, consumer, *items))["order_no"]
    await pay(client, consumer, no)
    await wait_for_deliveries(client.app[WECHATPAY_SANDBOX])
    return no


async def consumer_view(client, consumer, order_no: str) -> dict:
    resp = await client.get(f"/api/v1/orders/{order_no}", headers=consumer)
    assert resp.status == 200, await resp.text()
    return await resp.json()


async def parcels(client, staff, state: str | None = None) -> dict:
    resp = await client.get("/api/v1/supplier/fulfilments", params={"state": state} if state else {}, headers=staff)
    assert resp.status == 200, await resp.text()
    return await resp.json()


async def ship(client, staff, part_id: int, tracking_no: str, status: int = 200) -> dict:
    resp = await client.post(f"/api/v1/supplier/fulfilments/{part_id}/ship",
                             json={"carrier": "顺丰", "tracking_no": tracking_no}, headers=staff)
    body = await resp.json()
    assert resp.status == status, body
    return body
