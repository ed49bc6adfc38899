"""Login: WeChat code2Session against a local fake server, the development login, staff login, roles."""
from __future__ import annotations

import pytest

from models.storage.database import activated
from models.tables.users import Role
from tests import fake_wechat
from tests.support.http import auth, consumer_headers, staff_token


@pytest.fixture
async def wechat(aiohttp_server):
    return await aiohttp_server(fake_wechat.make_app())


@pytest.fixture
async def wx_client(make_client, wechat):
    return await make_client(
        wechat_api_base=str(wechat.make_url("")), wechat_appid=fake_wechat.APPID,
        wechat_secret=fake_wechat.SECRET, wechat_timeout_seconds=0.5, wechatpay_sandbox=True,
    )


async def login(client, code):
    resp = await client.post("/api/v1/auth/wechat", json={"code": code})
    return resp.status, await resp.json()


async def test_wechat_login_creates_then_finds_the_user(wx_client, wechat):
    status, body = await login(wx_client, "good-1")
    assert status == 200
    assert body["user"]["role"] == "consumer"
    status, again = await login(wx_client, "good-1")
    assert again["user"]["id"] == body["user"]["id"]
    assert again["token"] != body["token"]
    me = await wx_client.get("/api/v1/me", headers=auth(body["token"]))
    assert (await me.json())["id"] == body["user"]["id"]
    assert wechat.app[fake_wechat.CALLS] == ["good-1", "good-1"]


@pytest.mark.parametrize("code, status, error", [
    ("invalid", 400, "wechat_code_invalid"),
    ("rate", 429, "wechat_rate_limited"),
    ("blocked", 403, "wechat_user_blocked"),
    ("busy", 503, "wechat_busy"),
    ("garbage", 503, "wechat_bad_response"),
    ("slow", 503, "wechat_timeout"),
])
async def test_wechat_errors_become_clear_client_errors(wx_client, code, status, error):
    got, body = await login(wx_client, code)
    assert got == status
    assert body["error"]["code"] == error
    assert body["error"]["message"]


async def test_dev_login_is_refused_once_a_secret_is_set(wx_client):
    status, body = await login(wx_client, "dev:alice")
    assert status == 403
    assert body["error"]["code"] == "dev_login_disabled"


def test_real_login_without_real_payments_is_refused(settings):
    from api.app import create_app
    from api.settings import ConfigurationError

    with pytest.raises(ConfigurationError, match="WECHATPAY_SANDBOX"):
        create_app(settings.model_copy(update={"wechat_secret": "real-secret", "wechat_appid": "wx1"}))


async def test_dev_login_without_secret(client):
    status, body = await login(client, "dev:alice")
    assert status == 200
    assert body["user"]["nickname"] == "alice"
    status, body = await login(client, "dev:")
    assert status == 422
    status, body = await login(client, "real-code")
    assert status == 503
    assert body["error"]["code"] == "wechat_not_configured"


async def test_tokens_are_stored_hashed(client):
    from api.keys import DATABASE
    from models.tables.users import AuthToken

    _, body = await login(client, "dev:bob")
    with activated(client.app[DATABASE]):
        stored = await AuthToken.all().values_list("token_hash", flat=True)
    assert body["token"] not in stored
    assert len(stored[0]) == 64


async def test_staff_login_and_roles(client):
    admin = await staff_token(client)
    clerk = await staff_token(client, Role.MERCHANT_STAFF, username="clerk1")
    consumer = await consumer_headers(client)
    assert (await client.get("/api/v1/admin/products", headers=auth(admin))).status == 200
    assert (await client.get("/api/v1/admin/products", headers=auth(clerk))).status == 403
    assert (await client.get("/api/v1/admin/products", headers=consumer)).status == 403
    assert (await client.get("/api/v1/admin/products")).status == 401
    me = await (await client.get("/api/v1/me", headers=auth(clerk))).json()
    assert me["role"] == "merchant_staff"
    assert me["merchant_id"] is not None


async def test_bad_credentials_and_bad_tokens(client):
    await staff_token(client)
    resp = await client.post("/api/v1/auth/staff", json={"username": "admin1", "password": "wrong password"})
    assert resp.status == 401
    assert (await resp.json())["error"]["code"] == "invalid_credentials"
    resp = await client.post("/api/v1/auth/staff", json={"username": "nobody", "password": "wrong password"})
    assert resp.status == 401
    assert (await resp.json())["error"]["code"] == "invalid_credentials"
    resp = await client.get("/api/v1/me", headers=auth("not-a-token"))
    assert resp.status == 401
    assert (await resp.json())["error"]["code"] == "invalid_token"


async def test_logout_revokes_the_token(client):
    headers = await consumer_headers(client)
    assert (await client.post("/api/v1/auth/logout", headers=headers)).status == 204
    assert (await client.get("/api/v1/me", headers=headers)).status == 401


async def test_expired_token_is_refused(make_client):
    client = await make_client(token_ttl_seconds=-1)
    headers = await consumer_headers(client)
    resp = await client.get("/api/v1/me", headers=headers)
    assert resp.status == 401
    assert (await resp.json())["error"]["code"] == "invalid_token"
