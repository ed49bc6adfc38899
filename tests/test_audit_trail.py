"""Reading the audit trail: newest first, paged, and narrowed by who, action (one or a family), object and days."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from api.keys import DATABASE
from models.clock import today_shanghai
from models.storage.database import activated
from models.tables.audit import AuditEntry
from tests.support.http import admin_headers, staff_token

AUDIT = "/api/v1/admin/audit"
SUPPLIER = {"name": "佛冈县养鸡合作社", "type": "合作社", "region_code": "441821", "households_lifted": 42}
PRODUCT = {"sku": "AUD-1", "name": "佛冈走地鸡 1只", "brand": "佛冈", "category": "禽蛋肉类", "unit": "只",
           "price_fen": 8800, "stock": 20, "origin_code": "441821"}


async def _trail(client, headers, status=200, **params):
    resp = await client.get(AUDIT, params=params, headers=headers)
    body = await resp.json()
    assert resp.status == status, body
    return body


async def _some_history(client):
    """admin1 creates a supplier and a product and certifies the product; admin2 revokes it."""
    admin1 = await admin_headers(client)
    admin2 = {"Authorization": f"Bearer {await staff_token(client, username='admin2')}"}
    supplier = await (await client.post("/api/v1/admin/suppliers", json=SUPPLIER, headers=admin1)).json()
    await client.post("/api/v1/admin/products", json={**PRODUCT, "supplier_id": supplier["id"]}, headers=admin1)
    await client.post("/api/v1/admin/products/AUD-1/certify", json={"cert_no": "GD-1", "valid_until": "2099-01-01"},
                      headers=admin1)
    await client.post("/api/v1/admin/products/AUD-1/revoke", json={"reason": "抽检不合格"}, headers=admin2)
    return admin1, supplier["id"]


def _actions(page) -> list[str]:
    return [e["action"] for e in page["items"]]


async def test_the_trail_is_filtered_by_who_action_and_object(client):
    admin, supplier_id = await _some_history(client)
    everything = await _trail(client, admin)
    assert _actions(everything) == ["product.revoke", "product.certify", "product.create", "supplier.create"]
    assert everything["total"] == 4
    assert _actions(await _trail(client, admin, actor="admin2")) == ["product.revoke"]
    assert _actions(await _trail(client, admin, actor="admin1", action="product.*")) == [
        "product.certify", "product.create"]
    assert _actions(await _trail(client, admin, action="product.certify")) == ["product.certify"]
    assert _actions(await _trail(client, admin, entity_type="supplier", entity_id=str(supplier_id))) == [
        "supplier.create"]
    assert (await _trail(client, admin, actor="nobody"))["total"] == 0
    second = await _trail(client, admin, page=2, page_size=3)
    assert (_actions(second), second["total"]) == (["supplier.create"], 4)


async def test_the_trail_is_filtered_by_shanghai_days(client):
    admin, _ = await _some_history(client)
    today = today_shanghai()
    with activated(client.app[DATABASE]):  # the supplier was created at 23:30 Shanghai time the day before
        late = (datetime.combine(today - timedelta(days=1), datetime.min.time(), tzinfo=UTC)
                + timedelta(hours=15, minutes=30))
        await AuditEntry.filter(action="supplier.create").update(created_at=late)
    yesterday = (today - timedelta(days=1)).isoformat()
    assert _actions(await _trail(client, admin, **{"from": yesterday, "to": yesterday})) == ["supplier.create"]
    assert "supplier.create" not in _actions(await _trail(client, admin, **{"from": today.isoformat()}))
    assert (await _trail(client, admin, to=yesterday))["total"] == 1
    assert (await _trail(client, admin, **{"from": today.isoformat(), "to": today.isoformat()}))["total"] == 3


async def test_bad_filters_are_refused_with_their_code(client):
    admin = await admin_headers(client)
    body = await _trail(client, admin, status=422, **{"from": "2026-03-02", "to": "2026-03-01"})
    assert body["error"]["code"] == "invalid_date_range"
    for bad in ({"from": "yesterday"}, {"action": "drop table"}, {"page_size": "1000"}):
        body = await _trail(client, admin, status=422, **bad)
        assert body["error"]["code"] == "validation_error", bad
