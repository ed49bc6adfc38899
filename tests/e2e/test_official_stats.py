"""The officials' page, 本地区台账 and 供应商账号 (issue 18 follow-ups): on a 390 px phone a county official of 佛冈县
reads their county's account (the total the administrator's national figures give 佛冈县, only 佛冈's rows, no
认购额), downloads it as CSV, and opens an account for a supplier of their county."""
from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN, SCREENSHOTS, Api, login_staff
from tests.support.cli import run_cli
from tests.support.pages import yuan

PHONE = {"width": 390, "height": 844}
PASSWORD = "official-e2e-pass"
FOGANG_SKU = "GD-FG-0001"  # 广生源鸡蛋, 佛冈县 (demo catalogue)


def _paid_fogang_order(api: Api) -> None:
    token = api.consumer_token(f"fogang-buyer-{uuid.uuid4().hex[:6]}")
    address = api.call("POST", "/api/v1/me/addresses", token, {
        "name": "李四", "phone": "13800138001", "province": "广东省", "city": "清远市", "county": "佛冈县",
        "detail": "石角镇 1 号", "is_default": True})
    order = api.call("POST", "/api/v1/orders", token, {"items": [{"sku": FOGANG_SKU, "qty": 2}],
                                                       "address_id": address["id"]})
    api.call("POST", f"/api/v1/orders/{order['order_no']}/pay", token, {"method": "wechat"})
    deadline = time.monotonic() + 15
    while api.call("GET", f"/api/v1/orders/{order['order_no']}", token)["status"] != "paid":
        assert time.monotonic() < deadline
        time.sleep(0.2)


def _county_official(database_url: str) -> str:
    username = f"fg-stats-{uuid.uuid4().hex[:6]}"
    done = run_cli("create-user", "--role", "official", "--level", "county", "--region", "441821",
                   "--username", username, "--password", PASSWORD, database_url=database_url)
    assert done.returncode == 0, done.stderr
    return username


def _fogang_national_row(api: Api) -> dict:
    """佛冈县's row of the administrator's national account by county, over the page's default range."""
    today = (datetime.now(UTC) + timedelta(hours=8)).date()
    first = (today - timedelta(days=29)).isoformat()
    query = urlencode({"group_by": "county", "from": first, "to": today.isoformat()})
    national = api.call("GET", f"/api/v1/admin/stats?{query}", api.staff_token(*ADMIN))
    return next(r for r in national["rows"] if r["key"] == "佛冈县")


def _phone(browser: Any, server: Any) -> Any:
    context = browser.new_context(base_url=server.url, viewport=PHONE, locale="zh-CN", timezone_id="Asia/Shanghai",
                                  is_mobile=True, has_touch=True, accept_downloads=True)
    context.set_default_timeout(15_000)
    return context


def test_a_county_official_reads_their_countys_account_on_a_phone(browser: Any, server: Any, api: Api,
                                                                   e2e_database_url: str, tmp_path: Path) -> None:
    _paid_fogang_order(api)
    official = _county_official(e2e_database_url)
    fogang = _fogang_national_row(api)
    assert fogang["amount_fen"] > 0
    context = _phone(browser, server)
    page = context.new_page()
    try:
        login_staff(page, "/official", official, PASSWORD)
        page.get_by_role("tab", name="本地区台账").click()
        expect(page.locator("#stats-table tbody tr.total")).to_contain_text("合计")
        amount = page.locator("#stats-total .figure", has_text="消费扶贫金额").locator("strong")
        assert yuan(amount.inner_text()) == fogang["amount_fen"]
        total = page.locator("#stats-total")
        expect(total).to_contain_text(f"{fogang['orders']} 笔")
        expect(total).not_to_contain_text("认购额")  # card money is spent anywhere: not a county's
        rows = page.locator("#stats-table tbody tr:not(.total) td:first-child")
        expect(rows).to_have_text(["佛冈县"])
        expect(page.locator("#stats-chart")).to_be_visible()
        page.wait_for_function("document.getElementById('stats-chart').naturalWidth > 0")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        with page.expect_download() as download:
            page.get_by_role("button", name="下载 CSV").click()
        assert download.value.suggested_filename.endswith("-441821.csv")
        saved = tmp_path / "fogang.csv"
        download.value.save_as(saved)
        text = saved.read_text(encoding="utf-8-sig")
        assert "佛冈县" in text
        assert "阳山县" not in text
        assert "武强县" not in text
        page.get_by_label("分组").select_option("supplier")
        expect(page.locator("#stats-table-title")).to_have_text("按供应商")
        expect(page.locator("#stats-table tbody")).to_contain_text("广生源")
        expect(page.locator("#stats-table tbody")).not_to_contain_text("武强县")
        page.get_by_label("分组").select_option("county")
        expect(page.locator("#stats-table-title")).to_have_text("按县区")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "official-stats-phone.png"), full_page=True)
    finally:
        context.close()


def test_a_county_official_opens_an_account_for_a_supplier_of_their_county(browser: Any, server: Any, api: Api,
                                                                          e2e_database_url: str) -> None:
    official = _county_official(e2e_database_url)
    staff = f"fg-egg-staff-{uuid.uuid4().hex[:6]}"
    context = _phone(browser, server)
    page = context.new_page()
    try:
        login_staff(page, "/official", official, PASSWORD)
        page.get_by_role("tab", name="供应商账号").click()
        suppliers = page.locator("#staff-supplier option")
        expect(suppliers.first).to_be_attached()
        names = suppliers.all_inner_texts()
        assert any("广生源" in n for n in names), names
        assert not any("武强县" in n for n in names), names
        form = page.locator("#staff-form")
        form.get_by_label("供应商").select_option(label=next(n for n in names if "广生源" in n))
        form.get_by_label("登录名").fill(staff)
        form.get_by_label("初始口令（至少 8 位）").fill("egg-staff-pass-1")
        page.get_by_role("button", name="创建账号").click()
        expect(page.locator("#staff-done")).to_contain_text(staff)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()
    me = api.call("GET", "/api/v1/me", api.staff_token(staff, "egg-staff-pass-1"))
    assert me["role"] == "supplier_staff"
