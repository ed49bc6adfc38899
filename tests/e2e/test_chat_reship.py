"""我的订单 → 改地址 (issue 15): a goods order not yet shipped is sent to another of my saved addresses from the page,
as the chat and `POST /api/v1/orders/{no}/address` already do; each goods order says where it goes."""
from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.support.pages import ADDRESS, ScriptErrors, goods_order, log_in, unique

pytestmark = pytest.mark.usefixtures("script_errors")  # the page throws nothing (tests/e2e/conftest.py)

OTHER = {"name": "李四", "phone": "13900139000", "province": "北京市", "city": "北京市", "county": "朝阳区",
         "detail": "建国路88号", "is_default": False}
HOME = "张三 138****8000 广东省清远市佛冈县石角镇XX路8号"
WORK = "李四 139****9000 北京市朝阳区建国路88号"


def _shopper(api: Any, name: str) -> tuple[str, dict]:
    """A consumer with two saved addresses (the default one first) and an unpaid goods order to the default."""
    token = api.consumer_token(name)
    api.call("POST", "/api/v1/me/addresses", token, ADDRESS)
    api.call("POST", "/api/v1/me/addresses", token, OTHER)
    return token, goods_order(api, token)


def test_an_unpaid_order_is_sent_to_another_saved_address(page: Any, api: Any) -> None:
    name = unique("郑改址")
    token, order = _shopper(api, name)
    log_in(page, name)
    row = page.locator("#orders .order-row").filter(has_text=order["order_no"])
    expect(row).to_contain_text(f"寄到：{HOME}")

    row.get_by_role("button", name="改地址").click()
    dialog = page.get_by_role("dialog", name="改收货地址")
    expect(dialog).to_contain_text(f"现寄到：{HOME}")
    choices = dialog.locator("label.address-choice")
    expect(choices).to_have_count(1)  # the address it goes to now is not offered
    expect(choices).to_contain_text(WORK)
    expect(choices.get_by_role("radio")).to_be_checked()
    with page.expect_response(lambda r: r.url.endswith(f"/orders/{order['order_no']}/address")) as sent:
        dialog.get_by_role("button", name="确认改寄").click()
    assert sent.value.status == 200
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("alert")).to_contain_text(f"改寄到：{WORK}")
    expect(row).to_contain_text(f"寄到：{WORK}")
    shipping = api.call("GET", f"/api/v1/orders/{order['order_no']}", token)["shipping"]
    assert (shipping["name"], shipping["detail"]) == ("李四", "建国路88号")


def test_a_paid_order_not_yet_shipped_can_still_change_a_cancelled_one_cannot(page: Any, api: Any) -> None:
    name = unique("钱改址")
    token, paid = _shopper(api, name)
    api.call("POST", f"/api/v1/orders/{paid['order_no']}/pay", token, {"method": "wechat"})
    cancelled = goods_order(api, token)
    api.call("POST", f"/api/v1/orders/{cancelled['order_no']}/cancel", token)
    log_in(page, name)
    paid_row = page.locator("#orders .order-row").filter(has_text=paid["order_no"])
    expect(paid_row).to_contain_text("待发货")  # the sandbox has paid it
    expect(paid_row.get_by_role("button", name="改地址")).to_be_visible()
    expect(paid_row.get_by_role("button", name="去支付")).to_have_count(0)
    cancelled_row = page.locator("#orders .order-row").filter(has_text=cancelled["order_no"])
    expect(cancelled_row).to_contain_text("已取消")
    expect(cancelled_row.get_by_role("button")).to_have_count(0)


def test_an_order_closed_meanwhile_says_why_in_chinese(page: Any, api: Any, script_errors: ScriptErrors) -> None:
    script_errors.allow_refusal(409)  # order_not_reshippable
    name = unique("冯改址")
    token, order = _shopper(api, name)
    log_in(page, name)
    row = page.locator("#orders .order-row").filter(has_text=order["order_no"])
    row.get_by_role("button", name="改地址").click()
    dialog = page.get_by_role("dialog", name="改收货地址")
    expect(dialog.get_by_role("radio")).to_be_checked()

    api.call("POST", f"/api/v1/orders/{order['order_no']}/cancel", token)  # closed meanwhile (another tab)
    dialog.get_by_role("button", name="确认改寄").click()
    expect(dialog).to_contain_text("订单已发货或已结束，不能再改收货地址")
    expect(row).to_contain_text("已取消")  # the list shows the order as it is now
    dialog.get_by_role("button", name="取消").click()
    expect(dialog).to_be_hidden()
    assert api.call("GET", f"/api/v1/orders/{order['order_no']}", token)["shipping"]["name"] == "张三"


def test_with_no_other_address_the_chat_is_suggested(page: Any, api: Any) -> None:
    name = unique("陈改址")
    token = api.consumer_token(name)
    order = goods_order(api, token)  # saves the default address only
    log_in(page, name)
    page.locator("#orders .order-row").filter(has_text=order["order_no"]).get_by_role("button", name="改地址").click()
    dialog = page.get_by_role("dialog", name="改收货地址")
    expect(dialog).to_contain_text("没有别的收货地址")
    expect(dialog.get_by_role("button", name="确认改寄")).to_be_disabled()
