"""One error shape everywhere; the OpenAPI document covers every route; health."""
from __future__ import annotations

from api.routes import ROUTES
from api.handlers.console import ROUTES as CONSOLE_ROUTES
from api.wechat.pay_setup import SANDBOX_PREFIX
from tests.helpers import admin_headers


def assert_error(body: dict, code: str) -> None:
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code and body["error"]["message"]


async def test_unknown_route_is_json_404(client):
    resp = await client.get("/api/v1/nothing-here")
    assert resp.status == 404
    assert_error(await resp.json(), "not_found")


async def test_wrong_method_is_json_405(client):
    resp = await client.delete("/api/v1/products")
    assert resp.status == 405
    assert_error(await resp.json(), "method_not_allowed")


async def test_malformed_json_is_400(client):
    resp = await client.post("/api/v1/auth/staff", data=b"{not json", headers={"Content-Type": "application/json"})
    assert resp.status == 400
    assert_error(await resp.json(), "malformed_json")


async def test_validation_error_is_422_with_details(client):
    resp = await client.post("/api/v1/auth/staff", json={"username": "", "extra": 1})
    assert resp.status == 422
    body = await resp.json()
    assert_error(body, "validation_error")
    locs = {tuple(e["loc"]) for e in body["error"]["details"]["errors"]}
    assert ("username",) in locs and ("password",) in locs and ("extra",) in locs


async def test_bad_query_parameter_is_422(client):
    resp = await client.get("/api/v1/products", params={"page_size": "1000"})
    assert resp.status == 422
    assert_error(await resp.json(), "validation_error")


async def test_oversize_body_is_413(make_client):
    client = await make_client(max_body_bytes=1024)
    headers = await admin_headers(client)
    resp = await client.post("/api/v1/admin/catalog/import", data=b"x" * 4096, headers={**headers, "Content-Type": "text/csv"})
    assert resp.status == 413
    assert_error(await resp.json(), "payload_too_large")


async def test_domain_conflict_is_409(client):
    headers = await admin_headers(client)
    body = {"name": "同名合作社", "type": "合作社"}
    assert (await client.post("/api/v1/admin/suppliers", json=body, headers=headers)).status == 201
    resp = await client.post("/api/v1/admin/suppliers", json=body, headers=headers)
    assert resp.status == 409
    assert_error(await resp.json(), "supplier_exists")


async def test_openapi_covers_every_registered_route(client):
    doc = await (await client.get("/api/v1/openapi.json")).json()
    assert doc["openapi"].startswith("3.")
    documented = {(method.upper(), path) for path, ops in doc["paths"].items() for method in ops}
    # The embedded WeChat Pay sandbox stands in for WeChat's servers, and the web console's pages and files
    # are for people: neither is our API.
    console = {route.path for route in CONSOLE_ROUTES}
    registered = {
        (route.method, route.resource.canonical)
        for route in client.app.router.routes()
        if route.method != "HEAD" and not route.resource.canonical.startswith(SANDBOX_PREFIX)
        and route.resource.canonical not in console and not route.resource.canonical.startswith("/static/")
    }
    assert registered <= documented
    assert len(ROUTES) - len(CONSOLE_ROUTES) == len(documented)
    admin_op = doc["paths"]["/api/v1/admin/products"]["get"]
    assert admin_op["x-roles"] == ["admin"] and admin_op["security"] == [{"bearer": []}]
    assert "ProductIn" in doc["components"]["schemas"]


async def test_docs_page_and_health(client):
    resp = await client.get("/api/docs")
    assert resp.status == 200 and "爱心助农" in await resp.text()
    resp = await client.get("/healthz")
    assert resp.status == 200 and (await resp.json())["database"] == "ok"
