"""Re-certifying a revoked product: until a day after today, under its former certificate number unless a new
one is given, audited; refused for a product that is not revoked. The search follows."""
from __future__ import annotations

from datetime import timedelta

from models.clock import today_shanghai
from tests.support.http import admin_headers, search, skus

SUPPLIER = {"name": "佛冈县养鸡合作社", "type": "合作社", "region_code": "441821", "households_lifted": 42}
PRODUCT = {"sku": "RE-1", "name": "佛冈走地鸡 1只", "brand": "佛冈", "category": "禽蛋肉类", "unit": "只",
           "price_fen": 8800, "stock": 20, "origin_code": "441821", "aliases": ["清远鸡"]}
P = "/api/v1/admin/products"


async def _post(client, path, body, headers, status=200):
    resp = await client.post(path, json=body, headers=headers)
    reply = await resp.json()
    assert resp.status == status, reply
    return reply


async def _revoked_product(client):
    admin = await admin_headers(client)
    supplier = await _post(client, "/api/v1/admin/suppliers", SUPPLIER, admin, 201)
    await _post(client, f"/api/v1/admin/suppliers/{supplier['id']}/certify", {}, admin)
    await _post(client, P, {**PRODUCT, "supplier_id": supplier["id"]}, admin, 201)
    await _post(client, f"{P}/RE-1/certify", {"cert_no": "GD-FP-1", "valid_until": "2099-01-01"}, admin)
    await _post(client, f"{P}/RE-1/revoke", {"reason": "抽检不合格"}, admin)
    return admin


async def test_a_revoked_product_is_certified_again_and_sold_again(client):
    admin = await _revoked_product(client)
    revoked = await (await client.get(P, params={"status": "revoked", "q": "走地鸡"}, headers=admin)).json()
    assert [p["sku"] for p in revoked["items"]] == ["RE-1"]
    assert skus(await search(client, q="清远鸡")) == []
    until = (today_shanghai() + timedelta(days=200)).isoformat()
    product = await _post(client, f"{P}/RE-1/recertify", {"valid_until": until}, admin)
    assert (product["cert_status"], product["cert_no"], product["valid_until"]) == ("certified", "GD-FP-1", until)
    assert (product["revoked_reason"], product["sellable"]) == (None, True)
    assert skus(await search(client, q="清远鸡")) == ["RE-1"]
    trail = await (await client.get("/api/v1/admin/audit", params={"entity_id": "RE-1"}, headers=admin)).json()
    entry = trail["items"][0]
    assert (entry["action"], entry["actor"]) == ("product.recertify", "admin1")
    assert (entry["before"]["cert_status"], entry["after"]["cert_status"]) == ("revoked", "certified")
    assert entry["after"]["valid_until"] == until


async def test_a_new_certificate_number_may_be_given(client):
    admin = await _revoked_product(client)
    until = (today_shanghai() + timedelta(days=1)).isoformat()
    product = await _post(client, f"{P}/RE-1/recertify", {"valid_until": until, "cert_no": "GD-FP-2"}, admin)
    assert (product["cert_no"], product["valid_until"]) == ("GD-FP-2", until)


async def test_refusals_change_nothing(client):
    admin = await _revoked_product(client)
    today = today_shanghai().isoformat()
    body = await _post(client, f"{P}/RE-1/recertify", {"valid_until": today}, admin, 422)
    assert body["error"]["code"] == "invalid_valid_until"
    body = await _post(client, f"{P}/NOPE/recertify", {"valid_until": "2099-01-01"}, admin, 404)
    assert body["error"]["code"] == "product_not_found"
    await _post(client, f"{P}/RE-1/recertify", {"valid_until": "2099-01-01"}, admin)
    body = await _post(client, f"{P}/RE-1/recertify", {"valid_until": "2099-06-01"}, admin, 409)
    assert (body["error"]["code"], body["error"]["details"]["cert_status"]) == ("product_not_revoked", "certified")
    product = await (await client.get(f"{P}/RE-1", headers=admin)).json()
    assert product["valid_until"] == "2099-01-01"


async def test_a_rejected_product_without_a_number_needs_one(client):
    admin = await admin_headers(client)
    supplier = await _post(client, "/api/v1/admin/suppliers", SUPPLIER, admin, 201)
    await _post(client, P, {**PRODUCT, "supplier_id": supplier["id"]}, admin, 201)
    await _post(client, f"{P}/RE-1/revoke", {"reason": "资料不全"}, admin)  # 驳回: never certified, no number
    body = await _post(client, f"{P}/RE-1/recertify", {"valid_until": "2099-01-01"}, admin, 422)
    assert body["error"]["code"] == "cert_no_required"
    product = await _post(client, f"{P}/RE-1/recertify", {"valid_until": "2099-01-01", "cert_no": "GD-9"}, admin)
    assert (product["cert_status"], product["cert_no"]) == ("certified", "GD-9")
