"""The OpenAPI document is valid and says what the server does.

1. The document validates (openapi-spec-validator), every `$ref` resolves, every path parameter has its schema.
2. schemathesis (its pytest plugin) sends every operation the requests its examples and coverage phases derive
   from the document, with a fixed seed, as a consumer, a merchant clerk or an administrator as each operation
   asks; no answer may be a 5xx, have a status the document does not list, or break its documented schema.
   The server runs in a thread of its own (schemathesis calls it synchronously) over a freshly reset database;
   destructive operations (closing cards, rotating codes …) only touch that throwaway data.
"""
from __future__ import annotations

import asyncio
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import schemathesis
from aiohttp import web
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from api.app import create_app
from api.keys import DATABASE
from api.openapi import openapi_document
from api.routes import ROUTES
from api.settings import Settings
from models.services.merchants import create_merchant
from models.services.staff_accounts import create_staff_user
from models.storage.database import activated
from models.tables.merchants import MerchantKind
from models.tables.users import Role
from tests import fake_wechat
from tests.conftest import reset_database

HERE = Path(__file__).parent
PASSWORD = "correct horse battery"
SEED = 20240501
# Operations left out of the run, and why.
SKIPPED = {
    "logout",  # would revoke the consumer token every other operation uses (tests/test_auth.py covers it)
}


# ---------------------------------------------------------------- the document itself

async def test_document_validates_and_every_ref_resolves(client):
    doc = await (await client.get("/api/v1/openapi.json")).json()
    validate(doc)
    refs = set(re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', json.dumps(doc)))
    assert refs
    assert refs <= set(doc["components"]["schemas"])
    for path, ops in doc["paths"].items():
        for op in ops.values():
            names = [p["name"] for p in op["parameters"] if p["in"] == "path"]
            assert names == re.findall(r"{(\w+)}", path)
            for p in op["parameters"]:
                if p["in"] == "path":
                    assert p["schema"] != {"type": "string"}, (path, p["name"])  # bounds or a pattern
                assert "null" not in json.dumps(p["schema"]), (path, p)  # a parameter is absent, never null


async def test_document_says_what_the_server_answers(client):
    doc = await (await client.get("/api/v1/openapi.json")).json()
    paths, schemas = doc["paths"], doc["components"]["schemas"]
    notify = paths["/api/v1/payments/wechat/notify"]["post"]["responses"]
    assert set(notify) == {"204", "default"}
    assert "content" not in notify["204"]
    fail = schemas[notify["default"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]]
    assert set(fail["required"]) == {"code", "message"}
    resp = await client.post("/api/v1/payments/wechat/notify", data=b"{}")
    assert resp.status == 401
    assert (await resp.json())["code"] == "FAIL"
    assert set(paths["/api/v1/admin/suppliers"]["post"]["responses"]) == {"201", "default"}
    assert set(paths["/api/v1/admin/card-batches"]["post"]["responses"]) == {"202", "default"}
    assert set(paths["/api/v1/me/addresses/{id}"]["delete"]["responses"]) == {"204", "default"}
    card_no = paths["/api/v1/cards/{card_no}"]["get"]["parameters"][0]["schema"]
    assert card_no["pattern"] == r"^\d{16}$"
    supplier_id = paths["/api/v1/admin/suppliers/{id}"]["patch"]["parameters"][0]["schema"]
    assert (supplier_id["minimum"], supplier_id["maximum"]) == (1, 2**31 - 1)
    void_id = paths["/api/v1/merchant/redemptions/{id}/void"]["post"]["parameters"][0]["schema"]
    assert void_id["maximum"] == 2**63 - 1
    day = {p["name"]: p["schema"] for p in paths["/api/v1/admin/settlements"]["get"]["parameters"]}["date"]
    assert day["format"] == "date"
    assert day["pattern"].startswith("^(?:20")
    chat = schemas["ChatIn"]["properties"]["message"]
    assert chat["maxLength"] == 1000
    stats = schemas[paths["/api/v1/admin/stats"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
                    ["$ref"].rsplit("/", 1)[1]]
    assert "from" in stats["properties"]  # as sent (serialization alias), not the Python name


# ---------------------------------------------------------------- schemathesis against the running server

class ServedApp:
    """The app on a real port, with the fake WeChat it logs consumers in with, in a thread with its own event loop."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="served-app", daemon=True)
        self.runners: list[web.AppRunner] = []
        self.app = web.Application()

    def run(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout=120)

    async def _serve(self, app: web.Application) -> str:
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        self.runners.append(runner)
        return f"http://127.0.0.1:{runner.addresses[0][1]}"

    def start(self, settings: Settings) -> str:
        self.thread.start()
        wechat = self.run(self._serve(fake_wechat.make_app()))
        self.app = create_app(settings.model_copy(update={
            "wechat_api_base": wechat, "wechat_appid": fake_wechat.APPID, "wechat_secret": fake_wechat.SECRET,
            "wechatpay_sandbox": True}))
        return self.run(self._serve(self.app))

    def stop(self) -> None:
        for runner in reversed(self.runners):
            self.run(runner.cleanup())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=30)
        self.loop.close()


async def _seed(app: web.Application, base_url: str) -> dict[str, str]:
    """An administrator, a clerk of one counter and a consumer, and the small catalogue: tokens by role."""
    with activated(app[DATABASE]):
        merchant = await create_merchant(None, name="测试专柜", kind=MerchantKind.COUNTER)
        await create_staff_user(Role.ADMIN, "admin1", PASSWORD, None)
        await create_staff_user(Role.MERCHANT_STAFF, "clerk1", PASSWORD, merchant.id)
    tokens: dict[str, str] = {}
    async with aiohttp.ClientSession(base_url) as http:
        for role, username in ((Role.ADMIN, "admin1"), (Role.MERCHANT_STAFF, "clerk1")):
            async with http.post("/api/v1/auth/staff", json={"username": username, "password": PASSWORD}) as resp:
                tokens[role.value] = (await resp.json())["token"]
        async with http.post("/api/v1/auth/wechat", json={"code": "good-alice"}) as resp:
            tokens[Role.CONSUMER.value] = (await resp.json())["token"]
        csv = (HERE / "data" / "catalog_small.csv").read_bytes()
        headers = {"Authorization": f"Bearer {tokens['admin']}", "Content-Type": "text/csv"}
        async with http.post("/api/v1/admin/catalog/import", data=csv, headers=headers) as resp:
            assert resp.status == 200, await resp.text()
    return tokens


def _config() -> SchemathesisConfig:
    return SchemathesisConfig.from_dict({
        "seed": SEED,
        "request-timeout": 30,
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": True},
            "fuzzing": {"enabled": True},
            "stateful": {"enabled": False},
        },
        "generation": {"max-examples": 5, "mode": "all"},
    })


@pytest.fixture(scope="module")
def served(database_url: str, var_dir: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """One server for every operation of the run (the tests above, which reset the database, come first)."""
    settings = Settings(
        database_url=database_url, secret_key="test-secret-key-not-for-production", var_dir=var_dir,
        search_refresh_seconds=0.2, wechat_api_base="http://127.0.0.1:9", db_pool_size=5,
    )
    asyncio.run(reset_database(database_url))
    server = ServedApp()
    try:
        base_url = server.start(settings)
        yield base_url, server.run(_seed(server.app, base_url))
    finally:
        server.stop()


def _token_for(case: Any, tokens: dict[str, str]) -> str | None:
    roles = case.operation.definition.raw.get("x-roles") or []
    for role in (Role.CONSUMER.value, Role.MERCHANT_STAFF.value, Role.ADMIN.value):
        if role in roles:
            return tokens[role]
    return None


# The document as the server builds it (no server needed to collect the tests): one test per operation.
schema = schemathesis.openapi.from_dict(openapi_document(ROUTES), config=_config()).exclude(
    operation_id=sorted(SKIPPED))


@schema.parametrize()
def test_every_operation_answers_as_documented(case: Any, served: tuple[str, dict[str, str]]) -> None:
    base_url, tokens = served
    token = _token_for(case, tokens)
    headers = {"Authorization": f"Bearer {token}"} if token else None
    case.call_and_validate(base_url=base_url, headers=headers,
                           checks=[not_a_server_error, status_code_conformance, response_schema_conformance])
