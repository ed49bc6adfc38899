"""Small helpers the tests share: logging in as each kind of user, the catalogue CSV, the throttling answer."""
from __future__ import annotations

from aiohttp.test_utils import TestClient

from api.keys import DATABASE
from models.services.merchants import create_merchant
from models.services.staff_accounts import StaffTies, create_staff_user
from models.storage.database import activated
from models.tables.merchants import MerchantKind
from models.tables.users import Role


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def staff_token(client: TestClient, role: Role = Role.ADMIN, username: str = "admin1",
                      password: str = "correct horse battery", merchant_name: str | None = None) -> str:
    with activated(client.app[DATABASE]):
        merchant_id = None
        if role == Role.MERCHANT_STAFF:
            merchant = await create_merchant(None, name=merchant_name or f"{username}的专柜", kind=MerchantKind.COUNTER)
            merchant_id = merchant.id
        await create_staff_user(role, username, password, merchant_id)
    resp = await client.post("/api/v1/auth/staff", json={"username": username, "password": password})
    assert resp.status == 200, await resp.text()
    return (await resp.json())["token"]


async def tied_staff_token(client: TestClient, role: Role, ties: StaffTies, username: str,
                           password: str = "correct horse battery") -> str:
    """Log in a supplier's staff member (ties.supplier_id) or an official (ties.level, ties.region_code)."""
    with activated(client.app[DATABASE]):
        await create_staff_user(role, username, password, ties=ties)
    resp = await client.post("/api/v1/auth/staff", json={"username": username, "password": password})
    assert resp.status == 200, await resp.text()
    return (await resp.json())["token"]


async def supplier_headers(client: TestClient, supplier_id: int, username: str = "supplier1") -> dict[str, str]:
    return auth(await tied_staff_token(client, Role.SUPPLIER_STAFF, StaffTies(supplier_id=supplier_id), username))


async def official_headers(client: TestClient, level: str, region: str, username: str = "official1") -> dict[str, str]:
    """An official of a level ("county", "city", "province") for a 6-digit region code such as "441821"."""
    ties = StaffTies(level=level, region_code=region)
    return auth(await tied_staff_token(client, Role.OFFICIAL, ties, username))


async def admin_headers(client: TestClient) -> dict[str, str]:
    return auth(await staff_token(client))


async def consumer_headers(client: TestClient, name: str = "alice") -> dict[str, str]:
    resp = await client.post("/api/v1/auth/wechat", json={"code": f"dev:{name}"})
    assert resp.status == 200, await resp.text()
    return auth((await resp.json())["token"])


async def import_csv(client: TestClient, data: bytes, headers: dict[str, str]) -> dict:
    resp = await client.post("/api/v1/admin/catalog/import", data=data, headers={**headers, "Content-Type": "text/csv"})
    assert resp.status == 200, await resp.text()
    return await resp.json()


async def search(client: TestClient, **params: str) -> dict:
    resp = await client.get("/api/v1/products", params=params)
    assert resp.status == 200, await resp.text()
    return await resp.json()


def skus(page: dict) -> list[str]:
    return [item["sku"] for item in page["items"]]


HEADER = ("sku,name,brand,category,unit,price,stock,supplier,supplier_type,origin_province,origin_city,origin_county,"
          "cert_no,cert_valid_until,poor_households,tags,aliases")


def assert_limited(resp, body, limit: str) -> int:
    """A 429 too_many_attempts for `limit`, with a Retry-After of at least a second; returns the wait."""
    assert resp.status == 429, body
    assert body["error"]["code"] == "too_many_attempts"
    assert body["error"]["details"]["limit"] == limit
    wait = body["error"]["details"]["retry_after_seconds"]
    assert resp.headers["Retry-After"] == str(wait)
    assert wait >= 1
    return wait
