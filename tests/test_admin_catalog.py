"""The certification workflow through the admin API, and its audit trail."""
from __future__ import annotations

from tests.support.http import admin_headers, search, skus

PRODUCT = {
    "sku": "NEW-1", "name": "佛冈走地鸡 1只", "brand": "佛冈", "category": "禽蛋肉类", "unit": "只",
    "price_fen": 8800, "stock": 20, "origin_code": "441821", "tags": ["走地鸡"], "aliases": ["清远鸡"],
}


async def make_supplier(client, headers) -> int:
    resp = await client.post("/api/v1/admin/suppliers", json={
        "name": "佛冈县养鸡合作社", "type": "合作社", "region_code": "441821", "households_lifted": 42},
        headers=headers)
    assert resp.status == 201, await resp.text()
    supplier = await resp.json()
    assert supplier["cert_status"] == "pending"
    return supplier["id"]


async def test_created_items_start_pending_and_need_both_certifications(client):
    headers = await admin_headers(client)
    supplier_id = await make_supplier(client, headers)
    resp = await client.post("/api/v1/admin/products", json={**PRODUCT, "supplier_id": supplier_id}, headers=headers)
    assert resp.status == 201
    assert (await resp.json())["cert_status"] == "pending"
    pending = await (await client.get("/api/v1/admin/products?status=pending", headers=headers)).json()
    assert [p["sku"] for p in pending["items"]] == ["NEW-1"]
    await client.post("/api/v1/admin/products/NEW-1/certify", json={"cert_no": "GD-1", "valid_until": "2099-01-01"},
                      headers=headers)
    assert (await search(client, q="走地鸡"))["total"] == 0  # the supplier is still pending
    await client.post(f"/api/v1/admin/suppliers/{supplier_id}/certify", json={"cert_no": "GD-S-1"}, headers=headers)
    assert skus(await search(client, q="清远鸡")) == ["NEW-1"]
    product = await (await client.get("/api/v1/admin/products/NEW-1", headers=headers)).json()
    assert product["sellable"] is True


async def test_edit_changes_search_and_is_audited(client):
    headers = await admin_headers(client)
    supplier_id = await make_supplier(client, headers)
    await client.post("/api/v1/admin/products", json={**PRODUCT, "supplier_id": supplier_id}, headers=headers)
    await client.post("/api/v1/admin/products/NEW-1/certify", json={"cert_no": "GD-1", "valid_until": "2099-01-01"},
                      headers=headers)
    await client.post(f"/api/v1/admin/suppliers/{supplier_id}/certify", json={}, headers=headers)
    resp = await client.patch("/api/v1/admin/products/NEW-1", json={"name": "佛冈清远麻鸡 1只", "price_fen": 9900},
                              headers=headers)
    assert resp.status == 200
    assert (await resp.json())["price_fen"] == 9900
    assert skus(await search(client, q="麻鸡")) == ["NEW-1"]
    await client.post("/api/v1/admin/products/NEW-1/revoke", json={"reason": "农残超标"}, headers=headers)
    audit = await (await client.get("/api/v1/admin/audit?entity_type=product&entity_id=NEW-1", headers=headers)).json()
    actions = [e["action"] for e in audit["items"]]
    assert actions == ["product.revoke", "product.update", "product.certify", "product.create"]
    revoke, update = audit["items"][0], audit["items"][1]
    assert revoke["actor"] == "admin1"
    assert revoke["after"]["revoked_reason"] == "农残超标"
    assert revoke["before"]["cert_status"] == "certified"
    assert revoke["after"]["cert_status"] == "revoked"
    assert update["before"]["price_fen"] == 8800
    assert update["after"]["price_fen"] == 9900
    assert update["created_at"].endswith("+08:00")


async def test_bad_input_is_refused_cleanly(client):
    headers = await admin_headers(client)
    supplier_id = await make_supplier(client, headers)
    resp = await client.post("/api/v1/admin/products",
                             json={**PRODUCT, "supplier_id": supplier_id, "origin_code": "999999"}, headers=headers)
    assert resp.status == 422
    assert (await resp.json())["error"]["code"] == "unknown_region"
    resp = await client.post("/api/v1/admin/products", json={**PRODUCT, "supplier_id": 999}, headers=headers)
    assert resp.status == 404
    assert (await resp.json())["error"]["code"] == "supplier_not_found"
    resp = await client.post("/api/v1/admin/products", json={**PRODUCT, "supplier_id": supplier_id, "price_fen": 12.5},
                             headers=headers)
    assert resp.status == 422
    resp = await client.post("/api/v1/admin/products/NOPE/certify", json={"cert_no": "X", "valid_until": "2099-01-01"},
                             headers=headers)
    assert resp.status == 404
    assert (await resp.json())["error"]["code"] == "product_not_found"
    resp = await client.post("/api/v1/admin/products/NOPE/revoke", json={"reason": ""}, headers=headers)
    assert resp.status == 422
    listing = await (await client.get("/api/v1/admin/products", headers=headers)).json()
    assert listing["total"] == 0


async def test_admins_find_products_by_part_of_the_name_or_sku_in_any_state(client):
    """Revoked or pending products are found too (the public search only lists what is on sale)."""
    headers = await admin_headers(client)
    supplier_id = await make_supplier(client, headers)
    for sku, name in (("NEW-1", "佛冈走地鸡 1只"), ("NEW-2", "佛冈竹笋 500g"), ("OTHER-3", "静宁苹果 5kg")):
        resp = await client.post("/api/v1/admin/products", headers=headers,
                                 json={**PRODUCT, "sku": sku, "name": name, "supplier_id": supplier_id})
        assert resp.status == 201, await resp.text()

    async def found(**params) -> list[str]:
        resp = await client.get("/api/v1/admin/products", params=params, headers=headers)
        assert resp.status == 200, await resp.text()
        return sorted(p["sku"] for p in (await resp.json())["items"])

    assert await found(q="佛冈") == ["NEW-1", "NEW-2"]
    assert await found(q="other") == ["OTHER-3"]
    assert await found(q="竹笋", status="pending") == ["NEW-2"]
    assert await found(q="竹笋", status="certified") == []
    assert await found(q="  ") == ["NEW-1", "NEW-2", "OTHER-3"]
    resp = await client.get("/api/v1/admin/products", params={"q": "x" * 101}, headers=headers)
    assert resp.status == 422
