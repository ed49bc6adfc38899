"""The administrator's order desk (订单), audit trail (审计) and re-certification (重新认定) in a real browser, against
the real server with demo data; then the same screens at a phone's width (390 px).

All e2e tests share one server and database: every name, sku and phone here carries a fresh suffix, and no test
counts rows it did not make.
"""
from __future__ import annotations

import random
import time
import uuid
from typing import Any
from urllib.parse import quote

from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN, Api, login_staff

SKU = "HE-WQ-0001"  # 武强木版年画, a demo product on sale
PHONE_WIDTH = 390


def _suffix() -> str:
    return uuid.uuid4().hex[:6].upper()


def _open_tab(page: Any, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    expect(page.get_by_role("tab", name=name)).to_have_attribute("aria-selected", "true")


def _buyer(api: Api) -> tuple[str, str]:
    """A consumer with a default address whose phone nobody else has; (token, phone)."""
    phone = f"139{random.randrange(10**8):08d}"
    token = api.consumer_token(f"desk-{_suffix()}")
    api.call("POST", "/api/v1/me/addresses", token, {
        "name": "王五", "phone": phone, "province": "河北省", "city": "衡水市", "county": "武强县",
        "detail": "武强镇年画街 8 号", "is_default": True})
    return token, phone


def _order(api: Api, token: str, qty: int, paid: bool) -> str:
    order_no = api.call("POST", "/api/v1/orders", token, {"items": [{"sku": SKU, "qty": qty}]})["order_no"]
    if paid:  # the WeChat Pay sandbox pays at once and notifies
        api.call("POST", f"/api/v1/orders/{order_no}/pay", token, {"method": "wechat"})
        deadline = time.monotonic() + 15
        while api.call("GET", f"/api/v1/orders/{order_no}", token)["status"] != "paid":
            assert time.monotonic() < deadline
            time.sleep(0.2)
    return order_no


def _find_by_phone(page: Any, typed: str) -> None:
    _open_tab(page, "订单")
    form = page.locator("#order-search")
    form.get_by_label("订单号或收货手机号").fill(typed)
    form.get_by_role("button", name="查询").click()


def _order_row(page: Any, order_no: str) -> Any:
    return page.locator("#orders tbody tr").filter(has_text=order_no)


def test_an_admin_finds_orders_by_phone_cancels_refunds_and_ships(page: Any, api: Api) -> None:
    token, phone = _buyer(api)
    unpaid = _order(api, token, 1, paid=False)
    to_refund = _order(api, token, 2, paid=True)
    to_ship = _order(api, token, 3, paid=True)
    login_staff(page, "/admin", *ADMIN)
    _find_by_phone(page, "王五")  # not a phone: said in Chinese
    expect(page.locator("#notice")).to_contain_text("请输入完整的手机号")
    _find_by_phone(page, f"+86 {phone[:3]} {phone[3:7]}-{phone[7:]}")  # only the digits count
    expect(page.locator("#orders tbody tr")).to_have_count(3)
    expect(page.locator("#orders-hint")).to_contain_text(f"收货手机号为 +86 {phone[:3]}")
    expect(page.locator("#orders tbody tr").first).to_contain_text(to_ship)  # newest first
    detail = page.locator("#order-detail")

    _order_row(page, unpaid).get_by_role("button", name=unpaid).click()
    expect(detail).to_contain_text("待支付")
    expect(detail).to_contain_text("还没有支付记录")
    detail.get_by_role("button", name="取消订单").click()
    detail.get_by_label("取消订单理由").fill("买家电话要求取消")
    detail.get_by_role("button", name="确认取消订单").click()
    expect(page.locator("#notice")).to_have_text(f"已取消订单：{unpaid}")
    expect(detail.locator("h2 .badge")).to_have_text("已取消")
    expect(_order_row(page, unpaid)).to_contain_text("已取消")

    _order_row(page, to_refund).get_by_role("button", name=to_refund).click()
    expect(detail.locator("h2 .badge")).to_have_text("已支付 · 待发货")
    detail.get_by_role("button", name="退款", exact=True).click()
    detail.get_by_label("退款理由").fill("年画破损，全额退款")
    detail.get_by_role("button", name="确认退款").click()
    expect(page.locator("#notice")).to_contain_text("已退款 ¥")
    expect(detail.locator("h2 .badge")).to_have_text("已退款")
    expect(detail.locator(".order-history")).to_contain_text("退款中 → 已退款（admin：年画破损，全额退款）")

    form = page.locator("#order-search")  # by its number: that order alone, opened
    form.get_by_label("订单号或收货手机号").fill(to_refund)
    form.get_by_role("button", name="查询").click()
    expect(page.locator("#orders tbody tr")).to_have_count(1)
    expect(detail.locator("h2")).to_contain_text(to_refund)

    _find_by_phone(page, phone)
    _order_row(page, to_ship).get_by_role("button", name=to_ship).click()
    expect(detail).to_contain_text(f"王五 {phone}")
    expect(detail).to_contain_text("河北省衡水市武强县武强镇年画街 8 号")
    expect(detail.locator(".order-lines")).to_contain_text("武强木版年画")
    expect(detail.locator(".order-lines")).to_contain_text("× 3")
    expect(detail.locator(".order-payments")).to_contain_text("微信支付")
    expect(detail.locator(".order-payments")).to_contain_text("已支付")
    detail.get_by_label("快递公司").fill("顺丰速运")
    detail.get_by_label("运单号").fill(f"SF{_suffix()}")
    tracking = detail.get_by_label("运单号").input_value()
    detail.get_by_role("button", name="确认发货").click()
    expect(page.locator("#notice")).to_have_text(f"已发货：{to_ship}（顺丰速运 {tracking}）")
    expect(detail.locator("h2 .badge")).to_have_text("已发货")
    expect(detail).to_contain_text(f"顺丰速运 {tracking}")
    expect(detail.locator(".order-history")).to_contain_text("已支付 → 已发货")
    expect(detail.get_by_role("button", name="确认发货")).to_have_count(0)
    expect(_order_row(page, to_ship)).to_contain_text("已发货")

    admin = api.staff_token(*ADMIN)
    statuses = [api.call("GET", f"/api/v1/admin/orders/{no}", admin)["status"] for no in (unpaid, to_refund, to_ship)]
    assert statuses == ["cancelled", "refunded", "shipped"]


def _product(api: Api, admin: str, tag: str, revoke: str | None = None) -> tuple[str, str]:
    """A certified product of a certified supplier (sellable); revoked with `revoke` as the reason if given."""
    supplier = api.call("POST", "/api/v1/admin/suppliers", admin, {
        "name": f"佛冈县竹笋专业合作社{tag}", "type": "合作社", "region_code": "441821", "households_lifted": 8})
    api.call("POST", f"/api/v1/admin/suppliers/{supplier['id']}/certify", admin, {})
    sku, name = f"E2E-DESK-{tag}", f"佛冈石角鲜笋 {tag} 500g"
    api.call("POST", "/api/v1/admin/products", admin, {
        "sku": sku, "name": name, "category": "生鲜蔬菜", "unit": "袋", "price_fen": 1880, "stock": 50,
        "supplier_id": supplier["id"], "origin_code": "441821"})
    api.call("POST", f"/api/v1/admin/products/{sku}/certify", admin, {"cert_no": f"GD-FP-{tag}",
                                                                       "valid_until": "2099-12-31"})
    if revoke:
        api.call("POST", f"/api/v1/admin/products/{sku}/revoke", admin, {"reason": revoke})
    return sku, name


def test_an_admin_reads_the_audit_trail_by_who_action_and_object(page: Any, api: Api) -> None:
    tag = _suffix()
    sku, _ = _product(api, api.staff_token(*ADMIN), tag, revoke="抽检农残超标")
    login_staff(page, "/admin", *ADMIN)
    _open_tab(page, "审计")
    form = page.locator("#audit-form")
    form.get_by_label("开始日期").fill("2026-03-02")
    form.get_by_label("结束日期").fill("2026-03-01")
    form.get_by_role("button", name="查询").click()
    expect(page.locator("#notice")).to_have_text("日期范围不正确")
    form.get_by_label("操作人").fill("admin")
    form.locator("select[name=entity_type]").select_option(label="商品")
    form.get_by_label("对象编号").fill(sku)
    today = page.evaluate("Aixin.shanghaiToday()")
    form.get_by_label("开始日期").fill(today)
    form.get_by_label("结束日期").fill(today)
    form.get_by_role("button", name="查询").click()
    rows = page.locator("#audit tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("撤销认定 / 驳回商品")
    expect(rows.nth(0)).to_contain_text("认定状态：已认定 → 已撤销")
    expect(rows.nth(0)).to_contain_text("撤销理由：（空） → 抽检农残超标")
    expect(rows.nth(0)).to_contain_text(f"商品 {sku}")
    expect(rows.nth(1)).to_contain_text("认定商品")
    expect(rows.nth(1)).to_contain_text(f"认定证书：（空） → GD-FP-{tag}")
    expect(rows.nth(2)).to_contain_text("新建商品")
    expect(page.locator("#audit-pager")).to_contain_text("共 3 条")

    form.locator("select[name=action]").select_option(label="认定商品")
    form.get_by_role("button", name="查询").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("product.certify")
    form.get_by_label("操作人").fill(f"nobody-{tag}")
    form.get_by_role("button", name="查询").click()
    expect(page.locator("#audit-empty")).to_be_visible()
    form.get_by_label("操作人").fill("admin")
    form.locator("select[name=action]").select_option(label="全部操作")  # the screenshot: the product's trail
    form.get_by_label("开始日期").fill(today)
    form.get_by_label("结束日期").fill(today)
    form.get_by_role("button", name="查询").click()
    expect(rows).to_have_count(3)


def test_an_admin_recertifies_a_revoked_product_and_it_is_sold_again(page: Any, api: Api) -> None:
    tag = _suffix()
    admin = api.staff_token(*ADMIN)
    sku, name = _product(api, admin, tag, revoke="证书过期待复审")
    login_staff(page, "/admin", *ADMIN)
    _open_tab(page, "认定审核")
    search = page.locator("#certified-search")
    search.get_by_label("商品名称").fill(f"鲜笋 {tag}")
    search.get_by_label("认定状态").select_option(label="已撤销 / 已驳回")
    row = page.locator("#certified-products tbody tr").filter(has_text=sku)
    expect(row).to_contain_text("已撤销")
    expect(row).to_contain_text("理由：证书过期待复审")
    expect(page.locator("#certified-hint")).to_contain_text("已撤销认定")
    expect(row.get_by_label("认定证书编号")).to_have_value(f"GD-FP-{tag}")
    until = row.get_by_label("重新认定有效期至").input_value()  # a year from today by default
    row.get_by_role("button", name="重新认定").click()
    expect(page.locator("#notice")).to_have_text(f"已重新认定：{name}（有效期至 {until}）")
    expect(row).to_have_count(0)  # no longer revoked

    search.get_by_label("认定状态").select_option(label="已认定")
    row = page.locator("#certified-products tbody tr").filter(has_text=sku)
    expect(row).to_contain_text("在售")
    expect(row).to_contain_text(f"有效期至 {until}")
    product = api.call("GET", f"/api/v1/admin/products/{sku}", admin)
    assert (product["cert_status"], product["valid_until"], product["sellable"]) == ("certified", until, True)
    trail = api.call("GET", f"/api/v1/admin/audit?entity_id={sku}&action=product.recertify", admin)
    assert [e["actor"] for e in trail["items"]] == ["admin"]
    deadline = time.monotonic() + 10  # the search index follows within SEARCH_REFRESH_SECONDS
    query = f"/api/v1/products?page_size=20&q={quote(name)}"
    while sku not in [p["sku"] for p in api.call("GET", query)["items"]]:
        assert time.monotonic() < deadline, "the search does not offer the re-certified product"
        time.sleep(0.3)


def _fits(page: Any) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def test_the_order_audit_and_recertify_screens_fit_a_phone(page: Any, api: Api) -> None:
    token, phone = _buyer(api)
    order_no = _order(api, token, 1, paid=True)
    tag = _suffix()
    sku, _ = _product(api, api.staff_token(*ADMIN), tag, revoke="复审中")
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
    login_staff(page, "/admin", *ADMIN)
    _open_tab(page, "审计")
    page.locator("#audit-form").get_by_label("对象编号").fill(sku)
    page.locator("#audit-form").get_by_role("button", name="查询").click()
    expect(page.locator("#audit tbody tr")).to_have_count(3)
    _fits(page)

    _open_tab(page, "认定审核")
    search = page.locator("#certified-search")
    search.get_by_label("商品名称").fill(sku)
    search.get_by_label("认定状态").select_option(label="已撤销 / 已驳回")
    expect(page.locator("#certified-products tbody tr").filter(has_text=sku)).to_have_count(1)
    _fits(page)

    _find_by_phone(page, phone)
    _order_row(page, order_no).get_by_role("button", name=order_no).click()
    detail = page.locator("#order-detail")
    expect(detail.get_by_role("button", name="确认发货")).to_be_visible()
    detail.get_by_role("button", name="退款", exact=True).click()
    expect(detail.get_by_label("退款理由")).to_be_visible()
    _fits(page)
    detail.scroll_into_view_if_needed()
