"""Delivery addresses: validation names the field, one default per user, the one-line reader."""
from __future__ import annotations

from tests.support.http import consumer_headers

ADDRESS = {"name": "张三", "phone": "13800138000", "province": "广东省", "city": "清远市", "county": "佛冈县",
           "detail": "石角镇XX路8号"}


async def test_create_list_and_one_default(client):
    me = await consumer_headers(client)
    first = await (await client.post("/api/v1/me/addresses", json=ADDRESS, headers=me)).json()
    assert first["is_default"] is True
    assert first["region_code"] == "441821"
    second = await (await client.post("/api/v1/me/addresses", json={
        **ADDRESS, "province": "广西", "city": "柳州", "county": "融安", "is_default": True}, headers=me)).json()
    assert second["province"] == "广西壮族自治区"
    assert second["county"] == "融安县"
    listing = (await (await client.get("/api/v1/me/addresses", headers=me)).json())["items"]
    assert [a["id"] for a in listing if a["is_default"]] == [second["id"]]
    resp = await client.patch(f"/api/v1/me/addresses/{first['id']}", json={"is_default": True}, headers=me)
    assert resp.status == 200
    listing = (await (await client.get("/api/v1/me/addresses", headers=me)).json())["items"]
    assert [a["id"] for a in listing if a["is_default"]] == [first["id"]]
    assert (await client.delete(f"/api/v1/me/addresses/{first['id']}", headers=me)).status == 204
    listing = (await (await client.get("/api/v1/me/addresses", headers=me)).json())["items"]
    assert [(a["id"], a["is_default"]) for a in listing] == [(second["id"], True)]


async def test_validation_errors_name_the_field(client):
    me = await consumer_headers(client)
    cases = [({"phone": "12345"}, "phone"), ({"province": "火星省"}, "province"),
             ({"city": "广州市"}, "county"), ({"city": "不存在市"}, "city"), ({"county": "番禺区"}, "county")]
    for change, field in cases:
        resp = await client.post("/api/v1/me/addresses", json={**ADDRESS, **change}, headers=me)
        body = await resp.json()
        assert resp.status == 422, change
        assert body["error"]["code"] == "invalid_address", (change, body)
        assert body["error"]["details"]["field"] == field, (change, body)
    resp = await client.post("/api/v1/me/addresses", json={**ADDRESS, "name": ""}, headers=me)
    assert resp.status == 422
    assert (await resp.json())["error"]["details"]["errors"][0]["loc"] == ["name"]
    assert (await (await client.get("/api/v1/me/addresses", headers=me)).json())["items"] == []


async def test_someone_elses_address_is_not_found(client):
    alice = await consumer_headers(client, "alice")
    bob = await consumer_headers(client, "bob")
    mine = await (await client.post("/api/v1/me/addresses", json=ADDRESS, headers=alice)).json()
    assert (await client.patch(f"/api/v1/me/addresses/{mine['id']}", json={"name": "李四"}, headers=bob)).status == 404
    assert (await client.delete(f"/api/v1/me/addresses/{mine['id']}", headers=bob)).status == 404


async def test_one_line_address(client):
    me = await consumer_headers(client)
    resp = await client.post("/api/v1/addresses/parse",
                             json={"text": "广东省清远市佛冈县石角镇XX路8号 张三 13800138000"}, headers=me)
    assert await resp.json() == {"province": "广东省", "city": "清远市", "county": "佛冈县", "region_code": "441821",
                                 "detail": "石角镇XX路8号", "name": "张三", "phone": "13800138000"}
    parsed = await (await client.post("/api/v1/addresses/parse", json={"text": "李四 139 0000 0000 融安县长安镇1号"},
                                      headers=me)).json()
    assert (parsed["province"], parsed["city"], parsed["county"]) == ("广西壮族自治区", "柳州市", "融安县")
    assert parsed["name"] == "李四"
    assert parsed["phone"] == "13900000000"
    assert parsed["detail"] == "长安镇1号"
