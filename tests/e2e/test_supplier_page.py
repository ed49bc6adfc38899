"""The supplier's page (issue 18): a supplier's staff member, created by the administrator over HTTP, logs in on a
phone, sees the parcel of a three-supplier order that is theirs, ships it, and the consumer sees that parcel shipped
while the others wait; the stock tab adjusts a product's stock."""
from __future__ import annotations

import time
import uuid
from typing import Any

from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN, SCREENSHOTS, login_staff

EGGS, RICE, HONEY = "GD-FG-0001", "GD-FG-0003", "GD-FG-0004"  # three suppliers of the demo catalogue
PHONE = {"width": 390, "height": 844}


def _paid_order(api: Any) -> tuple[str, str]:
    token = api.consumer_token(f"parcel-{uuid.uuid4().hex[:6]}")
    api.call("POST", "/api/v1/me/addresses", token, {
        "name": "李四", "phone": "13900139000", "province": "广东省", "city": "清远市", "county": "佛冈县",
        "detail": "石角镇观山路 1 号", "is_default": True})
    order_no = api.call("POST", "/api/v1/orders", token, {"items": [
        {"sku": EGGS, "qty": 1}, {"sku": RICE, "qty": 2}, {"sku": HONEY, "qty": 1}]})["order_no"]
    api.call("POST", f"/api/v1/orders/{order_no}/pay", token, {"method": "wechat"})
    deadline = time.monotonic() + 15
    while api.call("GET", f"/api/v1/orders/{order_no}", token)["status"] != "paid":
        assert time.monotonic() < deadline, "the sandbox did not pay"
        time.sleep(0.2)
    return token, order_no


def _supplier_staff(api: Any) -> tuple[str, str]:
    admin = api.staff_token(*ADMIN)
    [rice] = api.call("GET", f"/api/v1/admin/products?q={RICE}", admin)["items"]
    username, password = f"rice-{uuid.uuid4().hex[:6]}", "rice-staff-pass"
    api.call("POST", f"/api/v1/admin/suppliers/{rice['supplier_id']}/staff", admin,
             {"username": username, "password": password})
    return username, password


def test_a_supplier_ships_its_parcel_on_a_phone(browser: Any, server: Any, api: Any) -> None:
    consumer, order_no = _paid_order(api)
    username, password = _supplier_staff(api)
    context = browser.new_context(base_url=server.url, viewport=PHONE, locale="zh-CN", timezone_id="Asia/Shanghai",
                                  is_mobile=True, has_touch=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        login_staff(page, "/supplier", username, password)
        parcel = page.locator("article.parcel", has_text=order_no)
        expect(parcel).to_contain_text("金线美大米 5kg ×2袋")
        expect(parcel).not_to_contain_text("广生源鸡蛋")  # another supplier's line
        expect(parcel).to_contain_text("石角镇观山路 1 号")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        parcel.get_by_label("快递单号").fill("SF2026E2E")
        parcel.get_by_role("button", name="确认发货").click()
        expect(page.locator("#notice")).to_contain_text("已发货")
        expect(page.locator("article.parcel", has_text=order_no)).to_have_count(0)  # no longer to ship

        page.get_by_label("包裹状态").select_option("shipped")
        expect(page.locator("article.parcel", has_text=order_no)).to_contain_text("SF2026E2E")
        expect(page.locator("#notice")).to_be_hidden(timeout=8000)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)  # `make screenshots` copies it to docs/screenshots/
        page.screenshot(path=str(SCREENSHOTS / "test_a_supplier_ships_its_parcel_on_a_phone.png"), full_page=True)

        view = api.call("GET", f"/api/v1/orders/{order_no}", consumer)
        assert (view["status"], view["partly_shipped"]) == ("paid", True)
        states = {f["supplier"]: (f["state"], f["tracking_no"]) for f in view["fulfilments"]}
        assert sorted(states.values()) == [("pending", None), ("pending", None), ("shipped", "SF2026E2E")]

        page.get_by_role("tab", name="库存").click()
        stock = page.get_by_label("金线美大米 5kg 库存")
        before = int(stock.input_value())
        stock.fill(str(before + 10))
        stock.locator("xpath=..").get_by_role("button", name="调整").click()
        expect(page.locator("#notice")).to_contain_text(f"库存已调整为 {before + 10}")
        page.get_by_role("tab", name="销售").click()
        expect(page.locator("#sales-amount")).not_to_have_text("¥0.00")
        expect(page.get_by_role("tab", name="认定申请")).to_be_visible()
    finally:
        context.close()
