"""The administrator's page on a phone and after a mistyped password (issue 16): the statistics tab fits 390 px,
"仅贫困县" stays beside its checkbox, and a failed login's error goes away once the login succeeds."""
from __future__ import annotations

import time
import uuid
from typing import Any

from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN, Api

PHONE_WIDTH = 390


def test_a_failed_logins_error_goes_away_after_a_successful_login(page: Any) -> None:
    page.goto("/admin")
    page.get_by_label("用户名").fill(ADMIN[0])
    page.get_by_label("密码").fill("not-the-password")
    page.get_by_role("button", name="登录").click()
    notice = page.locator("#notice")
    expect(notice).to_be_visible()
    expect(notice).to_have_class("notice error")
    page.get_by_label("密码").fill(ADMIN[1])
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("tab", name="统计")).to_be_visible()
    expect(notice).to_be_hidden()


def _a_paid_order(api: Api) -> None:
    """Something to count: a consumer orders and pays through the WeChat Pay sandbox."""
    token = api.consumer_token(f"phone-stats-{uuid.uuid4().hex[:6]}")
    address = api.call("POST", "/api/v1/me/addresses", token, {
        "name": "张三", "phone": "13800138000", "province": "河北省", "city": "衡水市", "county": "武强县",
        "detail": "武强镇年画街 8 号", "is_default": True})
    order = api.call("POST", "/api/v1/orders", token, {"items": [{"sku": "HE-WQ-0001", "qty": 1}],
                                                       "address_id": address["id"]})
    api.call("POST", f"/api/v1/orders/{order['order_no']}/pay", token, {"method": "wechat"})
    deadline = time.monotonic() + 15
    while api.call("GET", f"/api/v1/orders/{order['order_no']}", token)["status"] != "paid":
        assert time.monotonic() < deadline
        time.sleep(0.2)


def test_the_statistics_tab_fits_a_phone_and_the_poverty_checkbox_keeps_its_words(page: Any, api: Api) -> None:
    _a_paid_order(api)
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
    page.goto("/admin")
    page.get_by_label("用户名").fill(ADMIN[0])
    page.get_by_label("密码").fill(ADMIN[1])
    page.get_by_role("button", name="登录").click()
    page.get_by_role("tab", name="统计").click()
    expect(page.locator("#stats-table tbody tr.total")).to_contain_text("合计")
    expect(page.locator("#stats-chart")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    # the checkbox and the words beside it are on one line: their vertical middles agree
    middles = page.locator("#stats-form label.check").evaluate("""label => {
        const box = label.querySelector('input').getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(label);
        range.setStartAfter(label.querySelector('input'));
        const words = range.getClientRects();
        return [box.top + box.height / 2, ...Array.from(words, (r) => r.top + r.height / 2)];
    }""")
    assert middles, middles
    assert all(abs(m - middles[0]) < 6 for m in middles[1:]), middles


def test_an_import_with_a_former_county_name_says_which_rows_were_mapped(page: Any, tmp_path: Any) -> None:
    sku = f"E2E-FORMER-{uuid.uuid4().hex[:6].upper()}"
    header = ("sku,name,brand,category,unit,price,stock,supplier,supplier_type,origin_province,origin_city,"
              "origin_county,cert_no,cert_valid_until,poor_households,tags,aliases")
    row = f"{sku},林芝松茸 100g,,山珍干货,袋,88.00,5,米林县松茸合作社,合作社,西藏自治区,林芝市,米林县,,,12,,"
    path = tmp_path / "former.csv"
    path.write_bytes(f"{header}\n{row}\n".encode("gbk"))  # as Excel in China saves it
    page.goto("/admin")
    page.get_by_label("用户名").fill(ADMIN[0])
    page.get_by_label("密码").fill(ADMIN[1])
    page.get_by_role("button", name="登录").click()
    page.get_by_role("tab", name="目录导入").click()
    page.get_by_label("目录文件（CSV）").set_input_files(str(path))
    page.locator("#import-form").get_by_role("button", name="导入").click()
    expect(page.locator("#import-result")).to_contain_text("导入成功")
    expect(page.locator("#import-former li")).to_have_text([f"第 2 行 {sku}：米林县 → 米林市（540481）"])
