"""POST /api/v1/cards/decode: a holder claims a printed card from a photo of its QR (the consumer page's 领取).

The same decoder, size limits and per-user rate as the counter's /api/v1/merchant/decode
(tests/test_console_merchant.py).
"""
from __future__ import annotations

from PIL import Image

from models.tables.users import Role
from tests.support.cards import buy_cards
from tests.support.http import assert_limited, auth, consumer_headers, staff_token
from tests.support.qr import decode, form, photo_of, png_of, qr_image

URL = "/api/v1/cards/decode"


async def test_a_holder_reads_a_printed_card_from_a_photo_and_claims_it(client) -> None:
    alice, bob = await consumer_headers(client, "alice"), await consumer_headers(client, "bob")
    card_no = (await buy_cards(client, alice, face=20000))[0]["card_no"]
    resp = await client.post(f"/api/v1/cards/{card_no}/give", headers=alice)
    printed = (await resp.json())["claim_code"]

    resp = await client.post(URL, data=form(photo_of(qr_image(printed)), filename="IMG_0001.jpg", media="image/jpeg"),
                             headers=bob)
    body = await resp.json()
    assert resp.status == 200, body
    assert body == {"text": printed}
    resp = await client.post("/api/v1/cards/claim", json={"code": body["text"]}, headers=bob)
    assert resp.status == 200, await resp.text()
    mine = (await (await client.get("/api/v1/cards", headers=bob)).json())["items"]
    assert [(c["card_no"], c["balance_fen"], c["status"]) for c in mine] == [(card_no, 20000, "active")]


async def test_the_counter_decoders_refusals_apply(client) -> None:
    bob = await consumer_headers(client, "bob")
    raw = {**bob, "Content-Type": "image/png"}
    landscape = png_of(Image.new("RGB", (1200, 800), (90, 140, 60)))
    assert (await decode_as(client, raw, landscape, 422))["error"]["code"] == "qr_not_found"
    assert (await decode_as(client, raw, b"not an image", 422))["error"]["code"] == "image_invalid"
    bomb = png_of(Image.new("1", (9000, 9000), 1))  # 81 megapixels in a few kilobytes
    assert (await decode_as(client, raw, bomb, 422))["error"]["code"] == "image_too_large"
    body = await decode_as(client, {**bob, "Content-Type": "text/plain"}, b"AX1.123", 415)
    assert body["error"]["code"] == "unsupported_media_type"


async def decode_as(client, headers, data, status: int) -> dict:
    resp = await client.post(URL, data=data, headers=headers)
    body = await resp.json()
    assert resp.status == status, body
    return body


async def test_only_consumers_use_the_holders_route(client) -> None:
    png = png_of(qr_image())
    assert (await decode_as(client, {}, form(png), 401))["error"]["code"] == "unauthenticated"
    clerk = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk1"))
    assert (await decode_as(client, clerk, form(png), 403))["error"]["code"] == "forbidden"
    assert (await decode(client, clerk, form(png)))["text"]  # staff keep their own route


async def test_decode_uploads_are_limited_per_consumer(make_client) -> None:
    client = await make_client(decode_burst=2, decode_per_minute=6)
    alice, bob = await consumer_headers(client, "alice"), await consumer_headers(client, "bob")
    png = png_of(qr_image())
    for _ in range(2):
        resp = await client.post(URL, data=png, headers={**alice, "Content-Type": "image/png"})
        assert resp.status == 200, await resp.text()
    resp = await client.post(URL, data=png, headers={**alice, "Content-Type": "image/png"})
    assert 8 <= assert_limited(resp, await resp.json(), "qr_decode") <= 10  # one more every 10 s
    resp = await client.post(URL, data=png, headers={**bob, "Content-Type": "image/png"})
    assert resp.status == 200, await resp.text()


async def test_the_holders_route_is_documented(client) -> None:
    doc = await (await client.get("/api/v1/openapi.json")).json()
    operation = doc["paths"][URL]["post"]
    assert set(operation["requestBody"]["content"]) >= {"multipart/form-data", "image/png", "image/jpeg"}
    assert operation["x-roles"] == ["consumer"]
