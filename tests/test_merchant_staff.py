"""Administrators manage a counter's staff: list them, create one, attach an existing clerk's account (which then
acts for the new counter); the counter list shows each code's version, which rotating moves on."""
from __future__ import annotations

from api.keys import DATABASE
from models.storage.database import activated
from models.tables.audit import AuditEntry
from models.tables.users import Role
from tests.support.http import admin_headers, auth, consumer_headers, staff_token

M = "/api/v1/admin/merchants"


async def _json(resp, status: int) -> dict:
    body = await resp.json()
    assert resp.status == status, body
    return body


async def _merchant(client, admin, name: str) -> dict:
    return await _json(await client.post(M, json={"name": name, "kind": "pavilion"}, headers=admin), 201)


async def test_an_existing_clerk_is_attached_to_another_counter(client):
    admin = await admin_headers(client)
    clerk = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk-a", merchant_name="佛冈专柜"))
    first = (await _json(await client.get("/api/v1/merchant/code", headers=clerk), 200))["merchant_id"]
    pavilion = await _merchant(client, admin, "清远消费扶贫专馆")
    assert (pavilion["kind"], pavilion["key_version"]) == ("pavilion", 1)
    assert (await _json(await client.get(f"{M}/{pavilion['id']}/staff", headers=admin), 200))["items"] == []

    created = await _json(await client.post(f"{M}/{pavilion['id']}/staff", headers=admin,
                                            json={"username": "clerk-b", "password": "clerk-b-password"}), 201)
    attached = await _json(await client.post(f"{M}/{pavilion['id']}/staff/attach", headers=admin,
                                             json={"username": "clerk-a"}), 200)
    assert (attached["username"], attached["merchant_id"], attached["is_active"]) == ("clerk-a", pavilion["id"], True)
    listed = await _json(await client.get(f"{M}/{pavilion['id']}/staff", headers=admin), 200)
    assert [(s["id"], s["username"], s["merchant_id"]) for s in listed["items"]] == [
        (attached["id"], "clerk-a", pavilion["id"]), (created["id"], "clerk-b", pavilion["id"])]  # oldest first
    assert (await _json(await client.get(f"{M}/{first}/staff", headers=admin), 200))["items"] == []
    # the clerk's own session now acts for the pavilion
    assert (await _json(await client.get("/api/v1/merchant/code", headers=clerk), 200))["merchant_id"] == pavilion["id"]
    # attaching again changes nothing and writes no second audit entry
    await _json(await client.post(f"{M}/{pavilion['id']}/staff/attach", headers=admin, json={"username": "clerk-a"}),
                200)
    with activated(client.app[DATABASE]):
        trail = await AuditEntry.filter(action="merchant.attach_staff").values("entity_id", "before", "after",
                                                                              "actor_label")
    assert trail == [{"entity_id": str(attached["id"]), "before": {"merchant_id": first},
                      "after": {"merchant_id": pavilion["id"]}, "actor_label": "admin1"}]


async def test_attaching_refuses_what_is_not_a_clerk(client):
    admin = await admin_headers(client)
    await consumer_headers(client, "alice")
    zone = await _merchant(client, admin, "佛冈消费扶贫专区")
    url = f"{M}/{zone['id']}/staff/attach"

    async def refused(body: dict, status: int, path: str = url) -> str:
        return (await _json(await client.post(path, json=body, headers=admin), status))["error"]["code"]

    assert await refused({"username": "nobody"}, 404) == "staff_not_found"
    assert await refused({"username": "admin1"}, 422) == "not_merchant_staff"
    assert await refused({"username": ""}, 422) == "validation_error"
    assert await refused({"username": "admin1", "extra": 1}, 422) == "validation_error"
    assert await refused({"username": "x"}, 404, f"{M}/999999/staff/attach") == "merchant_not_found"
    missing = await client.get(f"{M}/999999/staff", headers=admin)
    assert (await _json(missing, 404))["error"]["code"] == "merchant_not_found"
    consumer = await consumer_headers(client, "bob")
    assert (await client.get(f"{M}/{zone['id']}/staff", headers=consumer)).status == 403
    assert (await client.post(url, json={"username": "admin1"}, headers=consumer)).status == 403


async def test_rotating_moves_the_listed_code_version(client):
    admin = await admin_headers(client)
    counter = await _merchant(client, admin, "英德红茶专柜")
    rotated = await _json(await client.post(f"{M}/{counter['id']}/rotate-code", headers=admin), 200)
    assert rotated["key_version"] == 2
    listed = await _json(await client.get(M, headers=admin), 200)
    assert [m["key_version"] for m in listed["items"] if m["id"] == counter["id"]] == [2]
