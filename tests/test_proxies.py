"""X-Forwarded-* honoured only from TRUSTED_PROXIES (issue 19, api/proxies.py with aiohttp-remotes): from any other
peer the header is ignored, so a client cannot pick the address its abuse limits are counted under. Both engines."""
from __future__ import annotations

import pytest

from api.settings import ConfigurationError, Settings
from tests.support.http import assert_limited

LOGIN = "/api/v1/auth/staff"


async def attempt(client, forwarded: str):
    resp = await client.post(LOGIN, json={"username": f"u{forwarded}", "password": "x"},
                             headers={"X-Forwarded-For": forwarded})
    return resp, await resp.json()


async def test_a_forwarded_address_from_a_peer_that_is_not_a_proxy_is_ignored(make_client):
    client = await make_client(login_address_max_failures=2, trusted_proxies=("10.0.0.0/8",))  # the peer: 127.0.0.1
    assert (await attempt(client, "192.0.2.1"))[0].status == 401
    assert_limited(*await attempt(client, "192.0.2.2"), "login_address")  # both counted under 127.0.0.1


async def test_behind_a_trusted_network_the_client_is_the_last_address_not_a_proxy(make_client):
    client = await make_client(login_address_max_failures=2, trusted_proxies=("127.0.0.0/8", "10.0.0.0/8"))
    assert (await attempt(client, "198.51.100.7, 10.1.1.1"))[0].status == 401  # the client, then an inner proxy
    assert_limited(*await attempt(client, "198.51.100.7"), "login_address")
    assert (await attempt(client, "198.51.100.8"))[0].status == 401  # another client
    resp, body = await attempt(client, "not-an-address")
    assert resp.status == 400
    assert "error" in body  # a malformed header from the proxy: refused in the JSON shape


def test_trusted_proxies_must_be_addresses_or_networks(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "s" * 20)
    monkeypatch.setenv("DATABASE_URL", "sqlite://:memory:")
    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.1, proxy.example")
    with pytest.raises(ConfigurationError, match="TRUSTED_PROXIES"):
        Settings.from_env()
