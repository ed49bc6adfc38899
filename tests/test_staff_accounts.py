"""Supplier staff and regional officials: created from the command line, logged in like every staff member."""
from __future__ import annotations

from api.keys import DATABASE
from models.storage.database import activated
from models.tables.catalog import Supplier, SupplierType
from tests.support.cli import empty_database_url, run_cli  # noqa: F401 (fixtures)
from tests.support.http import auth, official_headers, supplier_headers


async def test_supplier_staff_logs_in_tied_to_their_supplier(client):
    with activated(client.app[DATABASE]):
        supplier = await Supplier.create(name="佛冈蜂农合作社", type=SupplierType.COOPERATIVE, region_id="441821")
    headers = await supplier_headers(client, supplier.id)
    me = await (await client.get("/api/v1/me", headers=headers)).json()
    assert me["role"] == "supplier_staff"
    assert me["supplier_id"] == supplier.id
    assert me["region_code"] is None


async def test_officials_region_is_read_from_the_six_digit_code(client):
    for level, code, stored in (("county", "441821", "441821"), ("city", "441800", "4418"),
                                ("province", "440000", "44")):
        headers = await official_headers(client, level, code, username=f"official-{level}")
        me = await (await client.get("/api/v1/me", headers=headers)).json()
        assert me["role"] == "official"
        assert me["region_code"] == stored


async def test_staff_cannot_reach_the_administrators_endpoints(client):
    headers = await official_headers(client, "province", "440000")
    resp = await client.post("/api/v1/admin/catalog/import", data=b"x", headers={**headers, "Content-Type": "text/csv"})
    assert resp.status == 403
    assert auth("x")  # the helper module's shape stays importable


def test_create_user_cli_for_suppliers_and_officials(empty_database_url):
    assert run_cli("migrate", database_url=empty_database_url).returncode == 0
    ok = run_cli("create-user", "--role", "official", "--level", "city", "--region", "441800", "--username", "qy",
                 "--password", "long enough pw", database_url=empty_database_url)
    assert ok.returncode == 0, ok.stderr
    mismatch = run_cli("create-user", "--role", "official", "--level", "county", "--region", "441800", "--username",
                       "qy2", "--password", "long enough pw", database_url=empty_database_url)
    assert mismatch.returncode != 0
    assert "清远市" in mismatch.stderr
    unknown = run_cli("create-user", "--role", "official", "--level", "county", "--region", "449999", "--username",
                      "qy3", "--password", "long enough pw", database_url=empty_database_url)
    assert unknown.returncode != 0
    assert "行政区划" in unknown.stderr
    no_supplier = run_cli("create-user", "--role", "supplier_staff", "--username", "s1", "--password",
                          "long enough pw", database_url=empty_database_url)
    assert no_supplier.returncode != 0
    assert "供应商" in no_supplier.stderr
