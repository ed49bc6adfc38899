"""Orders as a consumer places them: a shop with a default address, placing an order, paying it, reading stock."""
from __future__ import annotations

from api.keys import DATABASE
from models.storage.database import activated
from models.tables.catalog import Product
from tests.support.http import admin_headers, consumer_headers, import_csv

ADDRESS = {"name": "张三", "phone": "13800138000", "province": "广东省", "city": "清远市", "county": "佛冈县",
           "detail": "石角镇XX路8号"}


async def shop(client, small_catalog, name="alice"):
    """Catalogue loaded; a consumer with a default address. Returns (admin headers, consumer headers)."""
    admin = await admin_headers(client)
    await import_csv(client, small_catalog, admin)
    consumer = await consumer_headers(client, name)
    resp = await client.post("/api/v1/me/addresses", json=ADDRESS, headers=consumer)
    assert resp.status == 201, await resp.text()
    return admin, consumer


async def stock_of(client, sku: str) -> int:
    with activated(client.app[DATABASE]):
        return (await Product.get(sku=sku)).stock


async def order(client, headers, *items, status=201):
    resp = await client.post("/api/v1/orders", json={"items": [{"sku": s, "qty": q} for s, q in items]},
                             headers=headers)
    body = await resp.json()
    assert resp.status == status, body
    return body


async def pay(client, headers, order_no, status=200):
    resp = await client.post(f"/api/v1/orders/{order_no}/pay", json={"method": "wechat"}, headers=headers)
    body = await resp.json()
    assert resp.status == status, body
    return body
