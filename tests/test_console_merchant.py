"""POST /api/v1/merchant/decode: the merchant page's photo upload reads a card's QR code, and nothing else gets in."""
from __future__ import annotations

import pytest
from PIL import Image

from api.keys import CARD_CODES
from models.tables.users import Role
from tests.support.cards import buy_cards
from tests.support.http import admin_headers, auth, consumer_headers, staff_token
from tests.support.qr import TEXT, decode, form, photo_of, png_of, qr_image


@pytest.fixture
async def clerk(client) -> dict[str, str]:
    return auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk1", merchant_name="佛冈专柜"))


async def test_a_printed_card_qr_decodes_and_previews_with_its_balance(client, clerk) -> None:
    alice = await consumer_headers(client, "alice")
    card_no = (await buy_cards(client, alice, face=20000))[0]["card_no"]
    png = await (await client.get(f"/api/v1/cards/{card_no}/qr.png", headers=await admin_headers(client))).read()

    text = (await decode(client, clerk, form(png)))["text"]
    assert text == client.app[CARD_CODES].printed(card_no)
    resp = await client.post("/api/v1/merchant/redemptions/preview", json={"code": text}, headers=clerk)
    preview = await resp.json()
    assert resp.status == 200, preview
    assert preview["balance_fen"] == 20000
    assert preview["card_no_masked"].endswith(card_no[-4:])
    assert preview["needs_pay_code"] is True  # alice holds it: the printed code alone spends nothing


async def test_a_raw_png_or_jpeg_body_is_accepted(client, clerk) -> None:
    assert (await decode(client, {**clerk, "Content-Type": "image/png"}, png_of(qr_image())))["text"] == TEXT
    jpeg = photo_of(qr_image())
    assert (await decode(client, {**clerk, "Content-Type": "image/jpeg"}, jpeg))["text"] == TEXT


async def test_a_photo_like_jpeg_upload_decodes(client, clerk) -> None:
    body = await decode(client, clerk, form(photo_of(qr_image()), filename="IMG_0001.jpg", media="image/jpeg"))
    assert body == {"text": TEXT}


async def test_a_screenshot_with_transparent_background_decodes(client, clerk) -> None:
    code = qr_image().convert("L")
    shot = Image.new("RGBA", code.size, (0, 0, 0, 0))  # clear pixels are black underneath
    shot.paste((0, 0, 0, 255), mask=code.point(lambda v: 255 - v))
    assert (await decode(client, clerk, form(png_of(shot))))["text"] == TEXT


async def test_an_image_without_a_qr_code_is_422_qr_not_found(client, clerk) -> None:
    landscape = Image.new("RGB", (1200, 800), (90, 140, 60))
    body = await decode(client, clerk, form(png_of(landscape)), status=422)
    assert body["error"]["code"] == "qr_not_found"


@pytest.mark.parametrize("data", [b"this is not an image", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, b""])
async def test_garbage_or_broken_bytes_are_422_image_invalid(client, clerk, data) -> None:
    body = await decode(client, clerk, form(data), status=422)
    assert body["error"]["code"] == "image_invalid"


async def test_a_truncated_png_is_422_image_invalid(client, clerk) -> None:
    whole = png_of(qr_image())
    body = await decode(client, {**clerk, "Content-Type": "image/png"}, whole[: len(whole) // 2], status=422)
    assert body["error"]["code"] == "image_invalid"


async def test_too_many_pixels_is_refused_before_decoding(client, clerk) -> None:
    bomb = png_of(Image.new("1", (9000, 9000), 1))  # 81 megapixels in a few kilobytes
    assert len(bomb) < 100_000
    body = await decode(client, clerk, form(bomb), status=422)
    assert body["error"]["code"] == "image_too_large"
    # A PNG is decoded at full size before it can be reduced, so it is capped at 4096 × 4096 (issue 14: a 50 MP
    # RGBA PNG took the server from 379 to 1,116 MiB); a JPEG photo, decoded already reduced, may have 50 MP.
    assert body["error"]["details"] == {"max_pixels": 4096 * 4096, "width": 9000, "height": 9000}


async def test_the_body_size_limit_holds_for_forms_and_raw_bodies(make_client) -> None:
    client = await make_client(max_body_bytes=64_000)
    clerk = auth(await staff_token(client, Role.MERCHANT_STAFF, username="clerk1"))
    big = photo_of(qr_image()) + b"\x00" * 70_000
    for data, headers in ((form(big), clerk), (big, {**clerk, "Content-Type": "image/jpeg"})):
        body = await decode(client, headers, data, status=413)
        assert body["error"]["code"] == "payload_too_large"
    assert (await decode(client, clerk, form(png_of(qr_image()))))["text"] == TEXT  # small ones still pass


async def test_a_form_without_an_image_field_or_another_media_type_is_refused(client, clerk) -> None:
    body = await decode(client, clerk, form(png_of(qr_image()), name="photo"), status=400)
    assert body["error"]["code"] == "file_missing"
    body = await decode(client, {**clerk, "Content-Type": "text/plain"}, b"AX1.123", status=415)
    assert body["error"]["code"] == "unsupported_media_type"


async def test_only_staff_may_decode(client) -> None:
    png = png_of(qr_image())
    assert (await decode(client, {}, form(png), status=401))["error"]["code"] == "unauthenticated"
    consumer = await consumer_headers(client, "bob")
    assert (await decode(client, consumer, form(png), status=403))["error"]["code"] == "forbidden"
    assert (await decode(client, await admin_headers(client), form(png)))["text"] == TEXT


async def test_the_endpoint_is_documented(client) -> None:
    doc = await (await client.get("/api/v1/openapi.json")).json()
    operation = doc["paths"]["/api/v1/merchant/decode"]["post"]
    assert set(operation["requestBody"]["content"]) >= {"multipart/form-data", "image/png", "image/jpeg"}
    assert operation["x-roles"] == ["admin", "merchant_staff"]
