"""One error shape everywhere; the OpenAPI document covers every route; health."""
from __future__ import annotations

from api.handlers.console import ROUTES as CONSOLE_ROUTES
from api.routes import ROUTES
from api.wechat.pay_setup import SANDBOX_PREFIX
from tests.support.http import admin_headers


def assert_error(body: dict, code: str) -> None:
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]


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
    assert ("username",) in locs
    assert ("password",) in locs
    assert ("extra",) in locs


async def test_bad_query_parameter_is_422(client):
    resp = await client.get("/api/v1/products", params={"page_size": "1000"})
    assert resp.status == 422
    assert_error(await resp.json(), "validation_error")


async def test_oversize_body_is_413(make_client):
    client = await make_client(max_body_bytes=1024)
    headers = await admin_headers(client)
    resp = await client.post("/api/v1/admin/catalog/import", data=b"x" * 4096,
                             headers={**headers, "Content-Type": "text/csv"})
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
    assert admin_op["x-roles"] == ["admin", "official"]  # officials read it too, scoped to their region
    assert admin_op["security"] == [{"bearer": []}]
    assert "ProductIn" in doc["components"]["schemas"]


async def test_docs_page_and_health(client):
    resp = await client.get("/api/docs")
    assert resp.status == 200
    assert "爱心助农" in await resp.text()
    resp = await client.get("/healthz")
    assert resp.status == 200
    assert (await resp.json())["database"] == "ok"


# ---------------------------------------------------------------- the edge refuses what the database cannot take
# Each of these answered 500 before (RecursionError, PostgreSQL refusing NUL or an out-of-range integer, a NOT NULL
# column set to null, a date past 9999-12-31), or read nonsense (date=0 as 1970-01-01).

DEEP = 100_000


async def _merchant_headers(client) -> dict[str, str]:
    from models.tables.users import Role
    from tests.support.http import auth, staff_token
    return auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk1"))


async def test_json_nested_too_deep_is_400_on_public_routes(client):
    for path in ("/api/v1/auth/staff", "/api/v1/auth/wechat"):
        for body in ("[" * DEEP + "]" * DEEP, '{"a":' * DEEP + "1" + "}" * DEEP):
            resp = await client.post(path, data=body.encode(), headers={"Content-Type": "application/json"})
            assert resp.status == 400, (path, await resp.text())
            assert_error(await resp.json(), "body_too_deep")
    shallow = {"username": "nobody", "password": "x", "extra": [[[[[1]]]]]}  # a little nesting is just a 422
    assert (await client.post("/api/v1/auth/staff", json=shallow)).status == 422


async def _refused(resp, status: int = 422, code: str = "validation_error") -> dict:
    assert resp.status == status, await resp.text()
    body = await resp.json()
    assert_error(body, code)
    return body


async def test_nul_in_any_string_is_422(client, small_catalog):
    from tests.support.http import consumer_headers, import_csv
    admin = await admin_headers(client)
    await import_csv(client, small_catalog, admin)
    alice = await consumer_headers(client)
    body = await _refused(await client.post("/api/v1/auth/staff", json={"username": "a\x00b", "password": "x"}))
    assert [e["loc"] for e in body["error"]["details"]["errors"]] == [["username"]]
    await _refused(await client.post("/api/v1/auth/wechat", json={"code": "dev:a\x00b"}))
    await _refused(await client.get("/api/v1/products/a%00b"))
    await _refused(await client.get("/api/v1/products?q=a%00b"))
    address = {"name": "张三", "phone": "13800000000", "province": "广东省", "city": "清远市", "county": "佛冈县",
               "detail": "石角镇\x00一号"}
    await _refused(await client.post("/api/v1/me/addresses", json=address, headers=alice))
    order = {"items": [{"sku": "T-EGG-01", "qty": 1}], "note": "放门口\x00"}
    await _refused(await client.post("/api/v1/orders", json=order, headers=alice))
    await _refused(await client.post("/api/v1/admin/merchants", json={"name": "专柜\x00"}, headers=admin))
    await _refused(await client.get("/api/v1/admin/audit?entity_id=a%00b", headers=admin))
    await _refused(await client.post("/api/v1/orders", json={"items": [{"sku": "T-EGG-01\x00", "qty": 1}]},
                                     headers=alice))
    nul_key = await client.post("/api/v1/auth/staff", json={"username": "a", "password": "x", "k\x00": 1})
    await _refused(nul_key)


async def test_integers_beyond_their_column_are_422(client, small_catalog):
    from tests.support.http import consumer_headers, import_csv
    admin = await admin_headers(client)
    await import_csv(client, small_catalog, admin)
    clerk = await _merchant_headers(client)
    alice = await consumer_headers(client)
    await _refused(await client.post("/api/v1/merchant/redemptions/9223372036854775808/void", json={}, headers=clerk))
    await _refused(await client.patch("/api/v1/admin/suppliers/2147483648", json={"households_lifted": 1},
                                      headers=admin))
    await _refused(await client.get("/api/v1/admin/organizations/report?organization=x&batch_id=9223372036854775808",
                                    headers=admin))
    await _refused(await client.get("/api/v1/admin/card-batches/2147483648", headers=admin))
    order = {"items": [{"sku": "T-EGG-01", "qty": 1}], "address_id": 2**70}
    await _refused(await client.post("/api/v1/orders", json=order, headers=alice))
    order["address_id"] = 2**31
    await _refused(await client.post("/api/v1/orders", json=order, headers=alice))
    # the largest id that fits is only not found
    resp = await client.patch("/api/v1/admin/suppliers/2147483647", json={"households_lifted": 1}, headers=admin)
    assert resp.status == 404


async def test_patch_null_on_a_required_field_is_422(client, small_catalog):
    from tests.support.http import import_csv
    admin = await admin_headers(client)
    await import_csv(client, small_catalog, admin)
    for field in ("price_fen", "name", "stock"):
        body = await _refused(await client.patch("/api/v1/admin/products/T-EGG-01", json={field: None}, headers=admin))
        assert [e["loc"] for e in body["error"]["details"]["errors"]] == [[field]]
    supplier_id = (await (await client.get("/api/v1/admin/suppliers", headers=admin)).json())["items"][0]["id"]
    await _refused(await client.patch(f"/api/v1/admin/suppliers/{supplier_id}", json={"name": None}, headers=admin))
    # a column that may be empty can still be cleared
    resp = await client.patch(f"/api/v1/admin/suppliers/{supplier_id}", json={"region_code": None}, headers=admin)
    assert resp.status == 200
    assert (await resp.json())["region_code"] is None
    resp = await client.patch("/api/v1/admin/products/T-EGG-01", json={"stock": 7}, headers=admin)
    assert resp.status == 200
    assert (await resp.json())["stock"] == 7


async def test_days_out_of_range_or_not_a_date_are_422(client):
    admin = await admin_headers(client)
    clerk = await _merchant_headers(client)
    resp = await client.post("/api/v1/admin/settlements/close", json={"merchant_id": 1, "date": "9999-12-31"},
                             headers=admin)
    await _refused(resp)
    await _refused(await client.get("/api/v1/merchant/redemptions?date=0", headers=clerk))
    await _refused(await client.get("/api/v1/admin/settlements?date=0", headers=admin))
    await _refused(await client.get("/api/v1/admin/stats?group_by=day&from=1", headers=admin))
    await _refused(await client.get("/api/v1/merchant/settlements?date=1999-12-31", headers=clerk))
    assert (await client.get("/api/v1/merchant/settlements?date=2024-05-01", headers=clerk)).status == 200


async def test_chat_message_length_counts_the_whitespace(client):
    from tests.support.http import consumer_headers
    alice = await consumer_headers(client)
    await _refused(await client.post("/api/v1/chat", json={"message": " " * 1000 + "鸡蛋"}, headers=alice))
    assert (await client.post("/api/v1/chat", json={"message": " " * 990 + "鸡蛋"}, headers=alice)).status == 200


async def test_405_names_the_allowed_methods(client):
    resp = await client.delete("/api/v1/products")
    assert resp.status == 405
    assert "GET" in resp.headers["Allow"]


# ---------------------------------------------------------------- one error hierarchy (docs/errors.md)

# Exceptions that are not AppErrors because they never reach HTTP; each says so in its docstring.
INTERNAL_EXCEPTIONS = {
    "api.settings.ConfigurationError",  # start-up only
    "api.wechat.pay_sandbox.Refusal",  # the sandbox's own answer, in WeChat's shape
    "api.wechat.pay_crypto.ResourceDecryptError", "api.wechat.pay_crypto.NotificationRejected",  # WeChat's shape
    "api.wechat.customer_service.SendFailed",  # the background relay records it
    "models.services.card_batches.LeaseLost", "models.services.redemption_requests._Taken",  # control flow
    "models.storage.sql_batch.Refused",  # control flow: callers turn it into a kind
    "models.places.region_directory.RegionNotFound",  # callers turn it into invalid_address or a catalogue problem
}
PRODUCT = ("api", "models", "bot")


def _product_modules() -> list:
    import importlib
    import pkgutil

    modules = [importlib.import_module("main")]
    for package in PRODUCT:
        path = importlib.import_module(package).__path__
        modules += [importlib.import_module(info.name) for info in pkgutil.walk_packages(path, f"{package}.")
                    if ".migrations" not in info.name]
    return modules


def test_there_is_one_error_hierarchy():
    """Every exception class of the product is a kind of AppError, or one of the few that never reach HTTP."""
    from models.errors import AppError

    outside = {}
    for module in _product_modules():
        for obj in vars(module).values():
            if (isinstance(obj, type) and issubclass(obj, BaseException) and obj.__module__ == module.__name__
                    and not issubclass(obj, AppError)):
                outside[f"{obj.__module__}.{obj.__qualname__}"] = obj
    assert set(outside) == INTERNAL_EXCEPTIONS
    for name, cls in outside.items():
        assert "not an apperror" in (cls.__doc__ or "").lower(), f"{name} must say why it is not an AppError"


def test_every_kind_has_one_status_in_the_table():
    from api.errors import KIND_OF_STATUS, STATUS
    from models import errors

    kinds = {obj for obj in vars(errors).values() if isinstance(obj, type) and issubclass(obj, errors.AppError)}
    assert kinds == set(STATUS)
    assert len(KIND_OF_STATUS) == len(kinds) - 1  # no two kinds share a status (the root is the fallback)
    assert all(400 <= status < 600 for status in STATUS.values())


def test_no_second_error_type_in_product_code():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    files = [root / "main.py", *(p for package in PRODUCT for p in (root / package).rglob("*.py"))]
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "ApiError" not in text, path
        assert not re.search(r"\braise (AppError|DomainError)\(", text), f"{path}: raise a kind, not the root"
        if path.name != "errors.py":
            assert "error_response(" not in text, f"{path}: raise a kind; api/errors.py renders it"


async def test_edge_errors_keep_their_status_and_code(client, small_catalog, monkeypatch):
    """A few refusals raised as kinds at the HTTP edge that other tests do not reach: same status, same code."""
    from tests.support.orders import order, shop

    admin, consumer = await shop(client, small_catalog)
    no = (await order(client, consumer, ("T-EGG-01", 1)))["order_no"]
    resp = await client.post(f"/api/v1/orders/{no}/pay", json={"method": "card"}, headers=consumer)
    assert resp.status == 422
    assert_error(await resp.json(), "card_no_required")

    resp = await client.post("/api/v1/admin/catalog/import", data=b"--x\r\n\r\n--x--\r\n",
                             headers={**admin, "Content-Type": "multipart/form-data"})  # no boundary
    assert resp.status == 400
    assert_error(await resp.json(), "malformed_multipart")

    async def database_down() -> bool:
        return False
    monkeypatch.setattr("api.handlers.health.database_ok", database_down)
    resp = await client.get("/healthz")
    assert resp.status == 503
    assert_error(await resp.json(), "database_unavailable")
