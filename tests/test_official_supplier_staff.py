"""Supplier staff accounts created by officials (issue 18, item 1): an official of the supplier's county, city or
province may create one (audited); another region's supplier is 404 as if it did not exist; the administrator may
for any supplier; a consumer, a clerk or a supplier's staff get 403; a refusal creates nothing."""
from __future__ import annotations

import pytest

from api.keys import DATABASE
from models.storage.database import activated
from models.tables.audit import AuditEntry
from models.tables.users import Role, User
from tests.support.http import admin_headers, consumer_headers, import_csv, official_headers, supplier_headers
from tests.support.suppliers import supplier_id

FOGANG_SUPPLIER, PANZHOU_SUPPLIER = "佛冈县广生源农业有限公司", "贵州刺柠吉生物科技有限公司"
PASSWORD = "supplier-pass-1"


def _url(sid: int) -> str:
    return f"/api/v1/admin/suppliers/{sid}/staff"


@pytest.fixture
async def desk(client, small_catalog):
    admin = await admin_headers(client)
    await import_csv(client, small_catalog, admin)
    fogang, panzhou = await supplier_id(client, FOGANG_SUPPLIER), await supplier_id(client, PANZHOU_SUPPLIER)
    headers = {"admin": admin, "consumer": await consumer_headers(client, "alice"),
               "supplier": await supplier_headers(client, fogang, "fogang-staff-0")}
    for name, level, code in [("county", "county", "441821"), ("city", "city", "441800"),
                              ("province", "province", "440000"), ("county_other", "county", "441823"),
                              ("city_other", "city", "520200"), ("province_other", "province", "520000")]:
        headers[name] = await official_headers(client, level, code, username=f"official-{name}")
    return {"headers": headers, "fogang": fogang, "panzhou": panzhou}


async def _accounts(client, username: str) -> tuple[list[User], list[AuditEntry]]:
    with activated(client.app[DATABASE]):
        users = await User.filter(username=username)
        entries = [e for e in await AuditEntry.filter(action="supplier.add_staff")
                   if (e.after or {}).get("username") == username]
        return users, entries


@pytest.mark.parametrize("official", ["county", "city", "province"])
async def test_an_official_creates_staff_for_a_supplier_of_their_region(client, desk, official):
    username = f"fogang-{official}"
    resp = await client.post(_url(desk["fogang"]), json={"username": username, "password": PASSWORD},
                             headers=desk["headers"][official])
    assert resp.status == 201, await resp.text()
    body = await resp.json()
    assert body["supplier_id"] == desk["fogang"]
    assert body["username"] == username
    # the new account logs in and works at its supplier's desk
    resp = await client.post("/api/v1/auth/staff", json={"username": username, "password": PASSWORD})
    assert resp.status == 200, await resp.text()
    token = (await resp.json())["token"]
    resp = await client.get("/api/v1/supplier/fulfilments", headers={"Authorization": f"Bearer {token}"})
    assert resp.status == 200, await resp.text()
    [user], [entry] = await _accounts(client, username)
    assert user.role == Role.SUPPLIER_STAFF
    assert user.supplier_id == desk["fogang"]
    assert entry.actor_label == f"official-{official}"
    assert entry.entity_type == "user"
    assert entry.entity_id == str(body["id"])
    assert entry.after["supplier_id"] == desk["fogang"]
    # the administrator reads it in the audit trail
    resp = await client.get("/api/v1/admin/audit", params={"action": "supplier.*"}, headers=desk["headers"]["admin"])
    assert any(e["entity_id"] == str(body["id"]) for e in (await resp.json())["items"])


@pytest.mark.parametrize("official", ["county_other", "city_other", "province_other"])
async def test_another_regions_supplier_does_not_exist_for_an_official(client, desk, official):
    """阳山县 (same city as 佛冈), 六盘水市 and 贵州 (盘州's) officials ask for 佛冈's supplier:
    404, nothing created."""
    username = f"intruder-{official}"
    resp = await client.post(_url(desk["fogang"]), json={"username": username, "password": PASSWORD},
                             headers=desk["headers"][official])
    assert resp.status == 404, await resp.text()
    assert (await resp.json())["error"]["code"] == "supplier_not_found"
    assert await _accounts(client, username) == ([], [])
    resp = await client.post("/api/v1/auth/staff", json={"username": username, "password": PASSWORD})
    assert resp.status == 401


async def test_the_answer_outside_the_region_is_the_one_for_no_supplier(client, desk):
    """An official cannot tell another region's supplier from a missing one; a bad body in the region is 422."""
    county = desk["headers"]["county"]
    body = {"username": "nobody-new", "password": PASSWORD}
    missing = await client.post(_url(999_999), json=body, headers=county)
    elsewhere = await client.post(_url(desk["panzhou"]), json=body, headers=county)
    assert missing.status == elsewhere.status == 404
    assert (await missing.json())["error"]["code"] == (await elsewhere.json())["error"]["code"] == "supplier_not_found"
    weak = await client.post(_url(desk["fogang"]), json={"username": "weak-one", "password": "short"}, headers=county)
    assert weak.status == 422
    assert await _accounts(client, "nobody-new") == ([], [])
    assert await _accounts(client, "weak-one") == ([], [])


async def test_the_administrator_creates_staff_for_any_supplier(client, desk):
    for sid, username in [(desk["fogang"], "admin-made-fogang"), (desk["panzhou"], "admin-made-panzhou")]:
        resp = await client.post(_url(sid), json={"username": username, "password": PASSWORD},
                                 headers=desk["headers"]["admin"])
        assert resp.status == 201, await resp.text()
        [user], [entry] = await _accounts(client, username)
        assert user.supplier_id == sid
        assert entry.actor_label == "admin1"
    resp = await client.post(_url(999_999), json={"username": "ghost", "password": PASSWORD},
                             headers=desk["headers"]["admin"])
    assert resp.status == 404
    assert (await resp.json())["error"]["code"] == "supplier_not_found"
    taken = await client.post(_url(desk["fogang"]), json={"username": "admin-made-fogang", "password": PASSWORD},
                              headers=desk["headers"]["county"])
    assert taken.status == 409
    assert (await taken.json())["error"]["code"] == "username_taken"
    assert len((await _accounts(client, "admin-made-fogang"))[1]) == 1


@pytest.mark.parametrize("role", ["consumer", "supplier"])
async def test_others_are_refused(client, desk, role):
    username = f"made-by-{role}"
    resp = await client.post(_url(desk["fogang"]), json={"username": username, "password": PASSWORD},
                             headers=desk["headers"][role])
    assert resp.status == 403, await resp.text()
    assert (await resp.json())["error"]["code"] == "forbidden"
    assert await _accounts(client, username) == ([], [])
