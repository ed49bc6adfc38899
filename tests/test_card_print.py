"""Printing a card batch through the API (issue 16): the print-ready PDF of a range of cards in each layout, its QR
codes as a printing house's proof would show them, and the batch's setting for the full card number."""
from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from api.keys import CARD_CODES
from tests.support.batches import BATCHES, batch_cards, create_and_issue
from tests.support.http import admin_headers, consumer_headers
from tests.support.pdf_pages import CARD_MM, pages


async def print_pdf(client: TestClient, headers: dict[str, str], batch_id: int, **params: object) -> bytes:
    resp = await client.get(f"{BATCHES}/{batch_id}/print.pdf", params={k: str(v) for k, v in params.items()},
                            headers=headers)
    assert resp.status == 200, await resp.text()
    assert resp.content_type == "application/pdf"
    body = await resp.read()
    assert resp.headers["X-Card-Count"] == str(params["to"] - params.get("from", 1) + 1)  # type: ignore[operator]
    return body


def grouped(card_no: str) -> str:
    return " ".join(card_no[i:i + 4] for i in range(0, 16, 4))


async def test_a_batch_prints_in_each_layout_with_decodable_qr_codes(client: TestClient) -> None:
    admin = await admin_headers(client)
    batch = await create_and_issue(client, admin, count=30)
    cards = await batch_cards(client, admin, batch["id"])
    codes = client.app[CARD_CODES]
    assert [codes.printed(c["card_no"]) for c in cards[:3]] == [c["qr"] for c in cards[:3]]

    pdf = await print_pdf(client, admin, batch["id"], to=20)  # A4 by default: 9 a page, crop marks
    count, [sheet] = pages(pdf)
    assert count == 3
    assert sheet.size_mm == pytest.approx((297, 210), abs=0.05)
    assert sorted(sheet.qr_texts()) == sorted(c["qr"] for c in cards[:9])
    assert pdf.count(b"%AixinCards ") == 3  # the progress the admin page reads

    pdf = await print_pdf(client, admin, batch["id"], **{"from": 5, "to": 7, "layout": "card"})
    count, faces = pages(pdf, 0, 2)
    assert count == 3
    width, height = CARD_MM
    for page, card in zip(faces, cards[4:7], strict=True):
        assert page.size_mm == pytest.approx((width + 6, height + 6), abs=0.05)
        assert page.trim_mm == pytest.approx((3, 3, 3 + width, 3 + height), abs=0.05)
        assert page.qr_texts() == [card["qr"]]
        assert f"{card['card_no'][:4]} **** **** {card['card_no'][-4:]}" in page.text  # masked by default
        assert grouped(card["card_no"]) not in page.text
        assert batch["organization"] in page.text

    count, _ = pages(await print_pdf(client, admin, batch["id"], to=30, layout="sra3"), 0, -1)
    assert count == 2  # SRA3: 18 a page


async def test_the_full_card_number_is_a_batch_setting(client: TestClient) -> None:
    admin = await admin_headers(client)
    batch = await create_and_issue(client, admin, count=3)
    assert batch["print_full_card_no"] is False
    card = (await batch_cards(client, admin, batch["id"]))[0]
    url = f"{BATCHES}/{batch['id']}/print-settings"

    resp = await client.patch(url, json={"print_full_card_no": True}, headers=admin)
    assert resp.status == 200, await resp.text()
    assert (await resp.json())["print_full_card_no"] is True
    assert (await (await client.get(f"{BATCHES}/{batch['id']}", headers=admin)).json())["print_full_card_no"] is True
    _, [page] = pages(await print_pdf(client, admin, batch["id"], to=1, layout="card"))
    assert grouped(card["card_no"]) in page.text
    assert page.qr_texts() == [card["qr"]]

    trail = await (await client.get("/api/v1/admin/audit", params={"entity_type": "card_batch"},
                                    headers=admin)).json()
    assert [(e["action"], e["before"], e["after"]) for e in trail["items"]
            if e["action"] == "card_batch.print_settings"] == [
        ("card_batch.print_settings", {"print_full_card_no": False}, {"print_full_card_no": True})]

    resp = await client.patch(url, json={"print_full_card_no": False}, headers=admin)
    assert (await resp.json())["print_full_card_no"] is False
    _, [page] = pages(await print_pdf(client, admin, batch["id"], to=1, layout="card"))
    assert grouped(card["card_no"]) not in page.text


async def test_print_refusals(client: TestClient) -> None:
    admin = await admin_headers(client)
    batch = await create_and_issue(client, admin, count=3)
    base = f"{BATCHES}/{batch['id']}"

    async def error(resp) -> tuple[int, str]:
        return resp.status, (await resp.json())["error"]["code"]

    assert await error(await client.get(f"{base}/print.pdf", params={"to": "3", "layout": "a5"},
                                        headers=admin)) == (422, "validation_error")
    assert await error(await client.get(f"{base}/print.pdf", params={"from": "4", "to": "9"},
                                        headers=admin)) == (404, "no_cards_in_range")
    assert await error(await client.get(f"{BATCHES}/999999/print.pdf", params={"to": "1"},
                                        headers=admin)) == (404, "batch_not_found")
    assert await error(await client.patch(f"{BATCHES}/999999/print-settings", json={"print_full_card_no": True},
                                          headers=admin)) == (404, "batch_not_found")
    assert await error(await client.patch(f"{base}/print-settings", json={"print_full_card_no": "yes"},
                                          headers=admin)) == (422, "validation_error")
    assert await error(await client.patch(f"{base}/print-settings", json={"print_full_card_no": True},
                                          headers=await consumer_headers(client))) == (403, "forbidden")
