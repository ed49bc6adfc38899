"""The counter page: a clerk reads a 以购代捐 card from a photo of its QR code, redeems certified goods, voids."""
from __future__ import annotations

import datetime as dt
import re
import time
import uuid
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN, CLERK, login_staff

EGGS = "GD-FG-0001"  # 广生源鸡蛋 30枚装 in the demo catalogue
RICE = "GD-FG-0003"  # 金线美大米 5kg
FACE_FEN = 10000
COUNTER = "佛冈县消费扶贫专柜"


def yuan(fen: int) -> str:
    return f"¥{fen // 100:,}.{fen % 100:02d}"


def active_batch(api: Any, count: int = 1) -> tuple[int, list[dict]]:
    """A small batch of ¥100 cards, issued and activated through the admin API; its cards with their QR text."""
    admin = api.staff_token(*ADMIN)
    expires = (dt.date.today() + dt.timedelta(days=365)).isoformat()
    batch = api.call("POST", "/api/v1/admin/card-batches", admin, {
        "organization": f"端到端测试单位-{uuid.uuid4().hex[:8]}", "face_value_fen": FACE_FEN, "count": count,
        "expires_at": expires, "note": "e2e"})
    deadline = time.monotonic() + 30
    while api.call("GET", f"/api/v1/admin/card-batches/{batch['id']}", admin)["state"] != "issued":
        assert time.monotonic() < deadline, "the batch was not issued within 30 s"
        time.sleep(0.2)  # the issuing job runs in the server; the page is not involved yet
    api.call("POST", f"/api/v1/admin/card-batches/{batch['id']}/activate", admin)
    return batch["id"], api.call("GET", f"/api/v1/admin/card-batches/{batch['id']}/cards", admin)["items"]


def card_balance(api: Any, batch_id: int, card_no: str) -> int:
    cards = api.call("GET", f"/api/v1/admin/card-batches/{batch_id}/cards", api.staff_token(*ADMIN))["items"]
    return next(c["balance_fen"] for c in cards if c["card_no"] == card_no)


def price_fen(api: Any, sku: str) -> int:
    return api.call("GET", f"/api/v1/products/{sku}")["price_fen"]


def test_a_clerk_redeems_a_card_from_an_uploaded_qr_image_and_sees_the_balance_fall(
        page: Any, api: Any, tmp_path: Path) -> None:
    batch_id, [card] = active_batch(api)
    png = tmp_path / "card-qr.png"
    png.write_bytes(api.call("GET", f"/api/v1/cards/{card['card_no']}/qr.png", api.staff_token(*ADMIN)))
    eggs, rice = price_fen(api, EGGS), price_fen(api, RICE)
    assert 2 * eggs < FACE_FEN < 2 * eggs + rice  # two boxes of eggs fit; adding the rice would not

    login_staff(page, "/merchant", *CLERK)
    expect(page.locator("#who")).to_contain_text(COUNTER)
    page.get_by_label("上传二维码照片").set_input_files(str(png))
    expect(page.locator("#card-balance")).to_have_text(yuan(FACE_FEN))
    expect(page.locator("#card-no")).to_contain_text(card["card_no"][-4:])
    expect(page.locator("#card-status")).to_have_text("可用")

    page.get_by_label("搜索商品").fill("广生源鸡蛋")
    page.get_by_role("button", name="加入 广生源鸡蛋 30枚装").click()
    page.get_by_role("button", name="增加 广生源鸡蛋 30枚装").click()
    expect(page.get_by_label("广生源鸡蛋 30枚装 数量")).to_have_text("2")
    expect(page.locator("#cart-total")).to_have_text(yuan(2 * eggs))

    page.get_by_label("搜索商品").fill("金线美大米")
    page.get_by_role("button", name="加入 金线美大米 5kg").click()
    expect(page.locator("#over-balance")).to_contain_text(f"超出卡内余额 {yuan(2 * eggs + rice - FACE_FEN)}")
    expect(page.get_by_role("button", name=re.compile("确认核销"))).to_be_disabled()
    page.get_by_role("button", name="减少 金线美大米 5kg").click()
    expect(page.locator("#over-balance")).to_be_hidden()

    page.get_by_role("button", name=f"确认核销 {yuan(2 * eggs)}").dblclick()  # a double click redeems once
    receipt = page.locator("#receipt")
    expect(receipt).to_be_visible()
    expect(receipt.locator("#receipt-amount")).to_have_text(yuan(2 * eggs))
    expect(receipt.locator("#receipt-balance")).to_have_text(yuan(FACE_FEN - 2 * eggs))
    expect(receipt).to_contain_text("广生源鸡蛋 30枚装")
    expect(page.locator("#card-balance")).to_have_text(yuan(FACE_FEN - 2 * eggs))
    redemption_id = page.locator("#receipt-id").inner_text()
    expect(page.locator(f'#today-list tr[data-id="{redemption_id}"]')).to_contain_text(yuan(2 * eggs))
    assert card_balance(api, batch_id, card["card_no"]) == FACE_FEN - 2 * eggs
    expect(page.locator("#notice")).not_to_have_class(re.compile("error"))


def test_a_clerk_voids_todays_redemption_and_the_balance_comes_back(page: Any, api: Any) -> None:
    batch_id, [card] = active_batch(api)
    eggs = price_fen(api, EGGS)
    clerk = api.staff_token(*CLERK)
    redeemed = api.call("POST", "/api/v1/merchant/redemptions", clerk, {
        "code": card["qr"], "items": [{"sku": EGGS, "qty": 1}], "idempotency_key": f"e2e-{uuid.uuid4().hex}"})

    login_staff(page, "/merchant", *CLERK)
    page.get_by_label("卡码").fill(card["qr"])  # what a USB scanner types, or a pasted code
    page.get_by_role("button", name="读取").click()
    expect(page.locator("#card-balance")).to_have_text(yuan(FACE_FEN - eggs))

    row = page.locator(f'#today-list tr[data-id="{redeemed["id"]}"]')
    expect(row).to_contain_text(yuan(eggs))
    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name=f"撤销 #{redeemed['id']}").click()
    expect(row).to_contain_text("已撤销")
    expect(page.locator("#card-balance")).to_have_text(yuan(FACE_FEN))
    expect(page.locator("#notice")).to_contain_text(f"{yuan(eggs)} 已退回爱心卡")
    assert card_balance(api, batch_id, card["card_no"]) == FACE_FEN

    with page.expect_download() as download:
        page.get_by_role("button", name="下载 CSV").click()
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date().isoformat()
    assert download.value.suggested_filename == f"日结-{today}.csv"
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert COUNTER in text
    assert "撤销" in text
    assert "净额" in text

    page.set_viewport_size({"width": 375, "height": 800})  # a phone: nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.set_viewport_size({"width": 1280, "height": 860})


def test_a_clerk_confirms_a_holders_request_made_at_the_counter(page: Any, api: Any) -> None:
    _, [card] = active_batch(api)
    eggs = price_fen(api, EGGS)
    holder = api.consumer_token(f"e2e-holder-{uuid.uuid4().hex[:8]}")
    api.call("POST", "/api/v1/cards/claim", holder, {"code": card["qr"]})
    counter_code = api.call("GET", "/api/v1/merchant/code", api.staff_token(*CLERK))["code"]
    asked = api.call("POST", f"/api/v1/cards/{card['card_no']}/redemption-requests", holder, {
        "merchant_code": counter_code, "items": [{"sku": EGGS, "qty": 2}],
        "idempotency_key": f"e2e-{uuid.uuid4().hex}"})

    login_staff(page, "/merchant", *CLERK)
    request = page.locator(f'#requests-list .request[data-id="{asked["id"]}"]')
    expect(request).to_contain_text("广生源鸡蛋 30枚装 ×2")
    expect(request).to_contain_text(f"合计 {yuan(2 * eggs)}")
    page.once("dialog", lambda dialog: dialog.accept())
    request.get_by_role("button", name="确认扣款").click()
    expect(page.locator("#receipt-balance")).to_have_text(yuan(FACE_FEN - 2 * eggs))
    expect(request).to_be_hidden()
    followed = api.call("GET", f"/api/v1/cards/{card['card_no']}/redemption-requests/{asked['id']}", holder)
    assert followed["state"] == "confirmed"
    assert followed["balance_after_fen"] == FACE_FEN - 2 * eggs


def test_a_clerk_sees_the_counter_qr_and_downloads_its_poster(page: Any, api: Any) -> None:
    """The page tells holders to scan 本专柜二维码: the clerk can show that code and print its A5 poster."""
    login_staff(page, "/merchant", *CLERK)
    qr = page.get_by_role("img", name="本专柜二维码")
    expect(qr).to_be_visible()
    page.wait_for_function("document.getElementById('counter-qr').naturalWidth > 0")
    with page.expect_download() as download:
        page.get_by_role("button", name="下载 A5 海报（PDF）").click()
    assert download.value.suggested_filename == "专柜海报.pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
